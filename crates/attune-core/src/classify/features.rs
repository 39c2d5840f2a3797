//! What the model sees of an utterance: hashed word and character n-grams
//! plus a few shape marks. Training and inference share this one function,
//! so a model always reads text the way it was trained to.

/// Bumped whenever the features change; a model trained on other features
/// is refused at load.
pub const FEATURES_VERSION: u32 = 1;

/// Chat shorthand and spellings, mapped to the words a longer reply would
/// use, so "r u ok" and "are you okay" share their features.
const SHORTHAND: &[(&str, &str)] = &[
    ("u", "you"),
    ("ya", "you"),
    ("yu", "you"),
    ("ur", "your"),
    ("youre", "you are"),
    ("r", "are"),
    ("cuz", "because"),
    ("cos", "because"),
    ("coz", "because"),
    ("bc", "because"),
    ("b/c", "because"),
    ("wanna", "want to"),
    ("gonna", "going to"),
    ("gotta", "got to"),
    ("idk", "i dont know"),
    ("dunno", "dont know"),
    ("tbh", "to be honest"),
    ("imo", "in my opinion"),
    ("imho", "in my opinion"),
    ("pls", "please"),
    ("plz", "please"),
    ("rn", "right now"),
    ("ppl", "people"),
    ("abt", "about"),
    ("wat", "what"),
    ("wut", "what"),
    ("whats", "what is"),
    ("hows", "how is"),
    ("thats", "that is"),
    ("ok", "okay"),
    ("k", "okay"),
    ("kk", "okay"),
    ("okey", "okay"),
    ("yeah", "yes"),
    ("yea", "yes"),
    ("yep", "yes"),
    ("yup", "yes"),
    ("nope", "no"),
    ("nah", "no"),
    ("bcoz", "because"),
    ("becuz", "because"),
    ("b4", "before"),
    ("2day", "today"),
    ("tmrw", "tomorrow"),
    ("tmr", "tomorrow"),
    ("prob", "probably"),
    ("probs", "probably"),
    ("def", "definitely"),
    ("thx", "thanks"),
    ("ty", "thanks"),
    ("im", "i am"),
    ("ive", "i have"),
    ("id", "i would"),
    ("ill", "i will"),
    ("theyre", "they are"),
    ("mum", "mom"),
    ("mam", "mom"),
    ("colour", "color"),
    ("realise", "realize"),
    ("realised", "realized"),
    ("apologise", "apologize"),
    ("behaviour", "behavior"),
];

/// Lower case, straight apostrophes dropped inside words, shorthand
/// spelled out: the word tokens of an utterance.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        match SHORTHAND.iter().find(|(short, _)| short == word) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
            None => out.push(std::mem::take(word)),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            // "don't" and "dont" are one word in chat.
        } else if c == '/' && word == "b" {
            word.push('/');
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// FNV-1a over a kind tag and the text, folded to 32 bits. Stable on every
/// platform, so the shipped weights mean the same everywhere.
fn hash(kind: u8, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(kind);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            eat(b' ');
        }
        for b in part.bytes() {
            eat(b);
        }
    }
    // Truncation is the fold.
    #[allow(clippy::cast_possible_truncation)]
    let folded = (h ^ (h >> 32)) as u32;
    folded
}

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().take_while(|e| n > **e).count()
}

/// The hashed features of an utterance, sorted and without repeats. Every
/// present feature has the same value; the model normalises the count.
pub fn features(text: &str) -> Vec<u32> {
    let words = words(text);
    let mut out = Vec::with_capacity(words.len() * 12 + 8);
    let trimmed = text.trim_end();
    // Shape marks.
    if trimmed.contains('?') {
        out.push(hash(b'#', &["q"]));
    }
    if trimmed.ends_with('?') {
        out.push(hash(b'#', &["qend"]));
    }
    let sentences = trimmed
        .split(['.', '?', '!'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count();
    let len = bucket(words.len(), &[1, 3, 6, 10, 16, 25, 40]);
    out.push(hash(b'L', &[&len.to_string()]));
    out.push(hash(b'S', &[&bucket(sentences, &[1, 2, 3]).to_string()]));
    let yous = words
        .iter()
        .filter(|w| matches!(w.as_str(), "you" | "your" | "yourself"))
        .count();
    out.push(hash(b'Y', &[&bucket(yous, &[0, 1, 3]).to_string()]));
    // Word n-grams, with start and end marks.
    let mut padded: Vec<&str> = Vec::with_capacity(words.len() + 2);
    padded.push("<s>");
    padded.extend(words.iter().map(String::as_str));
    padded.push("</s>");
    for w in &words {
        out.push(hash(b'1', &[w]));
    }
    for pair in padded.windows(2) {
        out.push(hash(b'2', pair));
    }
    for triple in padded.windows(3) {
        out.push(hash(b'3', triple));
    }
    // The opening words say most about a question or an instruction.
    if let Some(first) = words.first() {
        out.push(hash(b'F', &[first]));
    }
    // Character n-grams over the spelled-out words, across word breaks.
    let joined: Vec<char> = format!(" {} ", words.join(" ")).chars().collect();
    for n in 3..=4 {
        for gram in joined.windows(n) {
            let s: String = gram.iter().collect();
            out.push(hash(b'c', &[&s]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_and_apostrophes_read_as_full_words() {
        assert_eq!(words("R u OK?"), ["are", "you", "okay"]);
        assert_eq!(
            words("I don’t know, tbh"),
            ["i", "dont", "know", "to", "be", "honest"]
        );
        assert_eq!(words("idk b/c"), ["i", "dont", "know", "because"]);
    }

    #[test]
    fn the_same_text_gives_the_same_sorted_features() {
        let a = features("What's been hardest about it?");
        let b = features("What's been hardest about it?");
        assert_eq!(a, b);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(features("").len() < 6, "empty text has only shape marks");
    }

    #[test]
    fn a_question_mark_is_a_feature() {
        let plain = features("you feel stuck");
        let asked = features("you feel stuck?");
        assert!(asked.len() > plain.len());
    }
}
