//! The visual builder: the BACKUP or RESTORE at the cursor as controls. Every control sends
//! a [`PlanEdit`] through the studio; what it shows is read from the builder memo.

use crate::analysis::ObjectRowData;
use crate::components::cluster::ClusterCatalog;
use crate::components::cluster_snapshot::new_cluster_snapshot;
use crate::components::fields::{diagnostics_list, part_diagnostics, text_field};
use crate::examples::{new_backup, new_restore, today};
use crate::slots::{Slot, Slots};
use crate::studio::{Studio, TARGETS};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use starrocks_backup_sql::check::{ClusterMode, Version};
use starrocks_backup_sql::plan::{
    AnyPlan, BackupCatalogs, BackupType, CatalogRename, ClusterSnapshotAction, ObjectKind, Part, Partitions,
    PlanEdit, PlanObject, RestoreCatalogs, Syntax,
};

const KINDS: &[(ObjectKind, &str)] = &[
    (ObjectKind::Table, "Table"),
    (ObjectKind::MaterializedView, "Materialized view"),
    (ObjectKind::View, "View"),
    (ObjectKind::Function, "Function"),
];

fn kind_value(k: ObjectKind) -> &'static str {
    match k {
        ObjectKind::Table => "table",
        ObjectKind::MaterializedView => "mv",
        ObjectKind::View => "view",
        ObjectKind::Function => "function",
    }
}

fn kind_of(v: &str) -> ObjectKind {
    match v {
        "mv" => ObjectKind::MaterializedView,
        "view" => ObjectKind::View,
        "function" => ObjectKind::Function,
        _ => ObjectKind::Table,
    }
}

fn kind_keyword(k: ObjectKind) -> &'static str {
    match k {
        ObjectKind::Table => "TABLE",
        ObjectKind::MaterializedView => "MATERIALIZED VIEW",
        ObjectKind::View => "VIEW",
        ObjectKind::Function => "FUNCTION",
    }
}

fn plural(k: ObjectKind) -> &'static str {
    match k {
        ObjectKind::Table => "ALL TABLES",
        ObjectKind::MaterializedView => "ALL MATERIALIZED VIEWS",
        ObjectKind::View => "ALL VIEWS",
        ObjectKind::Function => "ALL FUNCTIONS",
    }
}

/// What the builder is showing: no plan, a BACKUP, a RESTORE or a cluster snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    None,
    Backup,
    Restore,
    Cluster,
}

/// The builder panel.
#[component]
pub fn Builder(studio: Studio) -> impl IntoView {
    let shape = Memo::new(move |_| {
        studio.builder.with(|b| match &b.plan {
            None => Shape::None,
            Some(AnyPlan::Backup(_)) => Shape::Backup,
            Some(AnyPlan::Restore(_)) => Shape::Restore,
            Some(AnyPlan::ClusterSnapshot(_)) => Shape::Cluster,
        })
    });
    let shared_data = move || studio.cluster.get() == ClusterMode::SharedData;
    let editable = Memo::new(move |_| studio.builder.with(|b| b.editable));
    view! {
        <section class="panel builder" aria-labelledby="builder-heading">
            <div class="panel-head">
                <h2 id="builder-heading">"Builder"</h2>
                {(!studio.read_only).then(|| view! {
                    <div class="actions">
                        {move || if shared_data() {
                            Either::Left(view! {
                                <button type="button" on:click=move |_| studio.insert(&new_cluster_snapshot(studio, ClusterSnapshotAction::AutomatedOn), "Automated cluster snapshots added.")>
                                    "+ Automated snapshots"
                                </button>
                                <button type="button" on:click=move |_| studio.insert(&new_cluster_snapshot(studio, ClusterSnapshotAction::Create), "New cluster snapshot added.")>
                                    "+ Cluster snapshot"
                                </button>
                                <button type="button" on:click=move |_| studio.insert(&new_cluster_snapshot(studio, ClusterSnapshotAction::RestoreTable), "New RESTORE TABLE added.")>
                                    "+ Restore a table"
                                </button>
                            })
                        } else {
                            Either::Right(view! {
                                <button type="button" on:click=move |_| studio.insert(&new_backup(studio.settings()), "New BACKUP added.")>
                                    "+ New BACKUP"
                                </button>
                                <button type="button" on:click=move |_| studio.insert(&new_restore(studio.settings()), "New RESTORE added.")>
                                    "+ New RESTORE"
                                </button>
                            })
                        }}
                    </div>
                })}
            </div>
            <fieldset class="plain" disabled=studio.read_only>
                <legend class="sr-only">"Statement settings"</legend>
                <Settings studio=studio />
            </fieldset>
            {move || {
                let problems = studio.builder.with(|b| b.problems.clone());
                (!problems.is_empty()).then(|| view! {
                    <div class="builder-problems" role="note">
                        <p>{if shape.get() == Shape::None { "Nothing to build here:" } else { "The builder shows this statement but cannot edit it:" }}</p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        {(shape.get() == Shape::None).then(|| view! {
                            <p class="hint">"Put the cursor in a BACKUP, a RESTORE or a cluster-snapshot statement in the SQL, pick an example, or add a new statement."</p>
                        })}
                    </div>
                })
            }}
            {move || match shape.get() {
                Shape::None => EitherOf3::A(()),
                Shape::Cluster => EitherOf3::B(view! {
                    <fieldset class="statement-form" prop:disabled=move || studio.read_only || !editable.get()>
                        <legend class="sr-only">"Statement"</legend>
                        {crate::lazy::show(crate::lazy::cluster_snapshot_form(studio))}
                    </fieldset>
                }),
                s => EitherOf3::C(view! {
                    <fieldset class="statement-form" prop:disabled=move || studio.read_only || !editable.get()>
                        <legend class="sr-only">"Statement"</legend>
                        <Names studio=studio restore=s == Shape::Restore />
                        <Contents studio=studio restore=s == Shape::Restore />
                        <Props studio=studio restore=s == Shape::Restore />
                        {part_diagnostics(studio, Part::Statement, String::new())}
                    </fieldset>
                }),
            }}
        </section>
    }
}

