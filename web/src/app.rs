//! The page: header, builder beside the SQL and its diagnostics, privileges and companion
//! statements below. One [`Studio`] holds every signal; the components only show it.

use crate::browser;
use crate::components::{
    builder::Builder,
    cluster::{self, NameLists},
    diagnostics::Diagnostics,
    editor::Editor,
};
use crate::embed;
use crate::examples::{EXAMPLES, FIRST_VISIT};
use crate::lazy;
use crate::persist::{Persistence, Saved, THEME_KEY};
use crate::share::{self, Opened};
use crate::studio::Studio;
use leptos::either::Either;
use leptos::prelude::*;

/// The page: the full app, or an embed when the address asks for one (`?embed`).
#[component]
pub fn App() -> impl IntoView {
    match embed::from_page() {
        Some(options) => Either::Left(view! { <Embedded options=options /> }),
        None => Either::Right(view! { <Full /> }),
    }
}

/// A studio on `work` (its text, or the example when it has none).
fn studio_of(work: &Saved) -> Studio {
    let text = work.text.clone().unwrap_or_else(|| FIRST_VISIT.to_string());
    let cursor = work.cursor.min(text.len());
    let cursor = (0..=cursor).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let studio = Studio::new(text, cursor, work.settings());
    if let Some(g) = &work.grantee {
        // Kept exactly as typed, even when it does not parse yet.
        studio.grantee.set(g.clone());
    }
    studio.reset_history();
    studio
}

/// The status line fades after a few seconds (the live region has announced it by then).
fn fade_status(studio: Studio) {
    Effect::new(move |_| {
        let message = studio.status.get();
        if !message.is_empty() {
            set_timeout(
                move || {
                    if studio.status.get_untracked() == message {
                        studio.status.set(String::new());
                    }
                },
                std::time::Duration::from_secs(4),
            );
        }
    });
}

/// The status line: announced by a live region, shown as a toast.
fn status_line(studio: Studio) -> impl IntoView {
    view! {
        <div class="sr-only" role="status" aria-live="polite" id="status">{move || studio.status.get()}</div>
        <div class="toast" aria-hidden="true" class:shown=move || !studio.status.get().is_empty()>{move || studio.status.get()}</div>
    }
}

/// The embed: the chosen panels only, no header, nothing saved (see [`embed`]).
#[component]
fn Embedded(options: embed::Options) -> impl IntoView {
    let mut studio = studio_of(&options.work);
    studio.embedded = true;
    if options.read_only {
        studio = studio.into_read_only();
    }
    browser::apply_theme(&options.theme);
    fade_status(studio);
    let p = options.panels;
    let id = options.id.clone();
    let open_full = move |_| share::open_in_full_app(studio);
    Effect::new(move |_| embed::start_messages(&id));
    view! {
        <main class="studio embed" class:read-only=options.read_only>
            <h1 class="sr-only">{if options.read_only { "StarRocks Backup Studio example (read-only)" } else { "StarRocks Backup Studio example" }}</h1>
            {(!options.problems.is_empty()).then(|| view! {
                <div class="banner" role="alert"><p>{format!("This embed's address has problems: {}.", options.problems.join("; "))}</p></div>
            })}
            {p.builder.then(|| view! { <div class="col build"><Builder studio=studio /></div> })}
            {(p.sql || p.diagnostics).then(|| view! {
                <div class="col sql">
                    {p.sql.then(|| view! { <Editor studio=studio /> })}
                    {p.diagnostics.then(|| view! { <Diagnostics studio=studio /> })}
                </div>
            })}
            {p.privileges.then(|| view! { <div class="col grants">{lazy::deferred("privileges", "Privileges", lazy::privileges_panel(studio))}</div> })}
            {p.companions.then(|| view! { <div class="col more">{lazy::deferred("companions", "Companion statements", lazy::companions_panel(studio))}</div> })}
            <p class="embed-foot">
                <button type="button" class="link" on:click=open_full>"Open in StarRocks Backup Studio ↗"</button>
            </p>
        </main>
        {status_line(studio)}
    }
}

