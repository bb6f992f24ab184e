//! The command language shared by the CLI and the browser console: a command line split
//! into words as a POSIX shell splits them, then read as the real tool reads its
//! arguments (kubectl, nslookup, dig, and `explain` for the explainers). Parsing only:
//! `present::shell` runs the commands.

use super::api::Propagation;
use crate::manifest::model::Kind;

/// Splits a command line as `sh` does: whitespace separates words; single quotes keep
/// everything; double quotes keep everything but `\"`, `\\`, `\$` and `` \` ``; a backslash
/// outside quotes escapes the next character.
pub fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => word.push(ch),
                        None => return Err("unterminated quoted string".into()),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.peek() {
                            Some(&n) if matches!(n, '"' | '\\' | '$' | '`') => {
                                word.push(n);
                                chars.next();
                            }
                            _ => word.push('\\'),
                        },
                        Some(ch) => word.push(ch),
                        None => return Err("unterminated quoted string".into()),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    word.push(n);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// The resource names kubectl accepts for each kind, the plural first.
pub fn resource_names(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Pod => &["pods", "pod", "po"],
        Kind::StatefulSet => &["statefulsets", "statefulset", "sts"],
        Kind::PersistentVolumeClaim => &["persistentvolumeclaims", "persistentvolumeclaim", "pvc"],
        Kind::PersistentVolume => &["persistentvolumes", "persistentvolume", "pv"],
        Kind::StorageClass => &["storageclasses", "storageclass", "sc"],
        Kind::Service => &["services", "service", "svc"],
        Kind::EndpointSlice => &["endpointslices", "endpointslice"],
        Kind::Namespace => &["namespaces", "namespace", "ns"],
        Kind::Node => &["nodes", "node", "no"],
        Kind::ControllerRevision => &["controllerrevisions", "controllerrevision"],
        Kind::Event => &["events", "event", "ev"],
    }
}

/// What a resource word names: a kind, or the v1 Endpoints view (derived from slices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    Kind(Kind),
    Endpoints,
}

/// The kind a resource name (`po`, `pods`, `statefulset.apps`, `StatefulSet`) stands for.
pub fn kind_of(resource: &str) -> Option<Kind> {
    let resource = resource.to_ascii_lowercase();
    let bare = resource.split('.').next().unwrap_or("");
    Kind::ALL
        .into_iter()
        .find(|k| resource_names(*k).contains(&bare) || k.name().eq_ignore_ascii_case(bare))
}

fn resource_of(word: &str) -> Result<Resource, String> {
    let lower = word.to_ascii_lowercase();
    if matches!(lower.as_str(), "endpoints" | "ep" | "endpoint") {
        return Ok(Resource::Endpoints);
    }
    kind_of(word)
        .map(Resource::Kind)
        .ok_or_else(|| format!("error: the server doesn't have a resource type \"{word}\""))
}

/// `-o` of kubectl get.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Table,
    Wide,
    Name,
    Yaml,
    Json,
    JsonPath(String),
}

/// What `kubectl rollout` was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rollout {
    Status,
    History,
    Undo,
    Restart,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Apply {
        files: Vec<String>,
        create: bool,
    },
    Get {
        resources: Vec<(Resource, Option<String>)>,
        names: Vec<String>,
        namespace: Option<String>,
        all_namespaces: bool,
        selector: Option<String>,
        output: Output,
    },
    Describe {
        resource: Resource,
        names: Vec<String>,
        namespace: Option<String>,
        selector: Option<String>,
    },
    Delete {
        targets: Vec<(Kind, String)>,
        kind: Option<Kind>,
        files: Vec<String>,
        namespace: Option<String>,
        selector: Option<String>,
        all: bool,
        cascade: Propagation,
        force: bool,
    },
    Scale {
        kind: Kind,
        name: String,
        replicas: i64,
        namespace: Option<String>,
    },
    Patch {
        kind: Kind,
        name: String,
        patch: String,
        patch_type: String,
        namespace: Option<String>,
    },
    SetImage {
        kind: Kind,
        name: String,
        images: Vec<(String, String)>,
        namespace: Option<String>,
    },
    Rollout {
        action: Rollout,
        kind: Kind,
        name: String,
        namespace: Option<String>,
        revision: Option<i64>,
    },
    Cordon {
        node: String,
        cordon: bool,
    },
    Exec {
        pod: String,
        namespace: Option<String>,
        argv: Vec<String>,
    },
    Nslookup {
        name: String,
        namespace: Option<String>,
    },
    Dig {
        name: String,
        qtype: String,
        short: bool,
        search: bool,
        namespace: Option<String>,
    },
    ExplainPvc {
        name: String,
        namespace: Option<String>,
    },
    ExplainDns {
        name: String,
        namespace: Option<String>,
    },
}

