//! kubectl's output formats over typed objects, as kubectl 1.33 prints them against a
//! 1.33 API server: `get` tables (plain, wide, name, yaml, json), `describe`, event
//! tables and `rollout status|history`. Pure functions of the objects and the simulated
//! "now" in milliseconds; nothing here reads a clock or mutates anything.
//!
//! Files: `get` (one row printer per kind), `describe` (one describer per kind),
//! `events` (the `Events:` section), `rollout`, `output` (name/yaml/json), `messages`
//! (confirmations and API errors), `format` (ages, dates, access modes, selectors). Alignment comes from `present::table`.

mod describe;
mod events;
pub mod format;
mod get;
pub mod messages;
mod output;
mod quantity;
mod rollout;

pub use describe::describe;
pub use events::{describe_events, resynced, search_events, PV_RESYNC_MS};
pub use format::human_duration;
pub use get::{
    claim_capacity_and_modes, group_kind, node_status, pod_status, DEFAULT_KUBELET_VERSION,
    ENDPOINTS_DEPRECATION_WARNING,
};
pub use output::{json, resource_name, write_json, yaml};
pub use rollout::{
    rollout_history, rollout_history_revision, rollout_status, rollout_status_check, RolloutStatus,
};

use crate::manifest::model::{EndpointSlice, Kind, Object, Service};
use crate::present::table::{escape_cell, render_remembering, Column, Table, Width, GET_TABLE};

/// How `kubectl get` prints (`-o`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputFormat {
    #[default]
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
    /// `-A`: adds the NAMESPACE column (namespaced kinds only).
    pub all_namespaces: bool,
    /// The namespace asked for, for "No resources found in NS namespace.".
    pub namespace: String,
    /// Several kinds were asked at once (`kubectl get pods,pvc`): names print as `pod/web-0`.
    pub show_kind: bool,
    /// Exactly one object was asked for by name (`kubectl get pod web-0`): `-o yaml|json`
    /// print that object; otherwise they print a `List`, even of one item.
    pub single_item: bool,
}

impl Default for GetOptions {
    fn default() -> GetOptions {
        GetOptions {
            output: OutputFormat::Table,
            all_namespaces: false,
            namespace: "default".into(),
            show_kind: false,
            single_item: false,
        }
    }
}

impl GetOptions {
    /// The columns `-o wide` shows or not.
    pub fn width(&self) -> Width {
        if self.output == OutputFormat::Wide {
            Width::Wide
        } else {
            Width::Normal
        }
    }

    /// What kubectl prints on stderr when a human-readable listing found nothing.
    /// Upstream: k8s.io/kubectl pkg/cmd/get/get.go GetOptions.Run
    pub fn no_resources_found(&self, kind: Kind) -> String {
        if self.all_namespaces || !kind.namespaced() {
            "No resources found\n".into()
        } else {
            format!("No resources found in {} namespace.\n", self.namespace)
        }
    }
}

/// The table of one kind as cells (for views that lay it out themselves, such as the
/// UI), decorated as kubectl decorates server tables: NAMESPACE first with `-A`, names
/// prefixed with `kind.group/` when several kinds were asked. `Table::render` with the
/// options' width prints it as `get` does.
/// Upstream: k8s.io/cli-runtime pkg/printers/tableprinter.go decorateTable
pub fn get_table(kind: Kind, objects: &[&Object], options: &GetOptions, now_ms: i64) -> Table {
    let (mut columns, name_column) = get::columns(kind);
    let prefix = format!("{}/", group_kind(kind.api_version(), kind.name()));
    let with_namespace = options.all_namespaces && kind.namespaced();
    let mut rows = Vec::new();
    for object in objects.iter().filter(|o| o.kind() == kind) {
        let mut row = match (object, options.output) {
            (Object::Service(s), OutputFormat::Wide) => get::service_row_wide(s, now_ms),
            _ => get::row(object, now_ms),
        };
        if options.show_kind {
            if let Some(cell) = row.get_mut(name_column) {
                cell.insert_str(0, &prefix);
            }
        }
        if with_namespace {
            row.insert(0, object.namespace().to_string());
        }
        rows.push(row);
    }
    if with_namespace {
        columns.insert(0, Column::new("Namespace"));
    }
    Table { columns, rows }
}

/// `kubectl get KIND` over `objects` (already filtered and in the API server's list order).
/// Returns what kubectl prints on stdout; "No resources found …" goes to stderr in kubectl,
/// and is returned here as the whole output when a table has nothing to list.
/// `-o name` of nothing prints nothing, `-o yaml|json` of nothing an empty `List`.
pub fn get(kind: Kind, objects: &[&Object], options: &GetOptions, now_ms: i64) -> String {
    get_kinds(&[(kind, objects.to_vec())], options, now_ms)
}

