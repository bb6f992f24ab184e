//! The `stsplay` command line: applies manifests, runs commands and prints a transcript.

fn main() {}
