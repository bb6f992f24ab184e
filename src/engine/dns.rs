//! Cluster DNS as CoreDNS 1.12 serves it with the kubeadm Corefile (zone `cluster.local`,
//! `pods insecure`, `ttl 30`), computed from the objects at one moment: Services,
//! EndpointSlices, Pods and Namespaces. It answers single queries exactly as the
//! Kubernetes DNS specification (schema 1.1.0) and CoreDNS's `kubernetes` plugin do,
//! resolves names the way a pod's resolver walks its search list (`ndots:5`), and explains
//! a failed lookup in the learner's terms. Names outside the zone belong to the upstream
//! resolver, which is not simulated: they answer NXDOMAIN, and the trace says so.
//!
//! Upstream: coredns plugin/kubernetes parse.go `parseRequest`, kubernetes.go `Records`,
//! `findServices`, `findPods`, reverse.go `serviceRecordForIP`, plugin/backend_lookup.go
//! `SRV`; kubernetes/dns docs/specification.md; kubelet pkg/kubelet/network/dns/dns.go.

use crate::manifest::model::{EndpointSlice, Object, Pod, Service};
use crate::vecmap::{VecMap, VecSet};

/// The cluster domain.
pub const ZONE: &str = "cluster.local";
/// The ClusterIP of `kube-system/kube-dns`, the nameserver in every pod's resolv.conf.
pub const DNS_SERVICE_IP: &str = "10.96.0.10";
/// The TTL the kubeadm Corefile sets (`ttl 30`).
pub const TTL: u32 = 30;
/// The TTL CoreDNS gives the `dns-version` record.
pub const VERSION_TTL: u32 = 28_800;
/// Upper bound on the length of a name the resolver accepts, as DNS does (253 characters).
const MAX_NAME: usize = 253;

use crate::engine::text;
pub use crate::engine::text::Text;

/// The record types a learner can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecordType {
    A,
    Aaaa,
    Srv,
    Ptr,
    Txt,
    Cname,
    Soa,
    Ns,
}

impl RecordType {
    pub const ALL: [RecordType; 8] = [
        RecordType::A,
        RecordType::Aaaa,
        RecordType::Srv,
        RecordType::Ptr,
        RecordType::Txt,
        RecordType::Cname,
        RecordType::Soa,
        RecordType::Ns,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RecordType::A => "A",
            RecordType::Aaaa => "AAAA",
            RecordType::Srv => "SRV",
            RecordType::Ptr => "PTR",
            RecordType::Txt => "TXT",
            RecordType::Cname => "CNAME",
            RecordType::Soa => "SOA",
            RecordType::Ns => "NS",
        }
    }

    /// Reads a type as dig takes it (any case).
    pub fn parse(text: &str) -> Option<RecordType> {
        RecordType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text))
    }
}

/// The data of one resource record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RData {
    A(String),
    Aaaa(String),
    Srv {
        priority: u16,
        weight: u16,
        port: u16,
        target: String,
    },
    Ptr(String),
    Txt(String),
    Cname(String),
    Soa {
        mname: String,
        rname: String,
        serial: u32,
        minimum: u32,
    },
}

impl RData {
    pub fn record_type(&self) -> RecordType {
        match self {
            RData::A(_) => RecordType::A,
            RData::Aaaa(_) => RecordType::Aaaa,
            RData::Srv { .. } => RecordType::Srv,
            RData::Ptr(_) => RecordType::Ptr,
            RData::Txt(_) => RecordType::Txt,
            RData::Cname(_) => RecordType::Cname,
            RData::Soa { .. } => RecordType::Soa,
        }
    }

    /// The data as dig prints it after the type.
    pub fn to_text(&self) -> String {
        match self {
            RData::A(ip) | RData::Aaaa(ip) => ip.clone(),
            RData::Srv {
                priority,
                weight,
                port,
                target,
            } => format!("{priority} {weight} {port} {target}"),
            RData::Ptr(name) | RData::Cname(name) => name.clone(),
            RData::Txt(text) => format!("\"{text}\""),
            RData::Soa {
                mname,
                rname,
                serial,
                minimum,
            } => format!("{mname} {rname} {serial} 7200 1800 86400 {minimum}"),
        }
    }
}

/// One resource record: an absolute owner name (with the trailing dot), a TTL and data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub name: String,
    pub ttl: u32,
    pub data: RData,
}

/// The response code of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rcode {
    NoError,
    NxDomain,
}

impl Rcode {
    pub fn name(self) -> &'static str {
        match self {
            Rcode::NoError => "NOERROR",
            Rcode::NxDomain => "NXDOMAIN",
        }
    }
}

/// The answer to one query, with the reason for it in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub rcode: Rcode,
    /// Whether the cluster DNS answered with authority (names in `cluster.local` and the
    /// reverse zones); names outside it go to the upstream resolver.
    pub authoritative: bool,
    pub answer: Vec<Record>,
    pub authority: Vec<Record>,
    pub additional: Vec<Record>,
    pub why: Text,
}

impl Answer {
    /// NOERROR with at least one record of the asked type (or a CNAME).
    pub fn found(&self) -> bool {
        self.rcode == Rcode::NoError && !self.answer.is_empty()
    }
}

/// One ready address of a Service, as CoreDNS publishes it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Address {
    ip: String,
    /// The endpoint's `hostname`, else the dashed IP (`endpointHostname`).
    endpoint: String,
    /// The pod behind it, for explanations.
    pod: Option<String>,
}

/// The records of the cluster at one moment.
#[derive(Clone, Debug, Default)]
pub struct Dns {
    namespaces: VecSet<String>,
    /// (namespace, name) → Service.
    services: VecMap<(String, String), Service>,
    /// (namespace, service) → ready addresses, in endpoint order.
    ready: VecMap<(String, String), Vec<Address>>,
    /// (namespace, pod name) → pod, for the explainer.
    pods: VecMap<(String, String), Pod>,
    /// Every EndpointSlice endpoint, ready or not, for the explainer: (ns, svc) → (pod, ready).
    listed: VecMap<(String, String), Vec<(String, bool)>>,
}

fn key(namespace: &str, name: &str) -> (String, String) {
    (namespace.to_string(), name.to_string())
}

