//! The privileges panel: who gets the grants, how wide they are, and each GRANT with why it
//! is needed and which objects need it.

use crate::analysis::{GrantView, Grants};
use crate::browser;
use crate::slots::{Slot, Slots};
use crate::studio::Studio;
use leptos::prelude::*;
use starrocks_backup_sql::privileges::{Grantee, Scope};

/// The privileges panel, as [`crate::lazy::privileges_panel`] loads it.
pub fn panel(studio: Studio) -> AnyView {
    view! { <Privileges studio=studio /> }.into_any()
}

/// The privileges panel.
#[component]
fn Privileges(studio: Studio) -> impl IntoView {
    let grantee_error = move || studio.grantee.with(|g| Grantee::parse(g).err());
    let grants = Memo::new(move |_| {
        studio.track_inputs();
        studio.with_workspace(Grants::of)
    });
    let grants_empty = Memo::new(move |_| grants.with(|g| g.rows.is_empty()));
    // The spans of the object that has focus in the builder, in the statement at the cursor.
    let focused = Memo::new(move |_| {
        let i = studio.focused_object.get()?;
        studio.builder.with(|b| Some((b.statement?, *b.object_spans.get(i)?)))
    });
    // One signal per grant (see `slots`): a keystroke re-renders only the grants it changed.
    let slots = Slots::new(move || {
        let focused = focused.get();
        grants.with(|g| g.views(focused))
    });
    let copy_grants =
        move |_| browser::copy(studio, studio.with_workspace(|ws| ws.grant_sql()), "the GRANT script");
    let copy_revokes =
        move |_| browser::copy(studio, studio.with_workspace(|ws| ws.revoke_sql()), "the REVOKE script");
    // The REVOKE script is made while its <details> is open, not on every keystroke.
    let revoke_open = RwSignal::new(false);
    let revoke_sql = move || {
        revoke_open.get().then(|| {
            studio.track_inputs();
            studio.with_workspace(|ws| ws.revoke_sql())
        })
    };
    view! {
        <section class="panel privileges" aria-labelledby="privileges-heading">
            <div class="panel-head">
                <h2 id="privileges-heading">"Privileges"</h2>
                <div class="actions">
                    <button type="button" on:click=copy_grants prop:disabled=move || grants_empty.get()>"Copy GRANTs"</button>
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
                <For each=move || 0..slots.count() key=|i| *i let:i>
                    {grant_row(slots.slot(i))}
                </For>
            </ol>
            {move || grants_empty.get().then(|| view! {
                <p class="muted">"No grants: put a BACKUP or RESTORE in the SQL."</p>
            })}
            {move || {
                let notes = grants.with(|g| g.notes.clone());
                (!notes.is_empty()).then(|| view! {
                    <ul class="grant-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                })
            }}
            {move || {
                let refusals = grants.with(|g| g.refusals.clone());
                (!refusals.is_empty()).then(|| view! {
                    <div class="refusals" role="note">
                        <p>"No GRANT can give these:"</p>
                        <ul>{refusals.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <details class="revoke" on:toggle=move |ev| revoke_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>"REVOKE script"</summary>
                <pre id="revoke-sql"><code>{revoke_sql}</code></pre>
                <button type="button" on:click=copy_revokes>"Copy REVOKEs"</button>
            </details>
        </section>
    }
}

/// One grant: the statement, why, what needs it; highlighted when it covers the focused object.
fn grant_row(grant: Slot<GrantView>) -> impl IntoView {
    let text = move |f: fn(&GrantView) -> &String| grant.with(|g| f(g).clone()).unwrap_or_default();
    view! {
        <li class="grant" class:covering=move || grant.with(|g| g.covering).unwrap_or(false)>
            <pre class="grant-sql"><code>{move || text(|g| &g.sql)}</code></pre>
            <ul class="reasons">
                {move || grant.with(|g| g.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view())}
            </ul>
            {move || {
                let needed = text(|g| &g.needed);
                (!needed.is_empty()).then(|| view! { <p class="covers">"Needed by: " {needed}</p> })
            }}
            {move || {
                let only_if = text(|g| &g.only_if);
                (!only_if.is_empty()).then(|| view! { <p class="only-if">"Only if: " {only_if}</p> })
            }}
        </li>
    }
}