/// Statement kind, syntax, target version and cluster mode.
#[component]
fn Settings(studio: Studio) -> impl IntoView {
    let restore = move || studio.builder.with(|b| matches!(b.plan, Some(AnyPlan::Restore(_))));
    let has_plan = move || studio.builder.with(|b| b.plan.is_some());
    let cluster_plan = move || studio.builder.with(|b| matches!(b.plan, Some(AnyPlan::ClusterSnapshot(_))));
    let syntax = move || {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => Some(p.syntax),
            Some(AnyPlan::Restore(p)) => Some(p.syntax),
            _ => None,
        })
    };
    view! {
        <div class="settings">
            <div class="field fixed" class:hidden=cluster_plan>
                <span class="label" id="kind-label">"Statement"</span>
                <div class="segmented" role="group" aria-labelledby="kind-label">
                    <button type="button" aria-pressed=move || (has_plan() && !restore()).to_string()
                        on:click=move |_| studio.edit("statement", "BACKUP", PlanEdit::Statement { restore: false })>"BACKUP"</button>
                    <button type="button" aria-pressed=move || restore().to_string()
                        on:click=move |_| studio.edit("statement", "RESTORE", PlanEdit::Statement { restore: true })>"RESTORE"</button>
                </div>
                {part_diagnostics(studio, Part::Statement, "statement".into()).into_any()}
            </div>
            <div class="field wide" class:hidden=cluster_plan>
                <label for="f-syntax">"Syntax"</label>
                <select id="f-syntax" prop:value=move || match syntax() { Some(Syntax::Pre34) => "legacy", _ => "v34" }
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let syntax = if v == "legacy" { Syntax::Pre34 } else { Syntax::V34 };
                        studio.edit("syntax", &v, PlanEdit::Syntax { syntax });
                    }>
                    <option value="v34">"3.4+ (DATABASE db SNAPSHOT s)"</option>
                    <option value="legacy">"before 3.4 (SNAPSHOT db.s)"</option>
                </select>
                {move || studio.refused_value("syntax").map(|r| view! { <p class="field-diag error">"Not converted: " {r.reason}</p> })}
            </div>
            <div class="field">
                <label for="f-target">"StarRocks version"</label>
                <select id="f-target" prop:value=move || studio.target.get().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = Version::parse(&event_target_value(&ev)) {
                            studio.target.set(v);
                        }
                    }>
                    {TARGETS.iter().map(|(label, v)| view! { <option value=v.to_string()>{*label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-cluster">"Cluster"</label>
                <select id="f-cluster" prop:value=move || if studio.cluster.get() == ClusterMode::SharedData { "shared-data" } else { "shared-nothing" }
                    on:change=move |ev| studio.cluster.set(if event_target_value(&ev) == "shared-data" { ClusterMode::SharedData } else { ClusterMode::SharedNothing })>
                    <option value="shared-nothing">"shared-nothing"</option>
                    <option value="shared-data">"shared-data"</option>
                </select>
            </div>
            {move || (studio.cluster.get() == ClusterMode::SharedData && !cluster_plan()).then(|| view! {
                <p class="notice" role="note">
                    <strong>"BACKUP and RESTORE do not run on shared-data clusters."</strong>
                    " Shared-data clusters are protected by cluster snapshots: automated ones ("
                    <code>"ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON"</code>
                    ", 3.4.2+), ones taken by hand ("
                    <code>"CREATE CLUSTER SNAPSHOT"</code>
                    "), and "
                    <code>"RESTORE TABLE … FROM SNAPSHOT"</code>
                    " for one table; a whole cluster is restored from one at start-up. Add them with the buttons above. The BACKUP or RESTORE below is still checked, for a shared-nothing cluster you may run it on."
                </p>
            })}
            {(!studio.embedded).then(|| view! { <ClusterCatalog studio=studio /> })}
        </div>
    }
}

/// Database, snapshot and repository (and the RESTORE's new database name).
#[component]
fn Names(studio: Studio, restore: bool) -> impl IntoView {
    let v34 = move || {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => p.syntax == Syntax::V34,
            Some(AnyPlan::Restore(p)) => p.syntax == Syntax::V34,
            _ => true,
        })
    };
    let stamp = move |_| {
        let db = studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => p.database.clone(),
            Some(AnyPlan::Restore(p)) => p.database.clone(),
            _ => None,
        });
        let name = format!("{}_{}", db.unwrap_or_else(|| "snapshot".into()), today());
        studio.edit("snapshot", &name, PlanEdit::Snapshot { name: name.clone() });
    };
    view! {
        <fieldset class="group">
            <legend>"Names"</legend>
            <div class="row">
                {text_field(studio, "database".into(), "Database".into(), Part::Database, ("the session's current database", "dl-databases"),
                    |p| match p { AnyPlan::Backup(b) => b.database.clone().unwrap_or_default(), AnyPlan::Restore(r) => r.database.clone().unwrap_or_default(), _ => String::new() },
                    |v| PlanEdit::Database { name: Some(v) })}
                {restore.then(|| view! {
                    <div class="field-wrap" class:hidden=move || !v34()>
                        {text_field(studio, "database-alias".into(), "Restore into database (AS)".into(), Part::DatabaseAlias, ("same name", ""),
                            |p| match p { AnyPlan::Restore(r) => r.database_alias.clone().unwrap_or_default(), _ => String::new() },
                            |v| PlanEdit::DatabaseAlias { alias: Some(v) })}
                    </div>
                })}
            </div>
            <div class="row">
                {text_field(studio, "snapshot".into(), "Snapshot".into(), Part::Snapshot, ("snapshot name", if restore { "dl-snapshots" } else { "" }),
                    |p| match p { AnyPlan::Backup(b) => b.snapshot.clone(), AnyPlan::Restore(r) => r.snapshot.clone(), _ => String::new() },
                    |v| PlanEdit::Snapshot { name: v })}
                {(!restore).then(|| view! {
                    <button type="button" class="stamp" title="Name the snapshot after the database and today's date" on:click=stamp>"Date-stamp"</button>
                })}
                {text_field(studio, "repository".into(), "Repository".into(), Part::Repository, ("repository name", "dl-repositories"),
                    |p| match p { AnyPlan::Backup(b) => b.repository.clone(), AnyPlan::Restore(r) => r.repository.clone(), _ => String::new() },
                    |v| PlanEdit::Repository { name: v })}
            </div>
        </fieldset>
    }
}

