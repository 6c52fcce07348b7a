//! Runs the `srbackup` binary for the CLI tests.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `srbackup args…` in the crate directory with `stdin` as its input.
pub fn srbackup(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_srbackup"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("srbackup runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // srbackup may exit (usage errors) before reading its input.
    let _ = pipe.write_all(stdin.as_bytes());
    drop(pipe);
    child.wait_with_output().expect("srbackup finishes")
}
