//! The app's state and the only code that changes it.
//!
//! The SQL text is the single source of truth: the builder shows the plan of the statement
//! at the cursor ([`Workspace::builder_at`]) and every builder control sends a
//! [`PlanEdit`], which the core applies and writes back into the text
//! ([`Workspace::apply_edit`]). So typing and pointing edit the same thing, undo/redo is one
//! history of texts, and a reload restores exactly what was there. One [`Workspace`] is kept
//! for the whole session so that a change re-runs only the stages it affects.

use crate::analysis::{Analysis, BuilderState};
use crate::history::History;
use leptos::prelude::*;
use starrocks_backup_sql::check::{Catalog, ClusterMode, Version};
use starrocks_backup_sql::plan::{AnyPlan, PlanEdit};
use starrocks_backup_sql::privileges::{Grantee, Scope};
use starrocks_backup_sql::{LineIndex, PositionEncoding, Settings, Workspace};
use std::sync::{Arc, Mutex};

/// The target versions the builder offers: (label, version the checks run with).
pub const TARGETS: &[(&str, Version)] = &[
    ("2.5 and older", Version::V2_5),
    ("3.0 – 3.3", Version::new(3, 3)),
    ("3.4 – 4.0", Version::new(4, 0)),
    ("4.1", Version::new(4, 1)),
    ("4.2 and newer", Version::V4_2),
];

/// A builder value the core refused because no SQL can hold it: kept, with the reason, in
/// the control that holds it until the user changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The control (`snapshot`, `object-3-name`, …).
    pub control: String,
    /// What the user typed.
    pub value: String,
    /// Why it is not in the SQL.
    pub reason: String,
}

/// A catalog of the user's cluster (docs/catalog.md) the checks and completion use.
#[derive(Clone)]
pub struct LoadedCatalog {
    /// The catalog.
    pub catalog: Arc<Catalog>,
    /// Where it came from: "the demo catalog", a file name, "pasted text".
    pub source: String,
}

impl PartialEq for LoadedCatalog {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.catalog, &other.catalog) && self.source == other.source
    }
}

/// Every signal of the app, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Studio {
    /// The SQL text.
    pub text: RwSignal<String>,
    /// The cursor, as a byte offset into the text.
    pub cursor: RwSignal<usize>,
    /// The StarRocks version checked for.
    pub target: RwSignal<Version>,
    /// The cluster's mode.
    pub cluster: RwSignal<ClusterMode>,
    /// The grantee as typed (`ROLE r` or `USER 'u'@'h'`).
    pub grantee: RwSignal<String>,
    /// The GRANT scope.
    pub scope: RwSignal<Scope>,
    /// The catalog of the cluster, when one is loaded.
    pub catalog: RwSignal<Option<LoadedCatalog>>,
    /// Share links carry the loaded catalog (off unless the user asks: it can be large and
    /// name the cluster's objects).
    pub share_catalog: RwSignal<bool>,
    /// Builder values the SQL cannot hold.
    pub refused: RwSignal<Vec<Refused>>,
    /// A message for the live region.
    pub status: RwSignal<String>,
    /// A request to select a UTF-16 range in the editor (and focus it).
    pub select: RwSignal<Option<(usize, usize)>>,
    /// The builder object that has focus (its grants are highlighted).
    pub focused_object: RwSignal<Option<usize>>,
    /// Bumped after every programmatic text change, so the editor re-reads the text.
    pub revision: RwSignal<u64>,
    history: StoredValue<History>,
    workspace: StoredValue<Arc<Mutex<Workspace>>>,
    /// Everything the views show for the text and settings.
    pub analysis: Memo<Analysis>,
    /// The builder's view of the statement at the cursor.
    pub builder: Memo<BuilderState>,
    /// An embed that shows its SQL without letting it change (`?embed&readonly`): the editor
    /// is read-only, the builder disabled, and every text change is refused here as well.
    pub read_only: bool,
    /// Shown in another page's iframe (`?embed`): nothing is saved, no catalog is offered.
    pub embedded: bool,
}

impl Studio {
    /// This studio, refusing every change of the text (see [`Studio::read_only`]).
    pub fn into_read_only(self) -> Self {
        Studio { read_only: true, ..self }
    }

    /// In a read-only studio, says so and returns `true`.
    fn refuses_changes(&self) -> bool {
        if self.read_only {
            self.status.set("This example is read-only: open it in Backup Studio to change it.".into());
        }
        self.read_only
    }

