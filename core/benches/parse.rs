//! Parser and formatter throughput (criterion; not a test).
//!
//! ```text
//! cargo bench -p starrocks-backup-sql --bench parse
//! ```
//!
//! * `corpus`: ~400 short statements of every kind of the family, from a deterministic
//!   generator with a fixed seed, parsed (and formatted) as one script.
//! * `backup_10k` / `backup_100k`: one BACKUP whose ON list names 10,000 / 100,000 objects
//!   of every item form (bare, TABLE with partitions, views, materialized views, functions).
//!
//! Each benchmark reports bytes per second; the corpus also reports statements per second.
//! Comparing the time per object of `backup_10k` and `backup_100k` shows whether parsing is
//! linear in the input size. Figures and the exact commands are in docs/PERFORMANCE.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use starrocks_backup_sql::{format, parse};
use std::hint::black_box;
use std::time::Duration;

#[path = "common/scaling_input.rs"]
mod scaling_input;
use scaling_input::big_backup;

/// xorshift64*: a fixed-seed generator, so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "db1",
    "sales",
    "orders",
    "t1",
    "lineitem",
    "`select`",
    "`my table`",
    "snapshot",
    "1a",
    "`123`",
    "客户",
    "repo_s3",
    "mv_daily",
    "fn_hash",
];
const STRINGS: &[&str] =
    &["'full'", "\"3600\"", "'2024-01-01-00-00-00'", "'it''s'", "\"s3a://bucket/path\"", "'a\\nb'"];

/// One short statement of a kind chosen by `rng`.
fn short_statement(rng: &mut Rng) -> String {
    let n = |rng: &mut Rng| rng.pick(NAMES).to_string();
    let s = |rng: &mut Rng| rng.pick(STRINGS).to_string();
    match rng.below(14) {
        0 => format!("BACKUP SNAPSHOT {}.{} TO {}", n(rng), n(rng), n(rng)),
        1 => format!(
            "BACKUP DATABASE {} SNAPSHOT {} TO {} ON (TABLE {} PARTITION (p1, p2), VIEW {}, ALL FUNCTIONS) PROPERTIES ('type' = {})",
            n(rng),
            n(rng),
            n(rng),
            n(rng),
            n(rng),
            s(rng)
        ),
        2 => format!("BACKUP EXTERNAL CATALOGS ({}, {}) SNAPSHOT {} TO {}", n(rng), n(rng), n(rng), n(rng)),
        3 => format!(
            "RESTORE SNAPSHOT {}.{} FROM {} ON ({} AS {}, MATERIALIZED VIEW {}) PROPERTIES ('backup_timestamp' = {})",
            n(rng),
            n(rng),
            n(rng),
            n(rng),
            n(rng),
            n(rng),
            s(rng)
        ),
        4 => format!("RESTORE SNAPSHOT {} FROM {} DATABASE {} AS {}", n(rng), n(rng), n(rng), n(rng)),
        5 => format!(
            "SHOW BACKUP FROM {} WHERE SnapshotName = {} AND CreateTime > DATE '2024-01-01' ORDER BY CreateTime DESC LIMIT 10",
            n(rng),
            s(rng)
        ),
        6 => format!("SHOW RESTORE IN {} WHERE State IN ('FINISHED', 'CANCELLED') OR f(x) BETWEEN 1 AND 2", n(rng)),
        7 => format!("CANCEL BACKUP FROM {}", n(rng)),
        8 => "CANCEL RESTORE FOR EXTERNAL CATALOG".to_string(),
        9 => format!("SHOW SNAPSHOT ON {} WHERE SNAPSHOT = {} AND TIMESTAMP = {}", n(rng), s(rng), s(rng)),
        10 => format!("DROP SNAPSHOT {} ON {} FORCE", n(rng), n(rng)),
        11 => format!(
            "CREATE READ ONLY REPOSITORY {} WITH BROKER ON LOCATION {} PROPERTIES ('aws.s3.region' = {})",
            n(rng),
            s(rng),
            s(rng)
        ),
        12 => format!("DROP REPOSITORY {}", n(rng)),
        _ => "SHOW REPOSITORIES".to_string(),
    }
}

/// ~400 short statements, one per line.
fn corpus() -> (String, usize) {
    let mut rng = Rng(0x5EED_2024);
    let statements: Vec<String> = (0..400).map(|_| short_statement(&mut rng)).collect();
    (statements.join(";\n") + ";\n", statements.len())
}

fn bench_corpus(c: &mut Criterion) {
    let (text, count) = corpus();
    let (script, diags) = parse(&text);
    assert!(diags.iter().all(|d| !d.is_error()), "the corpus is valid");
    assert_eq!(script.statements.len(), count);

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Elements(count as u64));
    g.bench_function("parse_statements", |b| b.iter(|| parse(black_box(&text))));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_bytes", |b| b.iter(|| parse(black_box(&text))));
    let formatted = format(&script);
    g.throughput(Throughput::Bytes(formatted.len() as u64));
    g.bench_function("format_bytes", |b| b.iter(|| format(black_box(&script))));
    g.finish();
}

fn bench_big(c: &mut Criterion) {
    let mut g = c.benchmark_group("backup");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    for n in [10_000usize, 100_000] {
        let text = big_backup(n);
        let (script, diags) = parse(&text);
        assert!(diags.iter().all(|d| !d.is_error()), "the big BACKUP is valid");
        g.measurement_time(Duration::from_secs(if n > 10_000 { 20 } else { 5 }));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", n), &text, |b, t| b.iter(|| parse(black_box(t))));
        let formatted = format(&script);
        g.throughput(Throughput::Bytes(formatted.len() as u64));
        g.bench_with_input(BenchmarkId::new("format", n), &script, |b, s| b.iter(|| format(black_box(s))));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench_corpus, bench_big
}
criterion_main!(benches);
