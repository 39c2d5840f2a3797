//! The app's own notices (the store keeps its own): one per problem. A
//! notice about an ongoing problem has a key, so a newer notice about it
//! replaces the old one and it can be cleared once the problem is gone;
//! an unkeyed notice is never shown twice.

/// The messages to show, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    items: Vec<(Option<String>, String)>,
}

impl Notices {
    /// Adds a message unless the same one is already showing.
    pub fn push(&mut self, message: String) {
        if !self.items.iter().any(|(_, m)| *m == message) {
            self.items.push((None, message));
        }
    }

    /// Shows `message` as the one notice about `key`, replacing any
    /// earlier one in its place.
    pub fn set(&mut self, key: &str, message: String) {
        match self
            .items
            .iter_mut()
            .find(|(k, _)| k.as_deref() == Some(key))
        {
            Some(item) => item.1 = message,
            None => {
                self.items.retain(|(_, m)| *m != message);
                self.items.push((Some(key.to_owned()), message));
            }
        }
    }

    /// Removes the notice about `key`: its problem is gone.
    pub fn clear_key(&mut self, key: &str) {
        self.items.retain(|(k, _)| k.as_deref() != Some(key));
    }

    /// Every message, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.items.iter().map(|(_, m)| m)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Forgets every notice once the learner has dismissed them.
    pub fn clear(&mut self) {
        self.items.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Notices;

    #[test]
    fn a_keyed_notice_is_replaced_then_cleared_and_plain_ones_are_not_repeated() {
        let mut n = Notices::default();
        n.push("saved".into());
        n.push("saved".into());
        for _ in 0..10 {
            n.set("reload:a.ron", "a.ron has errors".into());
        }
        n.set("reload:a.ron", "a.ron cannot be followed".into());
        assert_eq!(
            n.iter().collect::<Vec<_>>(),
            ["saved", "a.ron cannot be followed"]
        );
        n.clear_key("reload:a.ron");
        assert_eq!(n.iter().collect::<Vec<_>>(), ["saved"]);
    }
}
