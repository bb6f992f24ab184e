//! Validation as the API server does it on create and on update (`ValidateStatefulSet`,
//! `ValidatePersistentVolume`, …), returning field errors in the API server's words.

use super::model::{Kind, Object};

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

/// The checks the API server runs when an object is created.
pub fn create(_object: &Object) -> Vec<FieldError> {
    Vec::new()
}

/// The checks the API server runs when `old` is replaced by `new` (immutable fields and the create rules).
pub fn update(_old: &Object, _new: &Object) -> Vec<FieldError> {
    Vec::new()
}

/// The message kubectl prints for a rejected object:
/// `The StatefulSet "web" is invalid: spec.replicas: Invalid value: …`.
pub fn invalid_message(kind: Kind, name: &str, errors: &[FieldError]) -> String {
    let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let body = if list.len() == 1 {
        list[0].clone()
    } else {
        format!("[{}]", list.join(", "))
    };
    format!("The {} \"{name}\" is invalid: {body}", kind.name())
}
