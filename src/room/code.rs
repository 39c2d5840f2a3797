//! The join code: short enough to type on a phone, drawn from letters and
//! digits that cannot be mistaken for one another.

use rand::Rng;

/// No 0/O, 1/I/L or 5/S: codes are read off a projector.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRTUVWXYZ2346789";
/// The length of a random code.
const LENGTH: usize = 5;

/// A fresh random code.
pub fn random() -> String {
    let mut rng = rand::rng();
    (0..LENGTH)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// A code as compared: upper case, 4 to 6 letters or digits; `None` if it
/// is not one.
pub fn normalise(code: &str) -> Option<String> {
    let ok = (4..=6).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then(|| code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_plain_and_case_blind() {
        let code = random();
        assert_eq!(normalise(&code), Some(code.clone()));
        assert_eq!(normalise("ab12"), Some("AB12".to_string()));
        assert_eq!(normalise("abc"), None);
        assert_eq!(normalise("abcdefg"), None);
        assert_eq!(normalise("ab-12"), None);
    }
}
