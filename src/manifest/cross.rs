//! Checks across objects that no API-server validator makes, reported as warnings before
//! anything runs: a StatefulSet's `serviceName` that names no Service, a Service that is
//! not headless or does not select the pods; a `storageClassName` nothing carries; a
//! `volumeMounts` name with no volume or claim template; several default StorageClasses;
//! a PersistentVolume `claimRef` to a claim that will never exist. Each finding names an
//! object and a field path; `read.rs` places it in the text.

use super::explain::Code;
use super::model::*;
use crate::quote::quote;
use crate::vecmap::VecSet;

/// One warning about an object, by its index in the list checked.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    pub object: usize,
    pub path: String,
    pub message: String,
    pub code: Code,
}

const DEFAULT_CLASS: &str = "storageclass.kubernetes.io/is-default-class";
const BETA_DEFAULT_CLASS: &str = "storageclass.beta.kubernetes.io/is-default-class";

/// Whether a StorageClass is marked default (`IsDefaultAnnotation` upstream).
pub fn is_default_class(class: &StorageClass) -> bool {
    let a = &class.metadata.annotations;
    a.get(DEFAULT_CLASS).map(String::as_str) == Some("true")
        || a.get(BETA_DEFAULT_CLASS).map(String::as_str) == Some("true")
}

fn namespace(meta: &ObjectMeta) -> &str {
    meta.namespace
        .as_deref()
        .filter(|n| !n.is_empty())
        .unwrap_or("default")
}

fn labels_text(map: &StringMap) -> String {
    if map.is_empty() {
        return "(none)".to_string();
    }
    map.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn check(objects: &[Object]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut classes: VecSet<&str> = VecSet::new();
    for object in objects {
        match object {
            Object::StorageClass(c) => {
                classes.insert(&c.metadata.name);
            }
            Object::PersistentVolume(v) => {
                if let Some(class) = &v.spec.storage_class_name {
                    classes.insert(class);
                }
            }
            _ => {}
        }
    }
    let mut claims: VecSet<(&str, &str)> = VecSet::new();
    let mut sets: Vec<&StatefulSet> = Vec::new();
    for object in objects {
        match object {
            Object::PersistentVolumeClaim(c) => {
                claims.insert((namespace(&c.metadata), &c.metadata.name));
            }
            Object::StatefulSet(s) => sets.push(s),
            _ => {}
        }
    }
    let claim_exists = |ns: &str, name: &str| {
        claims.contains(&(ns, name)) || sets.iter().any(|s| creates_claim(s, ns, name))
    };

    let mut default_classes: Vec<&str> = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        let mut warn = |path: String, message: String, code: Code| {
            findings.push(Finding {
                object: index,
                path,
                message,
                code,
            })
        };
        match object {
            Object::StatefulSet(s) => {
                statefulset(s, objects, &classes, &mut warn);
            }
            Object::PersistentVolumeClaim(c) => {
                if let Some(class) = c.spec.storage_class_name.as_deref() {
                    if !class.is_empty() && !classes.contains(class) {
                        warn(
                            "spec.storageClassName".into(),
                            unknown_class_message(class),
                            Code::UnknownStorageClass,
                        );
                    }
                }
            }
            Object::StorageClass(c) if is_default_class(c) => {
                if let Some(first) = default_classes.first() {
                    warn(
                        format!("metadata.annotations[{DEFAULT_CLASS}]"),
                        format!(
                            "StorageClasses {} and {} are both marked default; a claim without storageClassName gets the most recently created one",
                            quote(first),
                            quote(&c.metadata.name)
                        ),
                        Code::SeveralDefaultClasses,
                    );
                }
                default_classes.push(&c.metadata.name);
            }
            Object::PersistentVolume(v) => {
                if let Some(claim_ref) = &v.spec.claim_ref {
                    let name = claim_ref.name.as_deref().unwrap_or("");
                    let ns = claim_ref.namespace.as_deref().unwrap_or("");
                    if !name.is_empty() && !claim_exists(ns, name) {
                        let ns_shown = if ns.is_empty() { "<no namespace>" } else { ns };
                        warn(
                            "spec.claimRef".into(),
                            format!(
                                "claimRef reserves this volume for claim \"{ns_shown}/{name}\", which is not in this manifest; no other claim can bind it"
                            ),
                            Code::ClaimRefMissing,
                        );
                    }
                }
            }
            _ => {}
        }
    }
    findings
}