    /// A studio on `text` with `settings`.
    pub fn new(text: String, cursor: usize, settings: Settings) -> Self {
        let grantee_text = settings.grantee.to_sql();
        // While the grantee field holds something unparsable, the grants stay those of the
        // last grantee that parsed (the field says so).
        let last_grantee = StoredValue::new(settings.grantee.clone());
        let text = RwSignal::new(text);
        let cursor = RwSignal::new(cursor);
        let target = RwSignal::new(settings.target);
        let cluster = RwSignal::new(settings.cluster);
        let grantee = RwSignal::new(grantee_text);
        let scope = RwSignal::new(settings.scope);
        let catalog = RwSignal::new(None::<LoadedCatalog>);
        let workspace = StoredValue::new(Arc::new(Mutex::new(Workspace::new("", settings))));
        let settings_of = move || {
            let grantee = match grantee.with(|g| Grantee::parse(g)) {
                Ok(g) => {
                    last_grantee.set_value(g.clone());
                    g
                }
                Err(_) => last_grantee.get_value(),
            };
            Settings {
                target: target.get(),
                cluster: cluster.get(),
                catalog: catalog.with(|c| c.as_ref().map(|c| c.catalog.clone())),
                grantee,
                scope: scope.get(),
            }
        };
        // Set once the syntax-error explainer is loaded (release build): the text is parsed
        // again, so its syntax errors get their full explanation.
        let explained = RwSignal::new(false);
        let reparsed = StoredValue::new(false);
        let analysis = Memo::new(move |_| {
            let settings = settings_of();
            let ws = workspace.get_value();
            let mut ws = ws.lock().unwrap_or_else(|e| e.into_inner());
            if explained.get() && !reparsed.get_value() {
                reparsed.set_value(true);
                *ws = Workspace::new("", settings.clone());
            }
            text.with(|t| {
                if ws.text() != t {
                    ws.set_text(t.clone());
                }
            });
            ws.set_settings(settings);
            Analysis::of(&ws)
        });
        // The release build explains syntax errors in full once the explainer chunk is in.
        #[cfg(srbackup_deferred_explain)]
        {
            let requested = StoredValue::new(false);
            Effect::new(move |_| {
                let syntax_error = analysis.with(|a| a.diagnostics.iter().any(|r| r.code == "SR100"));
                if syntax_error && !requested.get_value() && !starrocks_backup_sql::explainer_installed() {
                    requested.set_value(true);
                    leptos::task::spawn_local(async move {
                        crate::lazy::explainer().await;
                        explained.set(true);
                    });
                }
            });
        }
        let builder = Memo::new(move |_| {
            analysis.track();
            let at = cursor.get();
            let ws = workspace.get_value();
            let ws = ws.lock().unwrap_or_else(|e| e.into_inner());
            BuilderState::of(&ws, at)
        });
        Studio {
            text,
            cursor,
            target,
            cluster,
            grantee,
            scope,
            catalog,
            share_catalog: RwSignal::new(false),
            refused: RwSignal::new(Vec::new()),
            status: RwSignal::new(String::new()),
            select: RwSignal::new(None),
            focused_object: RwSignal::new(None),
            revision: RwSignal::new(0),
            history: StoredValue::new(History::new()),
            workspace,
            analysis,
            builder,
            read_only: false,
            embedded: false,
        }
    }

    /// The text was typed in the editor: `cursor` is the caret as a UTF-16 offset.
    pub fn typed(&self, new_text: String, cursor_utf16: usize) {
        if self.refuses_changes() {
            self.revision.update(|r| *r += 1);
            return;
        }
        let at = LineIndex::new(&new_text).byte_offset(cursor_utf16, PositionEncoding::Utf16);
        self.history.update_value(|h| h.record(&new_text, at, Some("editor")));
        self.text.set(new_text);
        self.cursor.set(at);
    }

    /// The caret moved in the editor (UTF-16 offset).
    pub fn moved(&self, cursor_utf16: usize) {
        let at = self
            .text
            .with_untracked(|t| LineIndex::new(t).byte_offset(cursor_utf16, PositionEncoding::Utf16));
        if self.cursor.get_untracked() != at {
            self.cursor.set(at);
        }
    }

    /// Replaces the whole text (examples, fixes, format), as one undoable step.
    pub fn replace_text(&self, new_text: String, cursor: usize, message: &str) {
        self.replace_text_in(new_text, cursor, message, None);
    }

    fn replace_text_in(&self, new_text: String, cursor: usize, message: &str, group: Option<&str>) {
        if self.refuses_changes() {
            return;
        }
        self.history.update_value(|h| h.record(&new_text, cursor, group));
        self.text.set(new_text);
        self.cursor.set(cursor);
        self.revision.update(|r| *r += 1);
        if !message.is_empty() {
            self.status.set(message.to_string());
        }
    }

