//! The one-line messages kubectl prints around API calls: confirmations
//! (`statefulset.apps/web created`, `pod "web-0" deleted`) and API errors
//! (`Error from server (NotFound): pods "web-9" not found`, `The StatefulSet "web" is
//! invalid: …`), with field errors rendered as the API server renders them.

use super::get::group_kind;
use crate::manifest::model::Kind;

/// The resource name kubectl and the API server use in messages: the plural, lower-case
/// resource and its group (`pods`, `statefulsets.apps`, `storageclasses.storage.k8s.io`).
pub fn resource_plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Namespace => "namespaces",
        Kind::Node => "nodes",
        Kind::StorageClass => "storageclasses.storage.k8s.io",
        Kind::PersistentVolume => "persistentvolumes",
        Kind::PersistentVolumeClaim => "persistentvolumeclaims",
        Kind::Service => "services",
        Kind::StatefulSet => "statefulsets.apps",
        Kind::ControllerRevision => "controllerrevisions.apps",
        Kind::Pod => "pods",
        Kind::EndpointSlice => "endpointslices.discovery.k8s.io",
        Kind::Event => "events",
    }
}

fn kind_string(kind: Kind) -> String {
    group_kind(kind.api_version(), kind.name())
}

/// `statefulset.apps/web created` (or `configured`, `unchanged`, `scaled`, `patched`,
/// `image updated`, `restarted`, `cordoned`, …), as kubectl's name printer confirms a write.
/// Upstream: k8s.io/cli-runtime pkg/printers/name.go printObj
pub fn confirmation(kind: Kind, name: &str, operation: &str) -> String {
    format!("{}/{name} {operation}\n", kind_string(kind))
}

/// `statefulset.apps "web" deleted`, as `kubectl delete` confirms a deletion.
/// Upstream: k8s.io/kubectl pkg/cmd/delete/delete.go DeleteOptions.PrintObj
pub fn deleted(kind: Kind, name: &str) -> String {
    format!("{} \"{name}\" deleted\n", kind_string(kind))
}

/// `Error from server (NotFound): pods "web-9" not found`.
/// Upstream: k8s.io/kubectl pkg/cmd/util/helpers.go StandardErrorMessage; k8s.io/apimachinery pkg/api/errors NewNotFound
pub fn not_found(kind: Kind, name: &str) -> String {
    format!(
        "Error from server (NotFound): {} \"{name}\" not found\n",
        resource_plural(kind)
    )
}

/// `Error from server (AlreadyExists): pods "web-0" already exists` (`kubectl create`).
/// Upstream: k8s.io/apimachinery pkg/api/errors NewAlreadyExists
pub fn already_exists(kind: Kind, name: &str) -> String {
    format!(
        "Error from server (AlreadyExists): {} \"{name}\" already exists\n",
        resource_plural(kind)
    )
}

/// `Error from server (Forbidden): persistentvolumeclaims "x" is forbidden: <reason>`,
/// an admission rejection.
/// Upstream: k8s.io/apimachinery pkg/api/errors NewForbidden
pub fn forbidden(kind: Kind, name: &str, reason: &str) -> String {
    format!(
        "Error from server (Forbidden): {} \"{name}\" is forbidden: {reason}\n",
        resource_plural(kind)
    )
}

/// The type of a field error, printed as the API server names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
}

impl FieldErrorType {
    /// Upstream: k8s.io/apimachinery pkg/util/validation/field/errors.go ErrorType.String
    pub fn as_str(self) -> &'static str {
        match self {
            FieldErrorType::NotFound => "Not found",
            FieldErrorType::Required => "Required value",
            FieldErrorType::Duplicate => "Duplicate value",
            FieldErrorType::Invalid => "Invalid value",
            FieldErrorType::NotSupported => "Unsupported value",
            FieldErrorType::Forbidden => "Forbidden",
            FieldErrorType::TooLong => "Too long",
            FieldErrorType::TooMany => "Too many",
            FieldErrorType::Internal => "Internal error",
        }
    }
}

/// The offending value of a field error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// No value is shown.
    Omit,
    /// A string, printed quoted (`"web"`).
    Str(String),
    /// A number, boolean or already rendered value, printed as is (`-1`, `true`,
    /// `map[string]string{"app":"nginx"}`).
    Raw(String),
}

/// One field error: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub type_: FieldErrorType,
    pub value: FieldValue,
    pub detail: String,
}

impl FieldError {
    /// The message without the field path.
    /// Upstream: k8s.io/apimachinery pkg/util/validation/field/errors.go Error.ErrorBody
    pub fn body(&self) -> String {
        let type_ = self.type_.as_str();
        let mut text = match (&self.type_, &self.value) {
            (
                FieldErrorType::Required
                | FieldErrorType::Forbidden
                | FieldErrorType::TooLong
                | FieldErrorType::Internal,
                _,
            )
            | (_, FieldValue::Omit) => type_.to_string(),
            (_, FieldValue::Str(s)) => format!("{type_}: {}", crate::quote::quote(s)),
            (_, FieldValue::Raw(s)) => format!("{type_}: {s}"),
        };
        if !self.detail.is_empty() {
            text.push_str(": ");
            text.push_str(&self.detail);
        }
        text
    }

    /// `<field>: <body>`.
    /// Upstream: k8s.io/apimachinery pkg/util/validation/field/errors.go Error.Error
    pub fn message(&self) -> String {
        format!("{}: {}", self.field, self.body())
    }
}

/// What kubectl prints when the API server rejects an object as invalid: one error on
/// the same line, several as a bulleted list, duplicates dropped.
/// Upstream: k8s.io/kubectl pkg/cmd/util/helpers.go checkErr, MultilineError, statusCausesToAggrError
pub fn invalid(kind: Kind, name: &str, errors: &[FieldError]) -> String {
    let prefix = format!("The {} \"{name}\" is invalid: ", kind.name());
    let mut messages: Vec<String> = Vec::new();
    for error in errors {
        let message = error.message();
        if !messages.contains(&message) {
            messages.push(message);
        }
    }
    match messages.as_slice() {
        [] => format!("The {} \"{name}\" is invalid\n", kind.name()),
        [one] => format!("{prefix}{one}\n"),
        many => {
            let mut out = format!("{prefix}\n");
            for message in many {
                out.push_str(&format!("* {message}\n"));
            }
            out
        }
    }
}
