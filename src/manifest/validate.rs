//! Validation as the API server does it on create and on update (`ValidateStatefulSet`,
//! `ValidatePersistentVolume`, …), returning field errors in the API server's words.
//!
//! Objects are expected after defaulting (`defaults::apply`), as the API server validates
//! them. Each error renders exactly as `field.Error` does in Kubernetes 1.33:
//! `<path>: <Type>[: <value>][: <detail>]`, values quoted like Go's `%q`, maps in Go syntax.
//! Immutable-field errors that upstream follows with a `cmp.Diff` dump are given without
//! the dump. Not here: admission plugins (default StorageClass, PVC resize) and
//! anything that needs other objects; those belong to the engine.
//! Upstream: k8s.io/kubernetes pkg/apis/{apps,core,storage}/validation/validation.go,
//! k8s.io/apimachinery pkg/util/validation (names, labels) and pkg/api/validation (metadata).

use super::model::*;
use super::quantity;
use super::yaml::go_quote;
use crate::vecmap::VecSet;

/// One field error, printed as `<path>: <detail>`, e.g.
/// `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub detail: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.detail)
    }
}

/// A rejected value, rendered as `field.Error` renders it.
#[derive(Clone, Debug)]
pub enum BadValue {
    /// Printed quoted, like Go's `%q`.
    Str(String),
    /// Printed bare.
    Int(i64),
    /// Printed as given: a Go-syntax rendering (`map[string]string{"app":"x"}`).
    Go(String),
}

impl BadValue {
    fn render(&self) -> String {
        match self {
            BadValue::Str(s) => go_quote(s),
            BadValue::Int(i) => i.to_string(),
            BadValue::Go(s) => s.clone(),
        }
    }
}

impl FieldError {
    fn new(path: impl Into<String>, body: String, detail: &str) -> FieldError {
        let detail = if detail.is_empty() {
            body
        } else {
            format!("{body}: {detail}")
        };
        FieldError {
            path: path.into(),
            detail,
        }
    }

    pub fn required(path: impl Into<String>, detail: &str) -> FieldError {
        FieldError::new(path, "Required value".into(), detail)
    }

    pub fn forbidden(path: impl Into<String>, detail: &str) -> FieldError {
        FieldError::new(path, "Forbidden".into(), detail)
    }

    pub fn invalid(path: impl Into<String>, value: BadValue, detail: &str) -> FieldError {
        FieldError::new(path, format!("Invalid value: {}", value.render()), detail)
    }

    pub fn duplicate(path: impl Into<String>, value: BadValue) -> FieldError {
        FieldError::new(path, format!("Duplicate value: {}", value.render()), "")
    }

    pub fn not_found(path: impl Into<String>, value: BadValue) -> FieldError {
        FieldError::new(path, format!("Not found: {}", value.render()), "")
    }

    /// `Unsupported value: "X": supported values: "A", "B"`.
    pub fn not_supported(path: impl Into<String>, value: BadValue, valid: &[&str]) -> FieldError {
        let quoted: Vec<String> = valid.iter().map(|v| go_quote(v)).collect();
        let detail = if quoted.is_empty() {
            String::new()
        } else {
            format!("supported values: {}", quoted.join(", "))
        };
        FieldError::new(
            path,
            format!("Unsupported value: {}", value.render()),
            &detail,
        )
    }

    pub fn too_long(path: impl Into<String>, max_bytes: usize) -> FieldError {
        let unit = if max_bytes == 1 { "byte" } else { "bytes" };
        FieldError::new(
            path,
            "Too long".into(),
            &format!("may not be more than {max_bytes} {unit}"),
        )
    }

    /// The error type, e.g. `Invalid value`, `Required value`, `Forbidden`.
    pub fn error_type(&self) -> &str {
        self.detail.split(':').next().unwrap_or("")
    }
}

/// The checks the API server runs when an object is created.
pub fn create(object: &Object) -> Vec<FieldError> {
    match object {
        Object::StatefulSet(s) => {
            let mut errors = statefulset(s);
            // New in 1.33 and checked on create only (PR #130233).
            if let Some(service) = s.spec.service_name.as_deref().filter(|n| !n.is_empty()) {
                for msg in is_dns1123_label(service) {
                    errors.push(FieldError::invalid(
                        "spec.serviceName",
                        BadValue::Str(service.into()),
                        &msg,
                    ));
                }
            }
            errors
        }
        Object::Pod(p) => pod(p),
        Object::PersistentVolume(v) => persistent_volume(v),
        Object::PersistentVolumeClaim(c) => persistent_volume_claim(c),
        Object::StorageClass(c) => storage_class(c),
        Object::Service(s) => service(s),
        Object::Namespace(n) => object_meta(&n.metadata, Scope::Cluster, NameRule::DnsLabel),
        Object::Node(n) => node(n),
        Object::ControllerRevision(r) => {
            object_meta(&r.metadata, Scope::Namespaced, NameRule::DnsSubdomain)
        }
        Object::EndpointSlice(e) => {
            object_meta(&e.metadata, Scope::Namespaced, NameRule::DnsSubdomain)
        }
        Object::Event(e) => object_meta(&e.metadata, Scope::Namespaced, NameRule::DnsSubdomain),
    }
}

/// The checks the API server runs when `old` is replaced by `new` (immutable fields and the create rules).
pub fn update(old: &Object, new: &Object) -> Vec<FieldError> {
    match (old, new) {
        (Object::StatefulSet(old), Object::StatefulSet(new)) => {
            let mut errors = statefulset(new);
            errors.extend(statefulset_update(old, new));
            errors
        }
        (Object::PersistentVolumeClaim(old), Object::PersistentVolumeClaim(new)) => {
            let mut errors = persistent_volume_claim(new);
            errors.extend(claim_update(old, new));
            errors
        }
        (Object::PersistentVolume(old), Object::PersistentVolume(new)) => {
            let mut errors = persistent_volume(new);
            errors.extend(volume_update(old, new));
            errors
        }
        (Object::StorageClass(old), Object::StorageClass(new)) => {
            let mut errors = storage_class(new);
            errors.extend(storage_class_update(old, new));
            errors
        }
        (Object::Service(old), Object::Service(new)) => {
            let mut errors = service(new);
            errors.extend(service_update(old, new));
            errors
        }
        (Object::Pod(old), Object::Pod(new)) => {
            let mut errors = pod(new);
            errors.extend(pod_update(old, new));
            errors
        }
        _ => {
            debug_assert_eq!(old.kind(), new.kind(), "update across kinds");
            create(new)
        }
    }
}

/// The message kubectl prints for a rejected object:
/// `The StatefulSet "web" is invalid: spec.replicas: Invalid value: …`.
pub fn invalid_message(kind: Kind, name: &str, errors: &[FieldError]) -> String {
    format!(
        "The {} {} is invalid: {}",
        kind.name(),
        go_quote(name),
        error_list(errors)
    )
}

/// The API server's own message for the same rejection (the `Status` message), e.g.
/// `StatefulSet.apps "web" is invalid: spec.replicas: Invalid value: …`.
pub fn server_message(kind: Kind, name: &str, errors: &[FieldError]) -> String {
    format!(
        "{} {} is invalid: {}",
        qualified_kind(kind),
        go_quote(name),
        error_list(errors)
    )
}

fn error_list(errors: &[FieldError]) -> String {
    let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
    if let [only] = list.as_slice() {
        only.clone()
    } else {
        format!("[{}]", list.join(", "))
    }
}

