//! Nothing is lost: the text, the caret and the options are saved to local storage on every
//! change and restored on load, exactly as they were (a half-typed statement included).
//!
//! Each value is its own key, written only when it changed. When another tab saves, this tab
//! stops saving and asks whether to load that tab's work or keep its own, so neither tab's
//! work is overwritten silently.

use crate::browser;
use crate::studio::Studio;
use leptos::prelude::*;
use starrocks_backup_sql::check::{ClusterMode, Version};
use starrocks_backup_sql::privileges::{Grantee, Scope};
use starrocks_backup_sql::Settings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const PREFIX: &str = "srbackup.v1.";
/// The theme's key (shared by all tabs, not part of the work).
pub const THEME_KEY: &str = "srbackup.theme";

/// The saved work.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    /// The SQL text.
    pub text: Option<String>,
    /// The caret (byte offset).
    pub cursor: usize,
    /// The options, as stored strings.
    pub target: Option<String>,
    /// `shared-data` or `shared-nothing`.
    pub cluster: Option<String>,
    /// The grantee as typed.
    pub grantee: Option<String>,
    /// `auto`, `exact` or `broad`.
    pub scope: Option<String>,
}

fn scope_str(s: Scope) -> &'static str {
    match s {
        Scope::Auto => "auto",
        Scope::Exact => "exact",
        Scope::Broad => "broad",
    }
}

fn cluster_str(c: ClusterMode) -> &'static str {
    if c == ClusterMode::SharedData {
        "shared-data"
    } else {
        "shared-nothing"
    }
}

impl Saved {
    /// What local storage holds.
    pub fn load() -> Saved {
        let get = |k: &str| browser::load(&format!("{PREFIX}{k}"));
        Saved {
            text: get("text"),
            cursor: get("cursor").and_then(|c| c.parse().ok()).unwrap_or(0),
            target: get("target"),
            cluster: get("cluster"),
            grantee: get("grantee"),
            scope: get("scope"),
        }
    }

    /// The settings these values describe (defaults where a value is missing or unreadable).
    pub fn settings(&self) -> Settings {
        let mut s = Settings::default();
        if let Some(v) = self.target.as_deref().and_then(|t| Version::parse(t).ok()) {
            s.target = v;
        }
        if self.cluster.as_deref() == Some("shared-data") {
            s.cluster = ClusterMode::SharedData;
        }
        if let Some(g) = self.grantee.as_deref().and_then(|g| Grantee::parse(g).ok()) {
            s.grantee = g;
        }
        s.scope = match self.scope.as_deref() {
            Some("exact") => Scope::Exact,
            Some("broad") => Scope::Broad,
            _ => Scope::Auto,
        };
        s
    }

    /// What a fresh app holds before anything is typed (no text yet).
    pub fn fresh() -> Saved {
        let s = Settings::default();
        Saved {
            text: None,
            cursor: 0,
            target: Some(s.target.to_string()),
            cluster: Some(cluster_str(s.cluster).to_string()),
            grantee: Some(s.grantee.to_sql()),
            scope: Some(scope_str(s.scope).to_string()),
        }
    }

    /// The studio's work now.
    pub fn of(studio: Studio) -> Saved {
        Saved {
            text: Some(studio.text.get()),
            cursor: studio.cursor.get(),
            target: Some(studio.target.get().to_string()),
            cluster: Some(cluster_str(studio.cluster.get()).to_string()),
            grantee: Some(studio.grantee.get()),
            scope: Some(scope_str(studio.scope.get()).to_string()),
        }
    }

    /// The options (target, cluster, grantee, scope) that differ from a fresh app's, as
    /// `(key, value)`: what share links and embed addresses write.
    pub fn changed_options(&self) -> Vec<(&'static str, String)> {
        let fresh = Saved::fresh();
        [
            ("target", &self.target, &fresh.target),
            ("cluster", &self.cluster, &fresh.cluster),
            ("grantee", &self.grantee, &fresh.grantee),
            ("scope", &self.scope, &fresh.scope),
        ]
        .into_iter()
        .filter_map(|(key, value, default)| {
            value.as_ref().filter(|v| Some(*v) != default.as_ref()).map(|v| (key, v.clone()))
        })
        .collect()
    }

    fn entries(&self) -> [(&'static str, Option<String>); 6] {
        [
            ("text", self.text.clone()),
            ("cursor", Some(self.cursor.to_string())),
            ("target", self.target.clone()),
            ("cluster", self.cluster.clone()),
            ("grantee", self.grantee.clone()),
            ("scope", self.scope.clone()),
        ]
    }
}

/// Whether another tab saved since this one did, and whether saving is paused for it.
#[derive(Clone, Copy)]
pub struct Persistence {
    /// Another tab changed the saved work; this tab is not saving until the user decides.
    pub conflict: RwSignal<bool>,
    /// Saving failed (storage full or disabled).
    pub failed: RwSignal<bool>,
    last: StoredValue<Saved>,
}

impl Persistence {
    /// Saves `studio`'s state on every change and watches other tabs.
    pub fn start(studio: Studio, loaded: Saved) -> Self {
        let p = Persistence {
            conflict: RwSignal::new(false),
            failed: RwSignal::new(false),
            last: StoredValue::new(loaded),
        };
        Effect::new(move |_| {
            let now = Saved::of(studio);
            if p.conflict.get() {
                return;
            }
            p.write(&now);
        });
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if ev.key().is_some_and(|k| k.starts_with(PREFIX)) && Saved::load() != p.last.get_value() {
                p.conflict.set(true);
            }
            if ev.key().as_deref() == Some(THEME_KEY) {
                browser::apply_theme(&ev.new_value().unwrap_or_else(|| "system".into()));
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_storage.forget();
        p
    }

    fn write(&self, now: &Saved) {
        let last = self.last.get_value();
        let mut ok = true;
        for ((key, value), (_, before)) in now.entries().into_iter().zip(last.entries()) {
            if value != before {
                if let Some(v) = value {
                    ok &= browser::save(&format!("{PREFIX}{key}"), &v);
                }
            }
        }
        self.failed.set(!ok);
        self.last.set_value(now.clone());
    }

    /// Loads what the other tab saved (undoable) and resumes saving.
    pub fn load_theirs(&self, studio: Studio) {
        self.apply(studio, Saved::load(), "Loaded the other tab's work (Ctrl+Z brings yours back).");
        self.conflict.set(false);
    }

    /// Puts `theirs` (another tab's or a share link's work) in the studio, undoably.
    pub fn apply(&self, studio: Studio, theirs: Saved, message: &str) {
        let settings = theirs.settings();
        studio.target.set(settings.target);
        studio.cluster.set(settings.cluster);
        studio.scope.set(settings.scope);
        if let Some(g) = theirs.grantee.clone() {
            studio.grantee.set(g);
        }
        let text = theirs.text.clone().unwrap_or_default();
        let at = theirs.cursor.min(text.len());
        let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        self.last.set_value(theirs);
        studio.replace_text(text, at, message);
    }

    /// Keeps this tab's work: saves it over the other tab's and resumes saving.
    pub fn keep_mine(&self, studio: Studio) {
        let mine = untrack(|| Saved::of(studio));
        // Write every key, whatever was saved last.
        self.last.set_value(Saved::default());
        self.write(&mine);
        self.conflict.set(false);
        studio.status.set("Saved this tab's work.".into());
    }
}
