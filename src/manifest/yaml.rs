//! The only file that calls serde_yaml: splitting a text into documents, reading each into
//! the typed model, and printing objects back as YAML.

use super::model::*;
use super::{Diagnostic, Manifest, Severity};
use serde::Deserialize;

/// Reads every document of a manifest text. Never fails as a whole.
pub fn parse(text: &str) -> Manifest {
    let mut out = Manifest::default();
    for (index, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let value = match serde_yaml::Value::deserialize(document) {
            Ok(value) => value,
            Err(err) => {
                let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
                out.diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    document: index,
                    line,
                    column,
                    path: String::new(),
                    message: err.to_string(),
                });
                break;
            }
        };
        if value.is_null() {
            continue;
        }
        let kind = value
            .get("kind")
            .and_then(|k| k.as_str())
            .unwrap_or_default()
            .to_string();
        let object = match kind.as_str() {
            "StatefulSet" => serde_yaml::from_value(value).map(Object::StatefulSet),
            "Pod" => serde_yaml::from_value(value).map(Object::Pod),
            "PersistentVolume" => serde_yaml::from_value(value).map(Object::PersistentVolume),
            "PersistentVolumeClaim" => {
                serde_yaml::from_value(value).map(Object::PersistentVolumeClaim)
            }
            "StorageClass" => serde_yaml::from_value(value).map(Object::StorageClass),
            "Service" => serde_yaml::from_value(value).map(Object::Service),
            "Namespace" => serde_yaml::from_value(value).map(Object::Namespace),
            "Node" => serde_yaml::from_value(value).map(Object::Node),
            _ => {
                out.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    document: index,
                    line: 1,
                    column: 1,
                    path: "kind".into(),
                    message: format!("{kind} is not simulated here and is skipped"),
                });
                continue;
            }
        };
        match object {
            Ok(object) => out.objects.push(object),
            Err(err) => out.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                document: index,
                line: 1,
                column: 1,
                path: String::new(),
                message: err.to_string(),
            }),
        }
    }
    out
}

/// Prints an object as `kubectl get -o yaml` does.
pub fn to_yaml(object: &Object) -> String {
    serde_yaml::to_string(object).unwrap_or_default()
}