/// The kind with its API group, as the API server names it: `StatefulSet.apps`,
/// `StorageClass.storage.k8s.io`, `PersistentVolumeClaim` (core has no group).
pub fn qualified_kind(kind: Kind) -> String {
    match kind.api_version().split_once('/') {
        Some((group, _)) => format!("{}.{group}", kind.name()),
        None => kind.name().to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Names, labels and metadata (k8s.io/apimachinery pkg/util/validation)

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1035_LABEL_FMT: &str = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QUALIFIED_NAME_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

fn max_len_error(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `RegexError` upstream, with its double space before each "or".
fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    let mut out = format!("{msg} (e.g. ");
    for (i, e) in examples.iter().enumerate() {
        if i > 0 {
            out.push_str(" or ");
        }
        out.push_str(&format!("'{e}', "));
    }
    out.push_str(&format!("regex used for validation is '{fmt}')"));
    out
}

fn label_chars_ok(s: &str, first: fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && first(b[0])
        && (b[b.len() - 1].is_ascii_lowercase() || b[b.len() - 1].is_ascii_digit())
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

fn lower_alnum(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

fn matches_dns1123_label(s: &str) -> bool {
    label_chars_ok(s, lower_alnum)
}

fn matches_dns1123_subdomain(s: &str) -> bool {
    s.split('.').all(matches_dns1123_label)
}

/// `IsDNS1123Label`: at most 63 characters, `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
pub fn is_dns1123_label(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if s.len() > 63 {
        errors.push(max_len_error(63));
    }
    if !matches_dns1123_label(s) {
        if matches_dns1123_subdomain(s) {
            errors.push("must not contain dots".to_string());
        } else {
            errors.push(regex_error(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                DNS1123_LABEL_FMT,
                &["my-name", "123-abc"],
            ));
        }
    }
    errors
}

/// `IsDNS1123Subdomain`: at most 253 characters, dot-separated labels.
pub fn is_dns1123_subdomain(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if s.len() > 253 {
        errors.push(max_len_error(253));
    }
    if !matches_dns1123_subdomain(s) {
        errors.push(regex_error(
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
            DNS1123_SUBDOMAIN_FMT,
            &["example.com"],
        ));
    }
    errors
}

/// `IsDNS1035Label` (Service names): starts with a letter.
pub fn is_dns1035_label(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if s.len() > 63 {
        errors.push(max_len_error(63));
    }
    if !label_chars_ok(s, |c| c.is_ascii_lowercase()) {
        errors.push(regex_error(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
            DNS1035_LABEL_FMT,
            &["my-name", "abc-123"],
        ));
    }
    errors
}

fn matches_qualified_name_part(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// `IsQualifiedName`: label and annotation keys, `[prefix/]name`.
pub fn is_qualified_name(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let parts: Vec<&str> = s.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errors.push("prefix part must be non-empty".to_string());
            } else {
                for msg in is_dns1123_subdomain(prefix) {
                    errors.push(format!("prefix part {msg}"));
                }
            }
            *name
        }
        _ => {
            errors.push(format!(
                "a qualified name {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(
                    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                    QUALIFIED_NAME_FMT,
                    &["MyName", "my.name", "123-abc"],
                )
            ));
            return errors;
        }
    };
    if name.is_empty() {
        errors.push("name part must be non-empty".to_string());
    } else if name.len() > 63 {
        errors.push(format!("name part {}", max_len_error(63)));
    }
    if !matches_qualified_name_part(name) {
        errors.push(format!(
            "name part {}",
            regex_error(
                "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                QUALIFIED_NAME_FMT,
                &["MyName", "my.name", "123-abc"],
            )
        ));
    }
    errors
}

/// `IsValidLabelValue`: empty, or at most 63 characters of a qualified name's form.
pub fn is_valid_label_value(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if s.len() > 63 {
        errors.push(max_len_error(63));
    }
    if !s.is_empty() && !matches_qualified_name_part(s) {
        errors.push(regex_error(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
            LABEL_VALUE_FMT,
            &["MyValue", "my_value", "12345"],
        ));
    }
    errors
}

/// `IsValidPortName`: an IANA service name.
pub fn is_valid_port_name(s: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if s.len() > 15 {
        errors.push(max_len_error(15));
    }
    if s.is_empty()
        || !s
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        errors.push(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".to_string(),
        );
    }
    if !s.bytes().any(|c| c.is_ascii_lowercase()) {
        errors.push("must contain at least one letter (a-z)".to_string());
    }
    if s.contains("--") {
        errors.push("must not contain consecutive hyphens".to_string());
    }
    if s.starts_with('-') || s.ends_with('-') {
        errors.push("must not begin or end with a hyphen".to_string());
    }
    errors
}

fn is_valid_port_num(port: i64) -> Vec<String> {
    if (1..=65535).contains(&port) {
        Vec::new()
    } else {
        vec!["must be between 1 and 65535, inclusive".to_string()]
    }
}

fn nonnegative(value: i64, path: &str, errors: &mut Vec<FieldError>) {
    if value < 0 {
        errors.push(FieldError::invalid(
            path,
            BadValue::Int(value),
            "must be greater than or equal to 0",
        ));
    }
}

/// Go's `%#v` of a `map[string]string`: keys sorted, `map[string]string(nil)` when empty.
pub fn go_map(map: &StringMap) -> String {
    if map.is_empty() {
        return "map[string]string(nil)".to_string();
    }
    let pairs: Vec<String> = map
        .iter()
        .map(|(k, v)| format!("{}:{}", go_quote(k), go_quote(v)))
        .collect();
    format!("map[string]string{{{}}}", pairs.join(", "))
}

pub fn validate_labels(labels: &StringMap, path: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (key, value) in labels {
        for msg in is_qualified_name(key) {
            errors.push(FieldError::invalid(path, BadValue::Str(key.clone()), &msg));
        }
        for msg in is_valid_label_value(value) {
            errors.push(FieldError::invalid(
                path,
                BadValue::Str(value.clone()),
                &msg,
            ));
        }
    }
    errors
}

fn validate_annotations(annotations: &StringMap, path: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut total = 0;
    for (key, value) in annotations {
        for msg in is_qualified_name(&key.to_ascii_lowercase()) {
            errors.push(FieldError::invalid(path, BadValue::Str(key.clone()), &msg));
        }
        total += key.len() + value.len();
    }
    if total > 256 * 1024 {
        errors.push(FieldError::too_long(path, 256 * 1024));
    }
    errors
}

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Namespaced,
    Cluster,
}

#[derive(Clone, Copy)]
enum NameRule {
    DnsLabel,
    DnsSubdomain,
    Dns1035Label,
}

fn check_name(rule: NameRule, name: &str, prefix: bool) -> Vec<String> {
    // A generateName prefix may end in a dash: the generated suffix follows it.
    let name = if prefix {
        name.strip_suffix('-').unwrap_or(name)
    } else {
        name
    };
    match rule {
        NameRule::DnsLabel => is_dns1123_label(name),
        NameRule::DnsSubdomain => is_dns1123_subdomain(name),
        NameRule::Dns1035Label => is_dns1035_label(name),
    }
}

/// `ValidateObjectMeta`. The name may be missing when `generateName` is set: the registry
/// generates it before validating.
fn object_meta(meta: &ObjectMeta, scope: Scope, rule: NameRule) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(generate) = meta.generate_name.as_deref().filter(|g| !g.is_empty()) {
        for msg in check_name(rule, generate, true) {
            errors.push(FieldError::invalid(
                "metadata.generateName",
                BadValue::Str(generate.into()),
                &msg,
            ));
        }
    }
    if meta.name.is_empty() {
        if meta.generate_name.as_deref().unwrap_or("").is_empty() {
            errors.push(FieldError::required(
                "metadata.name",
                "name or generateName is required",
            ));
        }
    } else {
        for msg in check_name(rule, &meta.name, false) {
            errors.push(FieldError::invalid(
                "metadata.name",
                BadValue::Str(meta.name.clone()),
                &msg,
            ));
        }
    }
    let namespace = meta.namespace.as_deref().unwrap_or("");
    match scope {
        Scope::Namespaced if namespace.is_empty() => {
            errors.push(FieldError::required("metadata.namespace", ""));
        }
        Scope::Namespaced => {
            for msg in is_dns1123_label(namespace) {
                errors.push(FieldError::invalid(
                    "metadata.namespace",
                    BadValue::Str(namespace.into()),
                    &msg,
                ));
            }
        }
        Scope::Cluster if !namespace.is_empty() => {
            errors.push(FieldError::forbidden(
                "metadata.namespace",
                "not allowed on this type",
            ));
        }
        Scope::Cluster => {}
    }
    if let Some(generation) = meta.generation {
        nonnegative(generation, "metadata.generation", &mut errors);
    }
    errors.extend(validate_labels(&meta.labels, "metadata.labels"));
    errors.extend(validate_annotations(
        &meta.annotations,
        "metadata.annotations",
    ));
    errors
}

