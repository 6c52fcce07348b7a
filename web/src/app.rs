//! The page: header, editor, diagnostics and formatted output.

use crate::analysis::Analysis;
use crate::components::{diagnostics::Diagnostics, editor::Editor, formatted::Formatted};
use leptos::prelude::*;

/// What the editor holds when the page opens.
pub const EXAMPLE: &str = "BACKUP SNAPSHOT sales.snapshot_20240601
TO s3_repo
ON (TABLE orders PARTITION (p20240601, p20240602), TABLE customers)
PROPERTIES (\"type\" = \"full\", \"timeout\" = \"86400\");
";

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let (sql, set_sql) = signal(EXAMPLE.to_string());
    let analysis = Memo::new(move |_| sql.with(|text| Analysis::of(text)));
    view! {
        <header class="app-header">
            <h1>"StarRocks Backup Studio"</h1>
            <p class="tagline">
                "Check and format StarRocks BACKUP and RESTORE statements as you type."
            </p>
        </header>
        <main class="layout">
            <Editor sql=sql set_sql=set_sql />
            <div class="results">
                <Diagnostics analysis=analysis set_sql=set_sql />
                <Formatted analysis=analysis />
            </div>
        </main>
    }
}
