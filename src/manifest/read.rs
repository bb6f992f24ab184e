//! The pipeline from manifest text to `Manifest`: bounds, YAML documents, kinds, strict
//! fields and types, the typed model, API-server validation, checks across objects, and
//! a position for every diagnostic. Nothing in here panics on any input, and the time it
//! takes is bounded by the input size (at most 1 MiB) and the YAML limits in `yaml.rs`.

use super::check::{self, IssueKind};
use super::cross;
use super::defaults;
use super::explain::Code;
use super::model::*;
use super::quantity::{self, StorageError};
use super::schema::{self, Struct};
use super::validate::{self, FieldError};
use super::yaml::{self, Node, Pos, Value, YamlErrorKind};
use super::{Diagnostic, Manifest, Severity, Source};
use crate::quote::quote;
use crate::vecmap::VecMap;

/// The largest manifest text read: 1 MiB.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The kinds a manifest may hold, with their apiVersion and schema.
const SIMULATED: [(Kind, &Struct); 8] = [
    (Kind::StatefulSet, &schema::STATEFUL_SET),
    (Kind::Pod, &schema::POD),
    (Kind::PersistentVolume, &schema::PERSISTENT_VOLUME),
    (
        Kind::PersistentVolumeClaim,
        &schema::PERSISTENT_VOLUME_CLAIM,
    ),
    (Kind::StorageClass, &schema::STORAGE_CLASS),
    (Kind::Service, &schema::SERVICE),
    (Kind::Namespace, &schema::NAMESPACE),
    (Kind::Node, &schema::NODE),
];

/// A StatefulSet name longer than this leaves no room for the pods' `controller-revision-hash`
/// label value (`<name>-<hash of up to 10 characters>`, at most 63 characters).
const MAX_WORKING_STATEFULSET_NAME: usize = 52;

/// Reads every document of a manifest text. Never fails as a whole and never panics.
pub fn parse(text: &str) -> Manifest {
    let mut reader = Reader::default();
    if text.len() > MAX_INPUT_BYTES {
        reader.push(
            Severity::Error,
            0,
            Pos { line: 1, column: 1 },
            String::new(),
            format!(
                "the manifest is {} bytes; the playground reads at most {MAX_INPUT_BYTES} bytes (1 MiB)",
                text.len()
            ),
            Code::InputTooLarge,
        );
        return reader.manifest;
    }
    let mut index = 0;
    for document in yaml::read(text) {
        if document.root.is_none() && document.errors.is_empty() {
            continue;
        }
        reader.document(document, index);
        index += 1;
    }
    reader.cross_checks();
    for (document, (count, pos)) in std::mem::take(&mut reader.left_out) {
        reader.manifest.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            document,
            line: pos.line,
            column: pos.column,
            path: String::new(),
            message: format!(
                "{count} more problems in this document are not shown (at most {MAX_DIAGNOSTICS_PER_DOCUMENT} per document)"
            ),
            code: Code::TooManyProblems,
            explanation: Code::TooManyProblems.explanation(),
        });
    }
    crate::sort::by_key(&mut reader.manifest.diagnostics, |d| {
        (d.document, d.line, d.column)
    });
    reader.manifest
}

/// Most diagnostics shown for one document; the rest are counted in one last diagnostic.
const MAX_DIAGNOSTICS_PER_DOCUMENT: usize = 100;

#[derive(Default)]
struct Reader {
    manifest: Manifest,
    /// Per document: diagnostics kept, and those left out with where the first one was.
    shown: VecMap<usize, usize>,
    left_out: VecMap<usize, (usize, Pos)>,
    /// For each object: its YAML tree and the path prefix of a `List` item.
    trees: Vec<(Node, String)>,
}

impl Reader {
    fn push(
        &mut self,
        severity: Severity,
        document: usize,
        pos: Pos,
        path: String,
        message: String,
        code: Code,
    ) {
        let shown = self.shown.entry(document).or_default();
        if *shown >= MAX_DIAGNOSTICS_PER_DOCUMENT {
            self.left_out.entry(document).or_insert((0, pos)).0 += 1;
            return;
        }
        *shown += 1;
        self.manifest.diagnostics.push(Diagnostic {
            severity,
            document,
            line: pos.line,
            column: pos.column,
            path,
            message,
            code,
            explanation: code.explanation(),
        });
    }

