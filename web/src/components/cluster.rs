//! The catalog of the user's cluster (docs/catalog.md): load the demo one, upload or paste a
//! JSON document, or forget it; and the name lists (`<datalist>`) the builder's fields
//! complete from. Reading the JSON is done on demand ([`crate::lazy::parse_catalog`]): the
//! page does not load the JSON reader until a catalog is loaded.

use crate::browser;
use crate::lazy;
use crate::studio::{LoadedCatalog, Studio};
use leptos::prelude::*;
use starrocks_backup_sql::check::Catalog;
use starrocks_backup_sql::plan::AnyPlan;
use wasm_bindgen::prelude::*;

/// Where the catalog is kept between visits: `source`, a newline, the JSON text.
const CATALOG_KEY: &str = "srbackup.catalog";
/// The demo catalog (docs/examples/catalog.json), copied next to the app by Trunk (index.html).
const DEMO_URL: &str = "catalog.json";

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetchText)]
    fn fetch_text(url: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = fileText)]
    fn file_text(input: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<Option<String>, String> {
    let value = wasm_bindgen_futures::JsFuture::from(promise.map_err(describe)?).await.map_err(describe)?;
    Ok(value.as_string())
}

fn describe(e: JsValue) -> String {
    js_sys::Error::from(e).message().as_string().unwrap_or_else(|| "unknown error".into())
}

/// One line on a loaded catalog: what it holds.
pub fn summary(c: &Catalog) -> String {
    let tables: usize = c.databases.iter().map(|d| d.tables.len()).sum();
    let snapshots: usize = c.repositories.iter().map(|r| r.snapshots.len()).sum();
    let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    format!(
        "{}, {}, {} ({}), {}",
        n(c.databases.len(), "database", "databases"),
        n(tables, "table or view", "tables and views"),
        n(c.repositories.len(), "repository", "repositories"),
        n(snapshots, "snapshot", "snapshots"),
        n(c.external_catalogs.len(), "external catalog", "external catalogs"),
    )
}

/// Reads `text` as a catalog; on success it replaces the loaded one (and is kept for the
/// next visit), on failure `error` says where and why and the loaded one stays.
pub fn load(studio: Studio, error: RwSignal<Option<String>>, source: String, text: String, keep: bool) {
    leptos::task::spawn_local(async move {
        match lazy::parse_catalog(text.clone()).await {
            Ok(catalog) => {
                let line = summary(&catalog);
                studio.catalog.set(Some(LoadedCatalog { catalog, source: source.clone() }));
                error.set(None);
                if keep && !browser::save(CATALOG_KEY, &format!("{source}\n{text}")) {
                    studio.status.set(format!(
                        "Loaded {source} ({line}); the browser refused to keep it for the next visit."
                    ));
                } else {
                    studio.status.set(format!("Loaded {source}: {line}."));
                }
            }
            Err(e) => {
                let kept = studio.catalog.with_untracked(|c| match c {
                    Some(c) => format!("The catalog loaded before ({}) is still in use.", c.source),
                    None => "No catalog is loaded.".into(),
                });
                let at = if e.line == 0 {
                    String::new()
                } else {
                    format!(" at line {}, column {}", e.line, e.column)
                };
                error.set(Some(format!("{source} is not a valid catalog{at}: {}. {kept}", e.message)));
            }
        }
    });
}

/// Loads the catalog a share link carried (its errors go to the status line: there is no
/// catalog panel open to show them in).
pub fn load_shared(studio: Studio, json: String) {
    leptos::task::spawn_local(async move {
        match lazy::parse_catalog(json.clone()).await {
            Ok(catalog) => {
                let line = summary(&catalog);
                let source = "the shared catalog".to_string();
                studio.catalog.set(Some(LoadedCatalog { catalog, source: source.clone() }));
                browser::save(CATALOG_KEY, &format!("{source}\n{json}"));
                studio.status.set(format!("Loaded the shared catalog: {line}."));
            }
            Err(e) => studio.status.set(format!(
                "The link's catalog could not be read ({}); the catalog in use is unchanged.",
                e.message
            )),
        }
    });
}

/// Loads the catalog kept from the last visit, if any.
pub fn restore(studio: Studio) {
    let Some(kept) = browser::load(CATALOG_KEY) else { return };
    let (source, text) = kept.split_once('\n').unwrap_or(("the saved catalog", &kept));
    let (source, text) = (source.to_string(), text.to_string());
    leptos::task::spawn_local(async move {
        if let Ok(catalog) = lazy::parse_catalog(text).await {
            studio.catalog.set(Some(LoadedCatalog { catalog, source }));
        } else {
            // Written by an older app and no longer readable: forget it rather than fail on every visit.
            browser::remove(CATALOG_KEY);
        }
    });
}

/// The catalog's state, and a button that opens its controls (loaded on first opening:
/// [`crate::lazy::catalog_panel`]).
#[component]
pub fn ClusterCatalog(studio: Studio) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <fieldset class="group cluster-catalog">
            <legend>"Cluster catalog"</legend>
            <p class="catalog-state" id="catalog-state">{move || studio.catalog.with(|c| match c {
                Some(c) => format!("Loaded: {} — {}.", c.source, summary(&c.catalog)),
                None => "No catalog loaded: names are not checked against a cluster and not completed.".into(),
            })}</p>
            {move || studio.catalog.with(|c| c.is_some()).then(|| view! {
                <label class="check small"><input type="checkbox" id="catalog-share" prop:checked=move || studio.share_catalog.get()
                    on:change=move |_| studio.share_catalog.update(|s| *s = !*s) />"Include it in share links"</label>
            })}
            <button type="button" id="catalog-open" aria-expanded=move || open.get().to_string() aria-controls="catalog-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide catalog options" } else { "Load a catalog…" }}
            </button>
            <div id="catalog-panel" class:hidden=move || !open.get()>
                {move || open.get().then(|| lazy::show(lazy::catalog_panel(studio)))}
            </div>
        </fieldset>
    }
}

