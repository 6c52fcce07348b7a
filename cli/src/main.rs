//! `srbackup`: lint and format StarRocks BACKUP-family SQL.
fn main() {}
