//! Small view components. Each takes signals and renders; none holds logic of its own.

pub mod diagnostics;
pub mod editor;
pub mod formatted;
