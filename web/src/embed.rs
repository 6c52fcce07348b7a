//! Embed mode: the app in a docs page's `<iframe>` (docs/embedding.md).
//!
//! `?embed` turns it on; the other query parameters say what to show:
//!
//! | parameter  | values                                                        | default             |
//! |------------|---------------------------------------------------------------|---------------------|
//! | `sql`      | the initial SQL text                                          | the app's example   |
//! | `readonly` | present (or `1`/`true`): no edits, from the editor or builder | editable            |
//! | `theme`    | `light`, `dark`, `system`                                     | `system`            |
//! | `panels`   | comma list of `builder,sql,diagnostics,privileges,companions` | `sql,diagnostics,privileges` |
//! | `target`   | StarRocks version the checks run for, e.g. `3.3`, `4.2`       | the newest          |
//! | `cluster`  | `shared-nothing`, `shared-data`                               | `shared-nothing`    |
//! | `grantee`  | e.g. `ROLE backup_operator`, `USER 'etl'@'%'`                 | `ROLE backup_operator` |
//! | `scope`    | `auto`, `exact`, `broad`                                      | `auto`              |
//! | `id`       | any text, echoed in every message to the host page            | empty               |
//!
//! An embed neither reads nor writes the reader's saved work (two embeds on one page, or the
//! full app in another tab, never see each other). It tells the host page, with
//! `postMessage`, when it is ready and how tall its content is (web/js/page.js):
//! `{ source: "srbackup-studio", type: "ready" | "height", id, height }`.

use crate::persist::Saved;

/// The panels an embed can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    /// The visual builder.
    pub builder: bool,
    /// The SQL editor.
    pub sql: bool,
    /// The diagnostics list.
    pub diagnostics: bool,
    /// The privileges panel.
    pub privileges: bool,
    /// The companion statements.
    pub companions: bool,
}

impl Panels {
    /// The names `panels=` takes, in the order the embed shows them.
    pub const NAMES: [&'static str; 5] = ["builder", "sql", "diagnostics", "privileges", "companions"];

    /// What an embed shows when `panels=` is absent.
    pub const DEFAULT: Panels =
        Panels { builder: false, sql: true, diagnostics: true, privileges: true, companions: false };

    /// Reads `panels=`; unknown names are reported, not fatal.
    pub fn parse(list: &str) -> (Panels, Vec<String>) {
        let mut p =
            Panels { builder: false, sql: false, diagnostics: false, privileges: false, companions: false };
        let mut unknown = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name.to_ascii_lowercase().as_str() {
                "builder" => p.builder = true,
                "sql" | "editor" => p.sql = true,
                "diagnostics" => p.diagnostics = true,
                "privileges" | "grants" => p.privileges = true,
                "companions" => p.companions = true,
                _ => unknown.push(name.to_string()),
            }
        }
        (p, unknown)
    }

    /// The value of `panels=` for these panels.
    pub fn to_param(self) -> String {
        let on = [self.builder, self.sql, self.diagnostics, self.privileges, self.companions];
        Self::NAMES.iter().zip(on).filter(|(_, on)| *on).map(|(n, _)| *n).collect::<Vec<_>>().join(",")
    }

    /// Whether no panel is shown.
    pub fn none(self) -> bool {
        !(self.builder || self.sql || self.diagnostics || self.privileges || self.companions)
    }
}

/// What the page's query asks an embed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The work to start from (text and options; `None` text: the app's example).
    pub work: Saved,
    /// No edits.
    pub read_only: bool,
    /// `light`, `dark` or `system`.
    pub theme: String,
    /// What to show.
    pub panels: Panels,
    /// Echoed in every message to the host.
    pub id: String,
    /// Parameters the embed did not understand, to say so (a docs author's typo).
    pub problems: Vec<String>,
}

fn flag(value: &str) -> bool {
    !matches!(value.to_ascii_lowercase().as_str(), "0" | "false" | "no" | "off")
}

impl Options {
    /// The embed options of a query string's decoded `(key, value)` pairs, or `None` when
    /// there is no `embed` key (the full app).
    pub fn from_query(pairs: &[(String, String)]) -> Option<Options> {
        let (_, embed) = pairs.iter().find(|(k, _)| k == "embed")?;
        if !flag(embed) {
            return None;
        }
        let mut o = Options {
            work: Saved { text: None, ..Saved::fresh() },
            read_only: false,
            theme: "system".into(),
            panels: Panels::DEFAULT,
            id: String::new(),
            problems: Vec::new(),
        };
        for (key, value) in pairs {
            match key.as_str() {
                "embed" => {}
                "sql" => o.work.text = Some(value.clone()),
                "readonly" | "read-only" => o.read_only = flag(value),
                "theme" if matches!(value.as_str(), "light" | "dark" | "system") => o.theme = value.clone(),
                "panels" => {
                    let (panels, unknown) = Panels::parse(value);
                    o.panels = panels;
                    o.problems
                        .extend(unknown.into_iter().map(|n| format!("panels: no panel is called `{n}`")));
                }
                "target" => o.work.target = Some(value.clone()),
                "cluster" if matches!(value.as_str(), "shared-nothing" | "shared-data") => {
                    o.work.cluster = Some(value.clone())
                }
                "grantee" => o.work.grantee = Some(value.clone()),
                "scope" if matches!(value.as_str(), "auto" | "exact" | "broad") => {
                    o.work.scope = Some(value.clone())
                }
                "id" => o.id = value.clone(),
                _ => o.problems.push(format!("`{key}={value}` is not an embed option")),
            }
        }
        if o.panels.none() {
            o.problems.push("panels: no panel to show; showing the default ones".into());
            o.panels = Panels::DEFAULT;
        }
        Some(o)
    }
}