// ---------------------------------------------------------------------------------------
// Label selectors

/// `ValidateLabelSelector`.
fn label_selector(selector: &LabelSelector, path: &str) -> Vec<FieldError> {
    let mut errors = validate_labels(&selector.match_labels, &format!("{path}.matchLabels"));
    for (i, req) in selector.match_expressions.iter().enumerate() {
        let p = format!("{path}.matchExpressions[{i}]");
        match req.operator.as_str() {
            "In" | "NotIn" if req.values.is_empty() => errors.push(FieldError::required(
                format!("{p}.values"),
                "must be specified when `operator` is 'In' or 'NotIn'",
            )),
            "Exists" | "DoesNotExist" if !req.values.is_empty() => {
                errors.push(FieldError::forbidden(
                    format!("{p}.values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                ))
            }
            "In" | "NotIn" | "Exists" | "DoesNotExist" => {}
            other => errors.push(FieldError::invalid(
                format!("{p}.operator"),
                BadValue::Str(other.into()),
                "not a valid selector operator",
            )),
        }
        for msg in is_qualified_name(&req.key) {
            errors.push(FieldError::invalid(
                format!("{p}.key"),
                BadValue::Str(req.key.clone()),
                &msg,
            ));
        }
        for (j, value) in req.values.iter().enumerate() {
            for msg in is_valid_label_value(value) {
                errors.push(FieldError::invalid(
                    format!("{p}.values[{j}]"),
                    BadValue::Str(value.clone()),
                    &msg,
                ));
            }
        }
    }
    errors
}

/// Whether a label selector selects the given labels. An empty selector selects
/// everything; callers that treat nil as "nothing" check for `None` themselves.
/// Upstream: apimachinery `LabelSelectorAsSelector` + `Selector.Matches`.
pub fn selector_matches(selector: &LabelSelector, labels: &StringMap) -> bool {
    selector
        .match_labels
        .iter()
        .all(|(k, v)| labels.get(k) == Some(v))
        && selector.match_expressions.iter().all(|req| {
            let value = labels.get(&req.key);
            match req.operator.as_str() {
                "In" => value.is_some_and(|v| req.values.contains(v)),
                "NotIn" => value.is_none_or(|v| !req.values.contains(v)),
                "Exists" => value.is_some(),
                "DoesNotExist" => value.is_none(),
                _ => false,
            }
        })
}

fn go_label_selector(selector: &LabelSelector) -> String {
    let labels = if selector.match_labels.is_empty() {
        "map[string]string(nil)".to_string()
    } else {
        go_map(&selector.match_labels)
    };
    let expressions = if selector.match_expressions.is_empty() {
        "[]v1.LabelSelectorRequirement(nil)".to_string()
    } else {
        let items: Vec<String> = selector
            .match_expressions
            .iter()
            .map(|r| {
                let values: Vec<String> = r.values.iter().map(|v| go_quote(v)).collect();
                format!(
                    "v1.LabelSelectorRequirement{{Key:{}, Operator:{}, Values:[]string{{{}}}}}",
                    go_quote(&r.key),
                    go_quote(&r.operator),
                    values.join(", ")
                )
            })
            .collect();
        format!("[]v1.LabelSelectorRequirement{{{}}}", items.join(", "))
    };
    format!("v1.LabelSelector{{MatchLabels:{labels}, MatchExpressions:{expressions}}}")
}

// ---------------------------------------------------------------------------------------
// StatefulSet (pkg/apis/apps/validation)

/// `ValidateStatefulSet` without the create-only `serviceName` check.
fn statefulset(s: &StatefulSet) -> Vec<FieldError> {
    let mut errors = object_meta(&s.metadata, Scope::Namespaced, NameRule::DnsLabel);
    let spec = &s.spec;

    match spec.pod_management_policy.as_deref().unwrap_or("") {
        "" => errors.push(FieldError::required("spec.podManagementPolicy", "")),
        "OrderedReady" | "Parallel" => {}
        other => errors.push(FieldError::invalid(
            "spec.podManagementPolicy",
            BadValue::Str(other.into()),
            "must be 'OrderedReady' or 'Parallel'",
        )),
    }

    let strategy = spec.update_strategy.clone().unwrap_or_default();
    match strategy.type_.as_deref().unwrap_or("") {
        "" => errors.push(FieldError::required("spec.updateStrategy", "")),
        "OnDelete" => {
            if let Some(rolling) = &strategy.rolling_update {
                errors.push(FieldError::invalid(
                    "spec.updateStrategy.rollingUpdate",
                    BadValue::Go(go_rolling_update(rolling)),
                    "only allowed for updateStrategy 'RollingUpdate'",
                ));
            }
        }
        "RollingUpdate" => {
            if let Some(partition) = strategy.rolling_update.as_ref().and_then(|r| r.partition) {
                nonnegative(
                    partition,
                    "spec.updateStrategy.rollingUpdate.partition",
                    &mut errors,
                );
            }
        }
        other => {
            let rolling = match &strategy.rolling_update {
                Some(r) => format!("&{}", go_rolling_update(r)),
                None => "(*apps.RollingUpdateStatefulSetStrategy)(nil)".to_string(),
            };
            errors.push(FieldError::invalid(
                "spec.updateStrategy",
                BadValue::Go(format!(
                    "apps.StatefulSetUpdateStrategy{{Type:{}, RollingUpdate:{rolling}}}",
                    go_quote(other)
                )),
                "must be 'RollingUpdate' or 'OnDelete'",
            ));
        }
    }

    if let Some(policy) = &spec.persistent_volume_claim_retention_policy {
        for (field, value) in [
            ("whenDeleted", &policy.when_deleted),
            ("whenScaled", &policy.when_scaled),
        ] {
            if let Some(v) = value.as_deref() {
                if v != "Retain" && v != "Delete" {
                    errors.push(FieldError::not_supported(
                        format!("spec.persistentVolumeClaimRetentionPolicy.{field}"),
                        BadValue::Str(v.into()),
                        &["Retain", "Delete"],
                    ));
                }
            }
        }
    }

    nonnegative(spec.replicas.unwrap_or(1), "spec.replicas", &mut errors);
    nonnegative(
        spec.min_ready_seconds.unwrap_or(0),
        "spec.minReadySeconds",
        &mut errors,
    );
    if let Some(start) = spec.ordinals.as_ref().and_then(|o| o.start) {
        nonnegative(start, "spec.ordinals.start", &mut errors);
    }
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(limit, "spec.revisionHistoryLimit", &mut errors);
    }

    match &spec.selector {
        None => errors.push(FieldError::required("spec.selector", "")),
        Some(selector) => {
            errors.extend(label_selector(selector, "spec.selector"));
            if selector.match_labels.is_empty() && selector.match_expressions.is_empty() {
                errors.push(FieldError::invalid(
                    "spec.selector",
                    BadValue::Go(go_label_selector(selector)),
                    "empty selector is invalid for statefulset",
                ));
            }
        }
    }
    // A nil selector selects nothing, so its template never matches; an empty one is
    // reported above and not compared.
    let template_labels = &spec.template.metadata.labels;
    let matches = match &spec.selector {
        None => false,
        Some(sel) if sel.match_labels.is_empty() && sel.match_expressions.is_empty() => true,
        Some(sel) => selector_matches(sel, template_labels),
    };
    if !matches {
        errors.push(FieldError::invalid(
            "spec.template.metadata.labels",
            BadValue::Go(go_map(template_labels)),
            "`selector` does not match template `labels`",
        ));
    }
    errors.extend(validate_labels(template_labels, "spec.template.labels"));
    errors.extend(validate_annotations(
        &spec.template.metadata.annotations,
        "spec.template.annotations",
    ));

    let restart = spec.template.spec.restart_policy.as_deref().unwrap_or("");
    if restart != "Always" {
        errors.push(FieldError::not_supported(
            "spec.template.spec.restartPolicy",
            BadValue::Str(restart.into()),
            &["Always"],
        ));
    }
    if spec.template.spec.active_deadline_seconds.is_some() {
        errors.push(FieldError::forbidden(
            "spec.template.spec.activeDeadlineSeconds",
            "activeDeadlineSeconds in StatefulSet is not Supported",
        ));
    }
    errors
}

fn go_rolling_update(r: &RollingUpdateStatefulSetStrategy) -> String {
    let max = match &r.max_unavailable {
        None => "(*intstr.IntOrString)(nil)".to_string(),
        Some(IntOrString::Int(i)) => {
            format!("&intstr.IntOrString{{Type:0, IntVal:{i}, StrVal:\"\"}}")
        }
        Some(IntOrString::String(s)) => {
            format!(
                "&intstr.IntOrString{{Type:1, IntVal:0, StrVal:{}}}",
                go_quote(s)
            )
        }
    };
    format!(
        "apps.RollingUpdateStatefulSetStrategy{{Partition:{}, MaxUnavailable:{max}}}",
        r.partition.unwrap_or(0)
    )
}

/// `ValidateStatefulSetUpdate` (1.33): only these spec fields may change.
fn statefulset_update(old: &StatefulSet, new: &StatefulSet) -> Vec<FieldError> {
    let mut changed = new.spec.clone();
    changed.replicas = old.spec.replicas;
    changed.ordinals = old.spec.ordinals.clone();
    changed.template = old.spec.template.clone();
    changed.update_strategy = old.spec.update_strategy.clone();
    changed.revision_history_limit = old.spec.revision_history_limit;
    changed.persistent_volume_claim_retention_policy =
        old.spec.persistent_volume_claim_retention_policy.clone();
    changed.min_ready_seconds = old.spec.min_ready_seconds;
    if changed == old.spec {
        Vec::new()
    } else {
        vec![FieldError::forbidden(
            "spec",
            "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        )]
    }
}

// ---------------------------------------------------------------------------------------
// Pods (a subset of ValidatePodCreate: what a playground manifest can get wrong)

/// The volume source fields of a pod volume, besides `persistentVolumeClaim`.
const POD_VOLUME_SOURCES: &[&str] = &[
    "awsElasticBlockStore",
    "azureDisk",
    "azureFile",
    "cephfs",
    "cinder",
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "fc",
    "flexVolume",
    "flocker",
    "gcePersistentDisk",
    "gitRepo",
    "glusterfs",
    "hostPath",
    "image",
    "iscsi",
    "nfs",
    "photonPersistentDisk",
    "portworxVolume",
    "projected",
    "quobyte",
    "rbd",
    "scaleIO",
    "secret",
    "storageos",
    "vsphereVolume",
];

fn pod(p: &Pod) -> Vec<FieldError> {
    let mut errors = object_meta(&p.metadata, Scope::Namespaced, NameRule::DnsSubdomain);
    errors.extend(pod_spec(&p.spec, "spec"));
    errors
}

fn pod_spec(spec: &PodSpec, path: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut volumes = VecSet::new();
    for (i, volume) in spec.volumes.iter().enumerate() {
        let p = format!("{path}.volumes[{i}]");
        let mut sources: Vec<String> = volume
            .extra
            .keys()
            .filter(|k| POD_VOLUME_SOURCES.contains(&k.as_str()))
            .cloned()
            .collect();
        if let Some(claim) = &volume.persistent_volume_claim {
            if claim.claim_name.is_empty() {
                errors.push(FieldError::required(
                    format!("{p}.persistentVolumeClaim.claimName"),
                    "",
                ));
            }
            sources.insert(0, "persistentVolumeClaim".to_string());
        }
        if sources.is_empty() {
            errors.push(FieldError::required(
                p.clone(),
                "must specify a volume type",
            ));
        }
        for extra in sources.iter().skip(1) {
            errors.push(FieldError::forbidden(
                format!("{p}.{extra}"),
                "may not specify more than 1 volume type",
            ));
        }
        if volume.name.is_empty() {
            errors.push(FieldError::required(format!("{p}.name"), ""));
        } else {
            for msg in is_dns1123_label(&volume.name) {
                errors.push(FieldError::invalid(
                    format!("{p}.name"),
                    BadValue::Str(volume.name.clone()),
                    &msg,
                ));
            }
            if !volumes.insert(volume.name.clone()) {
                errors.push(FieldError::duplicate(
                    format!("{p}.name"),
                    BadValue::Str(volume.name.clone()),
                ));
            }
        }
    }

    if spec.containers.is_empty() {
        errors.push(FieldError::required(format!("{path}.containers"), ""));
    }
    let mut names = VecSet::new();
    for (list, containers) in [
        ("initContainers", &spec.init_containers),
        ("containers", &spec.containers),
    ] {
        for (i, c) in containers.iter().enumerate() {
            let p = format!("{path}.{list}[{i}]");
            if c.name.is_empty() {
                errors.push(FieldError::required(format!("{p}.name"), ""));
            } else {
                for msg in is_dns1123_label(&c.name) {
                    errors.push(FieldError::invalid(
                        format!("{p}.name"),
                        BadValue::Str(c.name.clone()),
                        &msg,
                    ));
                }
                if !names.insert(c.name.clone()) {
                    errors.push(FieldError::duplicate(
                        format!("{p}.name"),
                        BadValue::Str(c.name.clone()),
                    ));
                }
            }
            if c.image.as_deref().unwrap_or("").trim().is_empty() {
                errors.push(FieldError::required(format!("{p}.image"), ""));
            }
            errors.extend(container_ports(&c.ports, &format!("{p}.ports")));
            if let Some(probe) = &c.readiness_probe {
                let pp = format!("{p}.readinessProbe");
                if let Some(d) = probe.initial_delay_seconds {
                    nonnegative(d, &format!("{pp}.initialDelaySeconds"), &mut errors);
                }
                if let Some(d) = probe.period_seconds {
                    nonnegative(d, &format!("{pp}.periodSeconds"), &mut errors);
                }
            }
            let mut paths = VecSet::new();
            for (j, mount) in c.volume_mounts.iter().enumerate() {
                let mp = format!("{p}.volumeMounts[{j}]");
                if mount.name.is_empty() {
                    errors.push(FieldError::required(format!("{mp}.name"), ""));
                } else if !volumes.contains(&mount.name) {
                    errors.push(FieldError::not_found(
                        format!("{mp}.name"),
                        BadValue::Str(mount.name.clone()),
                    ));
                }
                if mount.mount_path.is_empty() {
                    errors.push(FieldError::required(format!("{mp}.mountPath"), ""));
                } else if !paths.insert(mount.mount_path.clone()) {
                    errors.push(FieldError::invalid(
                        format!("{mp}.mountPath"),
                        BadValue::Str(mount.mount_path.clone()),
                        "must be unique",
                    ));
                }
            }
        }
    }

    if let Some(policy) = spec.restart_policy.as_deref() {
        if !["Always", "OnFailure", "Never"].contains(&policy) {
            errors.push(FieldError::not_supported(
                format!("{path}.restartPolicy"),
                BadValue::Str(policy.into()),
                &["Always", "OnFailure", "Never"],
            ));
        }
    }
    if let Some(policy) = spec.dns_policy.as_deref() {
        let valid = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
        if !valid.contains(&policy) {
            errors.push(FieldError::not_supported(
                format!("{path}.dnsPolicy"),
                BadValue::Str(policy.into()),
                &valid,
            ));
        }
    }
    for (field, value) in [("hostname", &spec.hostname), ("subdomain", &spec.subdomain)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            for msg in is_dns1123_label(v) {
                errors.push(FieldError::invalid(
                    format!("{path}.{field}"),
                    BadValue::Str(v.into()),
                    &msg,
                ));
            }
        }
    }
    errors
}

/// `validateContainerPorts`.
fn container_ports(ports: &[ContainerPort], path: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut names = VecSet::new();
    for (i, port) in ports.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
            let msgs = is_valid_port_name(name);
            if !msgs.is_empty() {
                for msg in msgs {
                    errors.push(FieldError::invalid(
                        format!("{p}.name"),
                        BadValue::Str(name.into()),
                        &msg,
                    ));
                }
            } else if !names.insert(name.to_string()) {
                errors.push(FieldError::duplicate(
                    format!("{p}.name"),
                    BadValue::Str(name.into()),
                ));
            }
        }
        if port.container_port == 0 {
            errors.push(FieldError::required(format!("{p}.containerPort"), ""));
        } else {
            for msg in is_valid_port_num(port.container_port) {
                errors.push(FieldError::invalid(
                    format!("{p}.containerPort"),
                    BadValue::Int(port.container_port),
                    &msg,
                ));
            }
        }
        errors.extend(protocol(port.protocol.as_deref(), &format!("{p}.protocol")));
    }
    errors
}

fn protocol(value: Option<&str>, path: &str) -> Vec<FieldError> {
    match value.unwrap_or("") {
        "" => vec![FieldError::required(path, "")],
        "TCP" | "UDP" | "SCTP" => Vec::new(),
        other => vec![FieldError::not_supported(
            path,
            BadValue::Str(other.into()),
            &["SCTP", "TCP", "UDP"],
        )],
    }
}

fn pod_update(old: &Pod, new: &Pod) -> Vec<FieldError> {
    let mut changed = new.spec.clone();
    for (c, o) in changed.containers.iter_mut().zip(&old.spec.containers) {
        c.image = o.image.clone();
    }
    for (c, o) in changed
        .init_containers
        .iter_mut()
        .zip(&old.spec.init_containers)
    {
        c.image = o.image.clone();
    }
    changed.active_deadline_seconds = old.spec.active_deadline_seconds;
    changed.termination_grace_period_seconds = old.spec.termination_grace_period_seconds;
    match old.spec.extra.get("tolerations") {
        Some(t) => changed.extra.insert("tolerations".into(), t.clone()),
        None => changed.extra.remove("tolerations"),
    };
    if changed == old.spec {
        Vec::new()
    } else {
        vec![FieldError::forbidden(
            "spec",
            "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
        )]
    }
}

// ---------------------------------------------------------------------------------------
// Storage (pkg/apis/core/validation, pkg/apis/storage/validation)

const ACCESS_MODES: [&str; 4] = [
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];

fn access_modes(modes: &[String], path: &str, required_detail: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if modes.is_empty() {
        errors.push(FieldError::required(path, required_detail));
    }
    let (mut once_pod, mut other) = (false, false);
    for mode in modes {
        if !ACCESS_MODES.contains(&mode.as_str()) {
            errors.push(FieldError::not_supported(
                path,
                BadValue::Str(mode.clone()),
                &ACCESS_MODES,
            ));
        } else if mode == "ReadWriteOncePod" {
            once_pod = true;
        } else {
            other = true;
        }
    }
    if once_pod && other {
        errors.push(FieldError::forbidden(
            path,
            "may not use ReadWriteOncePod with other access modes",
        ));
    }
    errors
}

fn volume_mode(mode: Option<&str>, path: &str) -> Vec<FieldError> {
    match mode {
        Some(m) if m != "Block" && m != "Filesystem" => vec![FieldError::not_supported(
            path,
            BadValue::Str(m.into()),
            &["Block", "Filesystem"],
        )],
        _ => Vec::new(),
    }
}

fn class_name(name: Option<&str>, path: &str) -> Vec<FieldError> {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return Vec::new();
    };
    is_dns1123_subdomain(name)
        .into_iter()
        .map(|msg| FieldError::invalid(path, BadValue::Str(name.into()), &msg))
        .collect()
}