/// Whether a Service is headless (`clusterIP: None`).
pub fn is_headless(service: &Service) -> bool {
    service.spec.cluster_ip.as_deref() == Some("None")
}

fn is_external_name(service: &Service) -> bool {
    service.spec.type_.as_deref() == Some("ExternalName")
}

/// `172.0.0.2` → `172-0-0-2`; `5678:abcd::1` → `5678-abcd--1` (CoreDNS v1.12.0 `endpointHostname`).
pub fn dashed_ip(ip: &str) -> String {
    ip.replace(['.', ':'], "-")
}

fn fqdn(name: &str) -> String {
    format!("{name}.")
}

fn soa() -> Record {
    Record {
        name: fqdn(ZONE),
        ttl: TTL,
        data: RData::Soa {
            mname: format!("ns.dns.{ZONE}."),
            rname: format!("hostmaster.{ZONE}."),
            serial: 1_704_067_200,
            minimum: TTL,
        },
    }
}

impl Dns {
    /// Indexes the objects that make DNS records. Objects of other kinds are ignored.
    pub fn new<'a>(objects: impl IntoIterator<Item = &'a Object>) -> Dns {
        Dns::build(objects, true)
    }

    /// The records only, without what the explainer needs (pods): for comparing the names
    /// DNS answers before and after a step.
    pub fn records_only<'a>(objects: impl IntoIterator<Item = &'a Object>) -> Dns {
        Dns::build(objects, false)
    }

    fn build<'a>(objects: impl IntoIterator<Item = &'a Object>, with_pods: bool) -> Dns {
        let mut dns = Dns::default();
        let mut slices: Vec<&EndpointSlice> = Vec::new();
        for object in objects {
            match object {
                Object::Namespace(ns) => {
                    dns.namespaces.insert(ns.metadata.name.clone());
                }
                Object::Service(svc) => {
                    let ns = object.namespace();
                    dns.services
                        .insert(key(ns, &svc.metadata.name), svc.clone());
                }
                Object::Pod(pod) if with_pods => {
                    dns.pods
                        .insert(key(object.namespace(), &pod.metadata.name), pod.clone());
                }
                Object::EndpointSlice(slice) => slices.push(slice),
                _ => {}
            }
        }
        for slice in slices {
            let ns = slice.metadata.namespace.as_deref().unwrap_or("default");
            let Some(service) = slice.metadata.labels.get("kubernetes.io/service-name") else {
                continue;
            };
            for endpoint in &slice.endpoints {
                // CoreDNS keeps endpoints whose `ready` is not false (nil counts as ready).
                let ready = endpoint.conditions.ready != Some(false);
                let pod = endpoint.target_ref.as_ref().and_then(|r| r.name.clone());
                dns.listed
                    .entry(key(ns, service))
                    .or_default()
                    .push((pod.clone().unwrap_or_default(), ready));
                if !ready {
                    continue;
                }
                for ip in &endpoint.addresses {
                    let endpoint_name = endpoint.hostname.clone().unwrap_or_else(|| dashed_ip(ip));
                    dns.ready
                        .entry(key(ns, service))
                        .or_default()
                        .push(Address {
                            ip: ip.clone(),
                            endpoint: endpoint_name,
                            pod: pod.clone(),
                        });
                }
            }
        }
        dns
    }

    fn service_name(namespace: &str, service: &str) -> String {
        format!("{service}.{namespace}.svc.{ZONE}")
    }

    /// Answers one query for an absolute name, as the cluster DNS would.
    pub fn query(&self, name: &str, qtype: RecordType) -> Answer {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let nx = |why: Text| Answer {
            rcode: Rcode::NxDomain,
            authoritative: true,
            answer: Vec::new(),
            authority: vec![soa()],
            additional: Vec::new(),
            why,
        };
        let nodata = |why: Text| Answer {
            rcode: Rcode::NoError,
            authoritative: true,
            answer: Vec::new(),
            authority: vec![soa()],
            additional: Vec::new(),
            why,
        };
        if let Some(reverse) = name.strip_suffix(".in-addr.arpa") {
            return self.reverse(&name, reverse, qtype);
        }
        let base = if name == ZONE {
            ""
        } else if let Some(base) = name.strip_suffix(&format!(".{ZONE}")) {
            base
        } else {
            return Answer {
                rcode: Rcode::NxDomain,
                authoritative: false,
                answer: Vec::new(),
                authority: Vec::new(),
                additional: Vec::new(),
                why: Text::new(
                    format!("{name} is outside {ZONE}: the cluster DNS forwards it upstream, which this playground does not simulate"),
                    format!("{name} 不在 {ZONE} 内:集群 DNS 会把它转发给上游服务器,而本演练场不模拟上游"),
                ),
            };
        };
        if base.is_empty() || base == "svc" || base == "pod" {
            let answer = if qtype == RecordType::Soa && base.is_empty() {
                vec![soa()]
            } else {
                Vec::new()
            };
            return Answer {
                answer,
                authority: if base.is_empty() && qtype == RecordType::Soa {
                    Vec::new()
                } else {
                    vec![soa()]
                },
                ..nodata(Text::new(
                    format!("{name} exists but holds no {} record", qtype.name()),
                    format!("{name} 存在,但没有 {} 记录", qtype.name()),
                ))
            };
        }
        if base == "dns-version" {
            if qtype == RecordType::Txt {
                return Answer {
                    rcode: Rcode::NoError,
                    authoritative: true,
                    answer: vec![Record {
                        name: fqdn(&name),
                        ttl: VERSION_TTL,
                        data: RData::Txt("1.1.0".into()),
                    }],
                    authority: Vec::new(),
                    additional: Vec::new(),
                    why: Text::new(
                        "the DNS schema version record of the specification",
                        "规范定义的 DNS 模式版本记录",
                    ),
                };
            }
            return nodata(Text::new(
                "dns-version holds only a TXT record",
                "dns-version 只有 TXT 记录",
            ));
        }
        let labels: Vec<&str> = base.split('.').collect();
        let Some((&kind, rest)) = labels.split_last() else {
            return nx(Text::new("empty name", "空名称"));
        };
        if kind != "svc" && kind != "pod" {
            return nx(Text::new(
                format!("names in {ZONE} are <service>.<namespace>.svc.{ZONE} or <ip>.<namespace>.pod.{ZONE}; {name} is neither"),
                format!("{ZONE} 中的名称只能是 <服务>.<命名空间>.svc.{ZONE} 或 <IP>.<命名空间>.pod.{ZONE};{name} 两者都不是"),
            ));
        }
        let Some((&namespace, rest)) = rest.split_last() else {
            return nodata(Text::new("", ""));
        };
        if !self.namespaces.contains(namespace) {
            return nx(Text::new(
                format!("there is no namespace \"{namespace}\""),
                format!("不存在命名空间 \"{namespace}\""),
            ));
        }
        if kind == "pod" {
            return self.pod_record(&name, rest, qtype);
        }
        match rest {
            [] => nodata(Text::new(
                format!("namespace \"{namespace}\" exists, but the name holds no record"),
                format!("命名空间 \"{namespace}\" 存在,但该名称没有记录"),
            )),
            [service] => self.service_records(&name, namespace, service, None, qtype),
            [endpoint, service] => {
                self.service_records(&name, namespace, service, Some(endpoint), qtype)
            }
            [port, proto, service] => {
                self.srv_records(&name, namespace, service, port, proto, qtype)
            }
            _ => nx(Text::new(
                format!("{name} has too many labels for a Service name"),
                format!("{name} 的标签太多,不可能是服务名称"),
            )),
        }
    }

    fn service_records(
        &self,
        name: &str,
        namespace: &str,
        service: &str,
        endpoint: Option<&str>,
        qtype: RecordType,
    ) -> Answer {
        let owner = fqdn(name);
        let mut out = Answer {
            rcode: Rcode::NoError,
            authoritative: true,
            answer: Vec::new(),
            authority: Vec::new(),
            additional: Vec::new(),
            why: Text::new("", ""),
        };
        let Some(svc) = self.services.get(&key(namespace, service)) else {
            out.rcode = Rcode::NxDomain;
            out.authority.push(soa());
            out.why = Text::new(
                format!("there is no Service \"{service}\" in namespace \"{namespace}\""),
                format!("命名空间 \"{namespace}\" 中没有名为 \"{service}\" 的 Service"),
            );
            return out;
        };
        if is_external_name(svc) {
            let target = svc.spec.external_name.clone().unwrap_or_default();
            if endpoint.is_some() {
                out.rcode = Rcode::NxDomain;
                out.authority.push(soa());
                out.why = Text::new(
                    format!("ExternalName Service \"{service}\" has no names below it"),
                    format!("ExternalName 类型的 Service \"{service}\" 之下没有名称"),
                );
                return out;
            }
            out.answer.push(Record {
                name: owner,
                ttl: TTL,
                data: RData::Cname(fqdn(target.trim_end_matches('.'))),
            });
            out.why = Text::new(
                format!("ExternalName Service \"{service}\" is an alias (CNAME) of {target}"),
                format!("ExternalName 类型的 Service \"{service}\" 是 {target} 的别名(CNAME)"),
            );
            return out;
        }
        let ready = self
            .ready
            .get(&key(namespace, service))
            .cloned()
            .unwrap_or_default();
        let headless = is_headless(svc);
        let addresses: Vec<Address> = match endpoint {
            Some(ep) => ready.iter().filter(|a| a.endpoint == ep).cloned().collect(),
            None if headless => ready.clone(),
            None => Vec::new(),
        };
        if let Some(ep) = endpoint {
            if addresses.is_empty() {
                out.rcode = Rcode::NxDomain;
                out.authority.push(soa());
                out.why = Text::new(
                    format!("Service \"{service}\" has no ready endpoint named \"{ep}\""),
                    format!("Service \"{service}\" 没有名为 \"{ep}\" 的就绪端点"),
                );
                return out;
            }
        } else if headless && addresses.is_empty() {
            out.rcode = Rcode::NxDomain;
            out.authority.push(soa());
            out.why = Text::new(
                format!("headless Service \"{service}\" has no ready endpoint, so its name does not exist (the specification asks for NXDOMAIN)"),
                format!("无头服务 \"{service}\" 没有就绪端点,所以该名称不存在(规范要求返回 NXDOMAIN)"),
            );
            return out;
        }
        match qtype {
            RecordType::A | RecordType::Aaaa => {
                let v6 = qtype == RecordType::Aaaa;
                let ips: Vec<String> = if endpoint.is_none() && !headless {
                    svc.spec.cluster_ip.iter().cloned().collect()
                } else {
                    addresses.iter().map(|a| a.ip.clone()).collect()
                };
                for ip in ips.into_iter().filter(|ip| ip.contains(':') == v6) {
                    out.answer.push(Record {
                        name: owner.clone(),
                        ttl: TTL,
                        data: if v6 { RData::Aaaa(ip) } else { RData::A(ip) },
                    });
                }
            }
            RecordType::Srv => {
                let targets: Vec<(String, String)> = if headless || endpoint.is_some() {
                    addresses
                        .iter()
                        .map(|a| {
                            (
                                fqdn(&format!(
                                    "{}.{}",
                                    a.endpoint,
                                    Dns::service_name(namespace, service)
                                )),
                                a.ip.clone(),
                            )
                        })
                        .collect()
                } else {
                    svc.spec
                        .cluster_ip
                        .iter()
                        .map(|ip| (fqdn(&Dns::service_name(namespace, service)), ip.clone()))
                        .collect()
                };
                let ports: Vec<u16> = svc
                    .spec
                    .ports
                    .iter()
                    .filter_map(|p| u16::try_from(p.port).ok())
                    .collect();
                self.push_srv(&mut out, &owner, &targets, &ports);
            }
            _ => {}
        }
        if out.answer.is_empty() {
            out.authority.push(soa());
            out.why = Text::new(
                format!("{name} exists but holds no {} record", qtype.name()),
                format!("{name} 存在,但没有 {} 记录", qtype.name()),
            );
            return out;
        }
        out.why = self.found_why(namespace, service, endpoint, headless, &addresses);
        out
    }

    fn found_why(
        &self,
        namespace: &str,
        service: &str,
        endpoint: Option<&str>,
        headless: bool,
        addresses: &[Address],
    ) -> Text {
        let pods: Vec<String> = addresses
            .iter()
            .map(|a| a.pod.clone().unwrap_or_else(|| a.ip.clone()))
            .collect();
        match (endpoint, headless) {
            (Some(ep), _) => Text::new(
                format!("the ready endpoint \"{ep}\" of Service \"{service}\" ({}) answers with its pod IP", pods.join(", ")),
                format!("Service \"{service}\" 的就绪端点 \"{ep}\"({})返回其 Pod IP", pods.join("、")),
            ),
            (None, true) => Text::new(
                format!("headless Service \"{service}\" in \"{namespace}\" answers with the IP of every ready pod: {}", pods.join(", ")),
                format!("\"{namespace}\" 中的无头服务 \"{service}\" 返回每个就绪 Pod 的 IP:{}", pods.join("、")),
            ),
            (None, false) => Text::new(
                format!("Service \"{service}\" in \"{namespace}\" answers with its virtual ClusterIP"),
                format!("\"{namespace}\" 中的 Service \"{service}\" 返回其虚拟 ClusterIP"),
            ),
        }
    }

    /// SRV records for each (target × port), priority 0 and weight ⌊100 ÷ targets⌋ (at
    /// least 1), with the targets' addresses as glue (`plugin/backend_lookup.go` `SRV`).
    fn push_srv(&self, out: &mut Answer, owner: &str, targets: &[(String, String)], ports: &[u16]) {
        let count = targets.len().saturating_mul(ports.len()).max(1);
        let weight = u16::try_from((100 / count).max(1)).unwrap_or(1);
        for (target, ip) in targets {
            for port in ports {
                out.answer.push(Record {
                    name: owner.to_string(),
                    ttl: TTL,
                    data: RData::Srv {
                        priority: 0,
                        weight,
                        port: *port,
                        target: target.clone(),
                    },
                });
            }
            out.additional.push(Record {
                name: target.clone(),
                ttl: TTL,
                data: if ip.contains(':') {
                    RData::Aaaa(ip.clone())
                } else {
                    RData::A(ip.clone())
                },
            });
        }
    }

    fn srv_records(
        &self,
        name: &str,
        namespace: &str,
        service: &str,
        port: &str,
        proto: &str,
        qtype: RecordType,
    ) -> Answer {
        let mut out = self.service_records(
            &format!("{service}.{namespace}.svc.{ZONE}"),
            namespace,
            service,
            None,
            RecordType::Srv,
        );
        if out.rcode == Rcode::NxDomain {
            return out;
        }
        let nx = |why: Text| Answer {
            rcode: Rcode::NxDomain,
            authoritative: true,
            answer: Vec::new(),
            authority: vec![soa()],
            additional: Vec::new(),
            why,
        };
        let (Some(port), Some(proto)) = (port.strip_prefix('_'), proto.strip_prefix('_')) else {
            return nx(Text::new(
                "SRV names start with _<port>._<protocol>",
                "SRV 名称以 _<端口名>._<协议> 开头",
            ));
        };
        let Some(svc) = self.services.get(&key(namespace, service)) else {
            return out;
        };
        if is_external_name(svc) {
            return nx(Text::new(
                "an ExternalName Service has no SRV records",
                "ExternalName 类型的 Service 没有 SRV 记录",
            ));
        }
        let matching: Vec<u16> = svc
            .spec
            .ports
            .iter()
            .filter(|p| {
                p.name.as_deref() == Some(port)
                    && p.protocol
                        .as_deref()
                        .unwrap_or("TCP")
                        .eq_ignore_ascii_case(proto)
            })
            .filter_map(|p| u16::try_from(p.port).ok())
            .collect();
        if matching.is_empty() {
            return nx(Text::new(
                format!("Service \"{service}\" has no port named \"{port}\" with protocol {}: unnamed ports get no SRV record", proto.to_ascii_uppercase()),
                format!("Service \"{service}\" 没有名为 \"{port}\"、协议为 {} 的端口:未命名的端口没有 SRV 记录", proto.to_ascii_uppercase()),
            ));
        }
        let owner = fqdn(name);
        let targets: Vec<(String, String)> = out
            .additional
            .iter()
            .filter_map(|r| match &r.data {
                RData::A(ip) | RData::Aaaa(ip) => Some((r.name.clone(), ip.clone())),
                _ => None,
            })
            .collect();
        out.answer.clear();
        out.additional.clear();
        if qtype == RecordType::Srv {
            self.push_srv(&mut out, &owner, &targets, &matching);
            out.why = Text::new(
                format!("one SRV record per ready target of Service \"{service}\" for its port \"{port}\""),
                format!("Service \"{service}\" 的端口 \"{port}\" 的每个就绪目标各有一条 SRV 记录"),
            );
        } else {
            out.authority.push(soa());
            out.why = Text::new(
                format!("{name} holds only SRV records"),
                format!("{name} 只有 SRV 记录"),
            );
        }
        out
    }

    /// `pods insecure`: `a-b-c-d.<ns>.pod.cluster.local` answers `a.b.c.d` for any
    /// well-formed address in an existing namespace, whether or not a pod has it.
    fn pod_record(&self, name: &str, rest: &[&str], qtype: RecordType) -> Answer {
        let ip = match rest {
            [dashed] => parse_dashed_ipv4(dashed),
            _ => None,
        };
        let Some(ip) = ip else {
            return Answer {
                rcode: Rcode::NxDomain,
                authoritative: true,
                answer: Vec::new(),
                authority: vec![soa()],
                additional: Vec::new(),
                why: Text::new(
                    format!("pod names are <a-b-c-d>.<namespace>.pod.{ZONE}, a pod IP with dashes"),
                    format!(
                        "Pod 名称的格式是 <a-b-c-d>.<命名空间>.pod.{ZONE},即用短横线连接的 Pod IP"
                    ),
                ),
            };
        };
        let mut out = Answer {
            rcode: Rcode::NoError,
            authoritative: true,
            answer: Vec::new(),
            authority: Vec::new(),
            additional: Vec::new(),
            why: Text::new(
                format!(
                    "pod records are served in \"insecure\" mode: the name spells the address {ip}"
                ),
                format!("Pod 记录以 insecure 模式提供:名称本身就写明了地址 {ip}"),
            ),
        };
        if qtype == RecordType::A {
            out.answer.push(Record {
                name: fqdn(name),
                ttl: TTL,
                data: RData::A(ip),
            });
        } else {
            out.authority.push(soa());
        }
        out
    }

    /// PTR records: a Service's ClusterIP names the Service; a ready endpoint's IP names
    /// `<endpoint>.<service>.<ns>.svc.cluster.local` (`serviceRecordForIP`).
    fn reverse(&self, name: &str, reverse: &str, qtype: RecordType) -> Answer {
        let octets: Vec<&str> = reverse.split('.').rev().collect();
        let ip = octets.join(".");
        let mut out = Answer {
            rcode: Rcode::NoError,
            authoritative: true,
            answer: Vec::new(),
            authority: Vec::new(),
            additional: Vec::new(),
            why: Text::new("", ""),
        };
        let mut targets = Vec::new();
        for ((ns, svc_name), svc) in &self.services {
            let ips = svc
                .spec
                .cluster_ip
                .iter()
                .chain(svc.spec.cluster_ips.iter());
            if ips.into_iter().any(|c| *c == ip) {
                targets.push(fqdn(&Dns::service_name(ns, svc_name)));
                break;
            }
        }
        if targets.is_empty() {
            for ((ns, svc_name), addresses) in &self.ready {
                for a in addresses.iter().filter(|a| a.ip == ip) {
                    targets.push(fqdn(&format!(
                        "{}.{}",
                        a.endpoint,
                        Dns::service_name(ns, svc_name)
                    )));
                }
            }
        }
        if targets.is_empty() {
            out.rcode = Rcode::NxDomain;
            out.authoritative = false;
            out.why = Text::new(
                format!("no Service and no ready endpoint has the address {ip}"),
                format!("没有任何 Service 或就绪端点使用地址 {ip}"),
            );
            return out;
        }
        out.why = Text::new(
            format!("{ip} belongs to {}", targets.join(", ")),
            format!("{ip} 属于 {}", targets.join("、")),
        );
        if qtype == RecordType::Ptr {
            for target in targets {
                out.answer.push(Record {
                    name: fqdn(name),
                    ttl: TTL,
                    data: RData::Ptr(target),
                });
            }
        } else {
            out.authority.push(soa());
        }
        out
    }

    /// The name a PTR lookup of `ip` gives, without the trailing dot, if any.
    pub fn reverse_name(&self, ip: &str) -> Option<String> {
        let arpa = format!(
            "{}.in-addr.arpa",
            ip.split('.').rev().collect::<Vec<_>>().join(".")
        );
        self.query(&arpa, RecordType::Ptr)
            .answer
            .into_iter()
            .find_map(|r| match r.data {
                RData::Ptr(name) => Some(name.trim_end_matches('.').to_string()),
                _ => None,
            })
    }

    /// Resolves a name as a pod in `namespace` does, walking its search list.
    pub fn resolve(
        &self,
        name: &str,
        namespace: &str,
        qtype: RecordType,
        search: Search,
    ) -> Lookup {
        let typed = name.to_string();
        let mut tries = Vec::new();
        if name.is_empty() || name.len() > MAX_NAME || name.contains("..") {
            return Lookup {
                name: typed,
                namespace: namespace.to_string(),
                qtype,
                tries,
                found: None,
            };
        }
        for candidate in candidates(name, namespace, search) {
            let answer = self.query(&candidate, qtype);
            let found = answer.found();
            tries.push(Try {
                name: candidate,
                answer,
            });
            if found {
                break;
            }
        }
        let found = tries.iter().position(|t| t.answer.found());
        Lookup {
            name: typed,
            namespace: namespace.to_string(),
            qtype,
            tries,
            found,
        }
    }
}

