//! How each stage scales with the size of one statement: a BACKUP naming 1,000, 10,000 and
//! 100,000 objects (every item form), through parse, check (without and with a catalog that
//! holds every object), format, privileges (plans and GRANTs), the builder plan (SQL → plan →
//! SQL) and the façade's whole analysis. Linear stages take about ten times longer for ten
//! times the objects; docs/PERFORMANCE.md has the table and the ratios.
//!
//!     cargo bench -p starrocks-backup-sql --bench scaling

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use starrocks_backup_sql::check::{check, Options};
use starrocks_backup_sql::plan::{BackupPlan, PlanOptions};
use starrocks_backup_sql::privileges::{explain_script, render_grants, GrantOptions, Grantee, Scope};
use starrocks_backup_sql::workspace::{Settings, Workspace};
use starrocks_backup_sql::{format, parse};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

#[path = "common/scaling_input.rs"]
mod scaling_input;
use scaling_input::{big_backup, catalog};

fn bench_scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    for n in [1_000usize, 10_000, 100_000] {
        g.measurement_time(Duration::from_secs(if n >= 100_000 { 15 } else { 3 }));
        g.throughput(Throughput::Elements(n as u64));
        let text = big_backup(n);
        let (script, diags) = parse(&text);
        assert!(diags.iter().all(|d| !d.is_error()), "the big BACKUP is valid");
        let with_catalog = Options { catalog: Some(Arc::new(catalog(n))), ..Options::default() };
        let plain = Options::default();
        let grants = GrantOptions { grantee: Grantee::role("backup"), scope: Scope::Auto };

        g.bench_with_input(BenchmarkId::new("parse", n), &text, |b, t| b.iter(|| parse(black_box(t))));
        g.bench_with_input(BenchmarkId::new("check", n), &script, |b, s| {
            b.iter(|| check(black_box(s), &plain))
        });
        g.bench_with_input(BenchmarkId::new("check_with_catalog", n), &script, |b, s| {
            b.iter(|| check(black_box(s), &with_catalog))
        });
        g.bench_with_input(BenchmarkId::new("format", n), &script, |b, s| b.iter(|| format(black_box(s))));
        g.bench_with_input(BenchmarkId::new("privileges", n), &script, |b, s| {
            b.iter(|| render_grants(&explain_script(black_box(s), &plain), &grants))
        });
        g.bench_with_input(BenchmarkId::new("plan_round_trip", n), &script, |b, s| {
            b.iter(|| {
                let starrocks_backup_sql::ast::Statement::Backup(stmt) = &s.statements[0].stmt else {
                    unreachable!()
                };
                let (plan, _) = BackupPlan::from_ast(black_box(stmt), PlanOptions::default());
                plan.to_sql()
            })
        });
        g.bench_with_input(BenchmarkId::new("workspace", n), &text, |b, t| {
            b.iter(|| {
                let ws = Workspace::new(black_box(t.clone()), Settings::default());
                (ws.diagnostics().len(), ws.grant_sql().len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
