//! Small wording helpers shared by the validator, the CLI and the reports.

/// "1 decision", "3 decisions". Regular English plurals only.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
