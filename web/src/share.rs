//! Share links: the whole work (text, caret, options, grantee) in the URL fragment.
//!
//! `#share=1.<data>`: `1` is the format's version, `<data>` the fields below, deflated (raw
//! DEFLATE, `miniz_oxide`) and written in base64url without padding (`base64`). Both crates,
//! and everything here that writes or reads a link, are in a chunk loaded on demand
//! ([`crate::lazy::share_data`], [`crate::lazy::shared_work`]): a fresh page without a link
//! does not fetch them. The fields are `key=length:value` one after
//! another (the length in bytes, so values need no escaping), and only those that differ
//! from a fresh app's. Opening a link never overwrites saved work without asking; a damaged,
//! foreign or newer link says so and leaves the saved work as it is.

use crate::persist::{Persistence, Saved};
use crate::studio::Studio;
use base64::Engine;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The fragment's prefix.
pub const PREFIX: &str = "#share=";
/// The format this app writes and reads.
pub const VERSION: u32 = 1;
/// Links longer than this get a warning: some chat tools and browsers cut them.
pub const LONG: usize = 2_000;

/// The most a link's data may inflate to: far more than any work typed by hand, and a
/// bound on the memory a hostile link can ask for.
pub const MAX_INFLATED: usize = 4 << 20;

/// `text` deflated and written in base64url.
pub fn pack(text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
}

/// The text [`pack`] made, or why `data` is not such a text.
pub fn unpack(data: &str) -> Result<String, String> {
    let deflated = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| "its data is not base64url (the link was cut or changed)".to_string())?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
        .map_err(|_| "its data is not compressed text (the link was cut or changed)".to_string())?;
    String::from_utf8(bytes).map_err(|_| "its data is not UTF-8 text".to_string())
}

/// What a link holds: the work, and the catalog when the sharer chose to include it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The text and options.
    pub work: Saved,
    /// The cluster catalog's JSON (docs/catalog.md), only when the sharer asked for it.
    pub catalog: Option<String>,
}

/// The work a link's `data` holds (what [`crate::lazy::shared_work`] runs).
pub fn read(data: &str) -> Result<Shared, String> {
    parse_payload(&unpack(data)?).map_err(|why| format!("its data holds {why}"))
}

/// A link's data for `payload` and, when given, a catalog (what [`crate::lazy::share_data`]
/// runs). The catalog is written as the JSON the CLI reads.
pub fn pack_with(mut payload: String, catalog: Option<&starrocks_backup_sql::check::Catalog>) -> String {
    if let Some(json) = catalog.and_then(|c| serde_json::to_string(c).ok()) {
        push_field(&mut payload, "catalog", &json);
    }
    pack(&payload)
}

fn push_field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push('=');
    out.push_str(&value.len().to_string());
    out.push(':');
    out.push_str(value);
}

/// What the page's fragment is.
#[derive(Debug, PartialEq, Eq)]
pub enum Fragment {
    /// No fragment.
    None,
    /// A share link of this app's format, with its data.
    Share(String),
    /// A share link of a newer format.
    Newer(String),
    /// Something else.
    Foreign,
}

/// Reads a `location.hash`.
pub fn classify(hash: &str) -> Fragment {
    if hash.is_empty() || hash == "#" {
        return Fragment::None;
    }
    let Some(rest) = hash.strip_prefix(PREFIX) else { return Fragment::Foreign };
    match rest.split_once('.') {
        Some((v, data)) if v == VERSION.to_string() => Fragment::Share(data.to_string()),
        Some((v, _)) if v.parse::<u32>().is_ok_and(|v| v > VERSION) => Fragment::Newer(v.to_string()),
        _ => Fragment::Foreign,
    }
}

/// The fields of `saved` that differ from a fresh app's, as `key=length:value…`.
pub fn payload(saved: &Saved) -> String {
    let mut out = String::new();
    let mut field = |key: &str, value: &str| push_field(&mut out, key, value);
    field("text", saved.text.as_deref().unwrap_or(""));
    if saved.cursor != 0 {
        field("cursor", &saved.cursor.to_string());
    }
    for (key, value) in saved.changed_options() {
        field(key, &value);
    }
    out
}