/// The other volume sources a PV may name (kept in `extra`).
const PV_OTHER_SOURCES: &[&str] = &[
    "awsElasticBlockStore",
    "azureDisk",
    "azureFile",
    "cephfs",
    "cinder",
    "fc",
    "flexVolume",
    "flocker",
    "gcePersistentDisk",
    "glusterfs",
    "iscsi",
    "photonPersistentDisk",
    "portworxVolume",
    "quobyte",
    "rbd",
    "scaleIO",
    "storageos",
    "vsphereVolume",
];

/// `ValidatePersistentVolume`.
fn persistent_volume(v: &PersistentVolume) -> Vec<FieldError> {
    let mut errors = object_meta(&v.metadata, Scope::Cluster, NameRule::DnsSubdomain);
    let spec = &v.spec;
    errors.extend(access_modes(&spec.access_modes, "spec.accessModes", ""));
    if spec.capacity.is_empty() {
        errors.push(FieldError::required("spec.capacity", ""));
    }
    if !spec.capacity.contains_key("storage") || spec.capacity.len() > 1 {
        let pairs: Vec<String> = spec
            .capacity
            .iter()
            .map(|(k, v)| format!("{}:{}", go_quote(k), go_quote(v)))
            .collect();
        errors.push(FieldError::not_supported(
            "spec.capacity",
            BadValue::Go(format!("core.ResourceList{{{}}}", pairs.join(", "))),
            &["storage"],
        ));
    }
    for (resource, value) in &spec.capacity {
        errors.extend(positive_quantity(
            value,
            &format!("spec.capacity[{resource}]"),
        ));
    }
    if let Some(policy) = spec.persistent_volume_reclaim_policy.as_deref() {
        if !policy.is_empty() && !["Delete", "Recycle", "Retain"].contains(&policy) {
            errors.push(FieldError::not_supported(
                "spec.persistentVolumeReclaimPolicy",
                BadValue::Str(policy.into()),
                &["Delete", "Recycle", "Retain"],
            ));
        }
    }
    let mut affinity_given = false;
    if let Some(affinity) = &spec.node_affinity {
        match &affinity.required {
            None => errors.push(FieldError::required(
                "spec.nodeAffinity.required",
                "must specify required node constraints",
            )),
            Some(selector) => {
                affinity_given = true;
                errors.extend(node_selector(selector, "spec.nodeAffinity.required"));
            }
        }
    }

    let mut sources: Vec<&str> = Vec::new();
    if let Some(host) = &spec.host_path {
        sources.push("hostPath");
        if host.path.is_empty() {
            errors.push(FieldError::required("spec.hostPath.path", ""));
        } else {
            if host.path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    "spec.hostPath.path",
                    BadValue::Str(host.path.clone()),
                    "must not contain '..'",
                ));
            }
            let types = [
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket",
            ];
            if let Some(t) = host.type_.as_deref() {
                if !types.contains(&t) {
                    errors.push(FieldError::not_supported(
                        "spec.hostPath.type",
                        BadValue::Str(t.into()),
                        &types,
                    ));
                }
            }
        }
    }
    for other in PV_OTHER_SOURCES {
        if spec.extra.contains_key(*other) {
            sources.push(other);
        }
    }
    if let Some(nfs) = &spec.nfs {
        sources.push("nfs");
        if nfs.server.is_empty() {
            errors.push(FieldError::required("spec.nfs.server", ""));
        }
        if nfs.path.is_empty() {
            errors.push(FieldError::required("spec.nfs.path", ""));
        } else if !nfs.path.starts_with('/') {
            errors.push(FieldError::invalid(
                "spec.nfs.path",
                BadValue::Str(nfs.path.clone()),
                "must be an absolute path",
            ));
        }
    }
    if let Some(local) = &spec.local {
        sources.push("local");
        if local.path.is_empty() {
            errors.push(FieldError::required("spec.local.path", ""));
        }
        if !affinity_given {
            errors.push(FieldError::required(
                "spec.nodeAffinity",
                "Local volume requires node affinity",
            ));
        }
    }
    if let Some(csi) = &spec.csi {
        sources.push("csi");
        if csi.driver.is_empty() {
            errors.push(FieldError::required("spec.csi.driver", ""));
        }
        if csi.volume_handle.is_empty() {
            errors.push(FieldError::required("spec.csi.volumeHandle", ""));
        }
    }
    if sources.is_empty() {
        errors.push(FieldError::required("spec", "must specify a volume type"));
    }
    for extra in sources.iter().skip(1) {
        errors.push(FieldError::forbidden(
            format!("spec.{extra}"),
            "may not specify more than 1 volume type",
        ));
    }
    if let Some(host) = &spec.host_path {
        let clean = host.path.trim_end_matches('/');
        if clean.is_empty()
            && !host.path.is_empty()
            && spec.persistent_volume_reclaim_policy.as_deref() == Some("Recycle")
        {
            errors.push(FieldError::forbidden(
                "spec.persistentVolumeReclaimPolicy",
                "may not be 'recycle' for a hostPath mount of '/'",
            ));
        }
    }
    errors.extend(class_name(
        spec.storage_class_name.as_deref(),
        "spec.storageClassName",
    ));
    errors.extend(volume_mode(spec.volume_mode.as_deref(), "spec.volumeMode"));
    errors
}

