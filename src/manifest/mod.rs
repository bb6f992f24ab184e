//! The manifest layer: Kubernetes YAML text in, typed objects and diagnostics out.
//! It never fails as a whole: whatever can be read comes back with a diagnostic per problem.

pub mod defaults;
pub mod model;
pub mod validate;
mod yaml;

pub use yaml::{parse, to_yaml};

/// How bad a diagnostic is: an error stops that document from being applied, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the input, placed where the user can fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Index of the YAML document (0-based) the problem is in.
    pub document: usize,
    /// 1-based line and column of the offending node.
    pub line: usize,
    pub column: usize,
    /// Field path such as `spec.template.spec.containers[0].ports[0].containerPort`; empty for the document.
    pub path: String,
    /// The message, in the API server's words where it has some.
    pub message: String,
}

/// The result of reading a manifest text: every object that could be read, and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manifest {
    pub objects: Vec<model::Object>,
    pub diagnostics: Vec<Diagnostic>,
}
