//! Runs a command line of the shared command language against a simulation, as the CLI
//! and the browser console do: writes (apply, delete, scale, patch, set image, rollout
//! undo/restart, cordon) become inputs in the timeline; reads (get, describe, rollout
//! status/history, exec, nslookup, dig, explain) print from the world at the cursor, in
//! the formats of the real tools. Errors print as kubectl prints them, with exit code 1.

use crate::engine::api::{self, ApiError, Outcome, Propagation};
use crate::engine::command::{self, Command, Output, Resource, Rollout};
use crate::engine::dns::{self, Dns, RecordType, Search};
use crate::engine::sim::{Input, Simulation};
use crate::engine::statefulset;
use crate::engine::step::{object_ref, Act, Component, Write};
use crate::engine::storage;
use crate::engine::text::Text;
use crate::engine::world::{key_of, Key, World};
use crate::manifest::json::ToJson;
use crate::manifest::model::*;
use crate::manifest::{self, Code, Severity};
use crate::present::dns::{dig, nslookup, trace, DigStyle, Printed};
use crate::present::i18n::Lang;
use crate::present::jsonpath;
use crate::present::kubectl::{self, messages, GetOptions, OutputFormat};
use crate::present::selector;
use crate::quote::quote;

fn ok(output: String) -> Printed {
    Printed {
        output,
        exit_code: 0,
    }
}

fn fail(output: String) -> Printed {
    let output = if output.ends_with('\n') || output.is_empty() {
        output
    } else {
        format!("{output}\n")
    };
    Printed {
        output,
        exit_code: 1,
    }
}

/// The message kubectl prints for an API error.
pub fn api_error(error: &ApiError) -> String {
    match error {
        ApiError::NotFound(kind, name) => messages::not_found(*kind, name),
        ApiError::AlreadyExists(kind, name) => messages::already_exists(*kind, name),
        ApiError::Forbidden(kind, name, reason) => messages::forbidden(*kind, name, reason),
        ApiError::BadRequest(message) => format!("Error from server (BadRequest): {message}\n"),
        ApiError::Invalid(kind, name, errors) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            match list.as_slice() {
                // kubectl quotes the name with Go's %q.
                [one] => format!(
                    "The {} {} is invalid: {one}\n",
                    kind.name(),
                    manifest::go_quote(name)
                ),
                many => {
                    let mut out = format!(
                        "The {} {} is invalid: \n",
                        kind.name(),
                        manifest::go_quote(name)
                    );
                    for m in many {
                        out.push_str(&format!("* {m}\n"));
                    }
                    out
                }
            }
        }
    }
}

fn outcome_line(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Created(k, n) => messages::confirmation(*k, n, "created"),
        Outcome::Configured(k, n) => messages::confirmation(*k, n, "configured"),
        Outcome::Unchanged(k, n) => messages::confirmation(*k, n, "unchanged"),
        Outcome::Deleted(k, n) => messages::deleted(*k, n),
        Outcome::Patched(k, n) => messages::confirmation(*k, n, "patched"),
        Outcome::PatchedNoChange(k, n) => messages::confirmation(*k, n, "patched (no change)"),
        Outcome::Scaled(k, n) => messages::confirmation(*k, n, "scaled"),
        Outcome::ImageUpdated(k, n) => messages::confirmation(*k, n, "image updated"),
        Outcome::Restarted(k, n) => messages::confirmation(*k, n, "restarted"),
        Outcome::RolledBack(k, n) => messages::confirmation(*k, n, "rolled back"),
        Outcome::Cordoned(n) => format!("node/{n} cordoned\n"),
        Outcome::Uncordoned(n) => format!("node/{n} uncordoned\n"),
        Outcome::AlreadyCordoned(n) => format!("node/{n} already cordoned\n"),
        Outcome::AlreadyUncordoned(n) => format!("node/{n} already uncordoned\n"),
    }
}

/// Records one write of the learner as a step.
fn user_write(sim: &mut Simulation, line: &str, writes: Vec<Write>, outcome: &Outcome) {
    if writes.is_empty() {
        return;
    }
    let what = outcome_line(outcome).trim_end().to_string();
    sim.input(Input::Act {
        command: line.to_string(),
        act: Act {
            component: Component::User,
            writes,
            event: None,
            explain: Text::new(
                format!("You ran `{line}`: {what}."),
                format!("你运行了 `{line}`:{what}。"),
            ),
        },
    });
}

