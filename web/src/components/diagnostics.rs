//! The list of diagnostics.

use crate::analysis::{Analysis, DiagnosticRow};
use leptos::either::Either;
use leptos::prelude::*;

/// Lists every diagnostic with its severity, code, message and `line:column`.
#[component]
pub fn Diagnostics(analysis: Memo<Analysis>, set_sql: WriteSignal<String>) -> impl IntoView {
    let rows = move || analysis.with(|a| a.diagnostics.clone());
    let notes = move || analysis.with(|a| a.notes.clone());
    view! {
        <section class="panel" aria-labelledby="diagnostics-heading">
            <h2 id="diagnostics-heading">
                "Diagnostics " <span class="count">{move || rows().len()}</span>
            </h2>
            <div id="diagnostics" aria-live="polite">
                {move || {
                    let rows = rows();
                    if rows.is_empty() {
                        Either::Left(view! { <p class="all-clear">"No problems found."</p> })
                    } else {
                        Either::Right(view! {
                            <ul class="diagnostic-list">
                                {rows.into_iter().map(|d| row(d, set_sql)).collect_view()}
                            </ul>
                        })
                    }
                }}
            </div>
            {move || {
                let notes = notes();
                (!notes.is_empty()).then(|| view! {
                    <details id="notes" class="notes">
                        <summary>{format!("Notes ({})", notes.len())}</summary>
                        <ul class="diagnostic-list">{notes.into_iter().map(|d| row(d, set_sql)).collect_view()}</ul>
                    </details>
                })
            }}
        </section>
    }
}

fn row(d: DiagnosticRow, set_sql: WriteSignal<String>) -> impl IntoView {
    let severity = d.severity.as_str();
    view! {
        <li class=format!("diagnostic {severity}")>
            <span class="severity">{severity}</span>
            " "
            <code class="code">{d.code}</code>
            " "
            <span class="position">{format!("{}:{}", d.line, d.column)}</span>
            <p class="message">{d.message}</p>
            {d.help.map(|help| view! { <p class="help">"Help: " {help}</p> })}
            {d.fix.map(|(message, fixed)| {
                let label = format!("Apply fix: {message}");
                view! {
                    <button type="button" class="fix" aria-label=label.clone() on:click=move |_| set_sql.set(fixed.clone())>
                        {label.clone()}
                    </button>
                }
            })}
        </li>
    }
}
