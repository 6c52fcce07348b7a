//! What the views show, computed from the core's [`Workspace`] in display form.
//!
//! Positions are converted here, once, from the core's byte offsets to the UTF-16 offsets
//! the DOM counts in and to 1-based line:column.

use starrocks_backup_sql::highlight::{highlight, TokenClass};
use starrocks_backup_sql::plan::{apply_edit, AnyPlan, Companions, Part, PlanEdit, PlanObject};
use starrocks_backup_sql::workspace::companions_of;
use starrocks_backup_sql::{Diagnostic, LineIndex, Severity, Span, Workspace};

/// The results for the whole text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Errors and warnings, in the core's order.
    pub diagnostics: Vec<Row>,
    /// Informational notes.
    pub notes: Vec<Row>,
    /// The editor's overlay: the text as HTML with token classes and squiggles, per line.
    pub overlay: Vec<String>,
    /// How many statements the parser found.
    pub statements: usize,
    /// Whether the text can be formatted (the lexer dropped nothing). The formatted text and
    /// the commented GRANT script are made when asked for ([`crate::studio::Studio::with_workspace`]),
    /// not on every keystroke.
    pub formattable: bool,
}

/// One diagnostic as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Position in the workspace's diagnostics (to apply its fix).
    pub index: usize,
    /// Rule code.
    pub code: &'static str,
    /// How serious.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to put it right.
    pub help: Option<String>,
    /// 1-based line and column (UTF-16 units) of the start.
    pub line: usize,
    /// Column of the start.
    pub column: usize,
    /// The span in UTF-16 offsets.
    pub start: usize,
    /// End of the span in UTF-16 offsets.
    pub end: usize,
    /// What the fix does, when there is one.
    pub fix: Option<String>,
}

/// One GRANT with why it is needed and what needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRow {
    /// The GRANT statement.
    pub sql: String,
    /// Why, one line each.
    pub reasons: Vec<String>,
    /// What needs it: (statement index, description, byte span).
    pub covers: Vec<(usize, String, Span)>,
    /// Only needed when …
    pub only_if: Vec<String>,
}

/// What the privileges panel shows. Made by the panel itself (it is loaded on demand, see
/// [`crate::lazy`]), not with the diagnostics on every keystroke.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grants {
    /// The GRANTs the text needs.
    pub rows: Vec<GrantRow>,
    /// Version notes and caveats of the GRANT script.
    pub notes: Vec<String>,
    /// Privileges no GRANT can give, and why.
    pub refusals: Vec<String>,
}

impl Grants {
    /// The grants of the workspace's text for its settings (grantee, scope, version).
    pub fn of(ws: &Workspace) -> Self {
        let report = ws.grants();
        Grants {
            rows: report
                .grants
                .iter()
                .map(|g| GrantRow {
                    sql: g.grant.clone(),
                    reasons: g.reasons.clone(),
                    covers: g.needed_by.iter().map(|n| (n.statement, n.what.clone(), n.span)).collect(),
                    only_if: g.only_if.clone(),
                })
                .collect(),
            notes: report.notes.iter().map(|n| n.note.text.clone()).collect(),
            refusals: report
                .refused
                .iter()
                .map(|r| format!("{} on {}: {}", r.privilege, r.object, r.reason))
                .collect(),
        }
    }
}

impl Analysis {
    /// Everything the views show for the workspace's text and settings.
    pub fn of(ws: &Workspace) -> Self {
        let text = ws.text();
        let index = LineIndex::new(text);
        let mut diagnostics = Vec::new();
        let mut notes = Vec::new();
        for (i, d) in ws.diagnostics().iter().enumerate() {
            let row = Row::new(i, d, &index);
            if d.severity == Severity::Info {
                notes.push(row);
            } else {
                diagnostics.push(row);
            }
        }
        Analysis {
            overlay: overlay(text, ws.diagnostics()),
            statements: ws.script().statements.len(),
            formattable: ws.formattable(),
            diagnostics,
            notes,
        }
    }
}