/// The objects whose labels match a selector, or the API server's refusal of a selector
/// it cannot parse, as kubectl prints it (`EnhanceListError` around `labels.Parse`).
fn select<'a>(
    objects: Vec<&'a Object>,
    kind: Kind,
    selector: Option<&str>,
) -> Result<Vec<&'a Object>, String> {
    let Some(sel) = selector else {
        return Ok(objects);
    };
    let requirements = selector::parse(sel).map_err(|e| {
        let version = kind.api_version();
        let group = if version.contains('/') { "" } else { "/" };
        format!(
            "Error from server (BadRequest): Unable to find \"{group}{version}, Resource={}\" that match label selector {}, field selector \"\": {e}",
            command::resource_names(kind)[0],
            manifest::go_quote(sel)
        )
    })?;
    Ok(objects
        .into_iter()
        .filter(|o| selector::matches(&requirements, &o.meta().labels))
        .collect())
}

fn ns_of(namespace: &Option<String>) -> String {
    namespace.clone().unwrap_or_else(|| "default".into())
}

/// The objects of a kind a read sees: its namespace (unless cluster-scoped or `-A`), in
/// the API server's order; events in the order they happened.
fn listed<'a>(world: &'a World, kind: Kind, ns: &str, all: bool) -> Vec<&'a Object> {
    let mut out: Vec<&Object> = world
        .of_kind(kind)
        .filter(|o| all || !kind.namespaced() || o.namespace() == ns)
        .collect();
    if kind == Kind::Event {
        crate::sort::by_key(&mut out, |o| {
            o.meta()
                .resource_version
                .as_deref()
                .and_then(|r| r.parse::<u64>().ok())
                .unwrap_or(0)
        });
    }
    out
}

