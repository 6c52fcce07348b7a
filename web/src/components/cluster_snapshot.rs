//! The builder of shared-data clusters: the cluster-snapshot statement at the cursor as a
//! form. Every control sends the whole form ([`PlanEdit::ClusterSnapshot`]) through the studio;
//! what to write for each action is the core's business ([`ClusterSnapshotPlan::to_sql`]).

use crate::components::fields::{part_diagnostics, text_field};
use crate::studio::Studio;
use leptos::prelude::*;
use starrocks_backup_sql::ast::IntervalUnit;
use starrocks_backup_sql::plan::{
    AnyPlan, ClusterSnapshotAction, ClusterSnapshotPlan, Part, PlanEdit, Property, SnapshotInterval,
    TableName,
};

/// The actions, their values in the `<select>` and their labels.
const ACTIONS: &[(ClusterSnapshotAction, &str, &str)] = &[
    (ClusterSnapshotAction::AutomatedOn, "on", "Turn automated snapshots on (ADMIN SET … ON)"),
    (ClusterSnapshotAction::AlterInterval, "alter", "Change their interval (ADMIN ALTER …)"),
    (ClusterSnapshotAction::AutomatedOff, "off", "Turn automated snapshots off (ADMIN SET … OFF)"),
    (ClusterSnapshotAction::ShowAutomated, "show", "Show their state (ADMIN SHOW …)"),
    (ClusterSnapshotAction::Create, "create", "Take a snapshot now (CREATE CLUSTER SNAPSHOT)"),
    (ClusterSnapshotAction::Drop, "drop", "Drop a snapshot (DROP CLUSTER SNAPSHOT)"),
    (ClusterSnapshotAction::RestoreTable, "restore", "Restore one table (RESTORE TABLE … FROM SNAPSHOT)"),
];

/// The units automated snapshots accept.
const UNITS: &[(IntervalUnit, &str)] = &[
    (IntervalUnit::Minute, "MINUTE"),
    (IntervalUnit::Hour, "HOUR"),
    (IntervalUnit::Day, "DAY"),
    (IntervalUnit::Week, "WEEK"),
    (IntervalUnit::Second, "SECOND"),
];

/// The form at the cursor (a default one when the cursor holds none).
fn current(studio: Studio) -> ClusterSnapshotPlan {
    studio.builder.with_untracked(|b| match &b.plan {
        Some(AnyPlan::ClusterSnapshot(p)) => p.clone(),
        _ => ClusterSnapshotPlan::default(),
    })
}

/// The edit that changes the form at the cursor with `change`.
fn edit_with(studio: Studio, change: impl FnOnce(&mut ClusterSnapshotPlan)) -> PlanEdit {
    let mut plan = current(studio);
    change(&mut plan);
    PlanEdit::ClusterSnapshot { plan }
}

fn read(p: &AnyPlan, f: impl Fn(&ClusterSnapshotPlan) -> String) -> String {
    match p {
        AnyPlan::ClusterSnapshot(c) => f(c),
        _ => String::new(),
    }
}

/// Which action the form at the cursor writes.
fn action(studio: Studio) -> Option<ClusterSnapshotAction> {
    studio.builder.with(|b| match &b.plan {
        Some(AnyPlan::ClusterSnapshot(p)) => Some(p.action),
        _ => None,
    })
}

/// `plan` switched to `action`, with names to replace where the action needs one and the form
/// has none (so the switch always writes a statement).
fn switch_to(plan: &mut ClusterSnapshotPlan, action: ClusterSnapshotAction) {
    use ClusterSnapshotAction as A;
    plan.action = action;
    if action == A::AlterInterval && plan.interval.is_none() {
        plan.interval = Some(SnapshotInterval { value: 1, unit: IntervalUnit::Hour });
    }
    if matches!(action, A::Create | A::Drop | A::RestoreTable) && plan.snapshot.trim().is_empty() {
        plan.snapshot = if action == A::Create {
            format!("before_change_{}", crate::examples::today())
        } else {
            "my_snapshot".into()
        };
    }
    if action == A::RestoreTable {
        if plan.source.table.trim().is_empty() {
            plan.source = TableName { database: Some("my_db".into()), table: "my_table".into() };
        }
        if plan.target.table.trim().is_empty() {
            plan.target = TableName {
                database: plan.source.database.clone(),
                table: format!("{}_restored", plan.source.table),
            };
        }
    }
}