/// Flags and positional words of a kubectl invocation.
struct Args {
    positional: Vec<String>,
    namespace: Option<String>,
    all_namespaces: bool,
    selector: Option<String>,
    output: Option<String>,
    files: Vec<String>,
    other: Vec<(String, Option<String>)>,
    after_dashes: Vec<String>,
}

/// Flags that take a value (the value may follow as the next word).
const VALUE_FLAGS: [&str; 16] = [
    "-n",
    "--namespace",
    "-l",
    "--selector",
    "-o",
    "--output",
    "-f",
    "--filename",
    "-p",
    "--patch",
    "--type",
    "--replicas",
    "--cascade",
    "--to-revision",
    "--grace-period",
    "-c",
];

fn parse_args(words: &[String], verb: &str) -> Result<Args, String> {
    let mut args = Args {
        positional: Vec::new(),
        namespace: None,
        all_namespaces: false,
        selector: None,
        output: None,
        files: Vec::new(),
        other: Vec::new(),
        after_dashes: Vec::new(),
    };
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w == "--" {
            args.after_dashes = words[i + 1..].to_vec();
            break;
        }
        if w.starts_with('-') && w.len() > 1 {
            let (flag, inline) = match w.split_once('=') {
                Some((f, v)) => (f.to_string(), Some(v.to_string())),
                None if w.starts_with("-o") && w.len() > 2 && !w.starts_with("--") => {
                    ("-o".into(), Some(w[2..].to_string()))
                }
                None if w.starts_with("-n") && w.len() > 2 && !w.starts_with("--") => {
                    ("-n".into(), Some(w[2..].to_string()))
                }
                None => (w.clone(), None),
            };
            let takes = VALUE_FLAGS.contains(&flag.as_str());
            let value = if takes {
                match inline {
                    Some(v) => Some(v),
                    None => {
                        i += 1;
                        Some(
                            words
                                .get(i)
                                .cloned()
                                .ok_or_else(|| format!("error: flag needs an argument: {flag}"))?,
                        )
                    }
                }
            } else {
                inline
            };
            match flag.as_str() {
                "-n" | "--namespace" => args.namespace = value,
                "-A" | "--all-namespaces" => args.all_namespaces = true,
                "-l" | "--selector" => args.selector = value,
                "-o" | "--output" => args.output = value,
                "-f" | "--filename" => args.files.extend(value),
                "-p" | "--patch" | "--type" | "--replicas" | "--cascade" | "--to-revision"
                | "--grace-period" | "-c" | "--all" | "--force" | "-i" | "-t" | "-it"
                | "--stdin" | "--tty" | "--now" | "--wait" | "--watch" | "-w" | "--show-labels"
                | "--no-headers" | "--validate" | "--dry-run" => args.other.push((flag, value)),
                _ => {
                    return Err(format!(
                        "error: unknown flag: {flag}\nSee 'kubectl {verb} --help' for usage."
                    ))
                }
            }
        } else {
            args.positional.push(w.clone());
        }
        i += 1;
    }
    Ok(args)
}

impl Args {
    fn flag(&self, name: &str) -> Option<Option<&str>> {
        self.other
            .iter()
            .rev()
            .find(|(f, _)| f == name)
            .map(|(_, v)| v.as_deref())
    }
}

fn output(text: Option<&str>) -> Result<Output, String> {
    Ok(match text {
        None => Output::Table,
        Some("wide") => Output::Wide,
        Some("name") => Output::Name,
        Some("yaml") => Output::Yaml,
        Some("json") => Output::Json,
        Some(other) => match other.strip_prefix("jsonpath=").or_else(|| other.strip_prefix("jsonpath-as-json=")) {
            Some(template) => Output::JsonPath(template.to_string()),
            None => {
                return Err(format!(
                    "error: unable to match a printer suitable for the output format \"{other}\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
                ))
            }
        },
    })
}

