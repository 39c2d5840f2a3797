//! Plain words for RON syntax errors.
//!
//! ron reports what its parser expected ("Expected identifier", "Expected
//! opening `(` for struct `Choice`"), which names Rust types and says
//! nothing of the slip that caused it. An author's slips are few and
//! recognisable from the text around the error: a lost `)` or `]`, a `"`
//! inside a text, quotes a word processor made curly. This module looks at
//! that text and, when it recognises the slip, says it and how to fix it.

/// A recognised slip: what went wrong, in the author's terms, and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub message: String,
    pub hint: String,
}

/// Curly double quotes and their look-alikes, which RON does not accept
/// around a string.
const CURLY_QUOTES: &[char] = &[
    '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{2033}', '\u{2018}', '\u{2019}',
];

/// Explains the syntax error ron reported at `line`:`col` (1-based, columns
/// in characters) of `text`, if the slip behind it is recognised. `expected`
/// is the struct ron was reading when it failed, if it says.
pub fn explain(text: &str, error: &ron::Error, line: usize, col: usize) -> Option<Slip> {
    use ron::Error as E;
    let src_line = text.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = src_line.chars().collect();
    // ron may place the error on the whitespace before the culprit.
    let at = col
        .checked_sub(1)
        .and_then(|i| chars.get(i..))
        .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
        .copied();
    let before = col.checked_sub(2).and_then(|i| chars.get(i)).copied();

    if let Some(q) = at.filter(|c| CURLY_QUOTES.contains(c)) {
        return Some(curly_quote(q));
    }
    match error {
        E::ExpectedComma | E::ExpectedStructLikeEnd | E::ExpectedArrayEnd
            if before == Some('"') && at.is_some_and(starts_a_word) =>
        {
            Some(Slip {
                message: "a `\"` inside this text ends the text early".into(),
                hint: "write `\\\"` for a quote mark inside a text, e.g. \
                       `text: \"She said \\\"fine\\\".\"`, or use single quotes \
                       ('fine') or curly ones (“fine”) inside it"
                    .into(),
            })
        }
        E::ExpectedIdentifier if at == Some('(') => Some(Slip {
            message: "a new `(` starts where a field name was expected: \
                      the `)` that closes the item above is probably missing"
                .into(),
            hint: "end the option, line or node above with `),` before this `(`".into(),
        }),
        E::ExpectedNamedStructLike(name)
        | E::ExpectedDifferentStructName { expected: name, .. }
            if at.is_some_and(|c| c == ')' || c.is_alphabetic()) =>
        {
            let list = list_of(name);
            Some(Slip {
                message: format!(
                    "another item of the {list} list was expected here: \
                     the `]` that closes the list is probably missing"
                ),
                hint: format!("end the {list} list with `],` after its last item"),
            })
        }
        _ => None,
    }
}

fn curly_quote(q: char) -> Slip {
    Slip {
        message: format!("the curly quote {q} cannot start or end a text"),
        hint: "put straight quotes \" around every text (word processors and some \
               editors turn them curly when you paste); curly quotes inside a text are fine"
            .into(),
    }
}

/// Text that cannot follow a string's closing quote, so a `"` before it was
/// meant to be inside the text.
fn starts_a_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '?' | '!' | '.' | '…' | '-' | '’')
}

/// The list a struct is an item of, in the file's own words.
fn list_of(name: &str) -> &'static str {
    match name {
        "Choice" => "`options`",
        "Line" => "`lines`",
        "Node" => "`nodes`",
        "Layer" => "`layers`",
        "Route" => "`routes`",
        "Allow" => "`allow`",
        _ => "enclosing",
    }
}