/// What is backed up or restored: database objects or external catalogs.
#[component]
fn Contents(studio: Studio, restore: bool) -> impl IntoView {
    let catalogs_mode = Memo::new(move |_| {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => p.catalogs.is_some(),
            Some(AnyPlan::Restore(p)) => p.catalogs.is_some(),
            _ => false,
        })
    });
    let set_mode = move |catalogs: bool| {
        let edit = match (restore, catalogs) {
            (false, true) => PlanEdit::BackupCatalogs { catalogs: Some(BackupCatalogs::All) },
            (false, false) => PlanEdit::BackupCatalogs { catalogs: None },
            (true, true) => PlanEdit::RestoreCatalogs { catalogs: Some(RestoreCatalogs::All) },
            (true, false) => PlanEdit::RestoreCatalogs { catalogs: None },
        };
        studio.edit("mode", if catalogs { "catalogs" } else { "objects" }, edit);
    };
    view! {
        <fieldset class="group">
            <legend>{if restore { "What to restore" } else { "What to back up" }}</legend>
            <div class="segmented" role="radiogroup" aria-label="Contents">
                <button type="button" role="radio" aria-checked=move || (!catalogs_mode.get()).to_string() on:click=move |_| set_mode(false)>
                    "Database objects"
                </button>
                <button type="button" role="radio" aria-checked=move || catalogs_mode.get().to_string() on:click=move |_| set_mode(true)>
                    "External catalogs"
                </button>
            </div>
            {move || studio.refused_value("mode").map(|r| view! { <p class="field-diag error">{r.reason}</p> })}
            {move || if catalogs_mode.get() {
                Either::Left(view! { <Catalogs studio=studio restore=restore /> })
            } else {
                Either::Right(view! { <Objects studio=studio restore=restore /> })
            }}
        </fieldset>
    }
}

