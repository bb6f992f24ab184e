//! The present layer: pure view data derived from the engine (kubectl tables, log lines,
//! graph layout), shared by the CLI and the browser UI. `table` aligns text the way
//! kubectl does; `kubectl` prints every kubectl view the playground offers.

pub mod complete;
pub mod dns;
pub mod embed;
pub mod graph;
pub mod highlight;
pub mod i18n;
pub mod jsonpath;
pub mod kubectl;
pub mod lesson;
pub mod selector;
pub mod share;
pub mod shell;
pub mod table;
pub mod timeline;