fn node_selector(selector: &NodeSelector, path: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if selector.node_selector_terms.is_empty() {
        errors.push(FieldError::required(
            format!("{path}.nodeSelectorTerms"),
            "must have at least one node selector term",
        ));
    }
    for (i, term) in selector.node_selector_terms.iter().enumerate() {
        for (j, req) in term.match_expressions.iter().enumerate() {
            let p = format!("{path}.nodeSelectorTerms[{i}].matchExpressions[{j}]");
            match req.operator.as_str() {
                "In" | "NotIn" if req.values.is_empty() => errors.push(FieldError::required(
                    format!("{p}.values"),
                    "must be specified when `operator` is 'In' or 'NotIn'",
                )),
                "Exists" | "DoesNotExist" if !req.values.is_empty() => {
                    errors.push(FieldError::forbidden(
                        format!("{p}.values"),
                        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                    ))
                }
                "Gt" | "Lt" if req.values.len() != 1 => errors.push(FieldError::required(
                    format!("{p}.values"),
                    "must be specified single value when `operator` is 'Lt' or 'Gt'",
                )),
                "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt" => {}
                other => errors.push(FieldError::invalid(
                    format!("{p}.operator"),
                    BadValue::Str(other.into()),
                    "not a valid selector operator",
                )),
            }
            for msg in is_qualified_name(&req.key) {
                errors.push(FieldError::invalid(
                    format!("{p}.key"),
                    BadValue::Str(req.key.clone()),
                    &msg,
                ));
            }
        }
    }
    errors
}

