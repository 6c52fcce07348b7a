//! Long lists that stay fast: one signal per row, written only when that row's data changed.
//!
//! A list whose rows each read one shared memo re-runs every row on every change, and
//! reactive_graph removes a re-run reader from the memo's subscribers by a linear scan: a
//! keystroke then costs O(rows²). Measured with `node tests/bench/app-keystroke.mjs` on a
//! BACKUP of 500 objects: 160 ms p50 per keystroke with rows reading the builder's memo, see
//! docs/PERFORMANCE.md for the figures after. With [`Slots`], one effect compares the new rows
//! with the old ones and sets only the signals of the rows that differ; each row subscribes to
//! its own signal only.

use leptos::prelude::*;

/// One signal per row of a list computed by `source`, and the row count.
pub struct Slots<T: Send + Sync + 'static> {
    rows: StoredValue<Vec<ArcRwSignal<T>>>,
    count: RwSignal<usize>,
}

impl<T: Send + Sync + 'static> Clone for Slots<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Slots<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Slots<T> {
    /// Slots that follow `source` (an effect re-runs it when what it reads changes).
    pub fn new(source: impl Fn() -> Vec<T> + Send + Sync + 'static) -> Self {
        let slots = Slots { rows: StoredValue::new(Vec::new()), count: RwSignal::new(0) };
        Effect::new(move |_| slots.sync(source()));
        slots
    }

    /// Writes the rows whose data changed, then the count.
    fn sync(self, new: Vec<T>) {
        let len = new.len();
        let mut changed = Vec::new();
        self.rows.update_value(|rows| {
            rows.truncate(len);
            for (i, row) in new.into_iter().enumerate() {
                match rows.get(i) {
                    Some(slot) => {
                        if slot.with_untracked(|old| *old != row) {
                            changed.push((slot.clone(), row));
                        }
                    }
                    None => rows.push(ArcRwSignal::new(row)),
                }
            }
        });
        for (slot, row) in changed {
            slot.set(row);
        }
        if self.count.get_untracked() != len {
            self.count.set(len);
        }
    }

    /// How many rows there are (reactive).
    pub fn count(self) -> usize {
        self.count.get()
    }

    /// Row `index`'s signal. Rows exist for every index below [`Slots::count`].
    pub fn get(self, index: usize) -> Option<ArcRwSignal<T>> {
        self.rows.with_value(|rows| rows.get(index).cloned())
    }
}
