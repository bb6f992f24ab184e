//! kubectl's output formats over typed objects: `get` tables (plain, wide, name, yaml,
//! json), `describe`, events. Pure functions of the objects and the simulated "now".

use crate::manifest::model::{Kind, Object};

/// How `kubectl get` prints (`-o`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Wide,
    Name,
    Yaml,
    Json,
}

/// What `kubectl get` was asked, besides the objects themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetOptions {
    pub output: OutputFormat,
    /// `-A`: adds the NAMESPACE column.
    pub all_namespaces: bool,
    /// The namespace asked for, for "No resources found in NS namespace.".
    pub namespace: String,
    /// Several kinds were asked at once (`kubectl get pods,pvc`): names print as `pod/web-0`.
    pub show_kind: bool,
}

/// `kubectl get KIND` over `objects` (already filtered and in the API server's list order).
/// Returns what kubectl prints on stdout; "No resources found …" goes to stderr in kubectl,
/// and is returned here as the whole output when there is nothing to list.
pub fn get(kind: Kind, objects: &[&Object], options: &GetOptions, now_ms: i64) -> String {
    let _ = (kind, options, now_ms);
    objects.iter().map(|o| format!("{}\n", o.name())).collect()
}

/// `kubectl describe` of `target`; `world` holds every object (events included) it may cite.
pub fn describe(target: &Object, world: &[&Object], now_ms: i64) -> String {
    let _ = (world, now_ms);
    format!("Name: {}\n", target.name())
}
