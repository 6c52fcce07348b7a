//! Work the app does only when asked: loaded on first use, not with the page.
//!
//! Each function here is an async function. In the release build (xtask's `build_app`, with
//! `--cfg srbackup_split`) it is a split point: `wasm-split-cli` moves it, with everything
//! only it reaches (serde_json for catalogs, the completion engine), into a chunk the browser
//! fetches the first time it is called (xtask/js/finish-release.mjs). Elsewhere (`trunk
//! serve`, native tests) it is an ordinary async function. Either way callers `.await` it.
//!
//! They take and return owned values: data, or a view ([`AnyView`]) that [`show`] puts in
//! the page when it is ready, so whole panels can be loaded when first opened.

use crate::components::completion::Completer;
use crate::studio::Studio;
use leptos::html;
use leptos::prelude::*;
use starrocks_backup_sql::check::{Catalog, Version};
use starrocks_backup_sql::complete::Completion;
use std::sync::Arc;

/// Declares `fn` as loaded on demand (see the module's documentation).
macro_rules! on_demand {
    ($(#[$meta:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(srbackup_split)]
        $(#[$meta])*
        #[leptos::prelude::lazy]
        pub fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(srbackup_split))]
        $(#[$meta])*
        pub async fn $name($($arg: $ty),*) -> $ret $body
    };
}

/// Why a catalog was refused, with where.
#[derive(Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// 1-based line of the problem (0 when the document ended early at no particular line).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, in serde_json's words (they name the field and what was expected).
    pub message: String,
}

on_demand! {
    /// Reads a catalog document (docs/catalog.md), exactly as the CLI's `--catalog` does:
    /// unknown fields are refused.
    pub fn parse_catalog(text: String) -> Result<Arc<Catalog>, CatalogError> {
        serde_json::from_str::<Catalog>(&text).map(Arc::new).map_err(|e| CatalogError {
            line: e.line(),
            column: e.column(),
            message: strip_position(e.to_string()),
        })
    }
}

/// What fits at byte `offset` of `text`: the grammar's keywords and, with a catalog, the
/// names of what the cluster holds.
pub fn complete(text: &str, offset: usize, catalog: Option<&Catalog>, target: Version) -> Completion {
    starrocks_backup_sql::complete::complete_for(text, offset, catalog, target)
}

on_demand! {
    /// Opens `completer`'s list at the caret (see [`Completer::suggest`]).
    pub fn suggest(completer: Completer, announce: bool, request: u64) -> () {
        completer.suggest(announce, request)
    }
}

on_demand! {
    /// The catalog panel's controls (load, upload, paste, forget).
    pub fn catalog_panel(studio: Studio) -> AnyView {
        crate::components::cluster::panel(studio)
    }
}

on_demand! {
    /// The `<datalist>`s the builder's fields complete from (only with a catalog).
    pub fn name_lists(studio: Studio) -> AnyView {
        crate::components::cluster::name_lists(studio)
    }
}

on_demand! {
    /// The SQL editor's completion list (only once Ctrl+Space was pressed).
    pub fn completion_list(completer: Completer, area: NodeRef<html::Textarea>) -> AnyView {
        crate::components::completion::list(completer, area)
    }
}

on_demand! {
    /// The privileges panel (grantee, scope, each GRANT with why; the GRANT and REVOKE
    /// scripts), with the privilege explainer it runs.
    pub fn privileges_panel(studio: Studio) -> AnyView {
        crate::components::privileges::panel(studio)
    }
}

on_demand! {
    /// The companion statements panel and the companions it writes.
    pub fn companions_panel(studio: Studio) -> AnyView {
        crate::components::companions::panel(studio)
    }
}

on_demand! {
    /// Loads the syntax-error explainer (expected words, did-you-mean, hints, fixes) and
    /// installs it in the core; until then, in the release build, syntax errors get a short
    /// message. Loaded on the first syntax error.
    #[cfg(srbackup_deferred_explain)]
    pub fn explainer() -> () {
        starrocks_backup_sql::install_explainer();
    }
}

on_demand! {
    /// The cluster-snapshot form of shared-data clusters (loaded the first time the cursor is
    /// in a cluster-snapshot statement).
    pub fn cluster_snapshot_form(studio: Studio) -> AnyView {
        leptos::prelude::view! { <crate::components::cluster_snapshot::ClusterSnapshotForm studio=studio /> }.into_any()
    }
}