fn parse_dashed_ipv4(dashed: &str) -> Option<String> {
    let parts: Vec<&str> = dashed.split('-').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut octets = Vec::new();
    for part in parts {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        octets.push(part.parse::<u8>().ok()?.to_string());
    }
    Some(octets.join("."))
}

/// Whether the resolver walks the search list (nslookup and getaddrinfo do; dig only with `+search`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Search {
    SearchList,
    AsTyped,
}

/// The search domains of a pod in `namespace` (`dnsPolicy: ClusterFirst`).
pub fn search_domains(namespace: &str) -> Vec<String> {
    vec![
        format!("{namespace}.svc.{ZONE}"),
        format!("svc.{ZONE}"),
        ZONE.to_string(),
    ]
}

/// `/etc/resolv.conf` of a pod in `namespace` with the default `dnsPolicy: ClusterFirst`.
pub fn resolv_conf(namespace: &str) -> String {
    format!(
        "search {}\nnameserver {DNS_SERVICE_IP}\noptions ndots:5\n",
        search_domains(namespace).join(" ")
    )
}

/// The names a resolver tries, in order: with fewer than `ndots` (5) dots the search
/// domains come first and the name as typed last; otherwise (or with a trailing dot) the
/// name as typed first.
pub fn candidates(name: &str, namespace: &str, search: Search) -> Vec<String> {
    if let Some(absolute) = name.strip_suffix('.') {
        return vec![absolute.to_string()];
    }
    if search == Search::AsTyped {
        return vec![name.to_string()];
    }
    let searched: Vec<String> = search_domains(namespace)
        .into_iter()
        .map(|domain| format!("{name}.{domain}"))
        .collect();
    if name.matches('.').count() >= 5 {
        std::iter::once(name.to_string()).chain(searched).collect()
    } else {
        searched
            .into_iter()
            .chain(std::iter::once(name.to_string()))
            .collect()
    }
}

