//! One timing per stage for a BACKUP of 1,000, 10,000 and 100,000 objects, printed as it goes
//! (a quick look; `cargo bench --bench scaling` is the measurement).
//!
//!     cargo run --release -p starrocks-backup-sql --example stage_times [N…]

#[path = "../benches/common/scaling_input.rs"]
mod input;

use starrocks_backup_sql::check::{check, Options};
use starrocks_backup_sql::plan::{BackupPlan, PlanOptions};
use starrocks_backup_sql::privileges::{explain_script, render_grants, GrantOptions, Grantee, Scope};
use starrocks_backup_sql::{format, parse, Settings, Workspace};
use std::sync::Arc;
use std::time::Instant;

fn time<T>(what: &str, n: usize, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{what:<20} {n:>7}  {:>10.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    out
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000] } else { sizes };
    for n in sizes {
        let text = input::big_backup(n);
        let (script, _) = time("parse", n, || parse(&text));
        let plain = Options::default();
        time("check", n, || check(&script, &plain));
        let with_catalog = Options { catalog: Some(Arc::new(input::catalog(n))), ..Options::default() };
        time("check_with_catalog", n, || check(&script, &with_catalog));
        time("format", n, || format(&script));
        let grants = GrantOptions { grantee: Grantee::role("backup"), scope: Scope::Auto };
        let plans = time("explain_privileges", n, || explain_script(&script, &plain));
        time("render_grants", n, || render_grants(&plans, &grants));
        let _ = time("plan_round_trip", n, || {
            let starrocks_backup_sql::ast::Statement::Backup(stmt) = &script.statements[0].stmt else {
                unreachable!()
            };
            let (plan, _) = BackupPlan::from_ast(stmt, PlanOptions::default());
            plan.to_sql()
        });
        time("workspace", n, || {
            let ws = Workspace::new(text.clone(), Settings::default());
            (ws.diagnostics().len(), ws.grant_sql().len())
        });
    }
}
