//! `kubectl describe` for the kinds the playground simulates: StatefulSet, Pod,
//! PersistentVolumeClaim, PersistentVolume, Service, EndpointSlice, StorageClass, Node
//! (basic) and Namespace, each a port of the kubectl 1.33 describer named in its doc
//! line; other kinds get a short name/labels/events description. Text is built tab-separated with
//! kubectl's indentation levels, then aligned by the `present::table` tab writer.

use super::events::{describe_events, resynced, search_events};
use super::format::{
    access_modes_as_string, desired_replicas, format_labels, go_list, is_default_annotation,
    persistent_volume_class, rfc1123z, selector_string, translate_timestamp_since,
};
use super::get::{find_node_roles, node_info};
use super::quantity::Quantity;
use crate::json::Value;
use crate::manifest::json::ToJson;
use crate::manifest::model::*;
use crate::present::table::{escape_terminal, tabwrite, DESCRIBE};

/// Describe text under construction: what kubectl has flushed already, and the text
/// still waiting in its tab writer.
#[derive(Default)]
struct Writer {
    flushed: String,
    pending: String,
}

impl Writer {
    /// Writes at an indentation level of two spaces per level.
    /// Upstream: k8s.io/kubectl pkg/describe/describe.go prefixWriter.Write
    fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.pending.push_str("  ");
        }
        self.pending.push_str(&escape_terminal(text));
    }

    /// `write` of formatted text, without a `String` at every call site.
    #[inline(never)]
    fn write_args(&mut self, level: usize, args: std::fmt::Arguments<'_>) {
        self.write(level, &args.to_string());
    }

    fn flush(&mut self) {
        self.flushed.push_str(&tabwrite(&self.pending, DESCRIBE));
        self.pending.clear();
    }

    fn events(&mut self, events: &[&Event], now_ms: i64) {
        if !events.is_empty() {
            self.flush();
        }
        self.pending.push_str(&describe_events(events, now_ms));
    }

    fn finish(mut self) -> String {
        self.flush();
        self.flushed
    }
}

/// `kubectl describe` of `target`; `world` holds every object (events included) it may cite.
pub fn describe(target: &Object, world: &[&Object], now_ms: i64) -> String {
    let events: Vec<Event> = search_events(target, world)
        .into_iter()
        .map(|e| resynced(e, world, now_ms))
        .collect();
    let events: Vec<&Event> = events.iter().collect();
    let mut w = Writer::default();
    match target {
        Object::StatefulSet(set) => stateful_set(&mut w, set, world),
        Object::Pod(pod) => pod_description(&mut w, pod, now_ms),
        Object::PersistentVolumeClaim(claim) => {
            persistent_volume_claim(&mut w, claim, world, now_ms)
        }
        Object::PersistentVolume(volume) => persistent_volume(&mut w, volume, now_ms),
        Object::Service(service) => service_description(&mut w, service, world),
        Object::StorageClass(class) => storage_class(&mut w, class),
        Object::Node(node) => node_description(&mut w, node, world, now_ms),
        Object::EndpointSlice(slice) => endpoint_slice(&mut w, slice),
        Object::Namespace(namespace) => {
            namespace_description(&mut w, namespace);
            return w.finish();
        }
        other => generic(&mut w, other),
    }
    w.events(&events, now_ms);
    w.finish()
}

/// `Title:\tk=v` lines, one label per line, `<none>` when empty.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go printLabelsMultilineWithIndent
fn print_labels_multiline(w: &mut Writer, initial_indent: &str, title: &str, labels: &StringMap) {
    w.write_args(0, format_args!("{initial_indent}{title}:\t"));
    if labels.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i != 0 {
            w.write_args(0, format_args!("{initial_indent}\t"));
        }
        w.write_args(0, format_args!("{k}={v}\n"));
    }
}

/// Annotations one per line (`key: value`), long or multi-line values folded below the key.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go printAnnotationsMultiline
fn print_annotations_multiline(w: &mut Writer, title: &str, annotations: &StringMap) {
    w.write_args(0, format_args!("{title}:\t"));
    let keys: Vec<&String> = annotations
        .keys()
        .filter(|k| k.as_str() != "kubectl.kubernetes.io/last-applied-configuration")
        .collect();
    if keys.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    for (i, key) in keys.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = annotations
            .get(key)
            .map(|v| v.strip_suffix('\n').unwrap_or(v))
            .unwrap_or("");
        if value.len() + key.len() + 2 > 140 || value.contains('\n') {
            w.write_args(0, format_args!("{key}:\n"));
            for line in value.split('\n') {
                let short = match line.char_indices().nth(138) {
                    Some((at, _)) => format!("{}...", line.get(..at).unwrap_or("")),
                    None => line.to_string(),
                };
                w.write_args(0, format_args!("\t  {short}\n"));
            }
        } else {
            w.write_args(0, format_args!("{key}: {value}\n"));
        }
    }
}

fn str_field<'a>(extra: &'a Extra, key: &str) -> Option<&'a str> {
    extra.get(key).and_then(Value::as_str)
}

fn controller_ref(meta: &ObjectMeta) -> Option<&OwnerReference> {
    meta.owner_references
        .iter()
        .find(|r| r.controller == Some(true))
}