impl Row {
    fn new(index: usize, d: &Diagnostic, lines: &LineIndex<'_>) -> Self {
        let range = lines.range(d.span, starrocks_backup_sql::PositionEncoding::Utf16);
        Row {
            index,
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            help: d.help.clone(),
            line: range.line,
            column: range.column,
            start: range.start,
            end: range.end,
            fix: d.fix.as_ref().map(|f| f.message.clone()),
        }
    }
}

/// The builder's view of the statement at the cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct BuilderState {
    /// The plan; `None` when the statement at the cursor cannot be loaded.
    pub plan: Option<AnyPlan>,
    /// Which statement (0-based) and how many there are.
    pub statement: Option<usize>,
    /// Why there is no plan, or what the plan cannot hold.
    pub problems: Vec<String>,
    /// Builder edits are possible (the plan holds the whole statement).
    pub editable: bool,
    /// The diagnostics of each part: (part, severity, code, message).
    pub by_part: Vec<(Part, Severity, &'static str, String)>,
    /// Where each object of the list is written.
    pub object_spans: Vec<Span>,
    /// For a RESTORE: the SHOW SNAPSHOT that finds the snapshot's `backup_timestamp`.
    pub show_snapshot: Option<String>,
    /// The plan's canonical SQL.
    pub sql: Option<String>,
}

impl BuilderState {
    /// The builder's view of the statement holding byte `at`.
    pub fn of(ws: &Workspace, at: usize) -> Self {
        let view = ws.builder_at(at);
        let diagnostics = ws.diagnostics();
        let by_part = view
            .parts
            .iter()
            .zip(diagnostics)
            .filter_map(|(p, d)| p.clone().map(|p| (p, d.severity, d.code, d.message.clone())))
            .collect();
        let object_spans = view
            .statement
            .map(|i| {
                starrocks_backup_sql::plan::parts_of(&ws.script().statements[i].stmt)
                    .into_iter()
                    .filter(|(p, _)| matches!(p, Part::Object(_)))
                    .map(|(_, s)| s)
                    .collect()
            })
            .unwrap_or_default();
        let problems: Vec<String> = view
            .load_diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info || view.plan.is_none())
            .map(|d| d.message.clone())
            .collect();
        let show_snapshot = match &view.plan {
            Some(restore @ AnyPlan::Restore(_)) => {
                match apply_edit(restore, &PlanEdit::Statement { restore: false }) {
                    Ok(AnyPlan::Backup(backup)) => backup.show_snapshot_sql().ok(),
                    _ => None,
                }
            }
            _ => None,
        };
        let sql = view.plan.as_ref().and_then(|p| p.to_sql().ok());
        BuilderState {
            show_snapshot,
            sql,
            editable: view.plan.is_some() && view.faithful,
            plan: view.plan,
            statement: view.statement,
            problems,
            by_part,
            object_spans,
        }
    }

    /// The diagnostics of `part`.
    pub fn of_part(&self, part: &Part) -> Vec<(Severity, &'static str, String)> {
        self.by_part.iter().filter(|(p, ..)| p == part).map(|(_, s, c, m)| (*s, *c, m.clone())).collect()
    }

    /// One entry per object of the list, with the diagnostics attached to it: one pass over
    /// the diagnostics, not one per row.
    /// `focused` is the object that has the focus in the builder.
    pub fn object_rows(&self, focused: Option<usize>) -> Vec<ObjectRowData> {
        let objects = self.objects();
        let mut rows: Vec<ObjectRowData> = objects
            .iter()
            .enumerate()
            .map(|(i, o)| ObjectRowData {
                object: o.clone(),
                last: i + 1 == objects.len(),
                focused: focused == Some(i),
                diagnostics: vec![],
            })
            .collect();
        for (part, severity, code, message) in &self.by_part {
            if let Some(row) = match part {
                Part::Object(i) => rows.get_mut(*i),
                _ => None,
            } {
                row.diagnostics.push((*severity, code, message.clone()));
            }
        }
        rows
    }

    /// The objects of the plan.
    pub fn objects(&self) -> &[PlanObject] {
        match &self.plan {
            Some(AnyPlan::Backup(b)) => &b.objects,
            Some(AnyPlan::Restore(r)) => &r.objects,
            _ => &[],
        }
    }
}

