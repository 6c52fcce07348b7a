//! Undo and redo over the texts the app has held, builder edits and typing alike.
//!
//! Typing is coalesced: consecutive keystrokes in one place (the editor, or one builder
//! field) make one step until something else happens (another field, an example, a fix) or
//! the editor's caret jumps elsewhere, as editors do.

/// How many steps are kept.
const LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    text: String,
    cursor: usize,
    group: Option<String>,
}

/// The history of texts with a position in it.
#[derive(Debug, Clone)]
pub struct History {
    entries: Vec<Entry>,
    at: usize,
}

impl History {
    /// An empty history (the first record becomes its start).
    pub fn new() -> Self {
        History { entries: Vec::new(), at: 0 }
    }

    /// A history that starts at `text`.
    pub fn starting_at(text: &str, cursor: usize) -> Self {
        History { entries: vec![Entry { text: text.to_string(), cursor, group: None }], at: 0 }
    }

    /// Records a new text. A step of a `group` (`editor`, or a builder field's name) directly
    /// after a step of the same group replaces it instead of adding one; in the editor, only
    /// while the caret moves by no more than the size of the change.
    pub fn record(&mut self, text: &str, cursor: usize, group: Option<&str>) {
        if self.entries.is_empty() {
            self.entries.push(Entry { text: String::new(), cursor: 0, group: None });
        }
        let current = &self.entries[self.at];
        if current.text == text {
            return;
        }
        let coalesce = group.is_some()
            && current.group.as_deref() == group
            && self.at > 0
            && self.at + 1 == self.entries.len()
            && (group != Some("editor")
                || cursor.abs_diff(current.cursor) <= text.len().abs_diff(current.text.len()).max(1));
        self.entries.truncate(self.at + 1);
        let entry = Entry { text: text.to_string(), cursor, group: group.map(str::to_string) };
        if coalesce {
            self.entries[self.at] = entry;
        } else {
            self.entries.push(entry);
            if self.entries.len() > LIMIT {
                self.entries.remove(0);
            }
            self.at = self.entries.len() - 1;
        }
    }

    /// The previous text and its caret, if any.
    pub fn undo(&mut self) -> Option<(String, usize)> {
        if !self.can_undo() {
            return None;
        }
        self.at -= 1;
        // The step just undone is closed: typing again starts a new step.
        let e = &mut self.entries[self.at];
        e.group = None;
        Some((e.text.clone(), e.cursor))
    }

    /// The next text and its caret, if any.
    pub fn redo(&mut self) -> Option<(String, usize)> {
        if !self.can_redo() {
            return None;
        }
        self.at += 1;
        let e = &mut self.entries[self.at];
        e.group = None;
        Some((e.text.clone(), e.cursor))
    }

    /// True when a step can be undone.
    pub fn can_undo(&self) -> bool {
        self.at > 0
    }

    /// True when a step can be redone.
    pub fn can_redo(&self) -> bool {
        self.at + 1 < self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_is_one_step_and_a_builder_edit_another() {
        let mut h = History::starting_at("", 0);
        for (i, t) in ["B", "BA", "BAC"].iter().enumerate() {
            h.record(t, i + 1, Some("editor"));
        }
        h.record("BACKUP x", 8, None);
        assert_eq!(h.undo(), Some(("BAC".into(), 3)));
        assert_eq!(h.undo(), Some(("".into(), 0)));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(("BAC".into(), 3)));
        assert_eq!(h.redo(), Some(("BACKUP x".into(), 8)));
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_step_after_undo_drops_the_redo_branch() {
        let mut h = History::starting_at("a", 1);
        h.record("ab", 2, None);
        h.undo();
        h.record("ac", 2, Some("editor"));
        assert!(!h.can_redo());
        assert_eq!(h.undo(), Some(("a".into(), 1)));
    }

    #[test]
    fn a_caret_jump_starts_a_new_typing_step() {
        let mut h = History::starting_at("", 0);
        h.record("abc", 3, Some("editor"));
        h.record("xabc", 1, Some("editor"));
        assert_eq!(h.undo(), Some(("abc".into(), 3)));
    }

    #[test]
    fn keystrokes_in_one_builder_field_are_one_step() {
        let mut h = History::starting_at("x", 0);
        h.record("xa", 0, Some("snapshot"));
        h.record("xab", 0, Some("snapshot"));
        h.record("xabc", 0, Some("repository"));
        assert_eq!(h.undo(), Some(("xab".into(), 0)));
        assert_eq!(h.undo(), Some(("x".into(), 0)));
    }
}
