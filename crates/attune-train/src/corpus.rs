//! Reading the labelled corpus and splitting it.

use attune_core::classify::{Code, is_held_out};

/// One labelled utterance.
pub struct Example {
    pub code: Code,
    pub text: String,
}

/// `code<TAB>text` lines; blank lines and `#` comments are skipped.
pub fn parse(text: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, utterance) = line
            .split_once('\t')
            .ok_or_else(|| format!("corpus line {}: no tab between code and text", n + 1))?;
        let code = Code::parse(code)
            .ok_or_else(|| format!("corpus line {}: unknown code {code:?}", n + 1))?;
        out.push(Example {
            code,
            text: utterance.trim().to_string(),
        });
    }
    Ok(out)
}

/// The training lines and the held-out lines, in corpus order.
pub fn split(corpus: &[Example]) -> (Vec<&Example>, Vec<&Example>) {
    corpus.iter().partition(|e| !is_held_out(&e.text))
}
