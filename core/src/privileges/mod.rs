//! The privilege explainer: which GRANTs each object of a statement needs, and why.