/// The `ON (…)` list.
#[component]
fn Objects(studio: Studio, restore: bool) -> impl IntoView {
    // One signal per row (see `slots`): an edit re-renders only the rows it changed.
    let slots = Slots::new(move || {
        let focused = studio.focused_object.get();
        studio.builder.with(|b| b.object_rows(focused))
    });
    let count = move || slots.count();
    let empty = Memo::new(move |_| studio.builder.with(|b| b.objects().is_empty()));
    let dragged = RwSignal::new(None::<usize>);
    let (new_kind, set_new_kind) = signal(ObjectKind::Table);
    let (new_name, set_new_name) = signal(String::new());
    let add = move || {
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            studio.status.set("Type a name first.".into());
            return;
        }
        let object = PlanObject::named(new_kind.get_untracked(), name.clone());
        studio.edit("add-object", &name, PlanEdit::AddObject { object });
        if studio.refused_value("add-object").is_none() {
            set_new_name.set(String::new());
        }
    };
    let all_on = move |kind: ObjectKind| {
        studio
            .builder
            .with(|b| b.objects().iter().any(|o| matches!(o, PlanObject::All { kind: k } if *k == kind)))
    };
    view! {
        <p class="hint">{move || if empty.get() {
            if restore { "No list: everything in the snapshot is restored." } else { "No list: the whole database is backed up." }
        } else { "" }}</p>
        <ol class="objects" aria-label="Objects">
            <For each=move || 0..count() key=|i| *i let:i>
                <ObjectRow studio=studio index=i row=slots.slot(i) restore=restore dragged=dragged />
            </For>
        </ol>
        <div class="add-object">
            <div class="field">
                <label for="f-new-kind">"Kind"</label>
                <select id="f-new-kind" prop:value=move || kind_value(new_kind.get()) on:change=move |ev| set_new_kind.set(kind_of(&event_target_value(&ev)))>
                    {KINDS.iter().map(|(k, label)| view! { <option value=kind_value(*k)>{*label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for="f-new-name">"Name"</label>
                <input id="f-new-name" type="text" spellcheck="false" autocomplete="off" placeholder="orders" list="dl-objects"
                    prop:value=move || new_name.get()
                    on:input=move |ev| set_new_name.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
            </div>
            <button type="button" class="primary" on:click=move |_| add()>"Add object"</button>
        </div>
        {move || studio.refused_value("add-object").map(|r| view! { <p class="field-diag error">"Not added: " {r.reason}</p> })}
        <div class="all-toggles" role="group" aria-label="Everything of a kind">
            {KINDS.iter().map(|(kind, _)| {
                let kind = *kind;
                let id = format!("f-all-{}", kind_value(kind));
                let for_id = id.clone();
                view! {
                    <label class="check" for=for_id>
                        <input id=id.clone() type="checkbox" prop:checked=move || all_on(kind)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                studio.edit(&format!("all-{}", kind_value(kind)), "", PlanEdit::All { kind, on });
                            } />
                        {plural(kind)}
                    </label>
                }
            }).collect_view()}
            {move || {
                KINDS.iter().find_map(|(k, _)| studio.refused_value(&format!("all-{}", kind_value(*k))))
                    .map(|r| view! { <p class="field-diag error">{r.reason}</p> })
            }}
        </div>
    }
}

/// One entry of the `ON (…)` list.
#[component]
fn ObjectRow(
    studio: Studio,
    index: usize,
    row: Slot<ObjectRowData>,
    restore: bool,
    dragged: RwSignal<Option<usize>>,
) -> impl IntoView {
    let object = Memo::new(move |_| row.with(|r| r.object.clone()));
    let last = move || row.with(|r| r.last).unwrap_or(true);
    let covered = move || row.with(|r| r.focused).unwrap_or(false);
    let diagnostics = move || row.with(|r| r.diagnostics.clone()).unwrap_or_default();
    let label = move || match object.get() {
        Some(PlanObject::Named(n)) => format!("{} {}", kind_keyword(n.kind), n.name),
        Some(PlanObject::All { kind }) => plural(kind).to_string(),
        None => String::new(),
    };
    // Memos, so that an edit of the object re-renders its fields' values, not the fields
    // themselves (which would drop the focus of the input being typed in).
    let is_named = Memo::new(move |_| matches!(object.get(), Some(PlanObject::Named(_))));
    let all_kind = Memo::new(move |_| match object.get() {
        Some(PlanObject::All { kind }) => Some(kind),
        _ => None,
    });
    let move_to = move |to: usize| {
        studio.edit("move", "", PlanEdit::MoveObject { from: index, to });
        studio.focused_object.set(Some(to));
        // The rows are drawn by position: keep the focus on the object that moved.
        crate::browser::move_focus(index, to);
    };
    let name_control = format!("object-{index}-name");
    let partitions_control = format!("object-{index}-partitions");
    view! {
        <li class="object" class:focused=covered draggable="true"
            on:focusin=move |_| studio.focused_object.set(Some(index))
            on:dragstart=move |_| dragged.set(Some(index))
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(from) = dragged.get_untracked() {
                    if from != index {
                        studio.edit("move", "", PlanEdit::MoveObject { from, to: index });
                    }
                }
                dragged.set(None);
            }
            on:keydown=move |ev| {
                if ev.alt_key() && ev.key() == "ArrowUp" && index > 0 { ev.prevent_default(); move_to(index - 1); }
                if ev.alt_key() && ev.key() == "ArrowDown" && !untrack(last) { ev.prevent_default(); move_to(index + 1); }
            }>
            <span class="handle" aria-hidden="true" title="Drag to reorder (or Alt+↑/↓)">"⠿"</span>
            {move || all_kind.get().map(|kind| view! { <span class="all-item">{plural(kind)}</span> })}
            {move || is_named.get().then(|| {
                let name_control = name_control.clone();
                let partitions_control = partitions_control.clone();
                view! { <NamedFields studio=studio index=index object=object restore=restore name_control=name_control partitions_control=partitions_control /> }
            })}
            <div class="row-actions">
                <button type="button" class="icon" id=format!("f-object-{index}-up") aria-label=move || format!("Move {} up", label()) prop:disabled=move || index == 0
                    on:click=move |_| move_to(index.saturating_sub(1))>"↑"</button>
                <button type="button" class="icon" id=format!("f-object-{index}-down") aria-label=move || format!("Move {} down", label()) prop:disabled=last
                    on:click=move |_| move_to(index + 1)>"↓"</button>
                <button type="button" class="icon remove" aria-label=move || format!("Remove {}", label())
                    on:click=move |_| { studio.focused_object.set(None); studio.edit("remove", "", PlanEdit::RemoveObject { index }); }>"✕"</button>
            </div>
            {diagnostics_list(studio, diagnostics, format!("object-{index}"))}
        </li>
    }
}

/// Kind, name, partitions and (RESTORE) new name of a named object.
#[component]
fn NamedFields(
    studio: Studio,
    index: usize,
    object: Memo<Option<PlanObject>>,
    restore: bool,
    name_control: String,
    partitions_control: String,
) -> impl IntoView {
    let named = Memo::new(move |_| match object.get() {
        Some(PlanObject::Named(n)) => Some(n),
        _ => None,
    });
    let kind = move || named.get().map_or(ObjectKind::Table, |n| n.kind);
    let is_table = Memo::new(move |_| kind() == ObjectKind::Table);
    let partitions = move || {
        named.get().and_then(|n| n.partitions).unwrap_or(Partitions { names: vec![], temporary: false })
    };
    let (typing, set_typing) = signal(String::new());
    let pc = partitions_control.clone();
    let add_partition = move || {
        // A blur can arrive after the row is gone (its input removed while focused).
        let Some(typed) = typing.try_get_untracked() else { return };
        let mut p = partitions();
        let mut added = false;
        for name in typed.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            p.names.push(name.to_string());
            added = true;
        }
        if added {
            let value = typing.get_untracked();
            studio.edit(&pc, &value, PlanEdit::Partitions { index, partitions: Some(p) });
            if studio.refused_value(&pc).is_none() {
                set_typing.set(String::new());
            }
        }
    };
    let pc = partitions_control.clone();
    let remove_partition = move |at: usize| {
        let mut p = partitions();
        p.names.remove(at);
        let p = (!p.names.is_empty()).then_some(p);
        studio.edit(&pc, "", PlanEdit::Partitions { index, partitions: p });
    };
    let pc = partitions_control.clone();
    let kind_id = format!("f-object-{index}-kind");
    let name_id = format!("f-object-{index}-name");
    let part_id = format!("f-object-{index}-partition");
    let temp_id = format!("f-object-{index}-temporary");
    let alias_id = format!("f-object-{index}-alias");
    let nc = name_control.clone();
    let nc2 = name_control.clone();
    view! {
        <div class="object-fields">
            <div class="field">
                <label for=kind_id.clone() class="sr-only">"Kind"</label>
                <select id=kind_id.clone() prop:value=move || kind_value(kind())
                    on:change=move |ev| studio.edit(&format!("object-{index}-kind"), "", PlanEdit::ObjectKind { index, kind: kind_of(&event_target_value(&ev)) })>
                    {KINDS.iter().map(|(k, label)| view! { <option value=kind_value(*k)>{*label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for=name_id.clone() class="sr-only">"Name"</label>
                <input id=name_id.clone() type="text" spellcheck="false" autocomplete="off" list="dl-objects"
                    prop:value=move || studio.refused_value(&nc).map(|r| r.value).unwrap_or_else(|| named.get().map(|n| n.name).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); studio.edit(&nc2, &v, PlanEdit::ObjectName { index, name: v.clone() }); } />
            </div>
            {restore.then(|| {
                let ac = format!("object-{index}-alias");
                let ac2 = ac.clone();
                view! {
                    <div class="field">
                        <label for=alias_id.clone()>"as"</label>
                        <input id=alias_id.clone() type="text" spellcheck="false" autocomplete="off" placeholder="same name"
                            prop:value=move || studio.refused_value(&ac).map(|r| r.value).unwrap_or_else(|| named.get().and_then(|n| n.alias).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); studio.edit(&ac2, &v, PlanEdit::Alias { index, alias: Some(v.clone()) }); } />
                    </div>
                }
            })}
            {move || is_table.get().then(|| {
                let pc = pc.clone();
                let add_partition = add_partition.clone();
                let add_partition2 = add_partition.clone();
                let remove_partition = remove_partition.clone();
                let part_id = part_id.clone();
                let temp_id = temp_id.clone();
                view! {
                    <div class="partitions">
                        <ul class="chips" aria-label="Partitions">
                            {move || partitions().names.into_iter().enumerate().map(|(i, name)| {
                                let label = format!("Remove partition {name}");
                                let remove_partition = remove_partition.clone();
                                view! {
                                    <li class="chip" class:temporary=move || partitions().temporary>
                                        <span>{name}</span>
                                        <button type="button" class="chip-remove" aria-label=label on:click=move |_| remove_partition(i)>"×"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <label for=part_id.clone() class="sr-only">"Add partition"</label>
                        <input id=part_id.clone() type="text" class="chip-input" spellcheck="false" autocomplete="off" placeholder="+ partition"
                            prop:value=move || typing.get()
                            on:input=move |ev| set_typing.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == "," { ev.prevent_default(); add_partition(); }
                            on:blur=move |_| add_partition2() />
                        <label class="check small" for=temp_id.clone()>
                            <input id=temp_id.clone() type="checkbox" prop:checked=move || partitions().temporary
                                prop:disabled=move || partitions().names.is_empty()
                                on:change=move |ev| {
                                    let mut p = partitions();
                                    p.temporary = event_target_checked(&ev);
                                    studio.edit(&pc, "", PlanEdit::Partitions { index, partitions: Some(p) });
                                } />
                            "temporary"
                        </label>
                    </div>
                }
            })}
            {
                let pc = partitions_control.clone();
                move || studio.refused_value(&pc).map(|r| view! { <p class="field-diag error">"Not in the SQL: " {r.reason}</p> })
            }
            {
                let nc = name_control.clone();
                move || studio.refused_value(&nc).map(|r| view! { <p class="field-diag error">"Not in the SQL: " {r.reason}</p> })
            }
        </div>
    }
}

/// External catalogs: all of them, or a list (with RESTORE aliases).
#[component]
fn Catalogs(studio: Studio, restore: bool) -> impl IntoView {
    // (name, alias) pairs, or None for ALL.
    let listed = Memo::new(move |_| {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::Backup(p)) => match &p.catalogs {
                Some(BackupCatalogs::List { names }) => {
                    Some(names.iter().map(|n| (n.clone(), None)).collect::<Vec<_>>())
                }
                _ => None,
            },
            Some(AnyPlan::Restore(p)) => match &p.catalogs {
                Some(RestoreCatalogs::List { catalogs }) => {
                    Some(catalogs.iter().map(|c| (c.name.clone(), c.alias.clone())).collect())
                }
                _ => None,
            },
            _ => None,
        })
    });
    let set = move |list: Option<Vec<(String, Option<String>)>>, value: &str| {
        let edit = if restore {
            PlanEdit::RestoreCatalogs {
                catalogs: Some(match list {
                    None => RestoreCatalogs::All,
                    Some(l) => RestoreCatalogs::List {
                        catalogs: l.into_iter().map(|(name, alias)| CatalogRename { name, alias }).collect(),
                    },
                }),
            }
        } else {
            PlanEdit::BackupCatalogs {
                catalogs: Some(match list {
                    None => BackupCatalogs::All,
                    Some(l) => BackupCatalogs::List { names: l.into_iter().map(|(n, _)| n).collect() },
                }),
            }
        };
        studio.edit("catalogs", value, edit);
    };
    let (typing, set_typing) = signal(String::new());
    let add = move || {
        let name = typing.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let mut list = listed.get_untracked().unwrap_or_default();
        list.push((name.clone(), None));
        set(Some(list), &name);
        if studio.refused_value("catalogs").is_none() {
            set_typing.set(String::new());
        }
    };
    view! {
        <label class="check" for="f-all-catalogs">
            <input id="f-all-catalogs" type="checkbox" prop:checked=move || listed.get().is_none()
                on:change=move |ev| if event_target_checked(&ev) { set(None, "all") } else { set(Some(vec![]), "") } />
            "ALL EXTERNAL CATALOGS"
        </label>
        {move || listed.get().map(|list| view! {
            <ul class="catalog-list" aria-label="External catalogs">
                {list.clone().into_iter().enumerate().map(|(i, (name, alias))| {
                    let list2 = list.clone();
                    let list3 = list.clone();
                    let alias_id = format!("f-catalog-{i}-alias");
                    view! {
                        <li class="catalog">
                            <code>{name.clone()}</code>
                            {restore.then(|| view! {
                                <label for=alias_id.clone()>"as"</label>
                                <input id=alias_id.clone() type="text" spellcheck="false" placeholder="same name" prop:value=alias.clone().unwrap_or_default()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let mut l = list2.clone();
                                        l[i].1 = (!v.is_empty()).then_some(v.clone());
                                        set(Some(l), &v);
                                    } />
                            })}
                            <button type="button" class="icon remove" aria-label=format!("Remove catalog {name}")
                                on:click=move |_| { let mut l = list3.clone(); l.remove(i); set(Some(l), ""); }>"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="add-object">
                <div class="field grow">
                    <label for="f-new-catalog">"Catalog"</label>
                    <input id="f-new-catalog" type="text" spellcheck="false" autocomplete="off" placeholder="iceberg" list="dl-external"
                        prop:value=move || typing.get()
                        on:input=move |ev| set_typing.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                </div>
                <button type="button" class="primary" on:click=move |_| add()>"Add catalog"</button>
            </div>
        })}
        {part_diagnostics(studio, Part::Catalogs, "catalogs".into())}
    }
}

/// PROPERTIES (…).
#[component]
fn Props(studio: Studio, restore: bool) -> impl IntoView {
    let value_of = move |key: &'static str| {
        move || {
            studio.refused_value(&format!("prop-{key}")).map(|r| r.value).unwrap_or_else(|| {
                studio
                    .builder
                    .with(|b| match &b.plan {
                        Some(AnyPlan::Backup(p)) => p.properties.entries(),
                        Some(AnyPlan::Restore(p)) => p.properties.entries(),
                        _ => vec![],
                    })
                    .into_iter()
                    .rev()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v)
                    .unwrap_or_default()
            })
        }
    };
    let set = move |key: &'static str, v: String| {
        let value = (!v.is_empty()).then_some(v.clone());
        studio.edit(&format!("prop-{key}"), &v, PlanEdit::Property { key: key.into(), value });
    };
    let input = move |key: &'static str,
                      label: &'static str,
                      placeholder: &'static str,
                      hint: Box<dyn Fn() -> String + Send + Sync>| {
        let id = format!("f-prop-{key}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id.clone() type="text" spellcheck="false" autocomplete="off" placeholder=placeholder
                    prop:value=value_of(key) on:input=move |ev| set(key, event_target_value(&ev)) />
                <p class="hint">{hint}</p>
                {part_diagnostics(studio, Part::Property(key.into()), format!("prop-{key}"))}
            </div>
        }
    };
    let timeout_hint = move || {
        let v = value_of("timeout")();
        match v.trim().parse::<i64>() {
            Ok(s) if s > 0 => {
                format!("Seconds; {} = {}. StarRocks's default is 86400 (1 day); at least 600.", s, human(s))
            }
            _ => "Seconds the job may run. StarRocks's default is 86400 (1 day); at least 600.".to_string(),
        }
    };
    let ttl_ok = move || studio.target.get() >= Version::V4_2;
    view! {
        <fieldset class="group">
            <legend>"Properties"</legend>
            {if restore {
                Either::Left(view! {
                    <div class="row">
                        {input("backup_timestamp", "backup_timestamp (required)", "2024-12-09-10-25-58-842", Box::new(move || {
                            studio.builder.with(|b| b.show_snapshot.clone()).map_or_else(
                                || "The snapshot's timestamp, as SHOW SNAPSHOT prints it.".to_string(),
                                |sql| format!("Find it with: {sql}"),
                            )
                        }))}
                    </div>
                    <div class="row">
                        {input("replication_num", "replication_num", "3", Box::new(|| "Replicas of the restored tables (default: the cluster's default).".to_string()))}
                        <div class="field">
                            <label for="f-prop-allow_load">"allow_load"</label>
                            <select id="f-prop-allow_load" prop:value=value_of("allow_load") on:change=move |ev| set("allow_load", event_target_value(&ev))>
                                <option value="">"(default: false)"</option>
                                <option value="true">"true"</option>
                                <option value="false">"false"</option>
                            </select>
                            <p class="hint">"Let loads into the restored tables run during the restore."</p>
                            {part_diagnostics(studio, Part::Property("allow_load".into()), "prop-allow_load".into())}
                        </div>
                    </div>
                    <div class="row">
                        {input("timeout", "timeout", "86400", Box::new(timeout_hint))}
                        {input("meta_version", "meta_version", "", Box::new(|| "The metadata version to read the snapshot with (rarely needed).".to_string()))}
                    </div>
                })
            } else {
                Either::Right(view! {
                    <div class="row">
                        <div class="field">
                            <label for="f-prop-type">"type"</label>
                            <select id="f-prop-type" prop:value=move || value_of("type")().to_ascii_uppercase()
                                on:change=move |ev| set("type", event_target_value(&ev))>
                                <option value="">"(default: FULL)"</option>
                                <option value=BackupType::Full.as_str()>"FULL"</option>
                                <option value=BackupType::Incremental.as_str()>"INCREMENTAL"</option>
                            </select>
                            {part_diagnostics(studio, Part::Property("type".into()), "prop-type".into())}
                        </div>
                        {input("timeout", "timeout", "86400", Box::new(timeout_hint))}
                    </div>
                    <div class="row" class:disabled=move || !ttl_ok()>
                        {input("ttl", "ttl (4.2+)", "7 DAY", Box::new(move || if ttl_ok() {
                            "How long the repository keeps the snapshot, e.g. 7 DAY or 12 HOUR; empty keeps it.".to_string()
                        } else {
                            "Needs StarRocks 4.2 or newer (pick it above).".to_string()
                        }))}
                    </div>
                })
            }}
            {part_diagnostics(studio, Part::Properties, String::new())}
        </fieldset>
    }
}

fn human(seconds: i64) -> String {
    match seconds {
        s if s % 86_400 == 0 => format!("{} day{}", s / 86_400, if s == 86_400 { "" } else { "s" }),
        s if s % 3_600 == 0 => format!("{} hour{}", s / 3_600, if s == 3_600 { "" } else { "s" }),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}