on_demand! {
    /// The Embed panel: the iframe snippet for the current work ([`crate::components::embed_code`]).
    pub fn embed_panel(studio: Studio, open: RwSignal<bool>) -> AnyView {
        crate::components::embed_code::panel(studio, open)
    }
}

on_demand! {
    /// A share link's data for `payload` and, when the sharer asked, the catalog (deflated,
    /// base64url; [`crate::share::pack_with`]).
    pub fn share_data(payload: String, catalog: Option<Arc<Catalog>>) -> String {
        crate::share::pack_with(payload, catalog.as_deref())
    }
}

on_demand! {
    /// The work a share link's data holds, or why it cannot be read ([`crate::share::read`]).
    pub fn shared_work(data: String) -> Result<crate::share::Shared, String> {
        crate::share::read(&data)
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = whenNeeded)]
    fn when_needed(element: &web_sys::Element) -> js_sys::Promise;
}

/// A panel below the fold: a placeholder with its title until the panel is needed (it comes
/// near the viewport, or the user first presses a key or a pointer, `web/js/page.js`), then
/// the view `load` makes. The page's first load does not wait for, or fetch, such panels.
pub fn deferred(
    class: &'static str,
    title: &'static str,
    load: impl std::future::Future<Output = AnyView> + 'static,
) -> impl IntoView {
    let placeholder = NodeRef::<html::Section>::new();
    let load = StoredValue::new_local(Some(load));
    let view = RwSignal::new(false);
    let shown = StoredValue::new_local(None::<AnyView>);
    Effect::new(move |_| {
        let (Some(element), Some(load)) = (placeholder.get(), load.try_update_value(Option::take).flatten())
        else {
            return;
        };
        let needed = when_needed(&element);
        leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(needed).await;
            let made = load.await;
            if shown.try_set_value(Some(made)).is_none() {
                view.try_set(true);
            }
        }));
    });
    move || {
        if view.get() {
            shown.try_update_value(Option::take).flatten().map(leptos::either::Either::Left)
        } else {
            Some(leptos::either::Either::Right(view! {
                <section class=format!("panel {class} pending") aria-busy="true" node_ref=placeholder>
                    <div class="panel-head"><h2>{title}</h2></div>
                    <p class="muted">"Loading…"</p>
                </section>
            }))
        }
    }
}

/// Shows the view `view` makes, once it is there (nothing until then). The view is made
/// under the current owner, so its signals and effects go when the place it is shown goes.
/// (Leptos's `Suspend` does the same with transitions and error hooks, for 4 KB gzip more.)
pub fn show(view: impl std::future::Future<Output = AnyView> + 'static) -> impl IntoView {
    let ready = RwSignal::new(false);
    let made = StoredValue::new_local(None::<AnyView>);
    leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
        let view = view.await;
        if made.try_set_value(Some(view)).is_none() {
            ready.try_set(true);
        }
    }));
    move || ready.get().then(|| made.try_update_value(Option::take).flatten())
}

/// serde_json ends its messages with " at line L column C"; the app shows the position itself.
fn strip_position(message: String) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block<T>(f: impl std::future::Future<Output = T>) -> T {
        futures::executor::block_on(f)
    }

    #[test]
    fn a_catalog_is_read_and_a_bad_one_says_where() {
        let ok =
            block(parse_catalog(r#"{"databases":[{"name":"sales","tables":[{"name":"orders"}]}]}"#.into()));
        assert_eq!(ok.ok().map(|c| c.databases[0].tables[0].name.clone()).as_deref(), Some("orders"));
        let bad = block(parse_catalog("{\n  \"databases\": [{\"name\": \"d\", \"tabels\": []}]\n}".into()));
        let e = bad.expect_err("an unknown field is refused");
        // serde_json points at the end of the offending key.
        assert_eq!((e.line, e.column), (2, 38));
        assert!(e.message.starts_with("unknown field `tabels`"), "{}", e.message);
        let cut = block(parse_catalog("{\"databases\": [".into())).expect_err("cut short");
        assert_eq!(cut.line, 1);
        assert!(cut.message.contains("EOF"), "{}", cut.message);
    }

    #[test]
    fn completion_offers_catalog_names() {
        let catalog =
            block(parse_catalog(r#"{"databases":[{"name":"sales","tables":[{"name":"orders"}]}]}"#.into()))
                .ok();
        let text = "BACKUP SNAPSHOT sales.s TO r ON (TABLE or";
        let c = complete(text, text.len(), catalog.as_deref(), Version::LATEST);
        assert!(c.items.iter().any(|i| i.label == "orders"), "{:?}", c.items);
    }
}