fn controlled_by(pod: &Pod, set: &StatefulSet) -> bool {
    controller_ref(&pod.metadata).is_some_and(|r| match (&r.uid, &set.metadata.uid) {
        (uid, Some(set_uid)) if !uid.is_empty() => uid == set_uid,
        _ => r.kind == "StatefulSet" && r.name == set.metadata.name,
    }) && pod.metadata.namespace == set.metadata.namespace
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeStatefulSet
fn stateful_set(w: &mut Writer, set: &StatefulSet, world: &[&Object]) {
    let meta = &set.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    w.write_args(
        0,
        format_args!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    w.write_args(
        0,
        format_args!(
            "CreationTimestamp:\t{}\n",
            rfc1123z(meta.creation_timestamp.as_deref())
        ),
    );
    w.write_args(
        0,
        format_args!(
            "Selector:\t{}\n",
            selector_string(set.spec.selector.as_ref())
        ),
    );
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    let total = set.status.as_ref().map_or(0, |s| s.replicas);
    w.write_args(
        0,
        format_args!(
            "Replicas:\t{} desired | {total} total\n",
            desired_replicas(set)
        ),
    );
    let strategy = set.spec.update_strategy.clone().unwrap_or_default();
    let type_ = strategy.type_.as_deref().unwrap_or("RollingUpdate");
    w.write_args(0, format_args!("Update Strategy:\t{type_}\n"));
    if type_ == "RollingUpdate" {
        let rolling = strategy.rolling_update.unwrap_or_default();
        w.write_args(
            1,
            format_args!("Partition:\t{}\n", rolling.partition.unwrap_or(0)),
        );
        if let Some(max) = rolling.max_unavailable {
            let text = match max {
                IntOrString::Int(n) => n.to_string(),
                IntOrString::String(s) => s,
            };
            w.write_args(1, format_args!("MaxUnavailable:\t{text}\n"));
        }
    }
    let (mut running, mut waiting, mut succeeded, mut failed) = (0, 0, 0, 0);
    for object in world {
        if let Object::Pod(pod) = object {
            if !controlled_by(pod, set) {
                continue;
            }
            match pod.status.as_ref().and_then(|s| s.phase.as_deref()) {
                Some("Running") => running += 1,
                Some("Pending") => waiting += 1,
                Some("Succeeded") => succeeded += 1,
                Some("Failed") => failed += 1,
                _ => {}
            }
        }
    }
    w.write_args(
        0,
        format_args!(
            "Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed\n"
        ),
    );
    pod_template(w, &set.spec.template);
    volume_claim_templates(w, &set.spec.volume_claim_templates);
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go DescribePodTemplate
fn pod_template(w: &mut Writer, template: &PodTemplateSpec) {
    w.write(0, "Pod Template:\n");
    print_labels_multiline(w, "  ", "Labels", &template.metadata.labels);
    if !template.metadata.annotations.is_empty() {
        print_annotations_multiline(w, "  Annotations", &template.metadata.annotations);
    }
    if let Some(account) = str_field(&template.spec.extra, "serviceAccountName") {
        w.write_args(1, format_args!("Service Account:\t{account}\n"));
    }
    if !template.spec.init_containers.is_empty() {
        containers(
            w,
            "Init Containers",
            &template.spec.init_containers,
            &[],
            None,
            "  ",
        );
    }
    containers(w, "Containers", &template.spec.containers, &[], None, "  ");
    volumes(w, &template.spec.volumes, "  ");
    if let Some(class) = str_field(&template.spec.extra, "priorityClassName") {
        w.write_args(1, format_args!("Priority Class Name:\t{class}\n"));
    }
    print_labels_multiline(w, "  ", "Node-Selectors", &template.spec.node_selector);
    tolerations(w, "  ", &template_tolerations(&template.spec));
}

/// The `Pod Template:` block written straight to the output, tabs and all, as
/// `kubectl rollout history --revision=N` prints it (no tab writer there).
/// Upstream: k8s.io/kubectl pkg/polymorphichelpers/history.go printTemplate
pub(super) fn pod_template_text(template: &PodTemplateSpec) -> String {
    let mut w = Writer::default();
    pod_template(&mut w, template);
    w.pending
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeVolumeClaimTemplates
fn volume_claim_templates(w: &mut Writer, templates: &[PersistentVolumeClaim]) {
    if templates.is_empty() {
        w.write(0, "Volume Claims:\t<none>\n");
        return;
    }
    w.write(0, "Volume Claims:\n");
    for claim in templates {
        w.write_args(1, format_args!("Name:\t{}\n", claim.metadata.name));
        w.write_args(
            1,
            format_args!(
                "StorageClass:\t{}\n",
                super::format::persistent_volume_claim_class(claim)
            ),
        );
        print_labels_multiline(w, "  ", "Labels", &claim.metadata.labels);
        print_labels_multiline(w, "  ", "Annotations", &claim.metadata.annotations);
        let capacity = claim
            .spec
            .resources
            .requests
            .get("storage")
            .cloned()
            .unwrap_or_else(|| "<default>".into());
        w.write_args(1, format_args!("Capacity:\t{capacity}\n"));
        w.write_args(
            1,
            format_args!("Access Modes:\t{}\n", go_list(&claim.spec.access_modes)),
        );
    }
}

/// The pod a container block belongs to, for `fieldRef` environment values.
struct PodContext<'a> {
    pod: &'a Pod,
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeContainers
fn containers(
    w: &mut Writer,
    label: &str,
    list: &[Container],
    statuses: &[ContainerStatus],
    pod: Option<&PodContext>,
    space: &str,
) {
    let none = if list.is_empty() { " <none>" } else { "" };
    w.write_args(0, format_args!("{space}{label}:{none}\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for container in list {
        let status = statuses.iter().find(|s| s.name == container.name);
        w.write_args(1, format_args!("{name_indent}{}:\n", container.name));
        if let Some(status) = status {
            let id = status.container_id.clone().unwrap_or_default();
            w.write_args(2, format_args!("Container ID:\t{id}\n"));
        }
        w.write_args(
            2,
            format_args!("Image:\t{}\n", container.image.as_deref().unwrap_or("")),
        );
        if let Some(status) = status {
            w.write_args(
                2,
                format_args!("Image ID:\t{}\n", status.image_id.as_deref().unwrap_or("")),
            );
        }
        let protocol = |p: &ContainerPort| p.protocol.clone().unwrap_or_else(|| "TCP".into());
        let ports: Vec<String> = container
            .ports
            .iter()
            .map(|p| format!("{}/{}", p.container_port, protocol(p)))
            .collect();
        let host_ports: Vec<String> = container
            .ports
            .iter()
            .map(|p| {
                let host = p.extra.get("hostPort").and_then(Value::as_i64).unwrap_or(0);
                format!("{host}/{}", protocol(p))
            })
            .collect();
        for (title, list) in [("Port", ports), ("Host Port", host_ports)] {
            let text = list.join(", ");
            if list.len() > 1 {
                w.write_args(2, format_args!("{title}s:\t{text}\n"));
            } else if text.is_empty() {
                w.write_args(2, format_args!("{title}:\t<none>\n"));
            } else {
                w.write_args(2, format_args!("{title}:\t{text}\n"));
            }
        }
        for (key, title) in [("command", "Command"), ("args", "Args")] {
            let items = string_array(container.extra.get(key));
            if !items.is_empty() {
                w.write_args(2, format_args!("{title}:\n"));
                for item in items {
                    for line in item.split('\n') {
                        w.write_args(3, format_args!("{line}\n"));
                    }
                }
            }
        }
        if let Some(status) = status {
            container_state(w, "State", &status.state);
            if status.last_state.terminated.is_some() {
                container_state(w, "Last State", &status.last_state);
            }
            w.write_args(
                2,
                format_args!("Ready:\t{}\n", if status.ready { "True" } else { "False" }),
            );
            w.write_args(
                2,
                format_args!("Restart Count:\t{}\n", status.restart_count),
            );
        }
        resources(w, container.extra.get("resources"));
        if let Some(probe) = container.extra.get("livenessProbe") {
            w.write_args(2, format_args!("Liveness:\t{}\n", probe_text(probe)));
        }
        if let Some(probe) = &container.readiness_probe {
            let value = probe.to_json();
            w.write_args(2, format_args!("Readiness:\t{}\n", probe_text(&value)));
        }
        if let Some(probe) = container.extra.get("startupProbe") {
            w.write_args(2, format_args!("Startup:\t{}\n", probe_text(probe)));
        }
        environment(w, container, pod);
        mounts(w, &container.volume_mounts);
    }
}

fn string_array(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeStatus
fn container_state(w: &mut Writer, name: &str, state: &ContainerState) {
    if let Some(running) = &state.running {
        w.write_args(2, format_args!("{name}:\tRunning\n"));
        w.write_args(
            3,
            format_args!("Started:\t{}\n", rfc1123z(running.started_at.as_deref())),
        );
    } else if let Some(waiting) = &state.waiting {
        w.write_args(2, format_args!("{name}:\tWaiting\n"));
        if let Some(reason) = waiting.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write_args(3, format_args!("Reason:\t{reason}\n"));
        }
    } else if let Some(terminated) = &state.terminated {
        w.write_args(2, format_args!("{name}:\tTerminated\n"));
        if let Some(reason) = terminated.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write_args(3, format_args!("Reason:\t{reason}\n"));
        }
        if let Some(message) = terminated.message.as_deref().filter(|r| !r.is_empty()) {
            w.write_args(3, format_args!("Message:\t{message}\n"));
        }
        w.write_args(
            3,
            format_args!("Exit Code:\t{}\n", terminated.exit_code.unwrap_or(0)),
        );
        w.write_args(
            3,
            format_args!("Started:\t{}\n", rfc1123z(terminated.started_at.as_deref())),
        );
        w.write_args(
            3,
            format_args!(
                "Finished:\t{}\n",
                rfc1123z(terminated.finished_at.as_deref())
            ),
        );
    } else {
        w.write_args(2, format_args!("{name}:\tWaiting\n"));
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeResources
fn resources(w: &mut Writer, value: Option<&Value>) {
    for (key, title) in [("limits", "Limits"), ("requests", "Requests")] {
        let Some(map) = value.and_then(|v| v.get(key)).and_then(Value::as_object) else {
            continue;
        };
        if map.is_empty() {
            continue;
        }
        w.write_args(2, format_args!("{title}:\n"));
        for (name, quantity) in map {
            let text = match quantity {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            w.write_args(3, format_args!("{name}:\t{text}\n"));
        }
    }
}

/// A probe as `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`,
/// unset numbers taking the API server's defaults.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go DescribeProbe
fn probe_text(probe: &Value) -> String {
    let number =
        |key: &str, default: i64| probe.get(key).and_then(Value::as_i64).unwrap_or(default);
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        number("initialDelaySeconds", 0),
        number("timeoutSeconds", 1),
        number("periodSeconds", 10),
        number("successThreshold", 1),
        number("failureThreshold", 3)
    );
    let port_text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if let Some(exec) = probe.get("exec") {
        let command = string_array(exec.get("command"));
        return format!("exec [{}] {attrs}", command.join(" "));
    }
    if let Some(get) = probe.get("httpGet") {
        let scheme = get
            .get("scheme")
            .and_then(Value::as_str)
            .unwrap_or("HTTP")
            .to_ascii_lowercase();
        let host = get.get("host").and_then(Value::as_str).unwrap_or("");
        let port = port_text(get.get("port"));
        let host_port = if port.is_empty() {
            host.to_string()
        } else if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let path = get.get("path").and_then(Value::as_str).unwrap_or("");
        return format!("http-get {scheme}://{host_port}{path} {attrs}");
    }
    if let Some(tcp) = probe.get("tcpSocket") {
        let host = tcp.get("host").and_then(Value::as_str).unwrap_or("");
        return format!("tcp-socket {host}:{} {attrs}", port_text(tcp.get("port")));
    }
    if let Some(grpc) = probe.get("grpc") {
        let service = grpc.get("service").and_then(Value::as_str).unwrap_or("");
        return format!(
            "grpc <pod>:{} {service} {attrs}",
            port_text(grpc.get("port"))
        );
    }
    format!("unknown {attrs}")
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeContainerEnvVars, EnvValueRetriever
fn environment(w: &mut Writer, container: &Container, pod: Option<&PodContext>) {
    let env = container
        .extra
        .get("env")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if let Some(from) = container.extra.get("envFrom").and_then(Value::as_array) {
        if !from.is_empty() {
            w.write(2, "Environment Variables from:\n");
            for source in from {
                let (kind, reference) = match (source.get("configMapRef"), source.get("secretRef"))
                {
                    (Some(r), _) => ("ConfigMap", r),
                    (None, Some(r)) => ("Secret", r),
                    (None, None) => ("", &Value::Null),
                };
                let name = reference.get("name").and_then(Value::as_str).unwrap_or("");
                let optional = reference.get("optional").and_then(Value::as_bool) == Some(true);
                match source
                    .get("prefix")
                    .and_then(Value::as_str)
                    .filter(|p| !p.is_empty())
                {
                    Some(prefix) => w.write_args(
                        3,
                        format_args!(
                            "{name}\t{kind} with prefix '{prefix}'\tOptional: {optional}\n"
                        ),
                    ),
                    None => w.write_args(3, format_args!("{name}\t{kind}\tOptional: {optional}\n")),
                }
            }
        }
    }
    if env.is_empty() {
        w.write(2, "Environment:\t<none>\n");
    } else {
        w.write(2, "Environment:\n");
    }
    for var in &env {
        let name = var.get("name").and_then(Value::as_str).unwrap_or("");
        let Some(from) = var.get("valueFrom") else {
            let value = var.get("value").and_then(Value::as_str).unwrap_or("");
            for (i, line) in value.split('\n').enumerate() {
                if i == 0 {
                    w.write_args(3, format_args!("{name}:\t{line}\n"));
                } else {
                    w.write_args(3, format_args!("\t{line}\n"));
                }
            }
            continue;
        };
        if let Some(field) = from.get("fieldRef") {
            let path = field.get("fieldPath").and_then(Value::as_str).unwrap_or("");
            let version = field
                .get("apiVersion")
                .and_then(Value::as_str)
                .unwrap_or("v1");
            let value = pod
                .map(|p| field_path_value(p.pod, path))
                .unwrap_or_default();
            w.write_args(3, format_args!("{name}:\t{value} ({version}:{path})\n"));
        } else if let Some(field) = from.get("resourceFieldRef") {
            let resource = field.get("resource").and_then(Value::as_str).unwrap_or("");
            w.write_args(3, format_args!("{name}:\t ({resource})\n"));
        } else if let Some(key) = from.get("secretKeyRef") {
            let optional = key.get("optional").and_then(Value::as_bool) == Some(true);
            w.write_args(
                3,
                format_args!(
                    "{name}:\t<set to the key '{}' in secret '{}'>\tOptional: {optional}\n",
                    key.get("key").and_then(Value::as_str).unwrap_or(""),
                    key.get("name").and_then(Value::as_str).unwrap_or("")
                ),
            );
        } else if let Some(key) = from.get("configMapKeyRef") {
            let optional = key.get("optional").and_then(Value::as_bool) == Some(true);
            w.write_args(
                3,
                format_args!(
                    "{name}:\t<set to the key '{}' of config map '{}'>\tOptional: {optional}\n",
                    key.get("key").and_then(Value::as_str).unwrap_or(""),
                    key.get("name").and_then(Value::as_str).unwrap_or("")
                ),
            );
        }
    }
}

/// The value of a downward-API field path on a pod (the common ones).
fn field_path_value(pod: &Pod, path: &str) -> String {
    let status = pod.status.clone().unwrap_or_default();
    match path {
        "metadata.name" => pod.metadata.name.clone(),
        "metadata.namespace" => pod.metadata.namespace.clone().unwrap_or_default(),
        "metadata.uid" => pod.metadata.uid.clone().unwrap_or_default(),
        "spec.nodeName" => pod.spec.node_name.clone().unwrap_or_default(),
        "spec.serviceAccountName" => str_field(&pod.spec.extra, "serviceAccountName")
            .unwrap_or("default")
            .to_string(),
        "status.podIP" => status.pod_ip.unwrap_or_default(),
        "status.hostIP" => status.host_ip.unwrap_or_default(),
        _ => {
            if let Some(key) = path
                .strip_prefix("metadata.labels['")
                .and_then(|k| k.strip_suffix("']"))
            {
                return pod.metadata.labels.get(key).cloned().unwrap_or_default();
            }
            String::new()
        }
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeContainerVolumes
fn mounts(w: &mut Writer, list: &[VolumeMount]) {
    if list.is_empty() {
        w.write(2, "Mounts:\t<none>\n");
        return;
    }
    w.write(2, "Mounts:\n");
    let mut sorted: Vec<&VolumeMount> = list.iter().collect();
    crate::sort::by(&mut sorted, |a, b| a.mount_path.cmp(&b.mount_path));
    for mount in sorted {
        let mut flags = vec![if mount.read_only == Some(true) {
            "ro".to_string()
        } else {
            "rw".to_string()
        }];
        if let Some(sub) = mount.sub_path.as_deref().filter(|s| !s.is_empty()) {
            flags.push(format!("path={}", crate::quote::quote(sub)));
        }
        w.write_args(
            3,
            format_args!(
                "{} from {} ({})\n",
                mount.mount_path,
                mount.name,
                flags.join(",")
            ),
        );
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeVolumes
fn volumes(w: &mut Writer, list: &[Volume], space: &str) {
    if list.is_empty() {
        w.write_args(0, format_args!("{space}Volumes:\t<none>\n"));
        return;
    }
    w.write_args(0, format_args!("{space}Volumes:\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for volume in list {
        w.write_args(1, format_args!("{name_indent}{}:\n", volume.name));
        let source = |key: &str| volume.extra.get(key);
        let text = |v: Option<&Value>, key: &str| {
            v.and_then(|v| v.get(key))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let flag = |v: Option<&Value>, key: &str| {
            v.and_then(|v| v.get(key)).and_then(Value::as_bool) == Some(true)
        };
        if let Some(host_path) = source("hostPath") {
            let type_ = host_path
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("<none>");
            w.write_args(
                2,
                format_args!(
                    "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{type_}\n",
                    text(Some(host_path), "path")
                ),
            );
        } else if let Some(empty_dir) = source("emptyDir") {
            let limit = empty_dir
                .get("sizeLimit")
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .filter(|s| !s.is_empty() && s != "0")
                .unwrap_or_else(|| "<unset>".into());
            w.write_args(
                2,
                format_args!(
                    "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{limit}\n",
                    text(Some(empty_dir), "medium")
                ),
            );
        } else if let Some(secret) = source("secret") {
            w.write_args(
                2,
                format_args!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    text(Some(secret), "secretName"),
                    flag(Some(secret), "optional")
                ),
            );
        } else if let Some(config_map) = source("configMap") {
            w.write_args(
                2,
                format_args!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    text(Some(config_map), "name"),
                    flag(Some(config_map), "optional")
                ),
            );
        } else if let Some(claim) = &volume.persistent_volume_claim {
            w.write_args(
                2,
                format_args!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    claim.claim_name,
                    claim.read_only == Some(true)
                ),
            );
        } else {
            w.write(1, "<unknown>\n");
        }
    }
}

/// A toleration as kubectl lists it.
struct Toleration {
    key: String,
    operator: String,
    value: String,
    effect: String,
    seconds: Option<i64>,
}

fn parse_tolerations(value: Option<&Value>) -> Vec<Toleration> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|t| {
                    let s = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                    Toleration {
                        key: s("key"),
                        operator: s("operator"),
                        value: s("value"),
                        effect: s("effect"),
                        seconds: t.get("tolerationSeconds").and_then(Value::as_i64),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

fn template_tolerations(spec: &PodSpec) -> Vec<Toleration> {
    parse_tolerations(spec.extra.get("tolerations"))
}

/// A pod's tolerations with the two the DefaultTolerationSeconds admission plugin adds
/// to every pod that lacks them (`not-ready` and `unreachable`, NoExecute, 300 s).
fn pod_tolerations(spec: &PodSpec) -> Vec<Toleration> {
    let mut list = template_tolerations(spec);
    for key in [
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
    ] {
        let present = list.iter().any(|t| {
            (t.key == key || t.key.is_empty()) && (t.effect == "NoExecute" || t.effect.is_empty())
        });
        if !present {
            list.push(Toleration {
                key: key.into(),
                operator: "Exists".into(),
                value: String::new(),
                effect: "NoExecute".into(),
                seconds: Some(300),
            });
        }
    }
    list
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go printTolerationsMultilineWithIndent
fn tolerations(w: &mut Writer, initial_indent: &str, list: &[Toleration]) {
    w.write_args(0, format_args!("{initial_indent}Tolerations:\t"));
    if list.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    let mut sorted: Vec<&Toleration> = list.iter().collect();
    crate::sort::by(&mut sorted, |a, b| a.key.cmp(&b.key));
    for (i, t) in sorted.into_iter().enumerate() {
        if i != 0 {
            w.write_args(0, format_args!("{initial_indent}\t"));
        }
        let mut line = t.key.clone();
        if !t.value.is_empty() {
            line.push_str(&format!("={}", t.value));
        }
        if !t.effect.is_empty() {
            line.push_str(&format!(":{}", t.effect));
        }
        if t.operator == "Exists" && t.value.is_empty() {
            if !t.key.is_empty() || !t.effect.is_empty() {
                line.push_str(" op=Exists");
            } else {
                line.push_str("op=Exists");
            }
        }
        if let Some(seconds) = t.seconds {
            line.push_str(&format!(" for {seconds}s"));
        }
        w.write_args(0, format_args!("{line}\n"));
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describePod
fn pod_description(w: &mut Writer, pod: &Pod, now_ms: i64) {
    let meta = &pod.metadata;
    let status = pod.status.clone().unwrap_or_default();
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    w.write_args(
        0,
        format_args!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    let priority = pod
        .spec
        .extra
        .get("priority")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    w.write_args(0, format_args!("Priority:\t{priority}\n"));
    if let Some(class) = str_field(&pod.spec.extra, "priorityClassName") {
        w.write_args(0, format_args!("Priority Class Name:\t{class}\n"));
    }
    let account = str_field(&pod.spec.extra, "serviceAccountName").unwrap_or("default");
    w.write_args(0, format_args!("Service Account:\t{account}\n"));
    match pod.spec.node_name.as_deref().filter(|n| !n.is_empty()) {
        Some(node) => w.write_args(
            0,
            format_args!(
                "Node:\t{node}/{}\n",
                status.host_ip.as_deref().unwrap_or("")
            ),
        ),
        None => w.write(0, "Node:\t<none>\n"),
    }
    if let Some(start) = status.start_time.as_deref() {
        w.write_args(0, format_args!("Start Time:\t{}\n", rfc1123z(Some(start))));
    }
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    let phase = status.phase.clone().unwrap_or_default();
    if meta.deletion_timestamp.is_some() && phase != "Failed" && phase != "Succeeded" {
        w.write_args(
            0,
            format_args!(
                "Status:\tTerminating (lasts {})\n",
                translate_timestamp_since(meta.deletion_timestamp.as_deref(), now_ms)
            ),
        );
        w.write_args(
            0,
            format_args!(
                "Termination Grace Period:\t{}s\n",
                meta.deletion_grace_period_seconds.unwrap_or(0)
            ),
        );
    } else {
        w.write_args(0, format_args!("Status:\t{phase}\n"));
    }
    if let Some(reason) = status.reason.as_deref().filter(|r| !r.is_empty()) {
        w.write_args(0, format_args!("Reason:\t{reason}\n"));
    }
    if let Some(message) = status.message.as_deref().filter(|r| !r.is_empty()) {
        w.write_args(0, format_args!("Message:\t{message}\n"));
    }
    w.write_args(
        0,
        format_args!("IP:\t{}\n", status.pod_ip.as_deref().unwrap_or("")),
    );
    let ips: Vec<String> = if status.pod_ips.is_empty() {
        status.pod_ip.iter().cloned().collect()
    } else {
        status.pod_ips.iter().map(|ip| ip.ip.clone()).collect()
    };
    if ips.is_empty() {
        w.write(0, "IPs:\t<none>\n");
    } else {
        w.write(0, "IPs:\n");
        for ip in ips {
            w.write_args(1, format_args!("IP:\t{ip}\n"));
        }
    }
    if let Some(owner) = controller_ref(meta) {
        w.write_args(
            0,
            format_args!("Controlled By:\t{}/{}\n", owner.kind, owner.name),
        );
    }
    let context = PodContext { pod };
    if !pod.spec.init_containers.is_empty() {
        containers(
            w,
            "Init Containers",
            &pod.spec.init_containers,
            &[],
            Some(&context),
            "",
        );
    }
    containers(
        w,
        "Containers",
        &pod.spec.containers,
        &status.container_statuses,
        Some(&context),
        "",
    );
    if !status.conditions.is_empty() {
        w.write(0, "Conditions:\n  Type\tStatus\n");
        for c in &status.conditions {
            w.write_args(1, format_args!("{} \t{} \n", c.type_, c.status));
        }
    }
    volumes(w, &pod.spec.volumes, "");
    let qos = status
        .qos_class
        .clone()
        .unwrap_or_else(|| "BestEffort".into());
    w.write_args(0, format_args!("QoS Class:\t{qos}\n"));
    print_labels_multiline(w, "", "Node-Selectors", &pod.spec.node_selector);
    tolerations(w, "", &pod_tolerations(&pod.spec));
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describePersistentVolumeClaim, getPodsForPVC
fn persistent_volume_claim(
    w: &mut Writer,
    claim: &PersistentVolumeClaim,
    world: &[&Object],
    now_ms: i64,
) {
    let meta = &claim.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    w.write_args(
        0,
        format_args!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    w.write_args(
        0,
        format_args!(
            "StorageClass:\t{}\n",
            super::format::persistent_volume_claim_class(claim)
        ),
    );
    if meta.deletion_timestamp.is_some() {
        w.write_args(
            0,
            format_args!(
                "Status:\tTerminating (lasts {})\n",
                translate_timestamp_since(meta.deletion_timestamp.as_deref(), now_ms)
            ),
        );
    } else {
        let phase = claim
            .status
            .as_ref()
            .and_then(|s| s.phase.clone())
            .unwrap_or_default();
        w.write_args(0, format_args!("Status:\t{phase}\n"));
    }
    w.write_args(
        0,
        format_args!(
            "Volume:\t{}\n",
            claim.spec.volume_name.as_deref().unwrap_or("")
        ),
    );
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    w.write_args(
        0,
        format_args!("Finalizers:\t{}\n", go_list(&meta.finalizers)),
    );
    let (capacity, modes) = super::get::claim_capacity_and_modes(claim);
    w.write_args(0, format_args!("Capacity:\t{capacity}\n"));
    w.write_args(0, format_args!("Access Modes:\t{modes}\n"));
    // The API server defaults volumeMode, so kubectl always finds one.
    let mode = claim.spec.volume_mode.as_deref().unwrap_or("Filesystem");
    w.write_args(0, format_args!("VolumeMode:\t{mode}\n"));
    let mut users: Vec<&str> = Vec::new();
    for object in world {
        let Object::Pod(pod) = object else { continue };
        if pod.metadata.namespace != meta.namespace {
            continue;
        }
        let mounts_claim = pod.spec.volumes.iter().any(|v| {
            v.persistent_volume_claim
                .as_ref()
                .is_some_and(|c| c.claim_name == meta.name)
        });
        let owns_claim = meta
            .owner_references
            .iter()
            .any(|r| r.kind == "Pod" && pod.metadata.uid.as_deref() == Some(r.uid.as_str()));
        if mounts_claim || owns_claim {
            users.push(&pod.metadata.name);
        }
    }
    crate::sort::ascending(&mut users);
    users.dedup();
    w.write(0, "Used By:\t");
    if users.is_empty() {
        w.write(0, "<none>\n");
    }
    for (i, user) in users.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.write_args(0, format_args!("{user}\n"));
    }
    let conditions = claim
        .status
        .as_ref()
        .map(|s| s.conditions.clone())
        .unwrap_or_default();
    if !conditions.is_empty() {
        w.write(0, "Conditions:\n");
        w.write(
            1,
            "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in conditions {
            w.write_args(
                1,
                format_args!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    rfc1123z(c.last_probe_time.as_deref()),
                    rfc1123z(c.last_transition_time.as_deref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describePersistentVolume
fn persistent_volume(w: &mut Writer, volume: &PersistentVolume, now_ms: i64) {
    let meta = &volume.metadata;
    let spec = &volume.spec;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    w.write_args(
        0,
        format_args!("Finalizers:\t{}\n", go_list(&meta.finalizers)),
    );
    w.write_args(
        0,
        format_args!("StorageClass:\t{}\n", persistent_volume_class(volume)),
    );
    if meta.deletion_timestamp.is_some() {
        w.write_args(
            0,
            format_args!(
                "Status:\tTerminating (lasts {})\n",
                translate_timestamp_since(meta.deletion_timestamp.as_deref(), now_ms)
            ),
        );
    } else {
        let phase = volume
            .status
            .as_ref()
            .and_then(|s| s.phase.clone())
            .unwrap_or_default();
        w.write_args(0, format_args!("Status:\t{phase}\n"));
    }
    let claim = spec
        .claim_ref
        .as_ref()
        .map(|r| {
            format!(
                "{}/{}",
                r.namespace.as_deref().unwrap_or(""),
                r.name.as_deref().unwrap_or("")
            )
        })
        .unwrap_or_default();
    w.write_args(0, format_args!("Claim:\t{claim}\n"));
    w.write_args(
        0,
        format_args!(
            "Reclaim Policy:\t{}\n",
            spec.persistent_volume_reclaim_policy
                .as_deref()
                .unwrap_or("Retain")
        ),
    );
    w.write_args(
        0,
        format_args!(
            "Access Modes:\t{}\n",
            access_modes_as_string(&spec.access_modes)
        ),
    );
    let mode = spec.volume_mode.as_deref().unwrap_or("Filesystem");
    w.write_args(0, format_args!("VolumeMode:\t{mode}\n"));
    w.write_args(
        0,
        format_args!(
            "Capacity:\t{}\n",
            spec.capacity.get("storage").map_or("0", String::as_str)
        ),
    );
    w.write(0, "Node Affinity:\t");
    match spec
        .node_affinity
        .as_ref()
        .and_then(|a| a.required.as_ref())
    {
        None => w.write(0, "<none>\n"),
        Some(required) => {
            w.write(0, "\n");
            w.write(1, "Required Terms:\t");
            if required.node_selector_terms.is_empty() {
                w.write(0, "<none>\n");
            } else {
                w.write(0, "\n");
                for (i, term) in required.node_selector_terms.iter().enumerate() {
                    w.write_args(2, format_args!("Term {i}:\t"));
                    if term.match_expressions.is_empty() {
                        w.write(0, "<none>\n");
                    }
                    for (j, req) in term.match_expressions.iter().enumerate() {
                        if j != 0 {
                            w.write(2, "\t");
                        }
                        let mut expr = format!("{} {}", req.key, req.operator.to_ascii_lowercase());
                        if !req.values.is_empty() {
                            expr.push_str(&format!(" [{}]", req.values.join(", ")));
                        }
                        w.write_args(0, format_args!("{expr}\n"));
                    }
                }
            }
        }
    }
    let message = volume
        .status
        .as_ref()
        .and_then(|s| s.message.clone())
        .unwrap_or_default();
    w.write_args(0, format_args!("Message:\t{message}\n"));
    w.write(0, "Source:\n");
    if let Some(host_path) = &spec.host_path {
        w.write_args(
            2,
            format_args!(
                "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{}\n",
                host_path.path,
                host_path.type_.as_deref().unwrap_or("")
            ),
        );
    } else if let Some(nfs) = &spec.nfs {
        w.write_args(
            2,
            format_args!(
                "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t{}\n    Path:\t{}\n    ReadOnly:\t{}\n",
                nfs.server,
                nfs.path,
                nfs.read_only == Some(true)
            ),
        );
    } else if let Some(local) = &spec.local {
        w.write_args(
            2,
            format_args!(
                "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t{}\n",
                local.path
            ),
        );
    } else if let Some(csi) = &spec.csi {
        let read_only = csi.extra.get("readOnly").and_then(Value::as_bool) == Some(true);
        w.write_args(
            2,
            format_args!(
                "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    VolumeHandle:\t{}\n    ReadOnly:\t{read_only}\n",
                csi.driver,
                csi.fs_type.as_deref().unwrap_or(""),
                csi.volume_handle
            ),
        );
        w.write(2, "VolumeAttributes:\t");
        if csi.volume_attributes.is_empty() {
            w.write(0, "<none>\n");
        }
        for (i, (k, v)) in csi.volume_attributes.iter().enumerate() {
            if i != 0 {
                w.write(2, "\t");
            }
            let line = format!("{k}={v}");
            match line.char_indices().nth(140) {
                Some((at, _)) => {
                    w.write_args(2, format_args!("{}...\n", line.get(..at).unwrap_or("")))
                }
                None => w.write_args(2, format_args!("{line}\n")),
            }
        }
    } else {
        w.write(1, "<unknown>\n");
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeService, formatEndpointSlices
fn service_description(w: &mut Writer, service: &Service, world: &[&Object]) {
    let meta = &service.metadata;
    let spec = &service.spec;
    let type_ = spec.type_.as_deref().unwrap_or("ClusterIP");
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    w.write_args(
        0,
        format_args!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    w.write_args(
        0,
        format_args!(
            "Selector:\t{}\n",
            format_labels(&spec.selector.clone().unwrap_or_default())
        ),
    );
    w.write_args(0, format_args!("Type:\t{type_}\n"));
    let external_name = type_ == "ExternalName";
    match str_field(&spec.extra, "ipFamilyPolicy") {
        Some(policy) => w.write_args(0, format_args!("IP Family Policy:\t{policy}\n")),
        None if !external_name => w.write(0, "IP Family Policy:\tSingleStack\n"),
        None => {}
    }
    let families: Vec<String> = match spec.extra.get("ipFamilies") {
        Some(v) => v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        None if !external_name => vec!["IPv4".into()],
        None => Vec::new(),
    };
    if families.is_empty() {
        w.write(0, "IP Families:\t<none>\n");
    } else {
        w.write_args(0, format_args!("IP Families:\t{}\n", families.join(",")));
    }
    w.write_args(
        0,
        format_args!("IP:\t{}\n", spec.cluster_ip.as_deref().unwrap_or("")),
    );
    let ips: Vec<String> = if spec.cluster_ips.is_empty() {
        spec.cluster_ip.iter().cloned().collect()
    } else {
        spec.cluster_ips.clone()
    };
    if ips.is_empty() {
        w.write(0, "IPs:\t<none>\n");
    } else {
        w.write_args(0, format_args!("IPs:\t{}\n", ips.join(",")));
    }
    if let Some(name) = spec.external_name.as_deref().filter(|n| !n.is_empty()) {
        w.write_args(0, format_args!("External Name:\t{name}\n"));
    }
    let slices: Vec<&EndpointSlice> = world
        .iter()
        .filter_map(|o| match o {
            Object::EndpointSlice(s) => Some(s),
            _ => None,
        })
        .filter(|s| {
            s.metadata.namespace == meta.namespace
                && s.metadata
                    .labels
                    .get("kubernetes.io/service-name")
                    .is_some_and(|n| *n == meta.name)
        })
        .collect();
    for port in &spec.ports {
        let name = port.name.clone().filter(|n| !n.is_empty());
        let shown = name.clone().unwrap_or_else(|| "<unset>".into());
        let protocol = port.protocol.as_deref().unwrap_or("TCP");
        w.write_args(
            0,
            format_args!("Port:\t{shown}\t{}/{protocol}\n", port.port),
        );
        let target = match &port.target_port {
            Some(IntOrString::Int(n)) => n.to_string(),
            Some(IntOrString::String(s)) => s.clone(),
            None => port.port.to_string(),
        };
        w.write_args(0, format_args!("TargetPort:\t{target}/{protocol}\n"));
        if let Some(node_port) = port.node_port.filter(|n| *n != 0) {
            w.write_args(
                0,
                format_args!("NodePort:\t{shown}\t{node_port}/{protocol}\n"),
            );
        }
        let endpoints = format_endpoint_slices(&slices, name.as_deref().unwrap_or(""));
        w.write_args(0, format_args!("Endpoints:\t{endpoints}\n"));
    }
    let affinity = str_field(&spec.extra, "sessionAffinity").unwrap_or("None");
    w.write_args(0, format_args!("Session Affinity:\t{affinity}\n"));
    if let Some(policy) = str_field(&spec.extra, "externalTrafficPolicy") {
        w.write_args(0, format_args!("External Traffic Policy:\t{policy}\n"));
    }
    match str_field(&spec.extra, "internalTrafficPolicy") {
        Some(policy) => w.write_args(0, format_args!("Internal Traffic Policy:\t{policy}\n")),
        None if !external_name => w.write(0, "Internal Traffic Policy:\tCluster\n"),
        None => {}
    }
}

/// Ready endpoints of a Service's slices for one port name, as `ip:port`, at most three.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go formatEndpointSlices
fn format_endpoint_slices(slices: &[&EndpointSlice], port_name: &str) -> String {
    if slices.is_empty() {
        return "<none>".into();
    }
    let mut list = Vec::new();
    let mut count = 0usize;
    let mut more = false;
    for slice in slices {
        let ready: Vec<&String> = slice
            .endpoints
            .iter()
            .filter(|e| e.conditions.ready != Some(false))
            .filter_map(|e| e.addresses.first())
            .collect();
        if slice.ports.is_empty() {
            for address in ready {
                if list.len() == 3 {
                    more = true;
                }
                if !more {
                    list.push(address.clone());
                }
                count += 1;
            }
            continue;
        }
        for port in &slice.ports {
            if port.name.as_deref().unwrap_or("") != port_name {
                continue;
            }
            for address in &ready {
                if list.len() == 3 {
                    more = true;
                }
                if !more {
                    let port = port.port.unwrap_or(0);
                    if address.contains(':') {
                        list.push(format!("[{address}]:{port}"));
                    } else {
                        list.push(format!("{address}:{port}"));
                    }
                }
                count += 1;
            }
        }
    }
    let text = list.join(",");
    if more {
        return format!("{text} + {} more...", count.saturating_sub(3));
    }
    text
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeEndpointSliceV1
fn endpoint_slice(w: &mut Writer, slice: &EndpointSlice) {
    let meta = &slice.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    w.write_args(
        0,
        format_args!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    w.write_args(0, format_args!("AddressType:\t{}\n", slice.address_type));
    if slice.ports.is_empty() {
        w.write(0, "Ports: <unset>\n");
    } else {
        w.write(0, "Ports:\n");
        w.write(1, "Name\tPort\tProtocol\n");
        w.write(1, "----\t----\t--------\n");
        for port in &slice.ports {
            let name = port
                .name
                .as_deref()
                .filter(|n| !n.is_empty())
                .unwrap_or("<unset>");
            let number = port
                .port
                .map_or_else(|| "<unset>".into(), |p| p.to_string());
            let protocol = port.protocol.as_deref().unwrap_or("TCP");
            w.write_args(1, format_args!("{name}\t{number}\t{protocol}\n"));
        }
    }
    if slice.endpoints.is_empty() {
        w.write(0, "Endpoints: <none>\n");
        return;
    }
    w.write(0, "Endpoints:\n");
    let optional = |v: &Option<String>| v.clone().unwrap_or_else(|| "<unset>".into());
    for endpoint in &slice.endpoints {
        let mut addresses = endpoint.addresses.join(", ");
        if addresses.is_empty() {
            addresses = "<none>".into();
        }
        w.write_args(1, format_args!("- Addresses:\t{addresses}\n"));
        w.write(2, "Conditions:\n");
        let ready = endpoint
            .conditions
            .ready
            .map_or_else(|| "<unset>".into(), |r| r.to_string());
        w.write_args(3, format_args!("Ready:\t{ready}\n"));
        w.write_args(
            2,
            format_args!("Hostname:\t{}\n", optional(&endpoint.hostname)),
        );
        if let Some(target) = &endpoint.target_ref {
            w.write_args(
                2,
                format_args!(
                    "TargetRef:\t{}/{}\n",
                    target.kind.as_deref().unwrap_or(""),
                    target.name.as_deref().unwrap_or("")
                ),
            );
        }
        w.write_args(
            2,
            format_args!("NodeName:\t{}\n", optional(&endpoint.node_name)),
        );
        w.write_args(2, format_args!("Zone:\t{}\n", optional(&endpoint.zone)));
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeStorageClass
fn storage_class(w: &mut Writer, class: &StorageClass) {
    let meta = &class.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    let default = if is_default_annotation(meta) {
        "Yes"
    } else {
        "No"
    };
    w.write_args(0, format_args!("IsDefaultClass:\t{default}\n"));
    w.write_args(
        0,
        format_args!("Annotations:\t{}\n", format_labels(&meta.annotations)),
    );
    w.write_args(0, format_args!("Provisioner:\t{}\n", class.provisioner));
    w.write_args(
        0,
        format_args!("Parameters:\t{}\n", format_labels(&class.parameters)),
    );
    let expansion = match class.allow_volume_expansion {
        Some(true) => "True",
        Some(false) => "False",
        None => "<unset>",
    };
    w.write_args(0, format_args!("AllowVolumeExpansion:\t{expansion}\n"));
    if class.mount_options.is_empty() {
        w.write(0, "MountOptions:\t<none>\n");
    } else {
        w.write(0, "MountOptions:\n");
        for option in &class.mount_options {
            w.write_args(1, format_args!("{option}\n"));
        }
    }
    w.write_args(
        0,
        format_args!(
            "ReclaimPolicy:\t{}\n",
            class.reclaim_policy.as_deref().unwrap_or("Delete")
        ),
    );
    w.write_args(
        0,
        format_args!(
            "VolumeBindingMode:\t{}\n",
            class.volume_binding_mode.as_deref().unwrap_or("Immediate")
        ),
    );
    if !class.allowed_topologies.is_empty() {
        w.write(0, "AllowedTopologies:\t\n");
        for (i, term) in class.allowed_topologies.iter().enumerate() {
            w.write_args(1, format_args!("Term {i}:\t"));
            if term.match_label_expressions.is_empty() {
                w.write(0, "<none>\n");
            }
            for (j, req) in term.match_label_expressions.iter().enumerate() {
                if j != 0 {
                    w.write(1, "\t");
                }
                let mut expr = format!("{} in", req.key);
                if !req.values.is_empty() {
                    expr.push_str(&format!(" [{}]", req.values.join(", ")));
                }
                w.write_args(0, format_args!("{expr}\n"));
            }
        }
    }
}

/// `kubectl describe node`: identity, taints, conditions, addresses, capacity, system
/// info and the requests of the pods running there. The node lease is not simulated.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeNode
fn node_description(w: &mut Writer, node: &Node, world: &[&Object], now_ms: i64) {
    let meta = &node.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    let roles = find_node_roles(node);
    if roles.is_empty() {
        w.write(0, "Roles:\t<none>\n");
    } else {
        w.write_args(0, format_args!("Roles:\t{}\n", roles.join(",")));
    }
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    w.write_args(
        0,
        format_args!(
            "CreationTimestamp:\t{}\n",
            rfc1123z(meta.creation_timestamp.as_deref())
        ),
    );
    w.write(0, "Taints:\t");
    if node.spec.taints.is_empty() {
        w.write(0, "<none>\n");
    }
    let mut taints: Vec<&Taint> = node.spec.taints.iter().collect();
    crate::sort::by(&mut taints, |a, b| {
        (&a.effect, &a.key).cmp(&(&b.effect, &b.key))
    });
    for (i, taint) in taints.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let text = match taint.value.as_deref().filter(|v| !v.is_empty()) {
            Some(value) => format!("{}={value}:{}", taint.key, taint.effect),
            None => format!("{}:{}", taint.key, taint.effect),
        };
        w.write_args(0, format_args!("{text}\n"));
    }
    w.write_args(
        0,
        format_args!(
            "Unschedulable:\t{}\n",
            node.spec.unschedulable.unwrap_or(false)
        ),
    );
    let status = node.status.clone().unwrap_or_default();
    if !status.conditions.is_empty() {
        w.write(
            0,
            "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in &status.conditions {
            w.write_args(
                1,
                format_args!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    rfc1123z(c.last_probe_time.as_deref()),
                    rfc1123z(c.last_transition_time.as_deref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    w.write(0, "Addresses:\n");
    for address in &status.addresses {
        w.write_args(1, format_args!("{}:\t{}\n", address.type_, address.address));
    }
    if !status.capacity.is_empty() {
        w.write(0, "Capacity:\n");
        for (name, value) in &status.capacity {
            w.write_args(0, format_args!("  {name}:\t{value}\n"));
        }
    }
    w.write(0, "System Info:\n");
    for (title, field) in [
        ("Machine ID", "machineID"),
        ("System UUID", "systemUUID"),
        ("Boot ID", "bootID"),
        ("Kernel Version", "kernelVersion"),
        ("OS Image", "osImage"),
        ("Operating System", "operatingSystem"),
        ("Architecture", "architecture"),
        ("Container Runtime Version", "containerRuntimeVersion"),
        ("Kubelet Version", "kubeletVersion"),
        ("Kube-Proxy Version", "kubeProxyVersion"),
    ] {
        let value = match field {
            "kubeletVersion" => {
                node_info(node, field).unwrap_or_else(|| super::get::DEFAULT_KUBELET_VERSION.into())
            }
            _ => node_info(node, field).unwrap_or_default(),
        };
        w.write_args(0, format_args!("  {title}:\t{value}\n"));
    }
    if let Some(cidr) = node.spec.pod_cidr.as_deref().filter(|c| !c.is_empty()) {
        w.write_args(0, format_args!("PodCIDR:\t{cidr}\n"));
        w.write_args(0, format_args!("PodCIDRs:\t{cidr}\n"));
    }
    let pods: Vec<&Pod> = world
        .iter()
        .filter_map(|o| match o {
            Object::Pod(p) => Some(p),
            _ => None,
        })
        .filter(|p| p.spec.node_name.as_deref() == Some(meta.name.as_str()))
        .filter(|p| {
            let phase = p.status.as_ref().and_then(|s| s.phase.as_deref());
            phase != Some("Succeeded") && phase != Some("Failed")
        })
        .collect();
    node_resources(w, &status, &pods, now_ms);
}

/// A pod's requests and limits: the sum over its containers, a missing request taking
/// the limit's value as the API server defaults it.
/// Upstream: k8s.io/kubectl pkg/util/resource PodRequestsAndLimits (containers only)
fn pod_requests_and_limits(pod: &Pod) -> (StringQuantities, StringQuantities) {
    let mut requests = StringQuantities::new();
    let mut limits = StringQuantities::new();
    for container in &pod.spec.containers {
        let resources = container.extra.get("resources");
        let map = |key: &str| -> Vec<(String, Quantity)> {
            resources
                .and_then(|r| r.get(key))
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| {
                            let text = match v {
                                Value::String(s) => s.clone(),
                                other => other.to_string(),
                            };
                            Quantity::parse(&text).map(|q| (k.clone(), q))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let container_limits = map("limits");
        let mut container_requests = map("requests");
        for (name, limit) in &container_limits {
            if !container_requests.iter().any(|(n, _)| n == name) {
                container_requests.push((name.clone(), *limit));
            }
        }
        for (name, q) in container_requests {
            let sum = requests
                .get(&name)
                .copied()
                .unwrap_or(Quantity::ZERO)
                .add(q);
            requests.insert(name, sum);
        }
        for (name, q) in container_limits {
            let sum = limits.get(&name).copied().unwrap_or(Quantity::ZERO).add(q);
            limits.insert(name, sum);
        }
    }
    (requests, limits)
}

type StringQuantities = crate::vecmap::VecMap<String, Quantity>;

/// `q (N%)` of an allocatable amount, the percentage truncated as Go's `int64(float)`.
fn share(amount: Quantity, allocatable: i128) -> String {
    let percent = if allocatable == 0 {
        0
    } else {
        amount.milli.saturating_mul(100) / allocatable
    };
    format!("{} ({percent}%)", amount.to_text())
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeNodeResource
fn node_resources(w: &mut Writer, status: &NodeStatus, pods: &[&Pod], now_ms: i64) {
    let allocatable_map: StringMap = status
        .extra
        .get("allocatable")
        .and_then(Value::as_object)
        .filter(|m| !m.is_empty())
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect::<crate::vecmap::VecMap<_, _>>()
        })
        .unwrap_or_else(|| status.capacity.clone());
    let allocatable = |name: &str| {
        allocatable_map
            .get(name)
            .and_then(|v| Quantity::parse(v))
            .unwrap_or(Quantity::ZERO)
            .milli
    };
    let cpu = allocatable("cpu");
    let memory = allocatable("memory");
    let ephemeral = allocatable("ephemeral-storage");
    w.write_args(
        0,
        format_args!("Non-terminated Pods:\t({} in total)\n", pods.len()),
    );
    w.write(
        1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n",
    );
    w.write(
        1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n",
    );
    let mut total_requests = StringQuantities::new();
    let mut total_limits = StringQuantities::new();
    let get = |m: &StringQuantities, k: &str| m.get(k).copied().unwrap_or(Quantity::ZERO);
    for pod in pods {
        let (requests, limits) = pod_requests_and_limits(pod);
        w.write_args(
            1,
            format_args!(
                "{}\t{}\t\t{}\t{}\t{}\t{}\t{}\n",
                pod.metadata.namespace.as_deref().unwrap_or(""),
                pod.metadata.name,
                share(get(&requests, "cpu"), cpu),
                share(get(&limits, "cpu"), cpu),
                share(get(&requests, "memory"), memory),
                share(get(&limits, "memory"), memory),
                super::format::age(&pod.metadata, now_ms)
            ),
        );
        for (name, q) in requests {
            let sum = get(&total_requests, &name).add(q);
            total_requests.insert(name, sum);
        }
        for (name, q) in limits {
            let sum = get(&total_limits, &name).add(q);
            total_limits.insert(name, sum);
        }
    }
    w.write(
        0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
    );
    w.write(1, "Resource\tRequests\tLimits\n");
    w.write(1, "--------\t--------\t------\n");
    for (name, total) in [
        ("cpu", cpu),
        ("memory", memory),
        ("ephemeral-storage", ephemeral),
    ] {
        w.write_args(
            1,
            format_args!(
                "{name}\t{}\t{}\n",
                share(get(&total_requests, name), total),
                share(get(&total_limits, name), total)
            ),
        );
    }
}

/// Upstream: k8s.io/kubectl pkg/describe/describe.go describeNamespace
fn namespace_description(w: &mut Writer, namespace: &Namespace) {
    let meta = &namespace.metadata;
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
    let phase = namespace
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Active".into());
    w.write_args(0, format_args!("Status:\t{phase}\n"));
    w.write(0, "\nNo resource quota.\n");
    w.write(0, "\nNo LimitRange resource.\n");
}

/// Kinds without a dedicated describer here: name, namespace, labels and annotations.
fn generic(w: &mut Writer, object: &Object) {
    let meta = object.meta();
    w.write_args(0, format_args!("Name:\t{}\n", meta.name));
    if object.kind().namespaced() {
        w.write_args(0, format_args!("Namespace:\t{}\n", object.namespace()));
    }
    print_labels_multiline(w, "", "Labels", &meta.labels);
    print_annotations_multiline(w, "Annotations", &meta.annotations);
}