/// The full app, with saved work, share links and the catalog.
#[component]
fn Full() -> impl IntoView {
    let saved = Saved::load();
    let studio = studio_of(&saved);
    let persistence = Persistence::start(studio, saved);
    cluster::restore(studio);
    // A share link in the address: opened at once when nothing would be lost, else asked.
    let opened = RwSignal::new(None::<Opened>);
    share::open_fragment(studio, persistence, opened);
    fade_status(studio);
    let embedding = RwSignal::new(false);
    view! {
        <Header studio=studio embedding=embedding />
        {move || embedding.get().then(|| lazy::show(lazy::embed_panel(studio, embedding)))}
        {move || persistence.conflict.get().then(|| view! {
            <div class="banner" role="alert">
                <p>"Another tab changed the saved work. This tab has stopped saving so neither is overwritten."</p>
                <button type="button" on:click=move |_| persistence.load_theirs(studio)>"Load the other tab's work"</button>
                <button type="button" on:click=move |_| persistence.keep_mine(studio)>"Keep this tab's work"</button>
            </div>
        })}
        {move || opened.get().map(|o| match o {
            Opened::Ask(shared) => {
                let shared = StoredValue::new(shared);
                view! {
                    <div class="banner" role="alert">
                        <p>"This link holds shared work. Open it in place of your own? (Ctrl+Z brings yours back.)"</p>
                        <button type="button" on:click=move |_| {
                            share::open(studio, persistence, shared.get_value(), "Opened the shared work (Ctrl+Z brings back yours).");
                            share::clear_fragment();
                            opened.set(None);
                        }>"Open the shared work"</button>
                        <button type="button" on:click=move |_| { share::clear_fragment(); opened.set(None); }>"Keep my work"</button>
                    </div>
                }.into_any()
            }
            Opened::Failed(message) => view! {
                <div class="banner" role="alert">
                    <p>{message}</p>
                    <button type="button" on:click=move |_| { share::clear_fragment(); opened.set(None); }>"Dismiss"</button>
                </div>
            }.into_any(),
        })}
        {move || persistence.failed.get().then(|| view! {
            <div class="banner" role="alert"><p>"The browser refused to save your work (storage full or disabled). Copy or download the SQL before closing the page."</p></div>
        })}
        <main class="studio">
            <div class="col build"><Builder studio=studio /></div>
            <div class="col sql">
                <Editor studio=studio />
                <Diagnostics studio=studio />
            </div>
            <div class="col grants">{lazy::deferred("privileges", "Privileges", lazy::privileges_panel(studio))}</div>
            <div class="col more">{lazy::deferred("companions", "Companion statements", lazy::companions_panel(studio))}</div>
        </main>
        <NameLists studio=studio />
        {status_line(studio)}
    }
}

/// Title, examples, undo/redo and the theme.
#[component]
fn Header(studio: Studio, embedding: RwSignal<bool>) -> impl IntoView {
    let theme = RwSignal::new(browser::load(THEME_KEY).unwrap_or_else(|| "system".into()));
    Effect::new(move |_| browser::apply_theme(&theme.get()));
    let load_example = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some((label, sql)) = v.parse::<usize>().ok().and_then(|i| EXAMPLES.get(i)) {
            studio.replace_text(
                sql.to_string(),
                0,
                &format!("Loaded the example “{label}” (Ctrl+Z brings your text back)."),
            );
        }
        // Back to the prompt, so the same example can be picked again.
        if let Some(select) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value("");
        }
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>"StarRocks Backup Studio"</h1>
                <p class="tagline">"Build BACKUP and RESTORE statements by pointing or typing; see every problem and the GRANTs they need."</p>
            </div>
            <div class="header-actions">
                <label for="f-example" class="sr-only">"Examples"</label>
                <select id="f-example" on:change=load_example>
                    <option value="">"Examples…"</option>
                    {EXAMPLES.iter().enumerate().map(|(i, (label, _))| view! { <option value=i.to_string()>{*label}</option> }).collect_view()}
                </select>
                <button type="button" id="undo" on:click=move |_| studio.undo() prop:disabled=move || !studio.can_undo()
                    title="Undo (Ctrl+Z)">"Undo"</button>
                <button type="button" id="redo" on:click=move |_| studio.redo() prop:disabled=move || !studio.can_redo()
                    title="Redo (Ctrl+Shift+Z)">"Redo"</button>
                <button type="button" id="share" on:click=move |_| share::copy_link(studio)
                    title="Copy a link that opens this exact work (text, options, grantee) in another browser">"Share"</button>
                <button type="button" id="embed" aria-expanded=move || embedding.get().to_string()
                    on:click=move |_| embedding.update(|e| *e = !*e)
                    title="The HTML that embeds this work in a docs page">"Embed"</button>
                <label for="f-theme" class="sr-only">"Theme"</label>
                <select id="f-theme" prop:value=move || theme.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        browser::save(THEME_KEY, &v);
                        theme.set(v);
                    }>
                    <option value="system">"Theme: system"</option>
                    <option value="light">"Theme: light"</option>
                    <option value="dark">"Theme: dark"</option>
                </select>
            </div>
        </header>
    }
}
