//! Builder-model throughput (criterion; not a test).
//!
//! ```text
//! cargo bench -p starrocks-backup-sql --bench plan
//! ```
//!
//! For plans of 10,000 and 100,000 objects (tables with partitions, views, materialized
//! views, functions): adding them in one batch, validating, writing SQL (`to_sql`) and
//! loading it back (`from_sql`, which includes parsing; 10,000 only). Comparing the time per
//! object of the two sizes shows whether each step is linear.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use starrocks_backup_sql::plan::{BackupPlan, PlanObject, PlanOptions};
use std::hint::black_box;
use std::time::Duration;

fn objects(n: usize) -> Vec<PlanObject> {
    (0..n)
        .map(|i| match i % 4 {
            0 => PlanObject::table(format!("t{i}")).with_partitions([format!("p{i}"), format!("q{i}")]),
            1 => PlanObject::view(format!("v{i}")),
            2 => PlanObject::materialized_view(format!("m{i}")),
            _ => PlanObject::function(format!("f{i}")),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("plan");
    for n in [10_000usize, 100_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.measurement_time(Duration::from_secs(if n > 10_000 { 15 } else { 5 }));
        let built = plan_with(objects(n));
        let sql = built.to_sql().unwrap();
        g.bench_with_input(BenchmarkId::new("add_objects", n), &n, |b, &n| {
            b.iter_batched(|| objects(n), |o| plan_with(black_box(o)), criterion::BatchSize::LargeInput)
        });
        g.bench_with_input(BenchmarkId::new("validate", n), &built, |b, p| {
            b.iter(|| black_box(p).validate())
        });
        g.bench_with_input(BenchmarkId::new("to_sql", n), &built, |b, p| b.iter(|| black_box(p).to_sql()));
        // Loading is dominated by parsing, which is quadratic in the number of ON items today
        // (the statement rules scan the tokens once per item): 100,000 would take minutes.
        if n <= 10_000 {
            g.bench_with_input(BenchmarkId::new("from_sql", n), &sql, |b, s| {
                b.iter(|| BackupPlan::from_sql(black_box(s), PlanOptions::default()))
            });
        }
    }
    g.finish();
}

fn plan_with(objects: Vec<PlanObject>) -> BackupPlan {
    let mut plan = BackupPlan::new("db", "snap", "repo", PlanOptions::default()).unwrap();
    plan.add_objects(objects).unwrap();
    plan
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
