//! The list of diagnostics under the editor.

use crate::analysis::Row;
use crate::studio::Studio;
use leptos::either::Either;
use leptos::prelude::*;

/// Every error and warning with its code, message, position, help and fix; notes folded away.
/// Clicking a diagnostic selects its span in the editor.
#[component]
pub fn Diagnostics(studio: Studio) -> impl IntoView {
    let rows = Memo::new(move |_| studio.analysis.with(|a| a.diagnostics.clone()));
    let notes = Memo::new(move |_| studio.analysis.with(|a| a.notes.clone()));
    let summary = move || {
        let rows = rows.get();
        let errors = rows.iter().filter(|r| r.severity == starrocks_backup_sql::Severity::Error).count();
        let warnings = rows.len() - errors;
        match (errors, warnings) {
            (0, 0) => "No problems".to_string(),
            (e, w) => format!(
                "{e} error{}, {w} warning{}",
                if e == 1 { "" } else { "s" },
                if w == 1 { "" } else { "s" }
            ),
        }
    };
    view! {
        <section class="panel diagnostics" aria-labelledby="diagnostics-heading">
            <div class="panel-head">
                <h2 id="diagnostics-heading">"Diagnostics"</h2>
                <span class="count" id="diagnostics-summary" role="status" aria-live="polite">{summary}</span>
            </div>
            <div id="diagnostics">
                {move || {
                    let rows = rows.get();
                    if rows.is_empty() {
                        Either::Left(view! { <p class="all-clear">"No problems found for this version and cluster."</p> })
                    } else {
                        Either::Right(view! {
                            <ul class="diagnostic-list">
                                {rows.into_iter().map(|d| row(d, studio)).collect_view()}
                            </ul>
                        })
                    }
                }}
            </div>
            {move || {
                let notes = notes.get();
                (!notes.is_empty()).then(|| view! {
                    <details id="notes" class="notes">
                        <summary>{format!("Notes ({})", notes.len())}</summary>
                        <ul class="diagnostic-list">{notes.into_iter().map(|d| row(d, studio)).collect_view()}</ul>
                    </details>
                })
            }}
        </section>
    }
}

fn row(d: Row, studio: Studio) -> impl IntoView {
    let severity = d.severity.as_str();
    let (start, end) = (d.start, d.end);
    let index = d.index;
    // The visible text ("error SR320 1:63") is part of the name, as assistive tools expect.
    let locate = format!("Select {} {} {}:{} in the SQL", severity, d.code, d.line, d.column);
    view! {
        <li class=format!("diagnostic {severity}")>
            <button type="button" class="locate" aria-label=locate title="Select it in the SQL"
                on:click=move |_| studio.select.set(Some((start, end)))>
                <span class="severity">{severity}</span>
                " "
                <code class="code">{d.code}</code>
                " "
                <span class="position">{format!("{}:{}", d.line, d.column)}</span>
            </button>
            <p class="message">{d.message}</p>
            {d.help.map(|help| view! { <p class="help">{help}</p> })}
            {d.fix.filter(|_| !studio.read_only).map(|message| {
                let label = format!("Apply fix: {message}");
                view! {
                    <button type="button" class="fix" on:click=move |_| studio.apply_fix(index)>{label}</button>
                }
            })}
        </li>
    }
}