/// The work a [`payload`] describes; fields it leaves out are a fresh app's.
pub fn parse_payload(mut p: &str) -> Result<Shared, String> {
    let mut saved = Saved::fresh();
    let mut catalog = None;
    while !p.is_empty() {
        let (key, rest) = p.split_once('=').ok_or("a field without `=`")?;
        let (len, rest) = rest.split_once(':').ok_or("a field without a length")?;
        let len: usize = len.parse().map_err(|_| format!("the length of `{key}` is not a number"))?;
        let value = rest.get(..len).ok_or_else(|| format!("`{key}` is cut short"))?.to_string();
        p = &rest[len..];
        match key {
            "text" => saved.text = Some(value),
            "cursor" => saved.cursor = value.parse().map_err(|_| "the caret is not a number")?,
            "target" => saved.target = Some(value),
            "cluster" => saved.cluster = Some(value),
            "grantee" => saved.grantee = Some(value),
            "scope" => saved.scope = Some(value),
            "catalog" => catalog = Some(value),
            other => return Err(format!("an unknown field `{other}`")),
        }
    }
    if saved.text.is_none() {
        return Err("no SQL text".into());
    }
    Ok(Shared { work: saved, catalog })
}

/// The share link of the studio's current work.
pub async fn link(studio: Studio) -> Option<String> {
    let catalog = untrack(|| {
        studio
            .share_catalog
            .get()
            .then(|| studio.catalog.with(|c| c.as_ref().map(|c| c.catalog.clone())))
            .flatten()
    });
    let data = crate::lazy::share_data(payload(&untrack(|| Saved::of(studio))), catalog).await;
    let location = web_sys::window()?.location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    Some(format!("{base}{PREFIX}{VERSION}.{data}"))
}

/// Opens the studio's work in the full app, in a new tab (an embed's "Open in Backup
/// Studio": the reader goes on where the example left off).
pub fn open_in_full_app(studio: Studio) {
    leptos::task::spawn_local(async move {
        let opened = match link(studio).await {
            Some(url) => {
                web_sys::window().and_then(|w| w.open_with_url_and_target(&url, "_blank").ok().flatten())
            }
            None => None,
        };
        if opened.is_none() {
            studio.status.set(
                "The browser did not open a new tab: allow pop-ups for this page, or copy the SQL.".into(),
            );
        }
    });
}

/// Copies the share link and says how long it is.
pub fn copy_link(studio: Studio) {
    leptos::task::spawn_local(async move {
        match link(studio).await {
            Some(url) => {
                let n = url.len();
                let note = if n > LONG {
                    format!(" It is {n} characters long: some chat tools and browsers cut links over {LONG}; download the .sql instead if it does not open.")
                } else {
                    String::new()
                };
                crate::browser::copy_then(
                    studio,
                    url,
                    "the share link",
                    format!("Copied the share link.{note}"),
                );
            }
            None => studio.status.set("Could not make a share link in this browser.".into()),
        }
    });
}

/// What opening the page's share link found, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Shared work that differs from the saved work: open it only if the user says so.
    Ask(Shared),
    /// The link could not be read; the message says why.
    Failed(String),
}

/// Reads the page's fragment; opens shared work at once when nothing would be lost, and
/// otherwise leaves the decision (or the error) in `opened`.
pub fn open_fragment(studio: Studio, persistence: Persistence, opened: RwSignal<Option<Opened>>) {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return };
    let data = match classify(&hash) {
        Fragment::None => return,
        Fragment::Share(data) => data,
        Fragment::Newer(v) => {
            opened.set(Some(Opened::Failed(format!(
                "This share link was made by a newer version of the app (format {v}); this page reads format {VERSION}. Your own work is shown."
            ))));
            return;
        }
        Fragment::Foreign => {
            opened.set(Some(Opened::Failed(
                "The address ends with a fragment that is not a share link of this app; it was ignored. Your own work is shown.".into(),
            )));
            return;
        }
    };
    let had_work = Saved::load().text.is_some();
    leptos::task::spawn_local(async move {
        let shared = crate::lazy::shared_work(data).await;
        match shared {
            Ok(shared) if !had_work || shared.work.text == untrack(|| Saved::of(studio)).text => {
                open(
                    studio,
                    persistence,
                    shared,
                    "Opened the shared work (Ctrl+Z brings back what was here).",
                );
                clear_fragment();
            }
            Ok(shared) => opened.set(Some(Opened::Ask(shared))),
            Err(why) => opened.set(Some(Opened::Failed(format!(
                "This share link cannot be read: {why}. Your own work is shown."
            )))),
        }
    });
}