/// `TYPE NAME` or `TYPE/NAME` for commands on one object.
fn one_object(args: &Args, verb: &str) -> Result<(Kind, String), String> {
    match args.positional.as_slice() {
        [spec] if spec.contains('/') => {
            let (r, n) = spec.split_once('/').unwrap_or_default();
            let kind = kind_of(r)
                .ok_or_else(|| format!("error: the server doesn't have a resource type \"{r}\""))?;
            Ok((kind, n.to_string()))
        }
        [r, n, ..] => {
            let kind = kind_of(r)
                .ok_or_else(|| format!("error: the server doesn't have a resource type \"{r}\""))?;
            Ok((kind, n.clone()))
        }
        [_] | [] => Err(format!(
            "error: you must specify the type of resource to {verb} and its name"
        )),
    }
}

/// Parses a command line.
pub fn parse(line: &str) -> Result<Command, String> {
    let words = split_words(line).map_err(|e| format!("error: {e}"))?;
    let Some((program, rest)) = words.split_first() else {
        return Err(String::new());
    };
    match program.as_str() {
        "kubectl" | "k" => parse_kubectl(rest),
        "nslookup" => {
            let args = parse_args(rest, "nslookup")?;
            let name = args
                .positional
                .first()
                .cloned()
                .ok_or("Usage: nslookup HOST [DNS_SERVER]")?;
            Ok(Command::Nslookup {
                name,
                namespace: args.namespace,
            })
        }
        "dig" => parse_dig(rest),
        "explain" | "stsplay" => {
            let rest =
                if program == "stsplay" {
                    match rest.split_first() {
                        Some((e, r)) if e == "explain" => r,
                        _ => return Err(
                            "usage: stsplay explain pvc NAME | stsplay explain dns NAME [-n NS]"
                                .into(),
                        ),
                    }
                } else {
                    rest
                };
            let args = parse_args(rest, "explain")?;
            match args.positional.as_slice() {
                [what, name] if what == "pvc" || what == "persistentvolumeclaim" => {
                    Ok(Command::ExplainPvc {
                        name: name.clone(),
                        namespace: args.namespace,
                    })
                }
                [what, name] if what == "dns" => Ok(Command::ExplainDns {
                    name: name.clone(),
                    namespace: args.namespace,
                }),
                _ => Err("usage: explain pvc NAME [-n NS] | explain dns NAME [-n NS]".into()),
            }
        }
        other => Err(format!(
            "{other}: command not found (try kubectl, nslookup, dig or explain)"
        )),
    }
}

fn parse_dig(rest: &[String]) -> Result<Command, String> {
    let mut short = false;
    let mut search = false;
    let mut qtype = "A".to_string();
    let mut name = None;
    let mut namespace = None;
    let mut i = 0;
    while i < rest.len() {
        let w = &rest[i];
        match w.as_str() {
            "+short" => short = true,
            "+search" => search = true,
            "+nosearch" => search = false,
            "-n" => {
                i += 1;
                namespace = rest.get(i).cloned();
            }
            "-t" => {
                i += 1;
                qtype = rest
                    .get(i)
                    .cloned()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
            }
            w if w.starts_with('+') => {}
            w if super::dns::RecordType::parse(w).is_some() && name.is_some()
                || (super::dns::RecordType::parse(w).is_some() && rest.len() > i + 1) =>
            {
                qtype = w.to_ascii_uppercase();
            }
            w => name = Some(w.to_string()),
        }
        i += 1;
    }
    let name = name.ok_or("dig: a name to look up is required")?;
    Ok(Command::Dig {
        name,
        qtype,
        short,
        search,
        namespace,
    })
}

