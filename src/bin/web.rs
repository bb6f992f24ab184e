//! The browser entry point: mounts the playground. Built for wasm32 by Trunk; on other
//! targets it only says where the playground runs.

#[cfg(target_arch = "wasm32")]
fn main() {
    stsplay::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stsplay-web runs in the browser: see README.md (\"Run\").");
}