/// Opens shared work in place of the studio's: its text and options, and its catalog when it
/// has one (loaded as "the shared catalog" and kept, as a loaded one is).
pub fn open(studio: Studio, persistence: Persistence, shared: Shared, message: &str) {
    persistence.apply(studio, shared.work, message);
    if let Some(json) = shared.catalog {
        crate::components::cluster::load_shared(studio, json);
    }
}

/// Removes the fragment from the address, so a reload shows the saved work.
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default();
        let _ = w.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&path)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_told_apart() {
        assert_eq!(classify(""), Fragment::None);
        assert_eq!(classify("#share=1.abc_-"), Fragment::Share("abc_-".into()));
        assert_eq!(classify("#share=1."), Fragment::Share(String::new()));
        assert_eq!(classify("#share=7.abc"), Fragment::Newer("7".into()));
        assert_eq!(classify("#share=0.abc"), Fragment::Foreign);
        assert_eq!(classify("#share=x"), Fragment::Foreign);
        assert_eq!(classify("#section-2"), Fragment::Foreign);
    }

    #[test]
    fn payloads_round_trip_and_leave_defaults_out() {
        let mut saved = Saved::fresh();
        saved.text = Some("BACKUP SNAPSHOT db.`a=1:b` TO r;\n-- é ✓ \u{1F600}".into());
        let p = payload(&saved);
        assert!(!p.contains("target=") && !p.contains("scope=") && !p.contains("cursor="), "{p}");
        assert_eq!(parse_payload(&p), Ok(Shared { work: saved.clone(), catalog: None }));
        saved.cursor = 7;
        saved.target = Some("3.3".into());
        saved.cluster = Some("shared-data".into());
        saved.grantee = Some("USER 'it''s'@'%'".into());
        saved.scope = Some("broad".into());
        let p = payload(&saved);
        assert_eq!(parse_payload(&p), Ok(Shared { work: saved, catalog: None }));
    }

    #[test]
    fn links_round_trip_and_damaged_ones_say_why() {
        let saved =
            Saved { text: Some("BACKUP SNAPSHOT db.s TO r;\n-- é ✓".repeat(50)), ..Saved::fresh() };
        let data = pack(&payload(&saved));
        assert!(data.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{data}");
        assert!(
            data.len() < payload(&saved).len() / 4,
            "deflate should shrink repeated text: {}",
            data.len()
        );
        assert_eq!(read(&data), Ok(Shared { work: saved.clone(), catalog: None }));
        // The catalog only when asked for, as the JSON the CLI reads.
        let catalog: starrocks_backup_sql::check::Catalog =
            serde_json::from_str(r#"{"databases":[{"name":"sales","tables":[{"name":"orders"}]}]}"#).unwrap();
        let with = read(&pack_with(payload(&saved), Some(&catalog))).unwrap();
        assert_eq!(with.work, saved);
        let back: starrocks_backup_sql::check::Catalog =
            serde_json::from_str(with.catalog.as_deref().unwrap()).unwrap();
        assert_eq!(back, catalog);
        assert_eq!(read(&pack_with(payload(&saved), None)).unwrap().catalog, None);
        let mut checked = 0;
        for (bad, why) in [
            (&data[..data.len() / 2], "the link was cut or changed"),
            ("abc$", "not base64url"),
            (&pack("\u{0}garbage")[..], "holds"),
            (
                &base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 6))[..],
                "not UTF-8",
            ),
        ] {
            let e = read(bad).expect_err(bad);
            assert!(e.contains(why), "{bad}: {e}");
            checked += 1;
        }
        assert_eq!(checked, 4);
        // A bomb is refused, not inflated.
        let bomb = pack(&"a".repeat(MAX_INFLATED + 1));
        assert!(read(&bomb).is_err());
    }

    #[test]
    fn damaged_payloads_are_errors() {
        let good = payload(&Saved { text: Some("BACKUP".into()), ..Saved::fresh() });
        let mut checked = 0;
        for bad in [&good[..good.len() - 1], "text=99:BACKUP", "text=x:1", "text", "size=1:a", "cursor=1:1"] {
            assert!(parse_payload(bad).is_err(), "{bad}");
            checked += 1;
        }
        assert_eq!(checked, 6);
    }
}
