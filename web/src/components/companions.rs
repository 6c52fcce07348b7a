//! The statements that come with the one at the cursor: the matching RESTORE, the repository
//! to create, how to watch or cancel the job and find the snapshot; and the whole runbook.

use crate::analysis::companions_of_plan;
use crate::browser;
use crate::studio::Studio;
use leptos::either::Either;
use leptos::prelude::*;
use starrocks_backup_sql::plan::{AnyPlan, Companions as CompanionSet, RepositoryStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Restore,
    Repository,
    ShowBackup,
    CancelBackup,
    ShowSnapshot,
}

const TABS: &[(Tab, &str)] = &[
    (Tab::Restore, "RESTORE"),
    (Tab::Repository, "CREATE REPOSITORY"),
    (Tab::ShowBackup, "SHOW BACKUP"),
    (Tab::CancelBackup, "CANCEL BACKUP"),
    (Tab::ShowSnapshot, "SHOW SNAPSHOT"),
];

fn tab_id(t: Tab) -> &'static str {
    match t {
        Tab::Restore => "restore",
        Tab::Repository => "repository",
        Tab::ShowBackup => "show-backup",
        Tab::CancelBackup => "cancel-backup",
        Tab::ShowSnapshot => "show-snapshot",
    }
}

/// (title, SQL, explanation) of a tab.
fn content(set: &CompanionSet, tab: Tab, style: RepositoryStyle) -> (String, String, String) {
    let c = match tab {
        Tab::Restore => &set.restore,
        Tab::ShowBackup => &set.show_backup,
        Tab::CancelBackup => &set.cancel_backup,
        Tab::ShowSnapshot => &set.show_snapshot,
        Tab::Repository => {
            let r = set.repositories.iter().find(|r| r.style == style).or(set.repositories.first());
            return r.map_or_else(Default::default, |r| {
                (format!("CREATE REPOSITORY ({})", r.style.label()), r.sql.clone(), r.explanation.clone())
            });
        }
    };
    (c.title.clone(), c.sql.clone(), c.explanation.clone())
}

/// The runbook: repository → grants → backup → watch → find the snapshot → restore.
fn runbook(set: &CompanionSet, style: RepositoryStyle, grants: &str, backup: &str) -> String {
    let (_, repository, _) = content(set, Tab::Repository, style);
    let grants = if grants.trim().is_empty() { "-- (no grants needed)\n" } else { grants };
    format!(
        "-- 1. The repository (once per cluster; replace every <placeholder>).\n{repository}\n\
         -- 2. The privileges of the account that runs the backup and the restore.\n{grants}\n\
         -- 3. The backup.\n{backup}\n\
         -- 4. Watch it until State is FINISHED.\n{}\n\
         -- 5. Find the snapshot's timestamp.\n{}\n\
         -- 6. Restore it (replace <backup_timestamp> with the timestamp from step 5).\n{}",
        set.show_backup.sql, set.show_snapshot.sql, set.restore.sql
    )
}

/// The companions panel, as [`crate::lazy::companions_panel`] loads it.
pub fn panel(studio: Studio) -> AnyView {
    view! { <Companions studio=studio /> }.into_any()
}