/// One name tried during a lookup, with its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Try {
    pub name: String,
    pub answer: Answer,
}

/// A whole lookup as a pod makes it: every name tried and which one answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// The name as typed.
    pub name: String,
    pub namespace: String,
    pub qtype: RecordType,
    pub tries: Vec<Try>,
    /// Index in `tries` of the answer that ended the lookup with records.
    pub found: Option<usize>,
}

impl Lookup {
    pub fn answer(&self) -> Option<&Answer> {
        self.found
            .and_then(|i| self.tries.get(i))
            .map(|t| &t.answer)
    }

    /// The addresses the lookup found (A and AAAA records of the final answer).
    pub fn addresses(&self) -> Vec<String> {
        self.answer()
            .map(|a| {
                a.answer
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::A(ip) | RData::Aaaa(ip) => Some(ip.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Dns {
    /// Why a lookup failed, in a learner's terms: the usual mistakes behind a name that
    /// does not resolve, checked against the objects (the StatefulSet's `serviceName`,
    /// a Service that is not headless or selects no pod, a pod that is not Ready, the
    /// wrong namespace, a typo close to an existing name).
    pub fn diagnose(&self, lookup: &Lookup, objects: &[&Object]) -> Vec<Text> {
        if lookup.found.is_some() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let labels: Vec<&str> = lookup.name.trim_end_matches('.').split('.').collect();
        // The shapes a learner types: `svc`, `pod.svc`, `svc.ns`, `pod.svc.ns`, and longer
        // forms ending in `.svc` or `.svc.cluster.local`.
        let trimmed: Vec<&str> = match labels.iter().position(|l| *l == "svc") {
            Some(i) => labels.get(..i).unwrap_or_default().to_vec(),
            None => labels.clone(),
        };
        let (endpoint, service, namespace) = match trimmed.as_slice() {
            [svc] => (None, *svc, None),
            [a, b]
                if self.namespaces.contains(*b)
                    && !self.services.contains_key(&key(&lookup.namespace, a)) =>
            {
                (None, *a, Some(*b))
            }
            [a, b] => (Some(*a), *b, None),
            [a, b, c] => (Some(*a), *b, Some(*c)),
            _ => return out,
        };
        let namespace_typed = namespace.is_some();
        let namespace = namespace.unwrap_or(&lookup.namespace).to_string();
        if namespace_typed && !self.namespaces.contains(&namespace) {
            out.push(Text::new(
                format!("There is no namespace \"{namespace}\"."),
                format!("不存在命名空间 \"{namespace}\"。"),
            ));
            return out;
        }
        let Some(svc) = self.services.get(&key(&namespace, service)) else {
            // Wrong namespace?
            let elsewhere: Vec<&String> = self
                .services
                .keys()
                .filter(|(_, name)| name == service)
                .map(|(ns, _)| ns)
                .collect();
            if let Some(ns) = elsewhere.first() {
                let full = match endpoint {
                    Some(ep) => format!("{ep}.{service}.{ns}"),
                    None => format!("{service}.{ns}"),
                };
                out.push(Text::new(
                    format!("Service \"{service}\" lives in namespace \"{ns}\", not \"{namespace}\". A short name only resolves in the pod's own namespace; from \"{namespace}\" use {full}."),
                    format!("Service \"{service}\" 位于命名空间 \"{ns}\",而不是 \"{namespace}\"。短名称只在 Pod 自己的命名空间内解析;在 \"{namespace}\" 中请使用 {full}。"),
                ));
                return out;
            }
            out.push(Text::new(
                format!("There is no Service \"{service}\" in namespace \"{namespace}\"."),
                format!("命名空间 \"{namespace}\" 中没有名为 \"{service}\" 的 Service。"),
            ));
            out.extend(did_you_mean(service, &self.services, &namespace));
            for set in statefulsets(objects, &namespace) {
                if set.1 == service {
                    out.push(Text::new(
                        format!("StatefulSet \"{}\" names \"{service}\" in spec.serviceName, but that Service was never created: the StatefulSet does not create its governing Service; you do.", set.0),
                        format!("StatefulSet \"{}\" 的 spec.serviceName 指向 \"{service}\",但这个 Service 并不存在:StatefulSet 不会自动创建它的管理服务,需要你自己创建。", set.0),
                    ));
                }
            }
            return out;
        };
        if is_external_name(svc) {
            return out;
        }
        let headless = is_headless(svc);
        if endpoint.is_some() && !headless {
            out.push(Text::new(
                format!("Service \"{service}\" has a ClusterIP, so it is not headless: per-pod names like <pod>.{service} need clusterIP: None."),
                format!("Service \"{service}\" 有 ClusterIP,不是无头服务:<pod>.{service} 这样的单 Pod 名称需要 clusterIP: None。"),
            ));
        }
        let listed = self
            .listed
            .get(&key(&namespace, service))
            .cloned()
            .unwrap_or_default();
        let selector = svc.spec.selector.clone().unwrap_or_default();
        let selected: Vec<&Pod> = self
            .pods
            .iter()
            .filter(|((ns, _), pod)| {
                *ns == namespace
                    && !selector.is_empty()
                    && selector
                        .iter()
                        .all(|(k, v)| pod.metadata.labels.get(k) == Some(v))
            })
            .map(|(_, p)| p)
            .collect();
        if selector.is_empty() {
            out.push(Text::new(
                format!("Service \"{service}\" has no selector, so no EndpointSlice is made for it and its names have no addresses."),
                format!("Service \"{service}\" 没有 selector,因此不会为它生成 EndpointSlice,它的名称也就没有地址。"),
            ));
        } else if selected.is_empty() {
            let sel = selector
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(",");
            out.push(Text::new(
                format!("The selector of Service \"{service}\" ({sel}) matches no pod in \"{namespace}\": compare it with the pod template's labels."),
                format!("Service \"{service}\" 的 selector({sel})没有匹配 \"{namespace}\" 中的任何 Pod:请和 Pod 模板的标签对比。"),
            ));
        }
        let not_ready: Vec<&String> = listed
            .iter()
            .filter(|(_, ready)| !ready)
            .map(|(p, _)| p)
            .collect();
        match endpoint {
            Some(ep) => {
                let pod = self.pods.get(&key(&namespace, ep));
                match pod {
                    None => {
                        out.push(Text::new(
                            format!("There is no pod \"{ep}\" in \"{namespace}\"."),
                            format!("\"{namespace}\" 中没有名为 \"{ep}\" 的 Pod。"),
                        ));
                        out.extend(did_you_mean(ep, &self.pods, &namespace));
                    }
                    Some(pod) => {
                        let subdomain = pod.spec.subdomain.clone().unwrap_or_default();
                        if subdomain != service {
                            out.push(Text::new(
                                format!("Pod \"{ep}\" has subdomain \"{subdomain}\", not \"{service}\": the endpoint gets a hostname only when the pod's subdomain (the StatefulSet's spec.serviceName) equals the Service name."),
                                format!("Pod \"{ep}\" 的 subdomain 是 \"{subdomain}\" 而不是 \"{service}\":只有当 Pod 的 subdomain(即 StatefulSet 的 spec.serviceName)与 Service 名称相同时,端点才会带上 hostname。"),
                            ));
                        } else if not_ready.iter().any(|p| *p == ep) || pod_not_ready(pod) {
                            out.push(Text::new(
                                format!("Pod \"{ep}\" is not Ready yet, and Service \"{service}\" does not set publishNotReadyAddresses: DNS publishes ready endpoints only."),
                                format!("Pod \"{ep}\" 还没有就绪,而 Service \"{service}\" 没有设置 publishNotReadyAddresses:DNS 只发布就绪的端点。"),
                            ));
                        }
                    }
                }
            }
            None => {
                if headless && !not_ready.is_empty() {
                    out.push(Text::new(
                        format!("Headless Service \"{service}\" has no ready endpoint yet (not ready: {}), so its name is NXDOMAIN until a pod becomes Ready.", not_ready.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
                        format!("无头服务 \"{service}\" 还没有就绪端点(未就绪:{}),在有 Pod 就绪之前,它的名称返回 NXDOMAIN。", not_ready.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("、")),
                    ));
                }
            }
        }
        out
    }
}

fn pod_not_ready(pod: &Pod) -> bool {
    !pod.status.as_ref().is_some_and(|s| {
        s.conditions
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True")
    })
}

/// (name, serviceName) of every StatefulSet in `namespace`.
fn statefulsets(objects: &[&Object], namespace: &str) -> Vec<(String, String)> {
    objects
        .iter()
        .filter_map(|o| match o {
            Object::StatefulSet(s) if o.namespace() == namespace => Some((
                s.metadata.name.clone(),
                s.spec.service_name.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// "Did you mean …?" for a name close to one that exists in the namespace.
fn did_you_mean<V>(
    word: &str,
    names: &VecMap<(String, String), V>,
    namespace: &str,
) -> Option<Text> {
    let close = closest(
        word,
        names
            .keys()
            .filter(|(ns, _)| ns == namespace)
            .map(|(_, n)| n.as_str()),
    )?;
    Some(Text::new(
        format!("Did you mean \"{close}\"?"),
        format!("你是不是想输入 \"{close}\"?"),
    ))
}

/// The candidate within edit distance 2 of `word`, if exactly one is nearest.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let d = edit_distance(word, candidate);
        if d == 0 || d > 2 {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(MAX_NAME).collect();
    let b: Vec<char> = b.chars().take(MAX_NAME).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `hostname` and `hostname -f` inside a pod: the pod's hostname (its name unless
/// `spec.hostname` is set) and, when it has a subdomain, the FQDN the kubelet writes into
/// `/etc/hosts` (`<hostname>.<subdomain>.<ns>.svc.cluster.local`).
pub fn pod_hostnames(pod: &Pod) -> (String, String) {
    let host = pod
        .spec
        .hostname
        .clone()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| pod.metadata.name.clone());
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let fqdn = match pod.spec.subdomain.as_deref().filter(|s| !s.is_empty()) {
        Some(sub) => format!("{host}.{sub}.{namespace}.svc.{ZONE}"),
        None => host.clone(),
    };
    (host, fqdn)
}

/// Every name the cluster DNS answers at this moment with its addresses, for the DNS panel
/// and for showing what changed between two steps: (name, sorted addresses).
pub fn names(dns: &Dns) -> VecMap<String, Vec<String>> {
    let mut out = VecMap::new();
    for ((ns, name), svc) in &dns.services {
        let service = Dns::service_name(ns, name);
        if is_external_name(svc) {
            continue;
        }
        let ready = dns.ready.get(&key(ns, name)).cloned().unwrap_or_default();
        if is_headless(svc) {
            if !ready.is_empty() {
                let mut ips: Vec<String> = ready.iter().map(|a| a.ip.clone()).collect();
                crate::sort::ascending(&mut ips);
                out.insert(service.clone(), ips);
            }
        } else if let Some(ip) = &svc.spec.cluster_ip {
            out.insert(service.clone(), vec![ip.clone()]);
        }
        for a in &ready {
            let entry: &mut Vec<String> =
                out.entry(format!("{}.{service}", a.endpoint)).or_default();
            entry.push(a.ip.clone());
            crate::sort::ascending(entry);
        }
    }
    out
}

/// What is in `new` and not in `old`, and what is in `old` and not in `new`: both sorted.
fn sorted_difference<'a>(old: &'a [String], new: &'a [String]) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut added, mut dropped) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                dropped.push(a.as_str());
                i += 1;
            }
            (Some(a), None) => {
                dropped.push(a.as_str());
                i += 1;
            }
            (_, Some(b)) => {
                added.push(b.as_str());
                j += 1;
            }
            (None, None) => break,
        }
    }
    (added, dropped)
}

/// What changed in the names DNS answers between two moments, one sentence per name, for
/// the step that caused it (`web-1.nginx.default.svc.cluster.local now answers 10.244.2.3`).
pub fn changes(
    before: &VecMap<String, Vec<String>>,
    after: &VecMap<String, Vec<String>>,
) -> Vec<Text> {
    let mut out = Vec::new();
    let names: VecSet<&String> = before.keys().chain(after.keys()).collect();
    for name in names {
        match (before.get(name), after.get(name)) {
            (None, Some(ips)) => {
                let ips = text::listed(ips);
                out.push(Text::new(
                    format!("{name} now answers {}", ips.en),
                    format!("{name} 现在解析为 {}", ips.zh),
                ))
            }
            (Some(_), None) => out.push(Text::new(
                format!("{name} no longer resolves (NXDOMAIN)"),
                format!("{name} 不再能解析(NXDOMAIN)"),
            )),
            (Some(old), Some(new)) if old != new && old.len().max(new.len()) > text::LISTED => {
                // Long answers: the counts and what came and went (both lists are sorted).
                let (added, dropped) = sorted_difference(old, new);
                let mut en = format!(
                    "{name} now answers {} addresses (was {})",
                    new.len(),
                    old.len()
                );
                let mut zh = format!(
                    "{name} 现在解析为 {} 个地址(之前 {} 个)",
                    new.len(),
                    old.len()
                );
                if !added.is_empty() {
                    let list = text::listed(&added);
                    en.push_str(&format!(", adds {}", list.en));
                    zh.push_str(&format!(",新增 {}", list.zh));
                }
                if !dropped.is_empty() {
                    let list = text::listed(&dropped);
                    en.push_str(&format!(", drops {}", list.en));
                    zh.push_str(&format!(",去掉 {}", list.zh));
                }
                out.push(Text::new(en, zh));
            }
            (Some(old), Some(new)) if old != new => out.push(Text::new(
                format!(
                    "{name} now answers {} (was {})",
                    new.join(", "),
                    old.join(", ")
                ),
                format!(
                    "{name} 现在解析为 {}(之前是 {})",
                    new.join("、"),
                    old.join("、")
                ),
            )),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_answers_change_by_counts_and_differences() {
        let ips = |range: std::ops::Range<u32>| -> Vec<String> {
            let mut ips: Vec<String> = range.map(|i| format!("10.244.0.{i}")).collect();
            crate::sort::ascending(&mut ips);
            ips
        };
        let name = "web.default.svc.cluster.local";
        let before = VecMap::from([(name.to_string(), ips(10..21))]);
        let mut after = VecMap::from([(name.to_string(), ips(11..23))]);
        let text = changes(&before, &after);
        assert_eq!(
            text[0].en,
            format!("{name} now answers 12 addresses (was 11), adds 10.244.0.21, 10.244.0.22, drops 10.244.0.10")
        );
        assert_eq!(
            text[0].zh,
            format!("{name} 现在解析为 12 个地址（之前 11 个），新增 10.244.0.21、10.244.0.22，去掉 10.244.0.10")
        );
        // The same long answer is no change; a new long one is listed with its count.
        assert!(changes(&after, &after.clone()).is_empty());
        after.insert("other.default.svc.cluster.local".into(), ips(30..42));
        let text = changes(&before, &after);
        assert_eq!(text.len(), 2);
        assert!(
            text[0].en.starts_with(
                "other.default.svc.cluster.local now answers 10.244.0.30, 10.244.0.31,"
            ),
            "{}",
            text[0].en
        );
        assert!(
            text[0].en.ends_with(", …, 10.244.0.41 (12 in all)"),
            "{}",
            text[0].en
        );
        // Short answers keep listing both sides.
        let short = |r| VecMap::from([(name.to_string(), ips(r))]);
        assert_eq!(
            changes(&short(1..3), &short(1..4))[0].en,
            format!("{name} now answers 10.244.0.1, 10.244.0.2, 10.244.0.3 (was 10.244.0.1, 10.244.0.2)")
        );
    }

    #[test]
    fn dashed_ips() {
        assert_eq!(dashed_ip("172.0.0.2"), "172-0-0-2");
        assert_eq!(dashed_ip("5678:abcd::1"), "5678-abcd--1");
        assert_eq!(
            parse_dashed_ipv4("10-240-0-1").as_deref(),
            Some("10.240.0.1")
        );
        assert_eq!(parse_dashed_ipv4("blah"), None);
        assert_eq!(parse_dashed_ipv4("10-240-0-256"), None);
        assert_eq!(parse_dashed_ipv4("10-240--1"), None);
    }

    #[test]
    fn search_list_order_follows_ndots() {
        assert_eq!(
            candidates("web-0.nginx", "default", Search::SearchList),
            [
                "web-0.nginx.default.svc.cluster.local",
                "web-0.nginx.svc.cluster.local",
                "web-0.nginx.cluster.local",
                "web-0.nginx"
            ]
        );
        assert_eq!(
            candidates(
                "web-0.nginx.default.svc.cluster.local",
                "test",
                Search::SearchList
            )[0],
            "web-0.nginx.default.svc.cluster.local"
        );
        assert_eq!(candidates("nginx.", "test", Search::SearchList), ["nginx"]);
        assert_eq!(candidates("nginx", "test", Search::AsTyped), ["nginx"]);
    }

    #[test]
    fn changes_between_moments() {
        let before: VecMap<String, Vec<String>> = [
            (
                "nginx.default.svc.cluster.local".to_string(),
                vec!["10.244.1.6".to_string()],
            ),
            (
                "web-0.nginx.default.svc.cluster.local".to_string(),
                vec!["10.244.1.6".to_string()],
            ),
        ]
        .into();
        let mut after = before.clone();
        after.insert(
            "web-1.nginx.default.svc.cluster.local".into(),
            vec!["10.244.2.3".into()],
        );
        after.insert(
            "nginx.default.svc.cluster.local".into(),
            vec!["10.244.1.6".into(), "10.244.2.3".into()],
        );
        after.remove("web-0.nginx.default.svc.cluster.local");
        let en: Vec<String> = changes(&before, &after).into_iter().map(|t| t.en).collect();
        assert_eq!(
            en,
            [
                "nginx.default.svc.cluster.local now answers 10.244.1.6, 10.244.2.3 (was 10.244.1.6)",
                "web-0.nginx.default.svc.cluster.local no longer resolves (NXDOMAIN)",
                "web-1.nginx.default.svc.cluster.local now answers 10.244.2.3",
            ]
        );
    }

    #[test]
    fn edit_distance_finds_typos() {
        assert_eq!(edit_distance("ngnix", "nginx"), 2);
        assert_eq!(
            closest("ngin", ["nginx", "other"].into_iter()).as_deref(),
            Some("nginx")
        );
        assert_eq!(closest("zzzzzz", ["nginx"].into_iter()), None);
    }
}
