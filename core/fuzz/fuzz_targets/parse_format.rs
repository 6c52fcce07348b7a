//! Parses arbitrary bytes (lossily decoded as UTF-8), formats, re-parses the output.
//!
//! Fails on a panic, or when a statement that parsed without errors no longer does after
//! formatting, means something else, or formats differently the second time; or when the
//! formatted script has more errors than the input. The checks live in
//! `core/tests/support/mod.rs`, shared with the round-trip tests.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/mod.rs"]
mod support;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    support::check_text(&text);
});
