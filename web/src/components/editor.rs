//! The SQL text area.

use leptos::prelude::*;

/// A labelled text area bound to the `sql` signal.
#[component]
pub fn Editor(sql: ReadSignal<String>, set_sql: WriteSignal<String>) -> impl IntoView {
    view! {
        <section class="panel editor" aria-labelledby="sql-heading">
            <h2 id="sql-heading"><label for="sql">"SQL"</label></h2>
            <textarea
                id="sql"
                rows="14"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="sql-hint"
                prop:value=move || sql.get()
                on:input=move |ev| set_sql.set(event_target_value(&ev))
            ></textarea>
            <p id="sql-hint" class="hint">
                "One or more statements, separated by semicolons. Results update as you type."
            </p>
        </section>
    }
}
