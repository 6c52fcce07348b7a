//! Runs the whole façade on arbitrary bytes (lossily decoded as UTF-8): every report of a
//! `Workspace` under two settings, serialised with positions in each encoding, and completion
//! at a few offsets.
//!
//! Fails on a panic, on a report that does not serialise, or on a position outside the text:
//! every serialised range must have `start <= end <= ` the text's length in its encoding and
//! 1-based lines and columns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use starrocks_backup_sql::check::{ClusterMode, Version};
use starrocks_backup_sql::plan::Syntax;
use starrocks_backup_sql::span::with_positions;
use starrocks_backup_sql::{PositionEncoding, Settings, Workspace};

/// Checks every `{start, end, line, column, endLine, endColumn}` object inside `value`.
fn check_ranges(value: &Value, len: u64, lines: u64) -> usize {
    match value {
        Value::Object(map) => {
            let mut n = 0;
            if let (Some(s), Some(e), Some(l), Some(c)) =
                (map.get("start"), map.get("end"), map.get("line"), map.get("column"))
            {
                let (s, e, l, c) =
                    (s.as_u64().unwrap(), e.as_u64().unwrap(), l.as_u64().unwrap(), c.as_u64().unwrap());
                assert!(s <= e && e <= len, "range {s}..{e} outside a text of {len}");
                assert!(l >= 1 && l <= lines && c >= 1, "line {l} column {c} (the text has {lines} lines)");
                n += 1;
            }
            n + map.values().map(|v| check_ranges(v, len, lines)).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(|v| check_ranges(v, len, lines)).sum(),
        _ => 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.split('\n').count() as u64;
    let mut ws = Workspace::new(text.as_ref(), Settings::default());
    for settings in [
        Settings::default(),
        Settings { target: Version::new(3, 3), cluster: ClusterMode::SharedData, ..Settings::default() },
    ] {
        ws.set_settings(settings);
        for (encoding, len) in [
            (PositionEncoding::Utf8, text.len()),
            (PositionEncoding::Utf16, text.encode_utf16().count()),
            (PositionEncoding::Utf32, text.chars().count()),
        ] {
            let json = with_positions(&text, encoding, || {
                serde_json::to_value((
                    ws.check_report(),
                    ws.privilege_report(),
                    ws.formatted(),
                    ws.plan_at(None),
                    ws.convert(Syntax::V34, None),
                    ws.convert(Syntax::Pre34, None),
                    ws.companions(None),
                    ws.complete(text.len() / 2),
                    ws.complete(text.len()),
                ))
            })
            .expect("reports serialise");
            check_ranges(&json, len as u64, lines);
        }
    }
});
