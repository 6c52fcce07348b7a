//! The Embed panel: the `<iframe>` snippet that embeds the current work in a docs page, with
//! its choices (read-only, theme, panels). Loaded on demand ([`crate::lazy::embed_panel`]).

use crate::browser;
use crate::embed::{query, Panels};
use crate::persist::Saved;
use crate::studio::Studio;
use leptos::prelude::*;

/// The address of this app with `pairs` as its query (values URI-encoded).
fn address(pairs: &[(&str, String)]) -> String {
    let base = web_sys::window()
        .and_then(|w| Some(format!("{}{}", w.location().origin().ok()?, w.location().pathname().ok()?)))
        .unwrap_or_default();
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            if v.is_empty() && *k != "sql" {
                k.to_string()
            } else {
                format!("{k}={}", String::from(js_sys::encode_uri_component(v)))
            }
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

/// The HTML a docs page needs: the iframe, and the script that sizes it to its content.
pub fn snippet(src: &str, read_only: bool) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    let title = if read_only {
        "StarRocks Backup Studio example (read-only)"
    } else {
        "StarRocks Backup Studio example"
    };
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" data-srbackup-embed\n  \
         style=\"width: 100%; height: 420px; border: 1px solid #d0d7de; border-radius: 6px\"></iframe>\n\
         <script>\n\
         // Sizes each embed to its content (once per page is enough).\n\
         addEventListener(\"message\", (e) => {{\n  \
         const m = e.data;\n  \
         if (!m || m.source !== \"srbackup-studio\" || typeof m.height !== \"number\") return;\n  \
         for (const f of document.querySelectorAll(\"iframe[data-srbackup-embed]\"))\n    \
         if (f.contentWindow === e.source) f.style.height = m.height + \"px\";\n\
         }});\n\
         </script>\n"
    )
}

/// The Embed panel; `open` closes it.
pub fn panel(studio: Studio, open: RwSignal<bool>) -> AnyView {
    let read_only = RwSignal::new(false);
    let theme = RwSignal::new("system".to_string());
    let panels = RwSignal::new(Panels::DEFAULT);
    let code = move || {
        let work = Saved::of(studio);
        let src = address(&query(&work, read_only.get(), &theme.get(), panels.get()));
        snippet(&src, read_only.get())
    };
    let toggle = move |name: &'static str| {
        let checked = move || {
            panels.with(|p| match name {
                "builder" => p.builder,
                "sql" => p.sql,
                "diagnostics" => p.diagnostics,
                "privileges" => p.privileges,
                _ => p.companions,
            })
        };
        let flip = move |_| {
            panels.update(|p| {
                let f = match name {
                    "builder" => &mut p.builder,
                    "sql" => &mut p.sql,
                    "diagnostics" => &mut p.diagnostics,
                    "privileges" => &mut p.privileges,
                    _ => &mut p.companions,
                };
                *f = !*f;
            })
        };
        view! {
            <label class="check"><input type="checkbox" prop:checked=checked on:change=flip />{name}</label>
        }
    };
    view! {
        <section class="panel embed-code" aria-labelledby="embed-heading">
            <div class="panel-head">
                <h2 id="embed-heading">"Embed this work in a page"</h2>
                <div class="actions">
                    <button type="button" id="embed-copy" class="primary" on:click=move |_| browser::copy(studio, code(), "the embed code")>"Copy code"</button>
                    <button type="button" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </div>
            <div class="row">
                <fieldset class="group">
                    <legend>"Panels"</legend>
                    <div class="checks">{Panels::NAMES.iter().map(|n| toggle(n)).collect_view()}</div>
                </fieldset>
                <div class="field">
                    <label for="f-embed-theme">"Theme"</label>
                    <select id="f-embed-theme" prop:value=move || theme.get() on:change=move |ev| theme.set(event_target_value(&ev))>
                        <option value="system">"the reader's system"</option>
                        <option value="light">"light"</option>
                        <option value="dark">"dark"</option>
                    </select>
                </div>
                <label class="check"><input type="checkbox" id="f-embed-readonly" prop:checked=move || read_only.get()
                    on:change=move |_| read_only.update(|r| *r = !*r) />"Read-only"</label>
            </div>
            <label for="embed-html">"HTML for the page (the iframe holds this text and these options; docs/embedding.md has the Docusaurus way)"</label>
            <textarea id="embed-html" readonly rows="10" spellcheck="false" prop:value=code></textarea>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_escapes_its_address_and_sizes_the_frame() {
        let s = snippet("https://x/app/?embed&sql=a%22b", true);
        assert!(s.contains("src=\"https://x/app/?embed&amp;sql=a%22b\""), "{s}");
        assert!(s.contains("(read-only)"));
        assert!(s.contains("m.source !== \"srbackup-studio\""));
        assert_eq!(s.matches("<iframe").count(), 1);
    }
}