    fn document(&mut self, document: yaml::Document, index: usize) {
        if !document.errors.is_empty() {
            for error in document.errors {
                let code = match error.kind {
                    YamlErrorKind::Syntax => Code::YamlSyntax,
                    YamlErrorKind::DuplicateKey => Code::DuplicateKey,
                    YamlErrorKind::Separator => Code::DocumentSeparator,
                    YamlErrorKind::TooDeep => Code::NestingTooDeep,
                    YamlErrorKind::Aliases => Code::AliasBomb,
                };
                self.push(
                    Severity::Error,
                    index,
                    error.pos,
                    String::new(),
                    error.message,
                    code,
                );
            }
            return;
        }
        if let Some(root) = document.root {
            self.object(root, String::new(), index);
        }
    }

    /// Reads one object (or the items of a `List`); `prefix` is `items[i].` inside a list.
    fn object(&mut self, node: Node, prefix: String, document: usize) {
        let Value::Map(_) = &node.value else {
            self.push(
                Severity::Error,
                document,
                node.pos,
                prefix.trim_end_matches('.').to_string(),
                format!(
                    "error validating data: expected a Kubernetes object (a mapping with apiVersion and kind), found {}",
                    match node.json_type() {
                        "array" => "a list",
                        "object" => "a mapping",
                        _ => "a single value",
                    }
                ),
                Code::NotAnObject,
            );
            return;
        };
        let field = |name: &str| node.get(name).and_then(|e| e.value.as_str()).unwrap_or("");
        let api_version = field("apiVersion").to_string();
        let kind = field("kind").to_string();
        let mut missing = Vec::new();
        if api_version.is_empty() {
            missing.push("apiVersion not set");
        }
        if kind.is_empty() {
            missing.push("kind not set");
        }
        if !missing.is_empty() {
            let detail = if missing.len() == 1 {
                missing[0].to_string()
            } else {
                format!("[{}]", missing.join(", "))
            };
            self.push(
                Severity::Error,
                document,
                node.pos,
                prefix.trim_end_matches('.').to_string(),
                format!("error validating data: {detail}"),
                Code::MissingTypeInfo,
            );
            return;
        }
        if kind == "List" {
            if let Some(items) = node.get("items") {
                if let Value::Seq(items) = &items.value.value {
                    for (i, item) in items.iter().enumerate() {
                        self.object(item.clone(), format!("{prefix}items[{i}]."), document);
                    }
                }
            }
            return;
        }
        let kind_pos = node.get("kind").map_or(node.pos, |e| e.value.pos);
        let Some(&(kind_enum, schema)) = SIMULATED.iter().find(|(k, _)| k.name() == kind) else {
            self.push(
                Severity::Warning,
                document,
                kind_pos,
                format!("{prefix}kind"),
                format!(
                    "{kind} is not simulated here and is skipped; the playground simulates {}",
                    simulated_list()
                ),
                Code::KindNotSimulated,
            );
            return;
        };
        if api_version != kind_enum.api_version() {
            let pos = node.get("apiVersion").map_or(node.pos, |e| e.value.pos);
            self.push(
                Severity::Warning,
                document,
                pos,
                format!("{prefix}apiVersion"),
                format!(
                    "no matches for kind \"{kind}\" in version \"{api_version}\": {kind} is simulated as {}, so this document is skipped",
                    kind_enum.api_version()
                ),
                Code::ApiVersionNotSimulated,
            );
            return;
        }

        let checked = check::check(&node, schema);
        let version = api_version.rsplit('/').next().unwrap_or("");
        let readable = checked.readable();
        for issue in &checked.issues {
            let (severity, message, code) = match issue.kind {
                IssueKind::UnknownField => {
                    (Severity::Warning, issue.message.clone(), Code::UnknownField)
                }
                IssueKind::TypeMismatch => (
                    Severity::Error,
                    format!(
                        "{kind} in version \"{version}\" cannot be handled as a {kind}: {}",
                        issue.message
                    ),
                    if issue.message.starts_with("quantities must match") {
                        Code::BadQuantity
                    } else {
                        Code::TypeMismatch
                    },
                ),
            };
            self.push(
                severity,
                document,
                issue.pos,
                format!("{prefix}{}", issue.path),
                message,
                code,
            );
        }
        if !readable {
            return;
        }
        let object = match typed(kind_enum, checked.json) {
            Ok(object) => object,
            Err(error) => {
                self.push(
                    Severity::Error,
                    document,
                    node.pos,
                    prefix.trim_end_matches('.').to_string(),
                    format!(
                        "{kind} in version \"{version}\" cannot be handled as a {kind}: {error}"
                    ),
                    Code::TypeMismatch,
                );
                return;
            }
        };

        for (path, severity, message, code) in object_checks(&object) {
            let pos = locate(&node, &path);
            self.push(
                severity,
                document,
                pos,
                format!("{prefix}{path}"),
                message,
                code,
            );
        }
        let mut defaulted = object.clone();
        defaults::apply(&mut defaulted);
        let errors = validate::create(&defaulted);
        for error in &errors {
            let pos = locate(&node, &error.path);
            let message =
                validate::server_message(kind_enum, object.name(), std::slice::from_ref(error));
            let code = validation_code(error);
            self.push(
                Severity::Error,
                document,
                pos,
                format!("{prefix}{}", error.path),
                message,
                code,
            );
        }

        self.manifest.sources.push(Source {
            document,
            line: node.pos.line,
            column: node.pos.column,
        });
        self.manifest.objects.push(object);
        self.trees.push((node, prefix));
    }