/// `kubectl get KIND1,KIND2`: each kind's table in turn, separated by a blank line, or one
/// `List` of every object for `-o yaml|json`.
pub fn get_kinds(groups: &[(Kind, Vec<&Object>)], options: &GetOptions, now_ms: i64) -> String {
    match options.output {
        OutputFormat::Name => groups
            .iter()
            .flat_map(|(kind, objects)| objects.iter().filter(move |o| o.kind() == *kind))
            .map(|o| format!("{}\n", resource_name(o)))
            .collect(),
        OutputFormat::Yaml | OutputFormat::Json => {
            let all: Vec<&Object> = groups
                .iter()
                .flat_map(|(kind, objects)| {
                    objects.iter().copied().filter(move |o| o.kind() == *kind)
                })
                .collect();
            if options.output == OutputFormat::Yaml {
                yaml(&all, options.single_item)
            } else {
                json(&all, options.single_item)
            }
        }
        OutputFormat::Table | OutputFormat::Wide => {
            let mut out = String::new();
            for (kind, objects) in groups {
                let text = get_table(*kind, objects, options, now_ms).render(options.width());
                if text.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&text);
            }
            if out.is_empty() {
                let kind = match groups.iter().find(|(k, _)| !k.namespaced()) {
                    Some((k, _)) => *k,
                    None => Kind::Pod,
                };
                return options.no_resources_found(kind);
            }
            out
        }
    }
}

/// `kubectl get endpoints`: one row per Service that has a selector, derived from the
/// Services' EndpointSlices as the endpoints controller would write them. The 1.33
/// deprecation warning kubectl prints on stderr is `ENDPOINTS_DEPRECATION_WARNING`.
/// `-o name` prints `endpoints/NAME`; yaml and json are not simulated and print the table.
pub fn get_endpoints(
    services: &[&Service],
    slices: &[&EndpointSlice],
    options: &GetOptions,
    now_ms: i64,
) -> String {
    let (mut table, namespaces) = get::endpoints_table(services, slices, now_ms);
    if options.output == OutputFormat::Name {
        return table
            .rows
            .iter()
            .filter_map(|row| row.first())
            .map(|name| format!("endpoints/{name}\n"))
            .collect();
    }
    if options.show_kind {
        for row in &mut table.rows {
            if let Some(cell) = row.first_mut() {
                cell.insert_str(0, "endpoints/");
            }
        }
    }
    if options.all_namespaces {
        table.columns.insert(0, Column::new("Namespace"));
        for (row, namespace) in table.rows.iter_mut().zip(namespaces) {
            row.insert(0, namespace);
        }
    }
    let text = table.render(options.width());
    if text.is_empty() {
        return options.no_resources_found(Kind::Service);
    }
    text
}

/// `kubectl get KIND --watch`: the objects listed when the watch starts, then one row per
/// later change, each printed at its own time (`(object, now_ms)`). The header comes with
/// the first row; every change is flushed on its own, so columns only ever widen.
/// Upstream: k8s.io/kubectl pkg/cmd/get/get.go GetOptions.watch
pub fn get_watch(
    kind: Kind,
    initial: &[&Object],
    changes: &[(&Object, i64)],
    options: &GetOptions,
    now_ms: i64,
) -> String {
    let width = options.width();
    let visible = |table: &Table| -> Vec<Vec<String>> {
        let shown: Vec<bool> = table
            .columns
            .iter()
            .map(|c| width == Width::Wide || !c.wide_only)
            .collect();
        let header = table
            .columns
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| c.name.to_ascii_uppercase())
            .collect();
        let mut rows = vec![header];
        for row in &table.rows {
            rows.push(
                row.iter()
                    .zip(&shown)
                    .filter(|(_, s)| **s)
                    .map(|(cell, _)| escape_cell(cell))
                    .collect(),
            );
        }
        rows
    };
    let mut remembered = Vec::new();
    let mut header_printed = false;
    let mut out = String::new();
    let mut print = |table: Table, out: &mut String| {
        if table.rows.is_empty() {
            return;
        }
        let mut rows = visible(&table);
        if header_printed {
            rows.remove(0);
        }
        header_printed = true;
        out.push_str(&render_remembering(&rows, &mut remembered, GET_TABLE));
    };
    print(get_table(kind, initial, options, now_ms), &mut out);
    for (object, at_ms) in changes {
        print(get_table(kind, &[*object], options, *at_ms), &mut out);
    }
    out
}

/// `kubectl describe KIND` without a name (or with `-l`): each object described in turn,
/// separated by a blank line; "No resources found …" (stderr in kubectl) when there is
/// none. Unlike `get`, the message names the namespace even for cluster-scoped kinds.
/// Upstream: k8s.io/kubectl pkg/cmd/describe/describe.go DescribeOptions.Run
pub fn describe_all(
    targets: &[&Object],
    world: &[&Object],
    options: &GetOptions,
    now_ms: i64,
) -> String {
    if targets.is_empty() {
        if options.all_namespaces {
            return "No resources found\n".into();
        }
        return format!("No resources found in {} namespace.\n", options.namespace);
    }
    targets
        .iter()
        .map(|t| describe(t, world, now_ms))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `kubectl describe KIND NAME` when no object is called NAME: kubectl then describes
/// every object of the kind whose name starts with NAME, each followed by a blank line
/// (`kubectl describe pod web` describes web-0, web-1, …). `None` when nothing matches,
/// and kubectl reports the original NotFound error.
/// Upstream: k8s.io/kubectl pkg/cmd/describe/describe.go DescribeMatchingResources
pub fn describe_matching(
    candidates: &[&Object],
    prefix: &str,
    world: &[&Object],
    now_ms: i64,
) -> Option<String> {
    let matching: Vec<String> = candidates
        .iter()
        .filter(|o| o.name().starts_with(prefix))
        .map(|o| format!("{}\n", describe(o, world, now_ms)))
        .collect();
    if matching.is_empty() {
        None
    } else {
        Some(matching.concat())
    }
}