    /// Applies a builder edit from `control` whose value is `value` (kept with the reason
    /// when the edit is refused).
    pub fn edit(&self, control: &str, value: &str, edit: PlanEdit) {
        let at = self.cursor.get_untracked();
        let result = self.with_workspace(|ws| ws.apply_edit(at, &edit));
        match result {
            Ok(applied) => {
                self.clear_refused(control);
                self.replace_text_in(applied.text, applied.span.start, "", Some(control));
            }
            Err(problem) => {
                let refused = Refused {
                    control: control.to_string(),
                    value: value.to_string(),
                    reason: problem.message,
                };
                self.status.set(format!("Not applied: {}", refused.reason));
                self.refused.update(|r| {
                    r.retain(|x| x.control != control);
                    r.push(refused);
                });
            }
        }
    }

    /// Runs `f` on the workspace of the current text and settings (for results made on
    /// demand, such as the formatted text or the GRANT script).
    pub fn with_workspace<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        // Bring the analysis, and with it the workspace, up to date with the text.
        self.analysis.with_untracked(|_| ());
        let ws = self.workspace.get_value();
        let ws = ws.lock().unwrap_or_else(|e| e.into_inner());
        f(&ws)
    }

    /// Appends `plan` as a new statement after the one at the cursor.
    pub fn insert(&self, plan: &AnyPlan, message: &str) {
        let at = self.cursor.get_untracked();
        let result = self.with_workspace(|ws| ws.insert_plan(at, plan));
        match result {
            Ok(applied) => self.replace_text(applied.text, applied.span.start, message),
            Err(p) => self.status.set(p.message),
        }
    }

    /// Applies the fix of the workspace's diagnostic number `index` (looked up now, so it
    /// always matches the text it was computed for).
    pub fn apply_fix(&self, index: usize) {
        let fixed = self.with_workspace(|ws| {
            ws.diagnostics().get(index).and_then(|d| {
                let fix = d.fix.as_ref()?;
                let at = fix.edits.first().map_or(d.span.start, |e| e.span.start + e.replacement.len());
                Some((fix.apply(ws.text()), at, fix.message.clone()))
            })
        });
        match fixed {
            Some((text, at, message)) => self.replace_text(text, at, &format!("Fixed: {message}")),
            None => self.status.set("That fix no longer applies to the text.".into()),
        }
    }

    /// The cursor as a UTF-16 offset (what the editor counts in).
    pub fn cursor_utf16(&self) -> usize {
        let at = self.cursor.get_untracked();
        self.text.with_untracked(|t| LineIndex::new(t).offset(at.min(t.len()), PositionEncoding::Utf16))
    }

    /// The refused value of `control`, if any.
    pub fn refused_value(&self, control: &str) -> Option<Refused> {
        self.refused.with(|r| r.iter().find(|x| x.control == control).cloned())
    }

    fn clear_refused(&self, control: &str) {
        if self.refused.with_untracked(|r| r.iter().any(|x| x.control == control)) {
            self.refused.update(|r| r.retain(|x| x.control != control));
        }
    }

    /// Steps back in the history of texts.
    pub fn undo(&self) {
        if let Some((text, at)) = self.history.try_update_value(|h| h.undo()).flatten() {
            self.restore(text, at, "Undone.");
        }
    }

    /// Steps forward again.
    pub fn redo(&self) {
        if let Some((text, at)) = self.history.try_update_value(|h| h.redo()).flatten() {
            self.restore(text, at, "Redone.");
        }
    }

    /// True when there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        self.revision.track();
        self.text.track();
        self.history.with_value(|h| h.can_undo())
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.revision.track();
        self.text.track();
        self.history.with_value(|h| h.can_redo())
    }

    fn restore(&self, text: String, at: usize, message: &str) {
        self.text.set(text);
        self.cursor.set(at);
        self.revision.update(|r| *r += 1);
        self.status.set(message.to_string());
    }

    /// Starts the history at the current text (after loading saved work).
    pub fn reset_history(&self) {
        let (text, at) = (self.text.get_untracked(), self.cursor.get_untracked());
        self.history.update_value(|h| *h = History::starting_at(&text, at));
    }

    /// Subscribes the running effect or memo to everything the workspace's results depend on:
    /// the text and every setting. (The analysis memo only notifies when the diagnostics
    /// change; results made elsewhere, such as the grants, track the inputs themselves.)
    pub fn track_inputs(&self) {
        self.text.track();
        self.target.track();
        self.cluster.track();
        self.grantee.track();
        self.scope.track();
        self.catalog.track();
    }

    /// The current settings, as the workspace runs with them.
    pub fn settings(&self) -> Settings {
        self.with_workspace(|ws| ws.settings().clone())
    }
}
