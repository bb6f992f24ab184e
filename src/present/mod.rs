//! The present layer: pure view data derived from the engine (kubectl tables, log lines,
//! graph layout), shared by the CLI and the browser UI.

pub mod complete;
pub mod dns;
pub mod graph;
pub mod highlight;
pub mod i18n;
pub mod jsonpath;
pub mod kubectl;
