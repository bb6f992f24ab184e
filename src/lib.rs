//! stsplay: a StatefulSet playground. Kubernetes manifests go in, a deterministic,
//! step-by-step simulation of the control plane comes out.
//!
//! Layers, each a folder, with arrows pointing one way:
//! `manifest` (YAML text → typed objects + diagnostics) → `engine` (the pure simulation)
//! → `present` (view data: tables, log lines, graph layout) → `ui` (Yew components, wasm only).
//! The `stsplay` CLI is a thin shell over the first three, like the UI.

pub mod engine;
pub mod json;
pub mod manifest;
pub mod present;
pub mod quote;
pub mod sort;
pub mod time;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod vecmap;