/// `ValidatePositiveQuantityValue`, with the value printed in canonical form.
fn positive_quantity(value: &str, path: &str) -> Vec<FieldError> {
    match quantity::parse(value) {
        Ok(q) if q.is_negative() || q.is_zero() => vec![FieldError::invalid(
            path,
            BadValue::Str(q.canonical()),
            "must be greater than zero",
        )],
        Ok(_) => Vec::new(),
        Err(e) => vec![FieldError::invalid(
            path,
            BadValue::Str(value.into()),
            &e.to_string(),
        )],
    }
}

/// `ValidatePersistentVolumeClaim`; also used for claim templates by the engine.
fn persistent_volume_claim(c: &PersistentVolumeClaim) -> Vec<FieldError> {
    let mut errors = object_meta(&c.metadata, Scope::Namespaced, NameRule::DnsSubdomain);
    errors.extend(claim_spec(&c.spec, "spec"));
    errors
}

/// `ValidatePersistentVolumeClaimSpec`. Note the upstream path `spec.resources[storage]`,
/// which skips `requests`.
pub fn claim_spec(spec: &PersistentVolumeClaimSpec, path: &str) -> Vec<FieldError> {
    let mut errors = access_modes(
        &spec.access_modes,
        &format!("{path}.accessModes"),
        "at least 1 access mode is required",
    );
    if let Some(selector) = &spec.selector {
        errors.extend(label_selector(selector, &format!("{path}.selector")));
    }
    let storage_path = format!("{path}.resources[storage]");
    match spec.resources.requests.get("storage") {
        None => errors.push(FieldError::required(storage_path, "")),
        Some(value) => errors.extend(positive_quantity(value, &storage_path)),
    }
    errors.extend(class_name(
        spec.storage_class_name.as_deref(),
        &format!("{path}.storageClassName"),
    ));
    errors.extend(volume_mode(
        spec.volume_mode.as_deref(),
        &format!("{path}.volumeMode"),
    ));
    errors
}

/// `ValidatePersistentVolumeClaimUpdate` (RecoverVolumeExpansionFailure on, as in 1.33).
fn claim_update(old: &PersistentVolumeClaim, new: &PersistentVolumeClaim) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut old_spec = old.spec.clone();
    let mut new_spec = new.spec.clone();
    if old_spec.volume_name.as_deref().unwrap_or("").is_empty() {
        // volumeName may be set once.
        old_spec.volume_name = new_spec.volume_name.clone();
    }
    if old_spec.storage_class_name.is_none() && new_spec.storage_class_name.is_some() {
        // A class may be given to a claim that had none.
        new_spec.storage_class_name = None;
    }
    let bound = old.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
    if bound {
        match old.spec.resources.requests.get("storage") {
            Some(size) => new_spec
                .resources
                .requests
                .insert("storage".into(), size.clone()),
            None => new_spec.resources.requests.remove("storage"),
        };
    }
    let same_size = |a: &PersistentVolumeClaimSpec, b: &PersistentVolumeClaimSpec| match (
        a.resources.requests.get("storage"),
        b.resources.requests.get("storage"),
    ) {
        (Some(x), Some(y)) => quantity::compare(x, y) == Some(std::cmp::Ordering::Equal),
        (x, y) => x == y,
    };
    let mut a = new_spec.clone();
    let mut b = old_spec.clone();
    if same_size(&a, &b) {
        a.resources.requests.remove("storage");
        b.resources.requests.remove("storage");
    }
    if a != b {
        errors.push(FieldError::forbidden(
            "spec",
            "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
        ));
    }
    let size = |c: &PersistentVolumeClaimSpec| {
        c.resources
            .requests
            .get("storage")
            .and_then(|s| quantity::parse(s).ok())
    };
    if let (Some(new_size), Some(old_size)) = (size(&new.spec), size(&old.spec)) {
        if new_size < old_size {
            let status_size = old
                .status
                .as_ref()
                .and_then(|s| s.capacity.get("storage"))
                .and_then(|s| quantity::parse(s).ok())
                .unwrap_or_else(|| quantity::Quantity::from_bytes(0));
            if new_size <= status_size {
                errors.push(FieldError::forbidden(
                    "spec.resources.requests.storage",
                    "field can not be less than status.capacity",
                ));
            }
        }
    }
    if new.spec.volume_mode != old.spec.volume_mode {
        errors.push(immutable("volumeMode", new.spec.volume_mode.as_deref()));
    }
    errors
}