/// Whether the StatefulSet controller will create this claim: `<template>-<set>-<ordinal>`
/// for an ordinal in `[start, start + replicas)`.
fn creates_claim(s: &StatefulSet, ns: &str, name: &str) -> bool {
    if namespace(&s.metadata) != ns {
        return false;
    }
    let start = s.spec.ordinals.as_ref().and_then(|o| o.start).unwrap_or(0);
    let replicas = s.spec.replicas.unwrap_or(1).max(0);
    s.spec.volume_claim_templates.iter().any(|t| {
        let prefix = format!("{}-{}-", t.metadata.name, s.metadata.name);
        name.strip_prefix(&prefix)
            .filter(|ordinal| !ordinal.starts_with('0') || *ordinal == "0")
            .and_then(|ordinal| ordinal.parse::<i64>().ok())
            .is_some_and(|ordinal| ordinal >= start && ordinal < start.saturating_add(replicas))
    })
}

fn unknown_class_message(class: &str) -> String {
    format!(
        "storageClassName {} names no StorageClass and no PersistentVolume in this manifest; the claim would stay Pending",
        quote(class)
    )
}

fn statefulset(
    s: &StatefulSet,
    objects: &[Object],
    classes: &VecSet<&str>,
    warn: &mut impl FnMut(String, String, Code),
) {
    let ns = namespace(&s.metadata);
    let template_labels = &s.spec.template.metadata.labels;
    if let Some(service_name) = s.spec.service_name.as_deref().filter(|n| !n.is_empty()) {
        let service = objects.iter().find_map(|o| match o {
            Object::Service(svc)
                if svc.metadata.name == service_name && namespace(&svc.metadata) == ns =>
            {
                Some(svc)
            }
            _ => None,
        });
        match service {
            None => warn(
                "spec.serviceName".into(),
                format!(
                    "serviceName {} names no Service in namespace {}; the pods run, but names such as {}-0.{service_name}.{ns}.svc.cluster.local will not resolve",
                    quote(service_name),
                    quote(ns),
                    s.metadata.name
                ),
                Code::ServiceMissing,
            ),
            Some(svc) => {
                if svc.spec.cluster_ip.as_deref() != Some("None") {
                    let what = match svc.spec.type_.as_deref() {
                        Some("ExternalName") => "an ExternalName Service".to_string(),
                        _ => match svc.spec.cluster_ip.as_deref() {
                            Some(ip) if !ip.is_empty() => format!("clusterIP is {ip}"),
                            _ => "it gets a cluster IP".to_string(),
                        },
                    };
                    warn(
                        "spec.serviceName".into(),
                        format!(
                            "Service {} is not headless ({what}); the governing Service of a StatefulSet should set clusterIP: None",
                            quote(service_name)
                        ),
                        Code::ServiceNotHeadless,
                    );
                }
                match &svc.spec.selector {
                    Some(selector) if !selector.is_empty() => {
                        let selects = selector.iter().all(|(k, v)| template_labels.get(k) == Some(v));
                        if !selects {
                            warn(
                                "spec.serviceName".into(),
                                format!(
                                    "Service {} selects {} but the pod template's labels are {}; the pods get no endpoints and no DNS records",
                                    quote(service_name),
                                    labels_text(selector),
                                    labels_text(template_labels)
                                ),
                                Code::ServiceSelectorMismatch,
                            );
                        }
                    }
                    _ => {
                        if svc.spec.type_.as_deref() != Some("ExternalName") {
                            warn(
                                "spec.serviceName".into(),
                                format!(
                                    "Service {} has no selector, so it selects none of the pods; they get no endpoints and no DNS records",
                                    quote(service_name)
                                ),
                                Code::ServiceSelectorMismatch,
                            );
                        }
                    }
                }
            }
        }
    }

    for (i, template) in s.spec.volume_claim_templates.iter().enumerate() {
        if let Some(class) = template.spec.storage_class_name.as_deref() {
            if !class.is_empty() && !classes.contains(class) {
                warn(
                    format!("spec.volumeClaimTemplates[{i}].spec.storageClassName"),
                    unknown_class_message(class),
                    Code::UnknownStorageClass,
                );
            }
        }
    }

    let mut names: VecSet<&str> = (s.spec.template.spec.volumes.iter())
        .map(|v| v.name.as_str())
        .collect();
    names.extend(
        s.spec
            .volume_claim_templates
            .iter()
            .map(|t| t.metadata.name.as_str()),
    );
    for (list, containers) in [
        ("initContainers", &s.spec.template.spec.init_containers),
        ("containers", &s.spec.template.spec.containers),
    ] {
        for (i, container) in containers.iter().enumerate() {
            for (j, mount) in container.volume_mounts.iter().enumerate() {
                if !mount.name.is_empty() && !names.contains(mount.name.as_str()) {
                    warn(
                        format!("spec.template.spec.{list}[{i}].volumeMounts[{j}].name"),
                        format!(
                            "volumeMount {0} matches no volume in spec.template.spec.volumes and no volumeClaimTemplate; every pod would be rejected with spec.{list}[{i}].volumeMounts[{j}].name: Not found: {0}",
                            quote(&mount.name)
                        ),
                        Code::MountWithoutVolume,
                    );
                }
            }
        }
    }
}