/// A new cluster-snapshot statement of `action` with names to replace.
pub fn new_cluster_snapshot(studio: Studio, action: ClusterSnapshotAction) -> AnyPlan {
    let mut plan = ClusterSnapshotPlan::new(action, studio.settings().plan_options());
    if matches!(action, ClusterSnapshotAction::AutomatedOn | ClusterSnapshotAction::AlterInterval) {
        plan.interval = Some(SnapshotInterval { value: 1, unit: IntervalUnit::Hour });
        plan.storage_volume = Some("my_volume".into());
    }
    switch_to(&mut plan, action);
    AnyPlan::ClusterSnapshot(plan)
}

/// The form.
#[component]
pub fn ClusterSnapshotForm(studio: Studio) -> impl IntoView {
    let is = move |wanted: &'static [ClusterSnapshotAction]| {
        move || action(studio).is_some_and(|a| wanted.contains(&a))
    };
    use ClusterSnapshotAction as A;
    view! {
        <fieldset class="group">
            <legend>"Cluster snapshot"</legend>
            <div class="row">
                <div class="field wide">
                    <label for="f-cluster-action">"Statement"</label>
                    <select id="f-cluster-action"
                        prop:value=move || ACTIONS.iter().find(|(a, ..)| Some(*a) == action(studio)).map_or("on", |(_, v, _)| *v)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some((a, ..)) = ACTIONS.iter().find(|(_, value, _)| *value == v) {
                                let a = *a;
                                studio.edit("cluster-action", &v, edit_with(studio, |p| switch_to(p, a)));
                            }
                        }>
                        {ACTIONS.iter().map(|(_, v, label)| view! { <option value=*v>{*label}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="row" class:hidden=move || !is(&[A::AutomatedOn, A::AlterInterval])()>
                <Interval studio=studio />
            </div>
            <div class="row" class:hidden=move || !is(&[A::Create, A::Drop, A::RestoreTable])()>
                {text_field(studio, "cluster-snapshot".into(), "Snapshot".into(), Part::Snapshot, ("snapshot name", ""),
                    |p| read(p, |c| c.snapshot.clone()),
                    move |v| edit_with(studio, |p| p.snapshot = v))}
                <label class="check" class:hidden=move || !is(&[A::Create, A::Drop])()>
                    <input type="checkbox"
                        prop:checked=move || studio.builder.with(|b| matches!(&b.plan, Some(AnyPlan::ClusterSnapshot(p)) if p.if_exists))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            studio.edit("cluster-if-exists", &on.to_string(), edit_with(studio, |p| p.if_exists = on));
                        } />
                    {move || if action(studio) == Some(A::Drop) { " IF EXISTS (no error when it is gone)" } else { " IF NOT EXISTS (no error when the name is taken)" }}
                </label>
            </div>
            <div class="row" class:hidden=move || !is(&[A::Create])()>
                {text_field(studio, "cluster-comment".into(), "Comment".into(), Part::Comment, ("why this snapshot", ""),
                    |p| read(p, |c| c.comment.clone().unwrap_or_default()),
                    move |v| edit_with(studio, |p| p.comment = Some(v).filter(|c| !c.is_empty())))}
            </div>
            <div class="row" class:hidden=move || !is(&[A::AutomatedOn, A::Create])()>
                {text_field(studio, "cluster-volume".into(), "Storage volume".into(), Part::StorageVolume, ("builtin_storage_volume", ""),
                    |p| read(p, |c| c.storage_volume.clone().unwrap_or_default()),
                    move |v| edit_with(studio, |p| p.storage_volume = Some(v).filter(|s| !s.is_empty())))}
                <div class="field" class:hidden=move || !is(&[A::AutomatedOn])()>
                    <label for="f-cluster-scope">"snapshot_scope"</label>
                    <select id="f-cluster-scope"
                        prop:value=move || studio.builder.with(|b| match &b.plan {
                            Some(AnyPlan::ClusterSnapshot(p)) => p.properties.iter().find(|q| q.key == "snapshot_scope").map(|q| q.value.to_ascii_lowercase()).unwrap_or_default(),
                            _ => String::new(),
                        })
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            studio.edit("cluster-scope", &v, edit_with(studio, |p| {
                                p.properties.retain(|q| q.key != "snapshot_scope");
                                if !v.is_empty() {
                                    p.properties.push(Property { key: "snapshot_scope".into(), value: v.clone() });
                                }
                            }));
                        }>
                        <option value="">"not set"</option>
                        <option value="local">"local"</option>
                        <option value="external">"external"</option>
                    </select>
                </div>
            </div>
            <div class="row" class:hidden=move || !is(&[A::RestoreTable])()>
                {text_field(studio, "cluster-source-db".into(), "Database in the snapshot".into(), Part::SourceTable, ("the session's database", "dl-databases"),
                    |p| read(p, |c| c.source.database.clone().unwrap_or_default()),
                    move |v| edit_with(studio, |p| p.source.database = Some(v).filter(|s| !s.is_empty())))}
                {text_field(studio, "cluster-source".into(), "Table to restore".into(), Part::SourceTable, ("table name", "dl-tables"),
                    |p| read(p, |c| c.source.table.clone()),
                    move |v| edit_with(studio, |p| p.source.table = v))}
            </div>
            <div class="row" class:hidden=move || !is(&[A::RestoreTable])()>
                {text_field(studio, "cluster-target-db".into(), "Into database".into(), Part::TargetTable, ("the session's database", "dl-databases"),
                    |p| read(p, |c| c.target.database.clone().unwrap_or_default()),
                    move |v| edit_with(studio, |p| p.target.database = Some(v).filter(|s| !s.is_empty())))}
                {text_field(studio, "cluster-target".into(), "As the new table".into(), Part::TargetTable, ("a table that does not exist", ""),
                    |p| read(p, |c| c.target.table.clone()),
                    move |v| edit_with(studio, |p| p.target.table = v))}
            </div>
            <p class="hint">{move || match action(studio) {
                Some(A::AutomatedOn) => "Without an interval, the FE setting automated_cluster_snapshot_interval_seconds decides (600 s by default). Without a storage volume, StarRocks uses builtin_storage_volume.",
                Some(A::AutomatedOff) => "Turning automated snapshots off deletes the automated snapshots already taken.",
                Some(A::ShowAutomated) => "One row: whether it is on, the interval, the storage volume and the last and next snapshot times (4.0.6+). The snapshots themselves are in information_schema.cluster_snapshots.",
                Some(A::RestoreTable) => "Restores one table of a finished cluster snapshot as a new table; the new table must not exist.",
                Some(A::Drop) => "Automated snapshots can be named here too (automated_cluster_snapshot_<ms>).",
                _ => "",
            }}</p>
            {part_diagnostics(studio, Part::Statement, "cluster-action".into())}
        </fieldset>
    }
}

