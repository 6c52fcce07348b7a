//! The builder model: a structured backup plan ⇄ SQL, syntax conversion and companion statements.