fn parse_kubectl(words: &[String]) -> Result<Command, String> {
    let Some((verb, rest)) = words.split_first() else {
        return Err(
            "kubectl controls the Kubernetes cluster manager.\n\nTry: kubectl get pods".into(),
        );
    };
    let args = parse_args(rest, verb)?;
    let namespace = args.namespace.clone();
    match verb.as_str() {
        "apply" | "create" => {
            if args.files.is_empty() {
                return Err("error: must specify one of -f and -k".into());
            }
            Ok(Command::Apply {
                files: args.files.clone(),
                create: verb == "create",
            })
        }
        "get" => {
            let Some((first, names)) = args.positional.split_first() else {
                return Err("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.".into());
            };
            let mut resources = Vec::new();
            let mut extra_names = Vec::new();
            if first.contains('/') {
                for spec in &args.positional {
                    let (r, n) = spec.split_once('/').ok_or_else(|| "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'".to_string())?;
                    resources.push((resource_of(r)?, Some(n.to_string())));
                }
            } else {
                for r in first.split(',') {
                    resources.push((resource_of(r)?, None));
                }
                extra_names = names.to_vec();
            }
            Ok(Command::Get {
                resources,
                names: extra_names,
                namespace,
                all_namespaces: args.all_namespaces,
                selector: args.selector.clone(),
                output: output(args.output.as_deref())?,
            })
        }
        "describe" => {
            let Some((first, names)) = args.positional.split_first() else {
                return Err("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.".into());
            };
            if let Some((r, n)) = first.split_once('/') {
                return Ok(Command::Describe {
                    resource: resource_of(r)?,
                    names: vec![n.to_string()],
                    namespace,
                    selector: args.selector.clone(),
                });
            }
            Ok(Command::Describe {
                resource: resource_of(first)?,
                names: names.to_vec(),
                namespace,
                selector: args.selector.clone(),
            })
        }
        "delete" => {
            let cascade = match args.flag("--cascade") {
                None | Some(None) | Some(Some("background")) | Some(Some("true")) => Propagation::Background,
                Some(Some("foreground")) => Propagation::Foreground,
                Some(Some("orphan")) | Some(Some("false")) => Propagation::Orphan,
                Some(Some(other)) => return Err(format!("error: invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\"")),
            };
            let force = args.flag("--force").is_some()
                || args.flag("--grace-period").flatten() == Some("0");
            let all = args.flag("--all").is_some();
            if !args.files.is_empty() {
                return Ok(Command::Delete {
                    targets: Vec::new(),
                    kind: None,
                    files: args.files.clone(),
                    namespace,
                    selector: None,
                    all,
                    cascade,
                    force,
                });
            }
            let Some((first, names)) = args.positional.split_first() else {
                return Err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'".into());
            };
            if first.contains('/') {
                let mut targets = Vec::new();
                for spec in &args.positional {
                    let (r, n) = spec.split_once('/').unwrap_or_default();
                    let kind = kind_of(r).ok_or_else(|| {
                        format!("error: the server doesn't have a resource type \"{r}\"")
                    })?;
                    targets.push((kind, n.to_string()));
                }
                return Ok(Command::Delete {
                    targets,
                    kind: None,
                    files: Vec::new(),
                    namespace,
                    selector: args.selector.clone(),
                    all,
                    cascade,
                    force,
                });
            }
            let kind = kind_of(first).ok_or_else(|| {
                format!("error: the server doesn't have a resource type \"{first}\"")
            })?;
            if names.is_empty() && args.selector.is_none() && !all {
                return Err("error: resource(s) were provided, but no name was specified".into());
            }
            Ok(Command::Delete {
                targets: names.iter().map(|n| (kind, n.clone())).collect(),
                kind: Some(kind),
                files: Vec::new(),
                namespace,
                selector: args.selector.clone(),
                all,
                cascade,
                force,
            })
        }
        "scale" => {
            let (kind, name) = one_object(&args, "scale")?;
            let replicas = args
                .flag("--replicas")
                .flatten()
                .ok_or("error: required flag(s) \"replicas\" not set")?;
            let replicas: i64 = replicas
                .parse()
                .map_err(|_| format!("error: invalid argument \"{replicas}\" for \"--replicas\" flag: strconv.ParseInt: parsing \"{replicas}\": invalid syntax"))?;
            if replicas < 0 {
                return Err("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0".into());
            }
            Ok(Command::Scale {
                kind,
                name,
                replicas,
                namespace,
            })
        }
        "patch" => {
            let (kind, name) = one_object(&args, "patch")?;
            let patch = args
                .flag("-p")
                .or(args.flag("--patch"))
                .flatten()
                .filter(|p| !p.is_empty())
                .ok_or("error: must specify --patch or --patch-file containing the contents of the patch")?
                .to_string();
            let patch_type = args
                .flag("--type")
                .flatten()
                .unwrap_or("strategic")
                .to_string();
            if !matches!(patch_type.as_str(), "strategic" | "merge" | "json") {
                return Err(format!(
                    "error: --type must be one of [json merge strategic], not \"{patch_type}\""
                ));
            }
            Ok(Command::Patch {
                kind,
                name,
                patch,
                patch_type,
                namespace,
            })
        }
        "set" => {
            let Some((what, rest_words)) = args.positional.split_first() else {
                return Err("error: Required resource not specified.".into());
            };
            if what != "image" {
                return Err(format!(
                    "error: unknown command \"{what}\" for \"kubectl set\""
                ));
            }
            let Some((target, pairs)) = rest_words.split_first() else {
                return Err("error: one or more resources must be specified as <resource> <name> or <resource>/<name>".into());
            };
            let (r, n) = target.split_once('/').ok_or("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form")?;
            let kind = kind_of(r)
                .ok_or_else(|| format!("error: the server doesn't have a resource type \"{r}\""))?;
            let images = pairs
                .iter()
                .map(|p| {
                    p.split_once('=')
                        .map(|(c, i)| (c.to_string(), i.to_string()))
                        .ok_or_else(|| format!("error: invalid image update: {p}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if images.is_empty() {
                return Err("error: at least one image update is required".into());
            }
            Ok(Command::SetImage {
                kind,
                name: n.to_string(),
                images,
                namespace,
            })
        }
        "rollout" => {
            let Some((action, rest_words)) = args.positional.split_first() else {
                return Err("error: Required resource not specified.".into());
            };
            let action = match action.as_str() {
                "status" => Rollout::Status,
                "history" => Rollout::History,
                "undo" => Rollout::Undo,
                "restart" => Rollout::Restart,
                other => {
                    return Err(format!(
                        "error: unknown command \"{other}\" for \"kubectl rollout\""
                    ))
                }
            };
            let sub = Args {
                positional: rest_words.to_vec(),
                ..parse_args(&[], "rollout")?
            };
            let (kind, name) = one_object(&sub, "rollout")?;
            let revision = args
                .flag("--to-revision")
                .flatten()
                .and_then(|r| r.parse().ok());
            Ok(Command::Rollout {
                action,
                kind,
                name,
                namespace,
                revision,
            })
        }
        "cordon" | "uncordon" => {
            let node = args
                .positional
                .first()
                .cloned()
                .ok_or("error: USAGE: cordon NODE [flags]")?;
            Ok(Command::Cordon {
                node,
                cordon: verb == "cordon",
            })
        }
        "exec" => {
            let pod = args.positional.first().cloned().ok_or("error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command")?;
            let pod = pod.strip_prefix("pod/").unwrap_or(&pod).to_string();
            if args.after_dashes.is_empty() {
                return Err(
                    "error: you must specify at least one command for the container".into(),
                );
            }
            Ok(Command::Exec {
                pod,
                namespace,
                argv: args.after_dashes.clone(),
            })
        }
        other => Err(format!(
            "error: unknown command \"{other}\" for \"kubectl\"\n\nDid you mean this?\n\tget"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_like_sh() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "kubectl get pods -o wide",
                &["kubectl", "get", "pods", "-o", "wide"],
            ),
            (
                r#"kubectl patch pvc data -p "{\"spec\": {}}""#,
                &["kubectl", "patch", "pvc", "data", "-p", r#"{"spec": {}}"#],
            ),
            (
                "kubectl patch sts web -p '{\"a\": 1}'",
                &["kubectl", "patch", "sts", "web", "-p", "{\"a\": 1}"],
            ),
            ("a\\ b  c", &["a b", "c"]),
            ("''", &[""]),
        ];
        for (line, want) in cases {
            assert_eq!(split_words(line).unwrap(), want, "{line}");
        }
        assert!(split_words("echo 'open").is_err());
    }

    #[test]
    fn kubectl_arguments() {
        assert_eq!(
            parse("kubectl scale statefulset web --replicas=1"),
            Ok(Command::Scale {
                kind: Kind::StatefulSet,
                name: "web".into(),
                replicas: 1,
                namespace: None
            })
        );
        assert_eq!(
            parse("kubectl get po -n kube-system -owide").map(|c| matches!(
                c,
                Command::Get {
                    output: Output::Wide,
                    ..
                }
            )),
            Ok(true)
        );
        assert!(parse("kubectl get foos")
            .unwrap_err()
            .contains("doesn't have a resource type \"foos\""));
        assert!(parse("kubectl get pods --bogus")
            .unwrap_err()
            .starts_with("error: unknown flag: --bogus"));
        assert!(
            matches!(parse("kubectl exec web-0 -- hostname -f"), Ok(Command::Exec { argv, .. }) if argv == ["hostname", "-f"])
        );
        assert!(
            matches!(parse("dig +short SRV _web._tcp.nginx.default.svc.cluster.local"), Ok(Command::Dig { qtype, short: true, .. }) if qtype == "SRV")
        );
        assert!(matches!(
            parse("kubectl delete sts web --cascade=orphan"),
            Ok(Command::Delete {
                cascade: Propagation::Orphan,
                ..
            })
        ));
    }
}