    fn cross_checks(&mut self) {
        for finding in cross::check(&self.manifest.objects) {
            // Findings name objects of this manifest, each with its tree and source.
            let (Some((node, prefix)), Some(source)) = (
                self.trees.get(finding.object),
                self.manifest.sources.get(finding.object),
            ) else {
                continue;
            };
            let pos = locate(node, &finding.path);
            let document = source.document;
            let path = format!("{prefix}{}", finding.path);
            self.push(
                Severity::Warning,
                document,
                pos,
                path,
                finding.message,
                finding.code,
            );
        }
    }
}

fn simulated_list() -> String {
    let names: Vec<String> = SIMULATED
        .iter()
        .map(|(k, _)| format!("{} {}", k.api_version(), k.name()))
        .collect();
    match names.split_last() {
        Some((last, first)) => format!("{} and {last}", first.join(", ")),
        None => String::new(),
    }
}

fn typed(kind: Kind, json: crate::json::Value) -> Result<Object, String> {
    match kind {
        Kind::ControllerRevision | Kind::EndpointSlice | Kind::Event => {
            Err(format!("{} is not read from manifests", kind.name()))
        }
        _ => Object::from_json(kind, json).map_err(|e| e.to_string()),
    }
}

fn validation_code(error: &FieldError) -> Code {
    if error.path == "spec.template.metadata.labels"
        && error.detail.contains("`selector` does not match")
    {
        return Code::SelectorMismatch;
    }
    let name_field = [
        "metadata.name",
        "metadata.generateName",
        "metadata.namespace",
        "spec.serviceName",
    ]
    .iter()
    .any(|f| error.path.ends_with(f));
    if name_field && error.error_type() == "Invalid value" {
        return Code::InvalidName;
    }
    match error.error_type() {
        "Required value" => Code::RequiredField,
        "Unsupported value" => Code::UnsupportedValue,
        "Forbidden" => Code::Forbidden,
        _ => Code::Invalid,
    }
}

