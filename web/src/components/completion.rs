//! Completion in the SQL editor: Ctrl+Space opens a list of what fits at the caret (the
//! keywords the grammar expects there and, with a catalog, the names of the cluster), from
//! the core's completion ([`crate::lazy::complete`], loaded on first use). Arrows choose,
//! Enter or Tab insert, Esc closes; typing while it is open narrows it.
//!
//! The textarea keeps the focus throughout (the list is its `aria-activedescendant`), so
//! the browser's own editing and the screen reader's reading of the text are untouched.

use crate::lazy;
use crate::studio::Studio;
use leptos::html;
use leptos::prelude::*;
use starrocks_backup_sql::complete::CompletionItem;
use starrocks_backup_sql::LineIndex;

/// At most this many items are shown; typing more of the name narrows the rest.
const SHOWN: usize = 50;

/// An open list.
#[derive(Clone, PartialEq)]
pub struct Popup {
    /// The bytes of the text the chosen item replaces.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The items, best first (at most [`SHOWN`]).
    pub items: Vec<CompletionItem>,
    /// How many there were in all.
    pub total: usize,
    /// The highlighted item.
    pub active: usize,
    /// 0-based line and UTF-16 column of `start` (where the list is drawn).
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// The editor's completion: its list and the requests for it.
#[derive(Clone, Copy)]
pub struct Completer {
    /// The open list, if any.
    pub popup: RwSignal<Option<Popup>>,
    studio: Studio,
    /// Numbers requests, so an answer that arrives after a newer request is dropped.
    request: StoredValue<u64>,
    /// Set at the first Ctrl+Space: from then on the list's view is there.
    pub used: RwSignal<bool>,
}

impl Completer {
    /// A closed completer for `studio`'s text.
    pub fn new(studio: Studio) -> Self {
        Completer {
            popup: RwSignal::new(None),
            studio,
            request: StoredValue::new(0),
            used: RwSignal::new(false),
        }
    }

    /// Asks for the items at the caret; `announce` says so in the live region (Ctrl+Space).
    /// The work is loaded on first use ([`lazy::suggest`]).
    pub fn open(&self, announce: bool) {
        self.request.update_value(|n| *n += 1);
        leptos::task::spawn_local(lazy::suggest(*self, announce, self.request.get_value()));
    }

    /// Fills the list with what fits at the caret, or closes it when nothing does; does
    /// nothing when `request` is no longer the latest (closed or asked again meanwhile).
    pub fn suggest(&self, announce: bool, request: u64) {
        if self.request.get_value() != request {
            return;
        }
        let studio = self.studio;
        let text = studio.text.get_untracked();
        let at = studio.cursor.get_untracked().min(text.len());
        let found = studio.catalog.with_untracked(|c| {
            lazy::complete(&text, at, c.as_ref().map(|c| &*c.catalog), studio.target.get_untracked())
        });
        if found.items.is_empty() {
            self.popup.set(None);
            if announce {
                studio.status.set("No suggestions here.".into());
            }
            return;
        }
        let position = LineIndex::new(&text).line_col(found.span.start);
        let total = found.items.len();
        let mut items = found.items;
        items.truncate(SHOWN);
        if announce {
            let more = if total > SHOWN {
                format!(" (the first {SHOWN} shown; type to narrow)")
            } else {
                String::new()
            };
            studio.status.set(format!(
                "{total} suggestion{}{more}: arrows to choose, Enter or Tab to insert, Esc to close.",
                if total == 1 { "" } else { "s" }
            ));
        }
        self.popup.set(Some(Popup {
            start: found.span.start,
            end: found.span.end,
            items,
            total,
            active: 0,
            line: position.line - 1,
            column: position.column_utf16 - 1,
        }));
    }

    /// Closes the list (and drops any answer still on its way).
    pub fn close(&self) {
        self.request.update_value(|n| *n += 1);
        if self.popup.with_untracked(Option::is_some) {
            self.popup.set(None);
        }
    }

    /// The text changed: an open list follows it.
    pub fn typed(&self) {
        if self.popup.with_untracked(Option::is_some) {
            self.open(false);
        }
    }

    /// Handles a key in the editor; true when the key was the completion's.
    pub fn key(&self, ev: &web_sys::KeyboardEvent) -> bool {
        if ev.ctrl_key() && (ev.key() == " " || ev.code() == "Space") {
            ev.prevent_default();
            if !self.used.get_untracked() {
                self.used.set(true);
            }
            self.open(true);
            return true;
        }
        let Some(count) = self.popup.with_untracked(|p| p.as_ref().map(|p| p.items.len())) else {
            return false;
        };
        let step = |delta: isize| {
            self.popup.update(|p| {
                if let Some(p) = p {
                    p.active = (p.active as isize + delta).rem_euclid(count as isize) as usize;
                }
            })
        };
        match ev.key().as_str() {
            "ArrowDown" => step(1),
            "ArrowUp" => step(-1),
            "Enter" | "Tab" => {
                let active = self.popup.with_untracked(|p| p.as_ref().map_or(0, |p| p.active));
                self.accept(active);
            }
            "Escape" => self.close(),
            _ => return false,
        }
        ev.prevent_default();
        true
    }

    /// Inserts item `index` in place of the word it completes.
    pub fn accept(&self, index: usize) {
        let Some(p) = self.popup.get_untracked() else { return };
        let Some(item) = p.items.get(index) else { return };
        let text = self.studio.text.get_untracked();
        if p.end > text.len() || !text.is_char_boundary(p.start) || !text.is_char_boundary(p.end) {
            self.close();
            return;
        }
        let new_text = format!("{}{}{}", &text[..p.start], item.label, &text[p.end..]);
        let caret = p.start + item.label.len();
        self.close();
        self.studio.replace_text(new_text, caret, &format!("Inserted {}.", item.label));
    }
}

/// The list, drawn under the word it completes (made on demand: [`crate::lazy::completion_list`]).
pub fn list(completer: Completer, area: NodeRef<html::Textarea>) -> AnyView {
    let scroll = move || area.get_untracked().map_or((0, 0), |a| (a.scroll_top(), a.scroll_left()));
    (move || {
        completer.popup.get().map(|p| {
            let (top, left) = scroll();
            let more = p.total - p.items.len();
            view! {
                <div class="completions"
                    style:top=format!("calc({} * 19.5px + 0.6rem - {top}px)", p.line + 1)
                    style:left=format!("calc({}ch + 0.75rem - {left}px)", p.column)>
                    <ul id="sql-completions" role="listbox" aria-label="Suggestions">
                        {p.items.iter().enumerate().map(|(i, item)| {
                            let detail = item.detail.clone();
                            view! {
                                <li id=format!("sql-completion-{i}") role="option" aria-selected=(i == p.active).to_string()
                                    class:active=i == p.active
                                    on:mousedown=move |ev| { ev.prevent_default(); completer.accept(i); }>
                                    <span class="label">{item.label.clone()}</span>
                                    {detail.map(|d| view! { <span class="detail">{d}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="more">{format!("{more} more: type to narrow")}</p> })}
                </div>
            }
        })
    })
    .into_any()
}