/// The companions panel.
#[component]
fn Companions(studio: Studio) -> impl IntoView {
    let tab = RwSignal::new(Tab::Restore);
    let style = RwSignal::new(RepositoryStyle::S3);
    let set = Memo::new(move |_| studio.builder.with(|b| companions_of_plan(b.plan.as_ref())));
    let restore_at_cursor =
        Memo::new(move |_| studio.builder.with(|b| matches!(b.plan, Some(AnyPlan::Restore(_)))));
    // A RESTORE has no RESTORE or CANCEL BACKUP companion: show what it has.
    let tabs = move || {
        TABS.iter()
            .copied()
            .filter(|(t, _)| !restore_at_cursor.get() || matches!(t, Tab::Repository | Tab::ShowSnapshot))
            .collect::<Vec<_>>()
    };
    let shown = move || {
        let t = tab.get();
        if tabs().iter().any(|(x, _)| *x == t) {
            t
        } else {
            Tab::Repository
        }
    };
    let current = move || set.with(|s| s.as_ref().ok().map(|s| content(s, shown(), style.get())));
    let copy_current = move |_| {
        if let Some((title, sql, _)) = current() {
            browser::copy(
                studio,
                sql,
                if title.starts_with("CREATE") { "the CREATE REPOSITORY" } else { "the statement" },
            );
        }
    };
    let insert_restore = move |_| {
        if let Some(Ok(plan)) =
            set.with_untracked(|s| s.as_ref().ok().map(|s| Ok::<_, ()>(s.restore_plan.clone())))
        {
            studio.insert(&AnyPlan::Restore(plan), "The matching RESTORE was added after the BACKUP.");
        }
    };
    let copy_runbook = move |_| {
        let text = set.with_untracked(|s| {
            let s = s.as_ref().ok()?;
            let backup = studio.builder.with_untracked(|b| b.sql.clone())?;
            let grants = studio.with_workspace(|ws| ws.grant_sql());
            Some(runbook(s, style.get_untracked(), &grants, &backup))
        });
        if let Some(text) = text {
            browser::copy(studio, text, "the runbook");
        }
    };
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let list = tabs();
        let Some(i) = list.iter().position(|(t, _)| *t == shown()) else { return };
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % list.len(),
            "ArrowLeft" => (i + list.len() - 1) % list.len(),
            "Home" => 0,
            "End" => list.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        tab.set(list[next].0);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("tab-{}", tab_id(list[next].0))))
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <section class="panel companions" aria-labelledby="companions-heading">
            <div class="panel-head">
                <h2 id="companions-heading">"Companion statements"</h2>
                <div class="actions">
                    <button type="button" on:click=copy_runbook prop:disabled=move || restore_at_cursor.get() || set.with(|s| s.is_err())
                        title="Repository, grants, backup, watch, find the snapshot, restore: one script">"Copy runbook"</button>
                </div>
            </div>
            {move || match set.get() {
                Err(why) => Either::Left(view! { <p class="muted">{why}</p> }),
                Ok(_) => Either::Right(view! {
                    <div role="tablist" aria-label="Companion statements" class="tabs" on:keydown=on_tab_key>
                        {move || tabs().into_iter().map(|(t, label)| view! {
                            <button type="button" role="tab" id=format!("tab-{}", tab_id(t))
                                aria-controls="companion-panel"
                                aria-selected=move || (shown() == t).to_string()
                                tabindex=move || if shown() == t { "0" } else { "-1" }
                                on:click=move |_| tab.set(t)>{label}</button>
                        }).collect_view()}
                    </div>
                    <div role="tabpanel" id="companion-panel" class="tab-panel"
                        aria-labelledby=move || format!("tab-{}", tab_id(shown()))>
                        {move || (shown() == Tab::Repository).then(|| view! {
                            <div class="field inline">
                                <label for="f-repo-style">"Storage"</label>
                                <select id="f-repo-style"
                                    prop:value=move || style.get().label()
                                    on:change=move |ev| {
                                        // Labels, not `{:?}`: release builds format no `Debug`.
                                        let v = event_target_value(&ev);
                                        if let Some(s) = RepositoryStyle::ALL.iter().find(|s| s.label() == v) {
                                            style.set(*s);
                                        }
                                    }>
                                    {RepositoryStyle::ALL.iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                                </select>
                            </div>
                        })}
                        {move || current().map(|(_, sql, explanation)| view! {
                            <pre class="companion-sql" id="companion-sql"><code>{sql}</code></pre>
                            <p class="hint">{explanation}</p>
                        })}
                        <div class="actions">
                            <button type="button" on:click=copy_current>"Copy"</button>
                            {move || (shown() == Tab::Restore && !studio.read_only).then(|| view! {
                                <button type="button" on:click=insert_restore>"Add to the SQL"</button>
                            })}
                        </div>
                        {move || restore_at_cursor.get().then(|| view! {
                            <p class="muted">"For a RESTORE: create the repository on this cluster with the same name and location as where the backup was taken (READ ONLY is enough), and find the backup_timestamp with SHOW SNAPSHOT."</p>
                        })}
                    </div>
                }),
            }}
        </section>
    }
}
