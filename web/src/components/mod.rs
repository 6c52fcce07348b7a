//! The views. Each takes the [`Studio`](crate::studio::Studio) and wires its signals to
//! markup; none holds logic of its own beyond what to show.

pub mod builder;
pub mod cluster;
pub mod cluster_snapshot;
pub mod companions;
pub mod completion;
pub mod diagnostics;
pub mod editor;
pub mod embed_code;
pub mod fields;
pub mod privileges;