/// The `(key, value)` pairs of an embed URL showing `work` with these choices, defaults left
/// out (what the Embed button writes).
pub fn query(work: &Saved, read_only: bool, theme: &str, panels: Panels) -> Vec<(&'static str, String)> {
    let mut q = vec![("embed", String::new())];
    if read_only {
        q.push(("readonly", String::new()));
    }
    if theme != "system" {
        q.push(("theme", theme.to_string()));
    }
    if panels != Panels::DEFAULT {
        q.push(("panels", panels.to_param()));
    }
    q.extend(work.changed_options());
    q.push(("sql", work.text.clone().unwrap_or_default()));
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn no_embed_key_is_the_full_app() {
        assert_eq!(Options::from_query(&pairs(&[("sql", "x")])), None);
        assert_eq!(Options::from_query(&pairs(&[("embed", "0")])), None);
        let o = Options::from_query(&pairs(&[("embed", "")])).expect("embed");
        assert_eq!((o.read_only, o.panels, o.theme.as_str()), (false, Panels::DEFAULT, "system"));
        assert_eq!(o.work.text, None);
        assert!(o.problems.is_empty());
    }

    #[test]
    fn every_option_is_read_and_typos_are_reported() {
        let o = Options::from_query(&pairs(&[
            ("embed", "1"),
            ("readonly", ""),
            ("theme", "dark"),
            ("panels", "builder, sql,grants,tabs"),
            ("sql", "BACKUP SNAPSHOT db.s TO r;"),
            ("target", "3.3"),
            ("cluster", "shared-data"),
            ("grantee", "USER 'etl'@'%'"),
            ("scope", "broad"),
            ("id", "first"),
            ("colour", "red"),
        ]))
        .expect("embed");
        assert!(o.read_only);
        assert_eq!(o.theme, "dark");
        assert_eq!(
            o.panels,
            Panels { builder: true, sql: true, diagnostics: false, privileges: true, companions: false }
        );
        assert_eq!(o.work.text.as_deref(), Some("BACKUP SNAPSHOT db.s TO r;"));
        assert_eq!(o.work.settings().target, starrocks_backup_sql::check::Version::new(3, 3));
        assert_eq!(o.work.cluster.as_deref(), Some("shared-data"));
        assert_eq!(o.work.scope.as_deref(), Some("broad"));
        assert_eq!(o.id, "first");
        assert_eq!(o.problems.len(), 2, "{:?}", o.problems);
        assert!(o.problems[0].contains("`tabs`") && o.problems[1].contains("colour"), "{:?}", o.problems);
    }

    #[test]
    fn no_panel_falls_back_to_the_default() {
        let o = Options::from_query(&pairs(&[("embed", ""), ("panels", "")])).expect("embed");
        assert_eq!(o.panels, Panels::DEFAULT);
        assert_eq!(o.problems.len(), 1);
    }

    #[test]
    fn the_embed_query_round_trips_and_leaves_defaults_out() {
        let mut work = Saved { text: Some("RESTORE SNAPSHOT s FROM r;".into()), ..Saved::fresh() };
        let q = query(&work, false, "system", Panels::DEFAULT);
        assert_eq!(q.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["embed", "sql"]);
        work.grantee = Some("USER 'a'@'%'".into());
        let panels =
            Panels { builder: true, sql: true, diagnostics: false, privileges: false, companions: true };
        let q = query(&work, true, "dark", panels);
        let back =
            Options::from_query(&q.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<Vec<_>>())
                .expect("embed");
        assert_eq!((back.read_only, back.theme.as_str(), back.panels), (true, "dark", panels));
        assert_eq!(back.work.text, work.text);
        assert_eq!(back.work.grantee, work.grantee);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = queryPairs)]
    fn query_pairs() -> Vec<String>;
    #[wasm_bindgen(js_name = tellHost)]
    fn tell_host(id: &str);
}

/// The embed options of this page's address, or `None` for the full app.
pub fn from_page() -> Option<Options> {
    let flat = query_pairs();
    let pairs: Vec<(String, String)> =
        flat.chunks(2).map(|p| (p[0].clone(), p.get(1).cloned().unwrap_or_default())).collect();
    Options::from_query(&pairs)
}

/// Starts telling the host page that the embed is ready and how tall it is.
pub fn start_messages(id: &str) {
    tell_host(id);
}
