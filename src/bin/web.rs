//! The browser entry point: mounts the playground (wasm32 only).

fn main() {}