/// The catalog controls: load the demo, upload, paste, forget (made on demand).
pub fn panel(studio: Studio) -> AnyView {
    let error = RwSignal::new(None::<String>);
    let pasting = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let demo = move |_| {
        leptos::task::spawn_local(async move {
            match settle(fetch_text(DEMO_URL)).await {
                Ok(Some(text)) => load(studio, error, "the demo catalog".into(), text, true),
                Ok(None) | Err(_) => {
                    error.set(Some("The demo catalog could not be fetched from the server.".into()))
                }
            }
        });
    };
    let upload = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target() else { return };
        let input: JsValue = input.into();
        leptos::task::spawn_local(async move {
            match settle(file_text(&input)).await {
                Ok(Some(named)) => {
                    let (name, text) = named.split_once('\n').unwrap_or(("the file", &named));
                    load(studio, error, name.to_string(), text.to_string(), true);
                }
                Ok(None) => {}
                Err(e) => error.set(Some(format!("The file could not be read: {e}."))),
            }
        });
    };
    let use_pasted = move |_| {
        load(studio, error, "the pasted catalog".into(), pasted.get_untracked(), true);
    };
    let forget = move |_| {
        studio.catalog.set(None);
        error.set(None);
        browser::remove(CATALOG_KEY);
        studio.status.set("The catalog is forgotten: existence checks are off.".into());
    };
    view! {
        <p class="hint">"The JSON of your cluster (docs/catalog.md; examples/catalog_from_cluster.py writes it), or the demo's."</p>
        <div class="actions">
            <button type="button" id="catalog-demo" on:click=demo>"Load demo"</button>
            <input id="catalog-file" class="sr-only" type="file" accept=".json,application/json" on:change=upload />
            <label class="button" for="catalog-file">"Upload JSON…"</label>
            <button type="button" id="catalog-paste" aria-expanded=move || pasting.get().to_string()
                on:click=move |_| pasting.update(|p| *p = !*p)>"Paste…"</button>
            {move || studio.catalog.with(|c| c.is_some()).then(|| view! {
                <button type="button" id="catalog-forget" on:click=forget>"Forget"</button>
            })}
        </div>
        {move || pasting.get().then(|| view! {
            <div class="field">
                <label for="catalog-text">"Catalog JSON"</label>
                <textarea id="catalog-text" rows="6" spellcheck="false" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" id="catalog-use" class="primary" on:click=use_pasted>"Use this catalog"</button>
            </div>
        })}
        {move || error.get().map(|e| view! { <p class="field-diag error" role="alert" id="catalog-error">{e}</p> })}
    }
    .into_any()
}

/// The name lists the builder's fields offer, from the loaded catalog: databases,
/// repositories, external catalogs, the objects of the statement's database and the
/// snapshots of its repository.
pub fn name_lists(studio: Studio) -> AnyView {
    let names =
        |list: Vec<String>| list.into_iter().map(|n| view! { <option value=n></option> }).collect_view();
    let scope = Memo::new(move |_| {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => (p.database.clone(), Some(p.repository.clone())),
            Some(AnyPlan::Restore(p)) => (p.database.clone(), Some(p.repository.clone())),
            Some(AnyPlan::ClusterSnapshot(p)) => (p.source.database.clone(), None),
            None => (None, None),
        })
    });
    let with_catalog = move |f: &dyn Fn(&Catalog) -> Vec<String>| {
        studio.catalog.with(|c| c.as_ref().map(|c| f(&c.catalog)).unwrap_or_default())
    };
    view! {
        <datalist id="dl-databases">{move || names(with_catalog(&|c| c.databases.iter().map(|d| d.name.clone()).collect()))}</datalist>
        <datalist id="dl-repositories">{move || names(with_catalog(&|c| c.repositories.iter().map(|r| r.name.clone()).collect()))}</datalist>
        <datalist id="dl-external">{move || names(with_catalog(&|c| c.external_catalogs.clone()))}</datalist>
        <datalist id="dl-objects">{move || {
            let db = scope.with(|s| s.0.clone());
            names(with_catalog(&|c| {
                let name = db.clone().or_else(|| c.current_database.clone());
                let Some(d) = name.and_then(|n| c.database(&n)) else { return Vec::new() };
                let mut all: Vec<String> =
                    d.tables.iter().map(|t| t.name.clone()).chain(d.functions.iter().map(|f| f.name.clone())).collect();
                // A function has one entry per overload; offer its name once.
                all.dedup();
                all
            }))
        }}</datalist>
        <datalist id="dl-snapshots">{move || {
            let repo = scope.with(|s| s.1.clone());
            names(with_catalog(&|c| {
                repo.as_deref()
                    .and_then(|r| c.repository(r))
                    .map(|r| r.snapshots.iter().map(|s| s.name.clone()).collect())
                    .unwrap_or_default()
            }))
        }}</datalist>
    }
    .into_any()
}

/// The name lists, once a catalog is loaded ([`crate::lazy::name_lists`]).
#[component]
pub fn NameLists(studio: Studio) -> impl IntoView {
    let loaded = Memo::new(move |_| studio.catalog.with(Option::is_some));
    move || loaded.get().then(|| lazy::show(lazy::name_lists(studio)))
}
