//! StarRocks Backup Studio: the browser app (Leptos, client-side rendered, built by Trunk).
//!
//! This crate is the only one that knows the DOM. All checking and formatting happens in
//! `starrocks-backup-sql`; [`analysis`] turns its result into what the views show, and the
//! [`components`] only wire signals to markup.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod analysis;
mod app;
mod browser;
mod components;
mod embed;
mod examples;
mod history;
mod lazy;
mod persist;
mod share;
mod slots;
mod studio;

fn main() {
    // Debug builds print a panic's message in the console. Release builds abort on a panic
    // without formatting it (`-Cpanic=immediate-abort`, see xtask's APP_RUSTFLAGS), so the
    // hook would be dead weight there.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
