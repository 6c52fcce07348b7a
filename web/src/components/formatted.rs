//! The canonical SQL output with a copy button.

use crate::analysis::Analysis;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Shows the canonical SQL and copies it to the clipboard on request.
#[component]
pub fn Formatted(analysis: Memo<Analysis>) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let copy = move |_| {
        const FAILED: &str = "Could not copy: select the text and copy it by hand.";
        let clipboard = window().navigator().clipboard();
        // Browsers only offer the clipboard API in secure contexts (https, localhost).
        if clipboard.is_undefined() {
            set_status.set(FAILED.to_string());
            return;
        }
        let text = analysis.with_untracked(|a| a.formatted.clone());
        let promise = clipboard.write_text(&text);
        spawn_local(async move {
            let message = if JsFuture::from(promise).await.is_ok() { "Copied." } else { FAILED };
            set_status.set(message.to_string());
        });
    };
    let statements = move || match analysis.with(|a| a.statements) {
        1 => "1 statement".to_string(),
        n => format!("{n} statements"),
    };
    view! {
        <section class="panel" aria-labelledby="formatted-heading">
            <div class="panel-title">
                <h2 id="formatted-heading">"Formatted SQL"</h2>
                <span class="count">{statements}</span>
                <button id="copy" type="button" on:click=copy>"Copy"</button>
                <span class="copy-status" role="status">{move || status.get()}</span>
            </div>
            <pre id="formatted" tabindex="0" aria-label="Formatted SQL">
                <code>{move || analysis.with(|a| a.formatted.clone())}</code>
            </pre>
        </section>
    }
}
