//! The manifest layer: Kubernetes YAML text in, typed objects and diagnostics out.
//! It never fails as a whole and never panics: whatever can be read comes back with a
//! diagnostic per problem, each placed at a line, a column and a field path.
//!
//! Contract with the engine: `objects` holds every object that could be read into the
//! typed model, as written (no defaults applied), with `sources[i]` telling where
//! `objects[i]` came from. A document with an error diagnostic must not be applied
//! ([`Manifest::document_has_errors`]); API-server validation errors are among those
//! diagnostics, and the engine's API server reproduces them with `validate::create`.
//! Documents that cannot be read at all (bad YAML, wrong types, unknown kinds) give no
//! object. Files: `yaml.rs` (text → positioned trees, printing), `decimal.rs` (its
//! floats), `schema.rs` + `check.rs` (strict fields and types), `read.rs` (the pipeline),
//! `cross.rs` (checks across objects), `validate.rs`, `defaults.rs`, `quantity.rs`,
//! `explain.rs`.

mod check;
mod cross;
pub(crate) mod decimal;
pub mod defaults;
mod explain;
pub mod json;
pub mod lesson;
pub mod model;
pub mod quantity;
mod read;
mod schema;
pub mod validate;
mod yaml;

pub use explain::{Code, Explanation};
pub use read::{parse, MAX_INPUT_BYTES};
pub use yaml::{go_quote, to_json as yaml_to_json, to_yaml};

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
    /// What kind of problem this is.
    pub code: Code,
    /// A short plain explanation for learners, in English and Simplified Chinese.
    pub explanation: Explanation,
}

/// Where an object came from in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// Index of the YAML document (0-based), as in [`Diagnostic::document`].
    pub document: usize,
    /// 1-based line and column where the object starts.
    pub line: usize,
    pub column: usize,
}

/// The result of reading a manifest text: every object that could be read, and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manifest {
    pub objects: Vec<model::Object>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each of `objects` came from, index for index.
    pub sources: Vec<Source>,
}

impl Manifest {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether the given document has an error, so that it must not be applied.
    pub fn document_has_errors(&self, document: usize) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.document == document)
    }

    /// The objects that may be applied: read, and from a document without errors.
    pub fn applicable(&self) -> impl Iterator<Item = &model::Object> {
        self.objects
            .iter()
            .zip(&self.sources)
            .filter(|(_, s)| !self.document_has_errors(s.document))
            .map(|(o, _)| o)
    }
}