/// Checks on one object that are the playground's own, not the API server's.
fn object_checks(object: &Object) -> Vec<(String, Severity, String, Code)> {
    let mut out = Vec::new();
    let mut storage = |path: String, value: &str| {
        if let Err(StorageError::NotWholeBytes) = quantity::storage_bytes(value) {
            out.push((
                path,
                Severity::Error,
                format!(
                    "storage {} is a fraction of a byte (\"m\" means one thousandth); the playground counts storage in whole bytes: for megabytes write \"{}M\" or \"{}Mi\"",
                    quote(value),
                    value.trim_end_matches('m'),
                    value.trim_end_matches('m')
                ),
                Code::FractionalStorage,
            ));
        }
    };
    match object {
        Object::PersistentVolume(v) => {
            if let Some(size) = v.spec.capacity.get("storage") {
                storage("spec.capacity[storage]".into(), size);
            }
        }
        Object::PersistentVolumeClaim(c) => {
            if let Some(size) = c.spec.resources.requests.get("storage") {
                storage("spec.resources.requests[storage]".into(), size);
            }
        }
        Object::StatefulSet(s) => {
            for (i, t) in s.spec.volume_claim_templates.iter().enumerate() {
                if let Some(size) = t.spec.resources.requests.get("storage") {
                    storage(
                        format!("spec.volumeClaimTemplates[{i}].spec.resources.requests[storage]"),
                        size,
                    );
                }
            }
            let name = &s.metadata.name;
            if name.len() > MAX_WORKING_STATEFULSET_NAME && name.len() <= 63 {
                out.push((
                    "metadata.name".into(),
                    Severity::Warning,
                    format!(
                        "StatefulSet name {} has {} characters: the API server accepts it, but each pod's label controller-revision-hash: {name}-<hash> would exceed 63 characters, so no pod can be created (keep names to {MAX_WORKING_STATEFULSET_NAME} characters)",
                        quote(name),
                        name.len()
                    ),
                    Code::NameTooLongForPods,
                ));
            }
            if let Some(rolling) = s
                .spec
                .update_strategy
                .as_ref()
                .and_then(|u| u.rolling_update.as_ref())
            {
                if rolling.max_unavailable.is_some() {
                    out.push((
                        "spec.updateStrategy.rollingUpdate.maxUnavailable".into(),
                        Severity::Warning,
                        "maxUnavailable needs the MaxUnavailableStatefulSet feature gate, which is alpha and off in Kubernetes 1.33; the API server drops the field and a rolling update replaces one pod at a time".into(),
                        Code::FeatureDisabled,
                    ));
                }
            }
        }
        _ => {}
    }
    out
}

// ---------------------------------------------------------------------------------------
// Positions of field paths

enum Segment {
    Field(String),
    Bracket(String),
}

fn segments(path: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !current.is_empty() {
                    out.push(Segment::Field(std::mem::take(&mut current)));
                }
            }
            '[' => {
                if !current.is_empty() {
                    out.push(Segment::Field(std::mem::take(&mut current)));
                }
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                out.push(Segment::Bracket(inner));
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(Segment::Field(current));
    }
    out
}

/// Fields that upstream error paths name differently from the field a user writes.
const FIELD_ALIASES: [(&str, &str); 1] = [("clusterIPs", "clusterIP")];

/// Where a field path points in the tree: the key of the deepest field found (or the
/// start of a list item), falling back to the nearest parent that exists. A key the path
/// gives in brackets is also looked for under `requests`, for the upstream path
/// `spec.resources[storage]` (which means `spec.resources.requests.storage`).
fn locate(root: &Node, path: &str) -> Pos {
    let mut node = root;
    let mut pos = root.pos;
    for segment in segments(path) {
        let next = match (&segment, &node.value) {
            (Segment::Field(name), Value::Map(entries))
            | (Segment::Bracket(name), Value::Map(entries)) => entries
                .iter()
                .find(|e| &e.key == name)
                .map(|e| (e.key_pos, &e.value))
                .or_else(|| match segment {
                    Segment::Bracket(_) => entries
                        .iter()
                        .filter(|e| e.key == "requests")
                        .find_map(|e| e.value.get(name).map(|inner| (inner.key_pos, &inner.value))),
                    Segment::Field(_) => FIELD_ALIASES
                        .iter()
                        .find(|(path_name, _)| path_name == name)
                        .and_then(|(_, written)| entries.iter().find(|e| e.key == *written))
                        .map(|e| (e.key_pos, &e.value)),
                }),
            (Segment::Bracket(index), Value::Seq(items)) => index
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .map(|item| (item.pos, item)),
            _ => None,
        };
        match next {
            Some((p, n)) => {
                pos = p;
                node = n;
            }
            None => break,
        }
    }
    pos
}