fn immutable(path: &str, value: Option<&str>) -> FieldError {
    let value = match value {
        Some(v) => BadValue::Str(v.into()),
        None => BadValue::Go("null".into()),
    };
    FieldError::invalid(path, value, "field is immutable")
}

/// `ValidatePersistentVolumeUpdate`.
fn volume_update(old: &PersistentVolume, new: &PersistentVolume) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let source = |s: &PersistentVolumeSpec| {
        let others: Vec<_> = PV_OTHER_SOURCES
            .iter()
            .map(|k| s.extra.get(*k).cloned())
            .collect();
        (
            s.host_path.clone(),
            s.local.clone(),
            s.nfs.clone(),
            s.csi.clone(),
            others,
        )
    };
    if source(&old.spec) != source(&new.spec) {
        errors.push(FieldError::forbidden(
            "spec.persistentvolumesource",
            "spec.persistentvolumesource is immutable after creation",
        ));
    }
    if new.spec.volume_mode != old.spec.volume_mode {
        errors.push(immutable("volumeMode", new.spec.volume_mode.as_deref()));
    }
    if old.spec.node_affinity.is_some() && new.spec.node_affinity != old.spec.node_affinity {
        errors.push(FieldError::invalid(
            "nodeAffinity",
            BadValue::Go("&core.VolumeNodeAffinity{...}".into()),
            "field is immutable",
        ));
    }
    errors
}

/// `ValidateStorageClass`.
fn storage_class(c: &StorageClass) -> Vec<FieldError> {
    let mut errors = object_meta(&c.metadata, Scope::Cluster, NameRule::DnsSubdomain);
    if c.provisioner.is_empty() {
        errors.push(FieldError::required("provisioner", ""));
    } else {
        for msg in is_qualified_name(&c.provisioner.to_ascii_lowercase()) {
            errors.push(FieldError::invalid(
                "provisioner",
                BadValue::Str(c.provisioner.clone()),
                &msg,
            ));
        }
    }
    if c.parameters.len() > 512 {
        errors.push(FieldError {
            path: "parameters".into(),
            detail: "Too long: may not be more than 512 bytes".into(),
        });
    } else {
        let mut total = 0;
        for (k, v) in &c.parameters {
            if k.is_empty() {
                errors.push(FieldError::invalid(
                    "parameters",
                    BadValue::Str(k.clone()),
                    "field can not be empty.",
                ));
            }
            total += k.len() + v.len();
        }
        if total > 256 * 1024 {
            errors.push(FieldError::too_long("parameters", 256 * 1024));
        }
    }
    if let Some(policy) = c.reclaim_policy.as_deref().filter(|p| !p.is_empty()) {
        if policy != "Delete" && policy != "Retain" {
            errors.push(FieldError::not_supported(
                "reclaimPolicy",
                BadValue::Str(policy.into()),
                &["Delete", "Retain"],
            ));
        }
    }
    match c.volume_binding_mode.as_deref() {
        None => errors.push(FieldError::required("volumeBindingMode", "")),
        Some("Immediate") | Some("WaitForFirstConsumer") => {}
        Some(other) => errors.push(FieldError::not_supported(
            "volumeBindingMode",
            BadValue::Str(other.into()),
            &["Immediate", "WaitForFirstConsumer"],
        )),
    }
    for (i, term) in c.allowed_topologies.iter().enumerate() {
        let p = format!("allowedTopologies[{i}]");
        if term.match_label_expressions.is_empty() {
            errors.push(FieldError::required(
                format!("{p}.matchLabelExpressions"),
                "must have at least one label expression",
            ));
        }
        for (j, req) in term.match_label_expressions.iter().enumerate() {
            let rp = format!("{p}.matchLabelExpressions[{j}]");
            for msg in is_qualified_name(&req.key) {
                errors.push(FieldError::invalid(
                    format!("{rp}.key"),
                    BadValue::Str(req.key.clone()),
                    &msg,
                ));
            }
            if req.values.is_empty() {
                errors.push(FieldError::required(
                    format!("{rp}.values"),
                    "must specify as least one value",
                ));
            }
        }
    }
    errors
}

/// `ValidateStorageClassUpdate`.
fn storage_class_update(old: &StorageClass, new: &StorageClass) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if old.parameters != new.parameters {
        errors.push(FieldError::forbidden(
            "parameters",
            "updates to parameters are forbidden.",
        ));
    }
    if old.provisioner != new.provisioner {
        errors.push(FieldError::forbidden(
            "provisioner",
            "updates to provisioner are forbidden.",
        ));
    }
    if old.reclaim_policy != new.reclaim_policy {
        errors.push(FieldError::forbidden(
            "reclaimPolicy",
            "updates to reclaimPolicy are forbidden.",
        ));
    }
    if old.volume_binding_mode != new.volume_binding_mode {
        errors.push(immutable(
            "volumeBindingMode",
            new.volume_binding_mode.as_deref(),
        ));
    }
    errors
}

// ---------------------------------------------------------------------------------------
// Services, nodes

/// `ValidateService` (the parts a playground manifest exercises).
fn service(s: &Service) -> Vec<FieldError> {
    let mut errors = object_meta(&s.metadata, Scope::Namespaced, NameRule::Dns1035Label);
    let spec = &s.spec;
    let type_ = spec.type_.as_deref().unwrap_or("ClusterIP");
    let headless = spec.cluster_ip.as_deref() == Some("None");
    let valid_types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    if !valid_types.contains(&type_) {
        errors.push(FieldError::not_supported(
            "spec.type",
            BadValue::Str(type_.into()),
            &valid_types,
        ));
    }
    if type_ == "ExternalName" {
        if spec.external_name.as_deref().unwrap_or("").is_empty() {
            errors.push(FieldError::required("spec.externalName", ""));
        }
        if spec.cluster_ip.as_deref().is_some_and(|ip| !ip.is_empty()) {
            errors.push(FieldError::forbidden(
                "spec.clusterIPs",
                "may not be set for ExternalName services",
            ));
        }
    } else if spec.ports.is_empty() && !headless {
        errors.push(FieldError::required("spec.ports", ""));
    }
    let mut names = VecSet::new();
    let require_name = spec.ports.len() > 1;
    for (i, port) in spec.ports.iter().enumerate() {
        let p = format!("spec.ports[{i}]");
        match port.name.as_deref().unwrap_or("") {
            "" if require_name => errors.push(FieldError::required(format!("{p}.name"), "")),
            "" => {}
            name => {
                for msg in is_dns1123_label(name) {
                    errors.push(FieldError::invalid(
                        format!("{p}.name"),
                        BadValue::Str(name.into()),
                        &msg,
                    ));
                }
                if !names.insert(name.to_string()) {
                    errors.push(FieldError::duplicate(
                        format!("{p}.name"),
                        BadValue::Str(name.into()),
                    ));
                }
            }
        }
        for msg in is_valid_port_num(port.port) {
            errors.push(FieldError::invalid(
                format!("{p}.port"),
                BadValue::Int(port.port),
                &msg,
            ));
        }
        errors.extend(protocol(port.protocol.as_deref(), &format!("{p}.protocol")));
        match &port.target_port {
            Some(IntOrString::Int(n)) if *n != 0 => {
                for msg in is_valid_port_num(*n) {
                    errors.push(FieldError::invalid(
                        format!("{p}.targetPort"),
                        BadValue::Int(*n),
                        &msg,
                    ));
                }
            }
            Some(IntOrString::String(name)) if !name.is_empty() => {
                for msg in is_valid_port_name(name) {
                    errors.push(FieldError::invalid(
                        format!("{p}.targetPort"),
                        BadValue::Str(name.clone()),
                        &msg,
                    ));
                }
            }
            _ => {}
        }
        if let Some(node_port) = port.node_port.filter(|n| *n != 0) {
            if type_ == "ClusterIP" {
                errors.push(FieldError::forbidden(
                    format!("{p}.nodePort"),
                    "may not be used when `type` is 'ClusterIP'",
                ));
            } else {
                for msg in is_valid_port_num(node_port) {
                    errors.push(FieldError::invalid(
                        format!("{p}.nodePort"),
                        BadValue::Int(node_port),
                        &msg,
                    ));
                }
            }
        }
    }
    if let Some(ip) = spec.cluster_ip.as_deref() {
        if !ip.is_empty() && ip != "None" && !is_ip(ip) {
            errors.push(FieldError::invalid(
                "spec.clusterIPs[0]",
                BadValue::Str(ip.into()),
                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            ));
        }
        if headless && (type_ == "NodePort" || type_ == "LoadBalancer") {
            errors.push(FieldError::invalid(
                "spec.clusterIPs[0]",
                BadValue::Str(ip.into()),
                &format!("may not be set to 'None' for {type_} services"),
            ));
        }
    }
    if let Some(selector) = &spec.selector {
        errors.extend(validate_labels(selector, "spec.selector"));
    }
    if let Some(affinity) = spec.extra.get("sessionAffinity").and_then(|v| v.as_str()) {
        if affinity != "ClientIP" && affinity != "None" {
            errors.push(FieldError::not_supported(
                "spec.sessionAffinity",
                BadValue::Str(affinity.into()),
                &["ClientIP", "None"],
            ));
        }
    }
    errors
}