/// The companion statements of the builder's plan (a RESTORE's are its BACKUP's: the
/// repository, finding the snapshot), or why there are none. Made by the companions panel,
/// which is loaded on demand, from the plan [`BuilderState`] already loaded.
pub fn companions_of_plan(plan: Option<&AnyPlan>) -> Result<Companions, String> {
    let none = || "Companion statements are written for the BACKUP or RESTORE at the cursor.".to_string();
    let report = match plan {
        Some(backup @ AnyPlan::Backup(_)) => companions_of(backup),
        Some(restore) => match apply_edit(restore, &PlanEdit::Statement { restore: false }) {
            Ok(backup) => companions_of(&backup),
            Err(_) => return Err(none()),
        },
        None => return Err(none()),
    };
    report
        .companions
        .ok_or_else(|| report.problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))
}

/// What one grant of the privileges panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct GrantView {
    /// The GRANT statement.
    pub sql: String,
    /// Why, one line each.
    pub reasons: Vec<String>,
    /// What needs it, as one line.
    pub needed: String,
    /// Only needed when …, as one line.
    pub only_if: String,
    /// Whether it covers the object that has the focus in the builder.
    pub covering: bool,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end || a == b
}

impl Grants {
    /// The grants as the privileges panel shows them; `focused` is the statement and span of
    /// the object that has the focus in the builder.
    pub fn views(&self, focused: Option<(usize, Span)>) -> Vec<GrantView> {
        self.rows
            .iter()
            .map(|g| GrantView {
                sql: g.sql.clone(),
                reasons: g.reasons.clone(),
                needed: g.covers.iter().map(|(_, what, _)| what.as_str()).collect::<Vec<_>>().join(", "),
                only_if: g.only_if.join("; "),
                covering: focused.is_some_and(|(stmt, span)| {
                    g.covers.iter().any(|(s, _, c)| *s == stmt && overlaps(*c, span))
                }),
            })
            .collect()
    }
}

/// What one row of the builder's object list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectRowData {
    /// The object.
    pub object: PlanObject,
    /// Whether it is the last of the list (it cannot move down).
    pub last: bool,
    /// Whether it has the focus in the builder.
    pub focused: bool,
    /// The diagnostics the core attached to it: severity, code, message.
    pub diagnostics: Vec<(Severity, &'static str, String)>,
}