/// `INTERVAL n unit`: a number (empty: leave INTERVAL out) and a unit.
#[component]
fn Interval(studio: Studio) -> impl IntoView {
    let interval = move || {
        studio.builder.with(|b| match &b.plan {
            Some(AnyPlan::ClusterSnapshot(p)) => p.interval,
            _ => None,
        })
    };
    let value = move || {
        studio
            .refused_value("cluster-interval")
            .map(|r| r.value)
            .unwrap_or_else(|| interval().map(|i| i.value.to_string()).unwrap_or_default())
    };
    view! {
        <div class="field">
            <label for="f-cluster-interval">"Every"</label>
            <input id="f-cluster-interval" type="number" min="1" step="1" inputmode="numeric" placeholder="FE setting"
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let unit = interval().map_or(IntervalUnit::Hour, |i| i.unit);
                    let parsed = v.trim().parse::<u64>().ok();
                    studio.edit("cluster-interval", &v, edit_with(studio, |p| {
                        p.interval = parsed.map(|value| SnapshotInterval { value, unit });
                    }));
                } />
            {part_diagnostics(studio, Part::Interval, "cluster-interval".into())}
        </div>
        <div class="field">
            <label for="f-cluster-unit">"Unit"</label>
            <select id="f-cluster-unit"
                prop:value=move || UNITS.iter().find(|(u, _)| Some(*u) == interval().map(|i| i.unit)).map_or("HOUR", |(_, v)| *v)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((unit, _)) = UNITS.iter().find(|(_, k)| *k == v) {
                        let unit = *unit;
                        studio.edit("cluster-unit", &v, edit_with(studio, |p| {
                            p.interval = Some(SnapshotInterval { value: p.interval.map_or(1, |i| i.value), unit });
                        }));
                    }
                }>
                {UNITS.iter().map(|(_, v)| view! { <option value=*v>{*v}</option> }).collect_view()}
            </select>
        </div>
    }
}
