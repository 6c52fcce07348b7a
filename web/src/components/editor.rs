//! The SQL editor: a plain `<textarea>` (so the browser's own text editing, selection, IME
//! and accessibility all work) over a `<pre>` that shows the same text highlighted, with
//! squiggles under each diagnostic's span.
//!
//! The textarea's value is written only when the studio changes the text itself (builder
//! edits, fixes, undo), never while the user types, so the caret never jumps. Undo and redo
//! go to the studio's history, which holds typed and programmatic changes alike.

use crate::browser;
use crate::components::completion::Completer;
use crate::lazy;
use crate::slots::Slots;
use crate::studio::Studio;
use leptos::html;
use leptos::prelude::*;

/// The editor with its toolbar.
#[component]
pub fn Editor(studio: Studio) -> impl IntoView {
    let area = NodeRef::<html::Textarea>::new();
    let completer = Completer::new(studio);
    let overlay = NodeRef::<html::Pre>::new();
    let sync_scroll = move || {
        if let (Some(a), Some(o)) = (area.get_untracked(), overlay.get_untracked()) {
            o.set_scroll_top(a.scroll_top());
            o.set_scroll_left(a.scroll_left());
        }
    };
    // The studio changed the text: show it and put the caret where the studio says.
    Effect::new(move |_| {
        studio.revision.track();
        let Some(a) = area.get() else { return };
        let text = studio.text.get_untracked();
        if a.value() != text {
            a.set_value(&text);
        }
        let at = studio.cursor_utf16() as u32;
        let _ = a.set_selection_range(at, at);
        sync_scroll();
    });
    // A request to select a span (from a diagnostic).
    Effect::new(move |_| {
        let Some((start, end)) = studio.select.get() else { return };
        let Some(a) = area.get_untracked() else { return };
        let _ = a.focus();
        let _ = a.set_selection_range(start as u32, end as u32);
        studio.moved(start);
        // Scroll the selection into view: blur/focus is the portable way for a textarea.
        let _ = a.blur();
        let _ = a.focus();
        sync_scroll();
        studio.select.set(None);
    });
    let caret = move || {
        if let Some(a) = area.get_untracked() {
            if let Ok(Some(at)) = a.selection_start() {
                studio.moved(at as usize);
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(a) = area.get_untracked() else { return };
        let _ = ev;
        let at = a.selection_start().ok().flatten().unwrap_or(0) as usize;
        studio.typed(a.value(), at);
        completer.typed();
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if completer.key(&ev) {
            return;
        }
        let command = ev.ctrl_key() || ev.meta_key();
        let key = ev.key().to_ascii_lowercase();
        if command && key == "z" {
            ev.prevent_default();
            if ev.shift_key() {
                studio.redo();
            } else {
                studio.undo();
            }
        } else if command && key == "y" {
            ev.prevent_default();
            studio.redo();
        } else if key == "escape" {
            // Esc then Tab leaves the editor: the textarea keeps Tab as focus movement.
            if let Some(a) = area.get_untracked() {
                let _ = a.blur();
            }
        }
    };
    // The browser's own undo (Edit menu, context menu) would undo only what was typed.
    let on_beforeinput = move |ev: web_sys::InputEvent| match ev.input_type().as_str() {
        "historyUndo" => {
            ev.prevent_default();
            studio.undo();
        }
        "historyRedo" => {
            ev.prevent_default();
            studio.redo();
        }
        _ => {}
    };
    let format_disabled = move || studio.analysis.with(|a| !a.formattable);
    let format = move |_| {
        let formatted = studio.with_workspace(|ws| {
            let f = ws.formatted();
            (f.blocked_by.is_empty() && f.changed).then(|| f.text.clone())
        });
        if let Some(f) = formatted {
            let at = studio.cursor.get_untracked().min(f.len());
            let at = (0..=at).rev().find(|i| f.is_char_boundary(*i)).unwrap_or(0);
            studio.replace_text(f, at, "Formatted.");
        } else {
            studio.status.set("Already in canonical form.".into());
        }
    };
    let copy = move |_| browser::copy(studio, studio.text.get_untracked(), "SQL");
    let download = move |_| browser::download("backup.sql", &studio.text.get_untracked(), studio);
    let position = move || {
        let n = studio.analysis.with(|a| a.statements);
        match studio.builder.with(|b| b.statement) {
            Some(i) => format!("Statement {} of {n}", i + 1),
            None => format!("{n} statement{}", if n == 1 { "" } else { "s" }),
        }
    };
    let initial = studio.text.get_untracked();
    // The highlighted text, one signal per line (see `slots`): typing replaces one line's HTML.
    let lines = Slots::new(move || studio.analysis.with(|a| a.overlay.clone()));
    // The editor grows with its text (6 to 30 lines of 13px × 1.5, plus padding and room for
    // a horizontal scroll bar), so a short statement leaves no empty box and a long one scrolls.
    let height = move || {
        let lines = studio.text.with(|t| t.lines().count() + usize::from(t.ends_with('\n')));
        format!("calc({} * 19.5px + 1.2rem + 16px)", lines.clamp(6, 30))
    };
    view! {
        <section class="panel editor" aria-labelledby="sql-heading">
            <div class="panel-head">
                <h2 id="sql-heading"><label for="sql">"SQL"</label></h2>
                <span class="muted" id="sql-position">{position}</span>
                <div class="actions">
                    {(!studio.read_only).then(|| view! {
                        <button type="button" on:click=format prop:disabled=format_disabled
                            title="Rewrite the text in canonical form (needs no syntax errors)">"Format"</button>
                    })}
                    <button type="button" on:click=copy>"Copy"</button>
                    <button type="button" on:click=download>"Download .sql"</button>
                </div>
            </div>
            <div class="code-wrap">
            <div class="code-area" style:height=height>
                <pre class="overlay" aria-hidden="true" node_ref=overlay>
                    <For each=move || 0..lines.count() key=|i| *i let:i>
                        {
                            let line = lines.slot(i);
                            view! { <div class="line" inner_html=move || line.with(String::clone).unwrap_or_default()></div> }
                        }
                    </For>
                </pre>
                <textarea
                    id="sql"
                    node_ref=area
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    readonly=studio.read_only
                    aria-describedby="sql-hint"
                    aria-autocomplete="list"
                    aria-controls=move || completer.popup.with(|p| p.is_some().then_some("sql-completions"))
                    aria-activedescendant=move || completer.popup.with(|p| p.as_ref().map(|p| format!("sql-completion-{}", p.active)))
                    on:input=on_input
                    on:keydown=on_keydown
                    on:beforeinput=on_beforeinput
                    on:keyup=move |_| caret()
                    on:click=move |_| { completer.close(); caret() }
                    on:blur=move |_| completer.close()
                    on:select=move |_| caret()
                    on:focus=move |_| caret()
                    on:scroll=move |_| sync_scroll()
                >{initial}</textarea>
            </div>
            {move || completer.used.get().then(|| lazy::show(lazy::completion_list(completer, area)))}
            </div>
            <p id="sql-hint" class="hint">
                {if studio.read_only {
                    "A read-only example: select and copy it, or open it in Backup Studio to change it. Esc leaves the editor."
                } else {
                    "Type or paste SQL; the builder edits the statement at the cursor. Ctrl+Space suggests what fits at the cursor. Ctrl+Z / Ctrl+Shift+Z undo and redo everything, typing and builder edits alike. Esc leaves the editor."
                }}
            </p>
        </section>
    }
}
