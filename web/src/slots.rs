//! Long lists that stay fast: one change notifier per row, fired only when that row's data
//! changed.
//!
//! A list whose rows each read one shared memo re-runs every row on every change, and
//! reactive_graph removes a re-run reader from the memo's subscribers by a linear scan: a
//! keystroke then costs O(rows²). Measured with `node tests/bench/app-keystroke.mjs` on a
//! BACKUP of 500 objects: 160 ms p50 per keystroke with rows reading the builder's memo (see
//! docs/PERFORMANCE.md for the figures after). With [`Slots`], one effect compares the new
//! rows with the old ones and notifies only the rows that differ; each row subscribes to its
//! own notifier. The notifiers are untyped triggers, so each list type adds little code.

use leptos::prelude::*;

/// The rows of a list computed by `source`, each with its own change notifier, and the count.
pub struct Slots<T: Send + Sync + 'static> {
    rows: StoredValue<Vec<T>>,
    triggers: StoredValue<Vec<ArcTrigger>>,
    count: RwSignal<usize>,
}

impl<T: Send + Sync + 'static> Clone for Slots<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Slots<T> {}

/// One row of [`Slots`].
pub struct Slot<T: Send + Sync + 'static> {
    slots: Slots<T>,
    index: usize,
}

impl<T: Send + Sync + 'static> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Slot<T> {}

impl<T: PartialEq + Send + Sync + 'static> Slots<T> {
    /// Slots that follow `source` (an effect re-runs it when what it reads changes).
    pub fn new(source: impl Fn() -> Vec<T> + Send + Sync + 'static) -> Self {
        let slots = Slots {
            rows: StoredValue::new(Vec::new()),
            triggers: StoredValue::new(Vec::new()),
            count: RwSignal::new(0),
        };
        Effect::new(move |_| slots.sync(source()));
        slots
    }

    /// Stores the new rows and notifies the rows that changed, then the count.
    fn sync(self, new: Vec<T>) {
        let len = new.len();
        let mut changed = Vec::new();
        self.rows.update_value(|rows| {
            rows.truncate(len);
            for (i, row) in new.into_iter().enumerate() {
                match rows.get_mut(i) {
                    Some(old) if *old != row => {
                        *old = row;
                        changed.push(i);
                    }
                    Some(_) => {}
                    None => rows.push(row),
                }
            }
        });
        self.triggers.update_value(|t| t.resize_with(len, ArcTrigger::new));
        self.triggers.with_value(|t| changed.iter().for_each(|&i| t[i].notify()));
        if self.count.get_untracked() != len {
            self.count.set(len);
        }
    }

    /// How many rows there are (reactive).
    pub fn count(self) -> usize {
        self.count.get()
    }

    /// Row `index` (which exists for every index below [`Slots::count`]).
    pub fn slot(self, index: usize) -> Slot<T> {
        Slot { slots: self, index }
    }
}

impl<T: Send + Sync + 'static> Slot<T> {
    /// Reads the row, subscribing to its changes; `None` once the row is gone.
    pub fn with<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.slots.triggers.with_value(|t| t.get(self.index).map(|t| t.track()));
        self.slots.rows.with_value(|rows| rows.get(self.index).map(f))
    }
}
