//! Parses the text given as the first argument (or stdin) and prints the diagnostics
//! rustc-style, then the canonical formatting. `cargo run -p starrocks-backup-sql --example parse -- "SHOW BACKUP"`
use std::io::Read;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).expect("stdin");
            s
        }
    };
    let (script, diags) = starrocks_backup_sql::parse(&text);
    for d in &diags {
        print!("{}", starrocks_backup_sql::render(d, &text, "<input>"));
    }
    println!("--- {} statement(s)", script.statements.len());
    print!("{}", starrocks_backup_sql::format(&script));
}
