//! Small wording helpers shared by the validator, the CLI and the reports.

/// "1 decision", "3 decisions", "2 branches", "4 replies". Regular
/// English plurals only: the nouns are the program's own, never a user's.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", plural(noun))
    }
}

/// The regular plural of one of the program's nouns.
fn plural(noun: &str) -> String {
    let ends = |s: &str| noun.ends_with(s);
    if ends("s") || ends("x") || ends("ch") || ends("sh") {
        format!("{noun}es")
    } else if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn plurals_follow_the_regular_spelling_rules() {
        assert_eq!(count(1, "branch"), "1 branch");
        assert_eq!(count(3, "branch"), "3 branches");
        assert_eq!(count(0, "decision"), "0 decisions");
        assert_eq!(count(2, "reply"), "2 replies");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(2, "box"), "2 boxes");
    }
}
