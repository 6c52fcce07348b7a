//! The few browser services the app uses: the clipboard, file download, local storage and the
//! colour theme. Failures are reported in the status line, never thrown.

use crate::studio::Studio;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Copies `text` to the clipboard and says so (or says how to copy by hand).
pub fn copy(studio: Studio, text: String, what: &'static str) {
    copy_then(studio, text, what, format!("Copied {what}."));
}

/// Copies `text` to the clipboard, then shows `done` (or says how to copy by hand).
pub fn copy_then(studio: Studio, text: String, what: &'static str, done: String) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else { return };
    // Browsers hide the clipboard outside secure contexts (plain http from another host).
    if clipboard.is_undefined() {
        studio.status.set(format!(
            "Could not copy {what}: this page has no clipboard access. Select the text and press Ctrl+C."
        ));
        return;
    }
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done,
            Err(_) => format!(
                "Could not copy {what}: the browser refused the clipboard. Select the text and press Ctrl+C."
            ),
        };
        studio.status.set(message);
    });
}

/// Offers `text` as a file named `name`.
pub fn download(name: &str, text: &str, studio: Studio) {
    let result = (|| -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/sql;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    })();
    studio.status.set(match result {
        Some(()) => format!("Downloaded {name}."),
        None => "The browser refused the download.".to_string(),
    });
}

/// The page's local storage, when the browser allows it.
pub fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Reads a stored value.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value; false when the browser refused (quota, private mode).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a stored value.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The colour theme: `system`, `light` or `dark`.
pub fn apply_theme(theme: &str) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if theme == "system" {
            let _ = root.remove_attribute("data-theme");
        } else {
            let _ = root.set_attribute("data-theme", theme);
        }
    }
}

/// After the next render, moves the focus from the element whose id holds `-{from}-` to the
/// one whose id holds `-{to}-` (the same control of another object row), if both exist.
pub fn move_focus(from: usize, to: usize) {
    let Some(id) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .filter(|id| id.contains(&format!("-{from}-")))
    else {
        return;
    };
    let target = id.replacen(&format!("-{from}-"), &format!("-{to}-"), 1);
    request_animation_frame(move || {
        if let Some(e) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&target))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = e.focus();
        }
    });
}
