//! Tab completion for the console: commands, kubectl verbs, resource kinds and the names
//! of objects of the kind typed before. Completes to the only candidate (and a space), or
//! to the longest prefix the candidates share.

use crate::manifest::model::{Kind, Object};

const PROGRAMS: [&str; 4] = ["kubectl", "nslookup", "dig", "explain"];
const VERBS: [&str; 14] = [
    "apply", "create", "delete", "describe", "get", "patch", "rollout", "scale", "set", "cordon",
    "uncordon", "exec", "label", "annotate",
];
const ROLLOUT: [&str; 4] = ["history", "restart", "status", "undo"];

pub use crate::engine::command::{kind_of, resource_names};

fn finish(done: &str, partial: &str, candidates: Vec<String>) -> Option<String> {
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let first = matching.first()?;
    if matching.len() == 1 {
        return Some(format!("{done}{first} "));
    }
    let mut common = first.len();
    for m in &matching[1..] {
        common = common.min(
            first
                .chars()
                .zip(m.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a.len_utf8())
                .sum(),
        );
    }
    let first = first.get(..common).filter(|_| common > partial.len())?;
    Some(format!("{done}{first}"))
}

/// Completes `line` against the objects of the cluster; `None` when nothing fits.
pub fn complete(line: &str, objects: &[&Object]) -> Option<String> {
    let cut = line.rfind(' ').map_or(0, |i| i + 1);
    let (done, partial) = line.split_at(cut);
    let words: Vec<&str> = done.split_whitespace().collect();
    let names = |kind: Kind| -> Vec<String> {
        let mut v: Vec<String> = objects
            .iter()
            .filter(|o| o.kind() == kind)
            .map(|o| o.name().to_string())
            .collect();
        crate::sort::ascending(&mut v);
        v.dedup();
        v
    };
    let candidates: Vec<String> = match words.as_slice() {
        [] => PROGRAMS.iter().map(|s| s.to_string()).collect(),
        ["kubectl"] => VERBS.iter().map(|s| s.to_string()).collect(),
        ["kubectl", "rollout"] => ROLLOUT.iter().map(|s| s.to_string()).collect(),
        ["kubectl", "rollout", _] | ["kubectl", "set", "image"] => names(Kind::StatefulSet)
            .into_iter()
            .map(|n| format!("statefulset/{n}"))
            .collect(),
        ["kubectl", "scale"] => vec!["statefulset".into()],
        ["kubectl", "cordon" | "uncordon"] => names(Kind::Node),
        ["kubectl", "exec"] => names(Kind::Pod),
        ["kubectl", "get" | "describe" | "delete" | "patch" | "label" | "annotate"] => {
            if let Some((resource, _)) = partial.split_once('/') {
                let kind = kind_of(resource)?;
                return finish(
                    done,
                    partial,
                    names(kind)
                        .into_iter()
                        .map(|n| format!("{resource}/{n}"))
                        .collect(),
                );
            }
            let mut all: Vec<String> = Kind::ALL
                .into_iter()
                .flat_map(|k| resource_names(k).iter().map(|s| s.to_string()))
                .collect();
            crate::sort::ascending(&mut all);
            all
        }
        ["kubectl", _, resource, ..] if !resource.starts_with('-') => match kind_of(resource) {
            Some(kind) => names(kind),
            None => Vec::new(),
        },
        ["explain"] => vec!["dns".into(), "pvc".into()],
        ["explain", "pvc"] => names(Kind::PersistentVolumeClaim),
        _ => Vec::new(),
    };
    finish(done, partial, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::model::{ObjectMeta, Pod};

    fn pod(name: &str) -> Object {
        Object::Pod(Pod {
            metadata: ObjectMeta {
                name: name.into(),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    #[test]
    fn completes_programs_verbs_kinds_and_names() {
        let objects = [pod("web-0"), pod("web-1"), pod("db-0")];
        let refs: Vec<&Object> = objects.iter().collect();
        let cases = [
            ("ku", Some("kubectl ")),
            ("kubectl g", Some("kubectl get ")),
            ("kubectl get po", None),
            ("kubectl get pods w", Some("kubectl get pods web-")),
            ("kubectl get pods d", Some("kubectl get pods db-0 ")),
            ("kubectl describe pod/w", Some("kubectl describe pod/web-")),
            ("kubectl get statefulsets x", None),
            ("kubectl rollout st", Some("kubectl rollout status ")),
            (
                "kubectl get persistentvolumec",
                Some("kubectl get persistentvolumeclaim"),
            ),
            ("zz", None),
        ];
        for (line, want) in cases {
            assert_eq!(complete(line, &refs).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn resource_names_map_back_to_kinds() {
        for kind in Kind::ALL {
            for name in resource_names(kind) {
                assert_eq!(kind_of(name), Some(kind), "{name}");
            }
        }
        assert_eq!(kind_of("statefulsets.apps"), Some(Kind::StatefulSet));
        assert_eq!(kind_of("deployments"), None);
    }
}
