//! The privileges panel: who gets the grants, how wide they are, and each GRANT with why it
//! is needed and which objects need it.

use crate::analysis::GrantRow;
use crate::browser;
use crate::studio::Studio;
use leptos::prelude::*;
use starrocks_backup_sql::privileges::{Grantee, Scope};
use starrocks_backup_sql::Span;

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end || a == b
}

/// The privileges panel.
#[component]
pub fn Privileges(studio: Studio) -> impl IntoView {
    let grantee_error = move || studio.grantee.with(|g| Grantee::parse(g).err());
    let grants = Memo::new(move |_| studio.analysis.with(|a| a.grants.clone()));
    // The spans of the object that has focus in the builder, in the statement at the cursor.
    let focused = Memo::new(move |_| {
        let i = studio.focused_object.get()?;
        studio.builder.with(|b| Some((b.statement?, *b.object_spans.get(i)?)))
    });
    let covers_focused = move |g: &GrantRow| {
        focused
            .get()
            .is_some_and(|(stmt, span)| g.covers.iter().any(|(s, _, c)| *s == stmt && overlaps(*c, span)))
    };
    let copy_grants = move |_| {
        browser::copy(studio, studio.analysis.with_untracked(|a| a.grant_sql.clone()), "the GRANT script")
    };
    let copy_revokes = move |_| {
        browser::copy(studio, studio.analysis.with_untracked(|a| a.revoke_sql.clone()), "the REVOKE script")
    };
    view! {
        <section class="panel privileges" aria-labelledby="privileges-heading">
            <div class="panel-head">
                <h2 id="privileges-heading">"Privileges"</h2>
                <div class="actions">
                    <button type="button" on:click=copy_grants prop:disabled=move || grants.with(|g| g.is_empty())>"Copy GRANTs"</button>
                </div>
            </div>
            <div class="row">
                <div class="field grow">
                    <label for="f-grantee">"Grantee"</label>
                    <input id="f-grantee" type="text" spellcheck="false" autocomplete="off"
                        placeholder="ROLE backup_operator  or  USER 'etl'@'%'"
                        aria-invalid=move || grantee_error().is_some().to_string()
                        aria-describedby="grantee-error"
                        prop:value=move || studio.grantee.get()
                        on:input=move |ev| studio.grantee.set(event_target_value(&ev)) />
                    <p id="grantee-error" class="field-diag error" class:hidden=move || grantee_error().is_none()>
                        {move || grantee_error().map(|e| format!("{e} (the grants below are for the last valid grantee)"))}
                    </p>
                </div>
                <div class="field">
                    <label for="f-scope">"Scope"</label>
                    <select id="f-scope"
                        prop:value=move || match studio.scope.get() { Scope::Auto => "auto", Scope::Exact => "exact", Scope::Broad => "broad" }
                        on:change=move |ev| studio.scope.set(match event_target_value(&ev).as_str() {
                            "exact" => Scope::Exact,
                            "broad" => Scope::Broad,
                            _ => Scope::Auto,
                        })>
                        <option value="auto">"as the statement says"</option>
                        <option value="exact">"exact: one grant per object"</option>
                        <option value="broad">"broad: ALL … IN DATABASE"</option>
                    </select>
                </div>
            </div>
            <p class="hint">"Focus an object in the builder to see the grant that covers it."</p>
            <ol class="grants" id="grants">
                {move || grants.get().into_iter().map(|g| {
                    let g2 = g.clone();
                    let needed: Vec<String> = g.covers.iter().map(|(_, what, _)| what.clone()).collect();
                    view! {
                        <li class="grant" class:covering=move || covers_focused(&g2)>
                            <pre class="grant-sql"><code>{g.sql.clone()}</code></pre>
                            <ul class="reasons">{g.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                            {(!needed.is_empty()).then(|| view! {
                                <p class="covers">"Needed by: " {needed.join(", ")}</p>
                            })}
                            {(!g.only_if.is_empty()).then(|| view! {
                                <p class="only-if">"Only if: " {g.only_if.join("; ")}</p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || grants.with(|g| g.is_empty()).then(|| view! {
                <p class="muted">"No grants: put a BACKUP or RESTORE in the SQL."</p>
            })}
            {move || {
                let notes = studio.analysis.with(|a| a.grant_notes.clone());
                (!notes.is_empty()).then(|| view! {
                    <ul class="grant-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                })
            }}
            {move || {
                let refusals = studio.analysis.with(|a| a.refusals.clone());
                (!refusals.is_empty()).then(|| view! {
                    <div class="refusals" role="note">
                        <p>"No GRANT can give these:"</p>
                        <ul>{refusals.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <details class="revoke">
                <summary>"REVOKE script"</summary>
                <pre id="revoke-sql"><code>{move || studio.analysis.with(|a| a.revoke_sql.clone())}</code></pre>
                <button type="button" on:click=copy_revokes>"Copy REVOKEs"</button>
            </details>
        </section>
    }
}