/// Runs one command line. `read_file` gives the text of a `-f` path.
pub fn run(
    sim: &mut Simulation,
    line: &str,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Printed {
    let command = match command::parse(line) {
        Ok(c) => c,
        Err(e) if e.is_empty() => return ok(String::new()),
        Err(e) => return fail(e),
    };
    let now = sim.world().now_ms;
    match command {
        Command::Apply { files, create } => apply_files(sim, line, &files, create, read_file),
        Command::Get {
            resources,
            names,
            namespace,
            all_namespaces,
            selector,
            output,
        } => get(
            sim.world(),
            &resources,
            &names,
            &namespace,
            all_namespaces,
            selector.as_deref(),
            &output,
            now,
        ),
        Command::Describe {
            resource,
            names,
            namespace,
            selector,
        } => {
            let world = sim.world();
            let ns = ns_of(&namespace);
            let Resource::Kind(kind) = resource else {
                return fail("error: describe of endpoints is not supported here; use kubectl get endpoints\n".into());
            };
            let all: Vec<&Object> = world.objects().collect();
            let matched = match select(listed(world, kind, &ns, false), kind, selector.as_deref()) {
                Ok(m) => m,
                Err(e) => return fail(e),
            };
            let mut out = String::new();
            let mut code = 0;
            if names.is_empty() {
                if matched.is_empty() {
                    return ok(messages_no_resources(kind, &ns));
                }
                let texts: Vec<String> = matched
                    .iter()
                    .map(|o| kubectl::describe(o, &all, now))
                    .collect();
                return ok(texts.join("\n\n"));
            }
            for name in &names {
                let exact = matched.iter().find(|o| o.name() == name);
                let chosen: Vec<&&Object> = match exact {
                    Some(o) => vec![o],
                    None => matched
                        .iter()
                        .filter(|o| o.name().starts_with(name.as_str()))
                        .collect(),
                };
                if chosen.is_empty() {
                    out.push_str(&messages::not_found(kind, name));
                    code = 1;
                    continue;
                }
                let texts: Vec<String> = chosen
                    .iter()
                    .map(|o| kubectl::describe(o, &all, now))
                    .collect();
                out.push_str(&texts.join("\n\n"));
            }
            Printed {
                output: out,
                exit_code: code,
            }
        }
        Command::Delete {
            targets,
            kind,
            files,
            namespace,
            selector,
            all,
            cascade,
            force,
        } => delete(
            sim,
            line,
            targets,
            kind,
            files,
            &namespace,
            selector.as_deref(),
            all,
            cascade,
            force,
            read_file,
        ),
        Command::Scale {
            kind,
            name,
            replicas,
            namespace,
        } => {
            let key = (kind, ns_of(&namespace), name.clone());
            let Some(Object::StatefulSet(set)) = sim.world().get(&key).cloned() else {
                return fail(messages::not_found(kind, &name));
            };
            let mut scaled = set.clone();
            scaled.spec.replicas = Some(replicas);
            let outcome = Outcome::Scaled(kind, name);
            let writes = if scaled == set {
                Vec::new()
            } else {
                vec![Write::Update(Object::StatefulSet(scaled))]
            };
            user_write(sim, line, writes, &outcome);
            ok(outcome_line(&outcome) + &pod_limit_note(&set.metadata.name, replicas))
        }
        Command::Patch {
            kind,
            name,
            patch,
            patch_type,
            namespace,
        } => {
            let key = key_for(kind, &namespace, &name);
            // kubectl reads the patch as YAML (JSON is YAML) before it sends it.
            let patch = match crate::manifest::yaml_to_json(&patch) {
                Ok(value) => value,
                Err(e) => {
                    return fail(format!(
                        "error: unable to parse {}: {e}\n",
                        crate::manifest::go_quote(&patch)
                    ))
                }
            };
            let classes: Vec<StorageClass> = sim.world().classes().cloned().collect();
            match api::patch(sim.world(), &key, &patch_type, &patch) {
                Ok((write, outcome)) => {
                    if let (
                        Some(Write::Update(Object::PersistentVolumeClaim(new))),
                        Some(Object::PersistentVolumeClaim(old)),
                    ) = (&write, sim.world().get(&key))
                    {
                        let refs: Vec<&StorageClass> = classes.iter().collect();
                        if let Err(e) = storage::validate_claim_resize(old, new, &refs) {
                            return fail(e.kubectl_message(&name));
                        }
                    }
                    user_write(sim, line, write.into_iter().collect(), &outcome);
                    ok(outcome_line(&outcome))
                }
                Err(e) => fail(api_error(&e)),
            }
        }
        Command::SetImage {
            kind,
            name,
            images,
            namespace,
        } => {
            let key = key_for(kind, &namespace, &name);
            let Some(Object::StatefulSet(set)) = sim.world().get(&key).cloned() else {
                return fail(messages::not_found(kind, &name));
            };
            let mut updated = set.clone();
            for (container, image) in &images {
                let target = updated
                    .spec
                    .template
                    .spec
                    .containers
                    .iter_mut()
                    .chain(updated.spec.template.spec.init_containers.iter_mut())
                    .find(|c| c.name == *container || container == "*");
                match target {
                    Some(c) => c.image = Some(image.clone()),
                    None => {
                        return fail(format!(
                            "error: unable to find container named \"{container}\""
                        ))
                    }
                }
            }
            let outcome = Outcome::ImageUpdated(kind, name);
            if updated == set {
                return ok(String::new());
            }
            user_write(
                sim,
                line,
                vec![Write::Update(Object::StatefulSet(updated))],
                &outcome,
            );
            ok(outcome_line(&outcome))
        }
        Command::Rollout {
            action,
            kind,
            name,
            namespace,
            revision,
        } => rollout(sim, line, action, kind, &name, &namespace, revision),
        Command::Cordon { node, cordon } => {
            let key = (Kind::Node, String::new(), node.clone());
            let Some(Object::Node(n)) = sim.world().get(&key).cloned() else {
                return fail(messages::not_found(Kind::Node, &node));
            };
            if n.spec.unschedulable.unwrap_or(false) == cordon {
                let outcome = if cordon {
                    Outcome::AlreadyCordoned(node)
                } else {
                    Outcome::AlreadyUncordoned(node)
                };
                return ok(outcome_line(&outcome));
            }
            let mut updated = n.clone();
            updated.spec.unschedulable = cordon.then_some(true);
            let outcome = if cordon {
                Outcome::Cordoned(node)
            } else {
                Outcome::Uncordoned(node)
            };
            user_write(
                sim,
                line,
                vec![Write::Update(Object::Node(updated))],
                &outcome,
            );
            ok(outcome_line(&outcome))
        }
        Command::Exec {
            pod,
            namespace,
            argv,
        } => exec(sim.world(), &pod, &ns_of(&namespace), &argv, now),
        Command::Nslookup { name, namespace } => {
            let dns = Dns::new(sim.world().objects());
            let lookup = dns.resolve(&name, &ns_of(&namespace), RecordType::A, Search::SearchList);
            nslookup(&dns, &lookup)
        }
        Command::Dig {
            name,
            qtype,
            short,
            search,
            namespace,
        } => {
            let Some(t) = RecordType::parse(&qtype) else {
                return fail(format!("dig: invalid type {qtype}"));
            };
            let dns = Dns::new(sim.world().objects());
            let lookup = dns.resolve(
                &name,
                &ns_of(&namespace),
                t,
                if search {
                    Search::SearchList
                } else {
                    Search::AsTyped
                },
            );
            dig(
                &lookup,
                if short {
                    DigStyle::Short
                } else {
                    DigStyle::Full
                },
                now,
            )
        }
        Command::ExplainPvc { name, namespace } => {
            explain_pvc(sim.world(), &name, &ns_of(&namespace), Lang::En)
        }
        Command::ExplainDns { name, namespace } => {
            let objects: Vec<&Object> = sim.world().objects().collect();
            let dns = Dns::new(objects.iter().copied());
            let lookup = dns.resolve(&name, &ns_of(&namespace), RecordType::A, Search::SearchList);
            let diagnosis = dns.diagnose(&lookup, &objects);
            ok(trace(&lookup, &diagnosis, Lang::En))
        }
    }
}

fn messages_no_resources(kind: Kind, ns: &str) -> String {
    if kind.namespaced() {
        format!("No resources found in {ns} namespace.\n")
    } else {
        "No resources found\n".into()
    }
}

fn key_for(kind: Kind, namespace: &Option<String>, name: &str) -> Key {
    let ns = if kind.namespaced() {
        ns_of(namespace)
    } else {
        String::new()
    };
    (kind, ns, name.to_string())
}

/// `explain pvc NAME`: the binding explainer for a claim, at this step.
pub fn explain_pvc(world: &World, name: &str, ns: &str, lang: Lang) -> Printed {
    let Some(Object::PersistentVolumeClaim(claim)) =
        world.find(Kind::PersistentVolumeClaim, ns, name)
    else {
        return fail(messages::not_found(Kind::PersistentVolumeClaim, name));
    };
    let volumes: Vec<&PersistentVolume> = world.volumes().collect();
    let classes: Vec<&StorageClass> = world.classes().collect();
    let node = claim
        .metadata
        .annotations
        .get(storage::ANN_SELECTED_NODE)
        .and_then(|n| match world.find(Kind::Node, "", n) {
            Some(Object::Node(node)) => Some(node),
            _ => None,
        });
    let explanation = storage::explain_binding(claim, &volumes, &classes, node);
    let lines: Vec<String> = explanation
        .lines()
        .into_iter()
        .map(|t| match lang {
            Lang::En => t.en,
            Lang::Zh => t.zh,
        })
        .collect();
    ok(format!("{}\n", lines.join("\n")))
}

#[allow(clippy::too_many_arguments)]
fn get(
    world: &World,
    resources: &[(Resource, Option<String>)],
    names: &[String],
    namespace: &Option<String>,
    all: bool,
    selector: Option<&str>,
    output: &Output,
    now: i64,
) -> Printed {
    let ns = ns_of(namespace);
    let format = match output {
        Output::Table | Output::JsonPath(_) => OutputFormat::Table,
        Output::Wide => OutputFormat::Wide,
        Output::Name => OutputFormat::Name,
        Output::Yaml => OutputFormat::Yaml,
        Output::Json => OutputFormat::Json,
    };
    let explicit: Vec<(Resource, String)> = resources
        .iter()
        .filter_map(|(r, n)| n.clone().map(|n| (*r, n)))
        .chain(
            resources
                .iter()
                .filter(|(_, n)| n.is_none())
                .flat_map(|(r, _)| names.iter().map(move |n| (*r, n.clone()))),
        )
        .collect();
    let single = explicit.len() == 1;
    let options = GetOptions {
        output: format,
        all_namespaces: all,
        namespace: ns.clone(),
        show_kind: resources.len() > 1,
        single_item: single,
    };
    // Events as a cluster shows them at `now`, repeated PV controller events counted.
    let event_views: Vec<Object> = if resources
        .iter()
        .any(|(r, _)| *r == Resource::Kind(Kind::Event))
    {
        let all_objects: Vec<&Object> = world.objects().collect();
        listed(world, Kind::Event, "", true)
            .into_iter()
            .map(|o| match o {
                Object::Event(e) => Object::Event(kubectl::resynced(e, &all_objects, now)),
                other => other.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut errors = String::new();
    let mut groups: Vec<(Kind, Vec<&Object>)> = Vec::new();
    let mut endpoints_out = String::new();
    let mut kinds_seen: Vec<Resource> = Vec::new();
    for (resource, _) in resources {
        if kinds_seen.contains(resource) {
            continue;
        }
        kinds_seen.push(*resource);
        let wanted: Vec<&String> = explicit
            .iter()
            .filter(|(r, _)| r == resource)
            .map(|(_, n)| n)
            .collect();
        match resource {
            Resource::Endpoints => {
                let services: Vec<&Service> = world
                    .services()
                    .filter(|s| all || s.metadata.namespace.as_deref() == Some(ns.as_str()))
                    .filter(|s| wanted.is_empty() || wanted.contains(&&s.metadata.name))
                    .collect();
                let slices: Vec<&EndpointSlice> = world
                    .of_kind(Kind::EndpointSlice)
                    .filter_map(|o| match o {
                        Object::EndpointSlice(s) => Some(s),
                        _ => None,
                    })
                    .collect();
                for w in &wanted {
                    if !services.iter().any(|s| s.metadata.name == **w) {
                        errors.push_str(&format!(
                            "Error from server (NotFound): endpoints \"{w}\" not found\n"
                        ));
                    }
                }
                endpoints_out = kubectl::get_endpoints(&services, &slices, &options, now);
            }
            Resource::Kind(kind) => {
                let base = if *kind == Kind::Event {
                    event_views
                        .iter()
                        .filter(|o| all || o.namespace() == ns)
                        .collect()
                } else {
                    listed(world, *kind, &ns, all)
                };
                let mut objects = match select(base, *kind, selector) {
                    Ok(o) => o,
                    Err(e) => return fail(e),
                };
                if !wanted.is_empty() {
                    let mut picked = Vec::new();
                    for w in &wanted {
                        match objects.iter().find(|o| o.name() == w.as_str()) {
                            Some(o) => picked.push(*o),
                            None => errors.push_str(&messages::not_found(*kind, w)),
                        }
                    }
                    objects = picked;
                }
                groups.push((*kind, objects));
            }
        }
    }
    let code = i32::from(!errors.is_empty());
    if let Output::JsonPath(template) = output {
        let items: Vec<crate::json::Value> = groups
            .iter()
            .flat_map(|(_, objs)| objs.iter().map(|o| o.to_json()))
            .collect();
        let value = if single && items.len() == 1 {
            items.into_iter().next().unwrap_or_default()
        } else {
            let mut metadata = crate::json::Map::new();
            metadata.insert("resourceVersion".into(), "".into());
            let mut list = crate::json::Map::new();
            list.insert("apiVersion".into(), "v1".into());
            list.insert("items".into(), crate::json::Value::Array(items));
            list.insert("kind".into(), "List".into());
            list.insert("metadata".into(), crate::json::Value::Object(metadata));
            crate::json::Value::Object(list)
        };
        return match jsonpath::eval(template, &value) {
            Ok(text) => Printed {
                output: format!("{errors}{text}"),
                exit_code: code,
            },
            Err(e) => fail(format!("{errors}error: {e}")),
        };
    }
    let body = if groups.len() == 1 {
        let (kind, objects) = &groups[0];
        if objects.is_empty() && !explicit.is_empty() {
            String::new()
        } else {
            kubectl::get(*kind, objects, &options, now)
        }
    } else if groups.is_empty() {
        endpoints_out.clone()
    } else {
        kubectl::get_kinds(&groups, &options, now)
    };
    let body = if groups.is_empty() {
        body
    } else {
        format!(
            "{body}{}",
            if endpoints_out.is_empty() {
                ""
            } else {
                &endpoints_out
            }
        )
    };
    Printed {
        output: format!("{errors}{body}"),
        exit_code: code,
    }
}

/// The most objects one file may apply: thousands of objects would take the simulation
/// seconds to apply and minutes to settle, for nothing a lesson needs.
pub const MAX_OBJECTS_PER_APPLY: usize = 500;

/// The playground's own notice when a StatefulSet asks for more pods than it simulates
/// (empty otherwise); it names itself, as no kubectl prints it.
fn pod_limit_note(set: &str, replicas: i64) -> String {
    if replicas <= statefulset::MAX_SIMULATED_PODS {
        return String::new();
    }
    format!(
        "Note (playground): StatefulSet {set} asks for {replicas} replicas; the playground simulates at most {max} pods per StatefulSet, so only {set}-0 to {set}-{last} are created here.\n",
        max = statefulset::MAX_SIMULATED_PODS,
        last = statefulset::MAX_SIMULATED_PODS - 1,
    )
}

/// The manifest layer's warnings that no API server sends: problems across objects and
/// names or fields the server accepts silently.
fn is_playground_lint(code: Code) -> bool {
    matches!(
        code,
        Code::NameTooLongForPods
            | Code::FeatureDisabled
            | Code::ServiceMissing
            | Code::ServiceNotHeadless
            | Code::ServiceSelectorMismatch
            | Code::UnknownStorageClass
            | Code::MountWithoutVolume
            | Code::SeveralDefaultClasses
            | Code::ClaimRefMissing
    )
}

fn apply_files(
    sim: &mut Simulation,
    line: &str,
    files: &[String],
    create: bool,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Printed {
    let mut out = String::new();
    let mut code = 0;
    for file in files {
        let text = match read_file(file) {
            Ok(t) => t,
            Err(_) => {
                out.push_str(&format!("error: the path \"{file}\" does not exist\n"));
                code = 1;
                continue;
            }
        };
        let parsed = manifest::parse(&text);
        if parsed.objects.len() > MAX_OBJECTS_PER_APPLY {
            out.push_str(&format!(
                "error: {file}: {} objects; the playground applies at most {MAX_OBJECTS_PER_APPLY} objects from one file, so nothing was applied\n",
                parsed.objects.len()
            ));
            code = 1;
            continue;
        }
        let mut blocked_docs = Vec::new();
        for d in &parsed.diagnostics {
            match d.severity {
                Severity::Error => {
                    out.push_str(&format!(
                        "error: {file}:{}:{}: {}\n",
                        d.line, d.column, d.message
                    ));
                    blocked_docs.push(d.document);
                    code = 1;
                }
                // kubectl prints the API server's warnings only: an unknown field as the
                // server words it (field validation Warn), not the playground's own lints
                // across objects, which the editor and the CLI show as diagnostics.
                Severity::Warning => match d.code {
                    Code::UnknownField => {
                        out.push_str(&format!("Warning: unknown field {}\n", quote(&d.path)))
                    }
                    code if is_playground_lint(code) => {}
                    _ => out.push_str(&format!(
                        "Warning: {file}:{}:{}: {}\n",
                        d.line, d.column, d.message
                    )),
                },
            }
        }
        if blocked_docs.is_empty() || !parsed.objects.is_empty() {
            // Nodes of the learner's own replace the default ones (those no pod runs on).
            if parsed.objects.iter().any(|o| o.kind() == Kind::Node) {
                let defaults: Vec<Key> = sim
                    .world()
                    .nodes()
                    .filter(|n| {
                        crate::engine::world::DEFAULT_NODES.contains(&n.metadata.name.as_str())
                    })
                    .filter(|n| {
                        !parsed
                            .objects
                            .iter()
                            .any(|o| o.kind() == Kind::Node && o.name() == n.metadata.name)
                    })
                    .filter(|n| {
                        !sim.world()
                            .pods()
                            .any(|p| p.spec.node_name.as_deref() == Some(n.metadata.name.as_str()))
                    })
                    .map(|n| (Kind::Node, String::new(), n.metadata.name.clone()))
                    .collect();
                for key in defaults {
                    let outcome = Outcome::Deleted(Kind::Node, key.2.clone());
                    user_write(sim, line, vec![Write::Remove(key)], &outcome);
                }
            }
            for object in parsed.objects {
                let result = if create {
                    api::create(sim.world(), object).map(|(w, o)| (Some(w), o))
                } else {
                    api::apply(sim.world(), object)
                };
                match result {
                    Ok((write, outcome)) => {
                        out.push_str(&outcome_line(&outcome));
                        if let Some(
                            Write::Create(Object::StatefulSet(set))
                            | Write::Update(Object::StatefulSet(set)),
                        ) = &write
                        {
                            out.push_str(&pod_limit_note(
                                &set.metadata.name,
                                statefulset::replicas(set),
                            ));
                        }
                        user_write(sim, line, write.into_iter().collect(), &outcome);
                    }
                    Err(ApiError::AlreadyExists(kind, name)) if create => {
                        out.push_str(&format!(
                            "Error from server (AlreadyExists): error when creating \"{file}\": {} \"{name}\" already exists\n",
                            messages::resource_plural(kind)
                        ));
                        code = 1;
                    }
                    Err(e) => {
                        out.push_str(&api_error(&e));
                        code = 1;
                    }
                }
            }
        }
    }
    Printed {
        output: out,
        exit_code: code,
    }
}

#[allow(clippy::too_many_arguments)]
fn delete(
    sim: &mut Simulation,
    line: &str,
    targets: Vec<(Kind, String)>,
    kind: Option<Kind>,
    files: Vec<String>,
    namespace: &Option<String>,
    selector: Option<&str>,
    all: bool,
    cascade: Propagation,
    force: bool,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Printed {
    let ns = ns_of(namespace);
    let mut keys: Vec<Key> = targets
        .iter()
        .map(|(k, n)| key_for(*k, namespace, n))
        .collect();
    let mut out = String::new();
    let mut code = 0;
    for file in &files {
        match read_file(file) {
            Ok(text) => {
                for o in manifest::parse(&text).objects {
                    let mut key = key_of(&o);
                    if o.kind().namespaced() && key.1.is_empty() {
                        key.1 = ns.clone();
                    }
                    keys.push(key);
                }
            }
            Err(_) => {
                out.push_str(&format!("error: the path \"{file}\" does not exist\n"));
                code = 1;
            }
        }
    }
    if let (Some(kind), true) = (kind, selector.is_some() || all) {
        match select(listed(sim.world(), kind, &ns, false), kind, selector) {
            Ok(matched) => keys.extend(matched.into_iter().map(key_of)),
            Err(e) => return fail(e),
        }
        if keys.is_empty() {
            return ok(messages_no_resources(kind, &ns));
        }
    }
    for key in keys {
        if !sim.world().contains(&key) {
            out.push_str(&messages::not_found(key.0, &key.2));
            code = 1;
            continue;
        }
        let mut writes = api::delete_writes(sim.world(), &key, cascade);
        if force && key.0 == Kind::Pod {
            writes = vec![Write::Remove(key.clone())];
            out.push_str("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
        }
        let outcome = Outcome::Deleted(key.0, key.2.clone());
        out.push_str(&outcome_line(&outcome));
        user_write(sim, line, writes, &outcome);
    }
    Printed {
        output: out,
        exit_code: code,
    }
}

fn rollout(
    sim: &mut Simulation,
    line: &str,
    action: Rollout,
    kind: Kind,
    name: &str,
    namespace: &Option<String>,
    revision: Option<i64>,
) -> Printed {
    if kind != Kind::StatefulSet {
        return fail(format!(
            "error: no rollout support for {}s in this playground",
            kind.name().to_ascii_lowercase()
        ));
    }
    let key = key_for(kind, namespace, name);
    let Some(Object::StatefulSet(set)) = sim.world().get(&key).cloned() else {
        return fail(messages::not_found(kind, name));
    };
    let uid = set.metadata.uid.clone().unwrap_or_default();
    let revisions: Vec<ControllerRevision> = sim
        .world()
        .of_kind(Kind::ControllerRevision)
        .filter_map(|o| match o {
            Object::ControllerRevision(r)
                if r.metadata.owner_references.iter().any(|o| o.uid == uid) =>
            {
                Some(r.clone())
            }
            _ => None,
        })
        .collect();
    match action {
        Rollout::Status => {
            let pods: Vec<&Pod> = sim.world().pods().collect();
            let text = kubectl::rollout_status(&set, &pods);
            let code = i32::from(text.starts_with("error"));
            Printed {
                output: text,
                exit_code: code,
            }
        }
        Rollout::History => {
            let refs: Vec<&ControllerRevision> = revisions.iter().collect();
            ok(kubectl::rollout_history(&set, &refs))
        }
        Rollout::Restart => {
            let mut updated = set.clone();
            updated.spec.template.metadata.annotations.insert(
                "kubectl.kubernetes.io/restartedAt".into(),
                sim.world().now(),
            );
            let outcome = Outcome::Restarted(kind, name.to_string());
            user_write(
                sim,
                line,
                vec![Write::Update(Object::StatefulSet(updated))],
                &outcome,
            );
            ok(outcome_line(&outcome))
        }
        Rollout::Undo => {
            let mut sorted = revisions.clone();
            crate::sort::by_key(&mut sorted, |r| r.revision);
            let target = match revision {
                Some(n) => sorted.iter().find(|r| r.revision == n),
                None => sorted.iter().rev().nth(1),
            };
            let Some(target) = target else {
                return fail(match revision {
                    Some(n) => format!("error: unable to find specified revision {n} in history"),
                    None => {
                        "error: no rollout history found for statefulset \"".to_string()
                            + name
                            + "\""
                    }
                });
            };
            let template = target
                .data
                .get("spec")
                .and_then(|s| s.get("template"))
                .cloned()
                .map(|mut t| {
                    if let crate::json::Value::Object(m) = &mut t {
                        m.remove("$patch");
                    }
                    t
                })
                .and_then(|t| crate::manifest::json::from_value::<PodTemplateSpec>(t).ok());
            let Some(template) = template else {
                return fail("error: the revision's template cannot be read".into());
            };
            let mut updated = set.clone();
            updated.spec.template = template;
            if updated == set {
                return ok(format!("statefulset.apps/{name} skipped rollback (current template already matches revision {})\n", target.revision));
            }
            let outcome = Outcome::RolledBack(kind, name.to_string());
            user_write(
                sim,
                line,
                vec![Write::Update(Object::StatefulSet(updated))],
                &outcome,
            );
            ok(outcome_line(&outcome))
        }
    }
}

fn exec(world: &World, pod_name: &str, ns: &str, argv: &[String], now: i64) -> Printed {
    let Some(Object::Pod(pod)) = world.find(Kind::Pod, ns, pod_name) else {
        return fail(messages::not_found(Kind::Pod, pod_name));
    };
    let running = pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running")
        && pod.metadata.deletion_timestamp.is_none();
    if !running {
        let phase = pod
            .status
            .as_ref()
            .and_then(|s| s.phase.clone())
            .unwrap_or_else(|| "Pending".into());
        return fail(format!("error: unable to upgrade connection: container not found (\"{}\")\nerror: cannot exec into a container in a completed pod; current phase is {phase}", pod.spec.containers.first().map(|c| c.name.as_str()).unwrap_or("")));
    }
    // `sh -c '…'` runs the quoted command line.
    let argv: Vec<String> = match argv {
        [sh, c, script] if (sh == "sh" || sh == "/bin/sh" || sh == "bash") && c == "-c" => {
            command::split_words(script).unwrap_or_default()
        }
        other => other.to_vec(),
    };
    let (host, fqdn) = dns::pod_hostnames(pod);
    match argv.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["hostname"] => ok(format!("{host}\n")),
        ["hostname", "-f" | "--fqdn" | "--long"] => ok(format!("{fqdn}\n")),
        ["cat", "/etc/resolv.conf"] => ok(dns::resolv_conf(ns)),
        ["cat", "/etc/hostname"] => ok(format!("{host}\n")),
        ["nslookup", name] => {
            let dns = Dns::new(world.objects());
            let lookup = dns.resolve(name, ns, RecordType::A, Search::SearchList);
            let printed = nslookup(&dns, &lookup);
            if printed.exit_code != 0 {
                return Printed { output: format!("{}command terminated with exit code 1\n", printed.output), exit_code: 1 };
            }
            printed
        }
        ["dig", rest @ ..] => {
            let line = format!("dig {} -n {ns}", rest.join(" "));
            match command::parse(&line) {
                Ok(Command::Dig { name, qtype, short, search, .. }) => {
                    let Some(t) = RecordType::parse(&qtype) else {
                        return fail(format!("dig: invalid type {qtype}"));
                    };
                    let dns = Dns::new(world.objects());
                    let lookup = dns.resolve(&name, ns, t, if search { Search::SearchList } else { Search::AsTyped });
                    dig(&lookup, if short { DigStyle::Short } else { DigStyle::Full }, now)
                }
                _ => fail("dig: a name to look up is required".into()),
            }
        }
        [program, ..] => Printed {
            output: format!("error: Internal error occurred: error executing command in container: failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\n(this playground runs hostname, cat /etc/resolv.conf, nslookup and dig inside pods)\n"),
            exit_code: 1,
        },
        [] => fail("error: you must specify at least one command for the container".into()),
    }
}

/// The name kubectl prints for an object in events and confirmations (`pod/web-0`).
pub fn object_name(object: &Object) -> String {
    object_ref(object.kind(), object.name())
}