/// The cluster IP cannot change once set (`validateUpgradeDowngradeClusterIPs`).
fn service_update(old: &Service, new: &Service) -> Vec<FieldError> {
    let old_ip = old.spec.cluster_ip.as_deref().unwrap_or("");
    let new_ip = new.spec.cluster_ip.as_deref().unwrap_or("");
    let external = |s: &Service| s.spec.type_.as_deref() == Some("ExternalName");
    if !old_ip.is_empty()
        && !new_ip.is_empty()
        && old_ip != new_ip
        && !external(old)
        && !external(new)
    {
        vec![FieldError::invalid(
            "spec.clusterIPs[0]",
            BadValue::Go(format!("[]string{{{}}}", go_quote(new_ip))),
            "may not change once set",
        )]
    } else {
        Vec::new()
    }
}

fn node(n: &Node) -> Vec<FieldError> {
    let mut errors = object_meta(&n.metadata, Scope::Cluster, NameRule::DnsSubdomain);
    for (i, taint) in n.spec.taints.iter().enumerate() {
        let p = format!("spec.taints[{i}]");
        for msg in is_qualified_name(&taint.key) {
            errors.push(FieldError::invalid(
                format!("{p}.key"),
                BadValue::Str(taint.key.clone()),
                &msg,
            ));
        }
        let effects = ["NoExecute", "NoSchedule", "PreferNoSchedule"];
        if !effects.contains(&taint.effect.as_str()) {
            errors.push(FieldError::not_supported(
                format!("{p}.effect"),
                BadValue::Str(taint.effect.clone()),
                &effects,
            ));
        }
    }
    errors
}

/// Whether `s` reads as `s.parse::<std::net::IpAddr>()` reads an address: a dotted quad
/// without leading zeros, or up to eight groups of hex digits with at most one `::` and
/// perhaps a dotted quad as the last two. The same grammar as the standard parser's,
/// which would add 3 KB to the bundle for this one check.
fn is_ip(s: &str) -> bool {
    let b = s.as_bytes();
    match ipv4(b, 0) {
        Some(end) => end == b.len(),
        None => ipv6(b) == Some(b.len()),
    }
}

/// A number of at most `max` digits at `i`, as (value, where it ends).
fn ip_number(
    b: &[u8],
    i: usize,
    radix: u32,
    max: usize,
    zero_prefix: bool,
) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut end = i;
    while let Some(digit) = b.get(end).and_then(|&c| char::from(c).to_digit(radix)) {
        value = value * radix + digit;
        end += 1;
        if end - i > max {
            return None;
        }
    }
    let leading_zero = end - i > 1 && b.get(i) == Some(&b'0');
    (end > i && (zero_prefix || !leading_zero)).then_some((value, end))
}

/// A dotted quad at `i`: where it ends.
fn ipv4(b: &[u8], mut i: usize) -> Option<usize> {
    for part in 0..4 {
        if part > 0 {
            (b.get(i) == Some(&b'.')).then_some(())?;
            i += 1;
        }
        let (value, end) = ip_number(b, i, 10, 3, false)?;
        (value <= 255).then_some(())?;
        i = end;
    }
    Some(i)
}

/// At most `limit` groups separated by colons at `i`, a dotted quad counting as the last
/// two: (groups read, where they end, whether a dotted quad ended them).
fn ip_groups(b: &[u8], mut i: usize, limit: usize) -> (usize, usize, bool) {
    for n in 0..limit {
        let start = match n {
            0 => i,
            _ if b.get(i) == Some(&b':') => i + 1,
            _ => return (n, i, false),
        };
        if n + 1 < limit {
            if let Some(end) = ipv4(b, start) {
                return (n + 2, end, true);
            }
        }
        match ip_number(b, start, 16, 4, true) {
            Some((_, end)) => i = end,
            None => return (n, i, false),
        }
    }
    (limit, i, false)
}

/// An IPv6 address at the start of `b`: where it ends.
fn ipv6(b: &[u8]) -> Option<usize> {
    let (head, i, quad) = ip_groups(b, 0, 8);
    if head == 8 {
        return Some(i);
    }
    if quad || b.get(i..i + 2) != Some(b"::") {
        return None;
    }
    Some(ip_groups(b, i + 2, 8 - (head + 1)).1)
}

#[cfg(test)]
mod tests {
    use super::is_ip;

    fn same(s: &str) {
        let want = s.parse::<std::net::IpAddr>().is_ok();
        assert_eq!(is_ip(s), want, "{s:?}");
    }

    #[test]
    fn reads_addresses_as_the_standard_parser_does() {
        for s in [
            "",
            "1.2.3.4",
            "255.255.255.255",
            "256.1.1.1",
            "01.2.3.4",
            "0.0.0.0",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.04",
            "1.2.3.4:80",
            "::",
            "::1",
            "1::",
            "2001:db8::ffff",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::",
            "1::2:3:4:5:6:7",
            "1::2:3:4:5:6:7:8",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3.4",
            "1.2.3.4::",
            "12345::",
            "fffff::1",
            "0000:0000::",
            ":::",
            "1:::2",
            ":1::",
            "1:",
            "::1:",
            "FFFF::abcd",
            "g::1",
            "None",
            "None(",
            "10.9.8.7",
            "1:2:3:4:5::1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4",
            "::1.2.3",
            "1.2.3.256",
            "1..2.3",
        ] {
            same(s);
        }
    }

    #[test]
    fn agrees_on_many_generated_strings() {
        let alphabet = b"0123456789abcdefAFg:.";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let len = (next() % 24) as usize;
            let s: String = (0..len)
                .map(|_| char::from(alphabet[(next() % alphabet.len() as u64) as usize]))
                .collect();
            same(&s);
            // And addresses a few edits away from valid ones.
            let base = [
                "1.2.3.4",
                "2001:db8::1",
                "::ffff:10.0.0.1",
                "1:2:3:4:5:6:7:8",
            ][(next() % 4) as usize];
            let mut bytes = base.as_bytes().to_vec();
            for _ in 0..1 + next() % 2 {
                let at = (next() % (bytes.len() as u64 + 1)) as usize;
                let c = alphabet[(next() % alphabet.len() as u64) as usize];
                match next() % 3 {
                    0 if at < bytes.len() => bytes[at] = c,
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, c),
                }
            }
            same(&String::from_utf8(bytes).unwrap_or_default());
        }
    }
}
