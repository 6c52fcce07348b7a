//! Small building blocks of the builder: a labelled text field that sends a plan edit and
//! shows its own diagnostics, and the diagnostics list of one part.

use crate::studio::Studio;
use leptos::prelude::*;
use starrocks_backup_sql::plan::{AnyPlan, Part, PlanEdit};
use starrocks_backup_sql::Severity;

/// The diagnostics the core attached to `part` of the statement at the cursor, and the
/// refused value of `control`, if any.
pub fn part_diagnostics(studio: Studio, part: Part, control: String) -> impl IntoView {
    diagnostics_list(studio, move || studio.builder.with(|b| b.of_part(&part)), control)
}

/// The refused value of `control`, if any, and the diagnostics `diagnostics` returns.
pub fn diagnostics_list(
    studio: Studio,
    diagnostics: impl Fn() -> Vec<(Severity, &'static str, String)> + Send + Sync + 'static,
    control: String,
) -> impl IntoView {
    view! {
        <ul class="field-diags">
            {move || {
                studio.refused_value(&control).map(|r| view! {
                    <li class="field-diag error">"Not in the SQL: " {r.reason}</li>
                })
            }}
            {move || {
                diagnostics()
                    .into_iter()
                    .map(|(severity, code, message)| {
                        view! {
                            <li class=format!("field-diag {}", severity.as_str())>
                                <code>{code}</code> " " {message}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// A text field bound to one value of the plan; `hints` are its placeholder and the id of the
/// `<datalist>` it completes from (empty for none).
pub fn text_field(
    studio: Studio,
    control: String,
    label: String,
    part: Part,
    (placeholder, list): (&'static str, &'static str),
    read: impl Fn(&AnyPlan) -> String + Send + Sync + Copy + 'static,
    edit: impl Fn(String) -> PlanEdit + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let id = format!("f-{control}");
    let c = control.clone();
    let value = move || {
        studio
            .refused_value(&c)
            .map(|r| r.value)
            .unwrap_or_else(|| studio.builder.with(|b| b.plan.as_ref().map(read).unwrap_or_default()))
    };
    let c = control.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                spellcheck="false"
                autocomplete="off"
                placeholder=placeholder
                list=(!list.is_empty()).then_some(list)
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    studio.edit(&c, &v, edit(v.clone()));
                }
            />
            {part_diagnostics(studio, part, control)}
        </div>
    }
}