/// The text as HTML, one string per line (without its line break): every token in a span of
/// its class, every diagnostic's span in a `<mark>` (an empty span as an empty mark). Lines,
/// so that the editor replaces only the lines that changed: one `innerHTML` of the whole text
/// made the browser lay out every token again on every keystroke (9,101 layout objects, 30 ms
/// at 500 objects). Linear in the text and the diagnostics.
pub fn overlay(text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    // Per byte offset: whether a segment starts there, the squiggles that open (+) or close
    // (−) there by rank (warning, error), and the empty squiggles there (bit 0 warning, bit 1
    // error). Arrays instead of sorted boundary lists: linear, and no sort in the binary.
    let n = text.len();
    let mut cut = vec![false; n + 1];
    let mut delta = vec![[0i32; 2]; n + 1];
    let mut empty = vec![0u8; n + 1];
    cut[n] = true;
    let tokens = highlight(text);
    for (s, _) in &tokens {
        cut[s.start.min(n)] = true;
        cut[s.end.min(n)] = true;
    }
    // Every line break is a segment of its own: segments never cross lines.
    for (i, _) in text.match_indices('\n') {
        cut[i] = true;
        cut[i + 1] = true;
    }
    for d in diagnostics {
        let rank = match d.severity {
            Severity::Error => 1,
            Severity::Warning => 0,
            Severity::Info => continue,
        };
        let s = d.span;
        if s.is_empty() || s.start >= n {
            let at = s.start.min(n);
            empty[at] |= 1 << rank;
            cut[at] = true;
        } else {
            let end = s.end.min(n);
            delta[s.start][rank] += 1;
            delta[end][rank] -= 1;
            cut[s.start] = true;
            cut[end] = true;
        }
    }
    let mut lines = Vec::new();
    let mut out = String::new();
    let mut ti = 0;
    let mut open = [0i32; 2];
    let mut a = 0;
    while a <= n {
        open[0] += delta[a][0];
        open[1] += delta[a][1];
        for (bit, class) in [(2, "sq error empty"), (1, "sq warning empty")] {
            if empty[a] & bit != 0 {
                out.push_str("<mark class=\"");
                out.push_str(class);
                out.push_str("\"></mark>");
            }
        }
        let b = (a + 1..=n).find(|&i| cut[i]).unwrap_or(n + 1);
        if b > n || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            a = b;
            continue;
        }
        if &text[a..b] == "\n" {
            lines.push(std::mem::take(&mut out));
            a = b;
            continue;
        }
        while ti < tokens.len() && tokens[ti].0.end <= a {
            ti += 1;
        }
        let class = tokens.get(ti).filter(|(s, _)| s.start <= a).map(|(_, c)| match c {
            TokenClass::Keyword => "kw",
            TokenClass::Name => "nm",
            TokenClass::String => "st",
            TokenClass::Number => "nu",
            TokenClass::Comment => "cm",
            TokenClass::Punctuation => "pu",
        });
        let squiggle = if open[1] > 0 {
            Some("sq error")
        } else if open[0] > 0 {
            Some("sq warning")
        } else {
            None
        };
        for (open_tag, class) in [("<mark class=\"", squiggle), ("<span class=\"", class)] {
            if let Some(class) = class {
                out.push_str(open_tag);
                out.push_str(class);
                out.push_str("\">");
            }
        }
        escape_into(&text[a..b], &mut out);
        if class.is_some() {
            out.push_str("</span>");
        }
        if squiggle.is_some() {
            out.push_str("</mark>");
        }
        a = b;
    }
    lines.push(out);
    lines
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_escapes_names_and_marks_errors() {
        let text = "BACKUP SNAPSHOT db.`<img src=x onerror=alert(1)>` TO";
        let ws = Workspace::new(text, Default::default());
        let html = overlay(text, ws.diagnostics()).join("\n");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
        assert!(!html.contains("<img"));
        assert!(html.contains("sq error"), "{html}");
        assert!(html.starts_with("<span class=\"kw\">BACKUP</span>"), "{html}");
    }

    #[test]
    fn every_overlay_line_closes_what_it_opens() {
        // A diagnostic over several lines: each line's HTML must stand alone, since each is a
        // separate element. (The last line has no line break after it.)
        let text = "BACKUP SNAPSHOT db.s TO r\nPROPERTIES (\"type\" = \"full\nmore\nlines";
        let ws = Workspace::new(text, Default::default());
        let mut error = ws.diagnostics().iter().find(|d| d.severity == Severity::Error).unwrap().clone();
        error.span = Span::new(text.find("PROPERTIES").unwrap(), text.len() - 2);
        let lines = overlay(text, &[error]);
        assert_eq!(lines.len(), 4);
        let marked = lines.iter().filter(|l| l.contains("<mark")).count();
        assert_eq!(marked, 3, "{lines:?}");
        assert!(lines[3].ends_with("</mark>es"), "{lines:?}");
        for line in &lines {
            assert_eq!(line.matches("<mark").count(), line.matches("</mark>").count(), "{line}");
            assert_eq!(line.matches("<span").count(), line.matches("</span>").count(), "{line}");
        }
    }

    #[test]
    fn the_overlay_text_is_the_input() {
        let text = "RESTORE SNAPSHOT s FROM r -- é\nON (TABLE `a b`);\n";
        let ws = Workspace::new(text, Default::default());
        let lines = overlay(text, ws.diagnostics());
        assert_eq!(lines.len(), 3);
        let html = lines.join("\n");
        let mut plain = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert_eq!(plain, text);
    }
}
