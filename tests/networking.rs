//! Services, EndpointSlices and cluster DNS, as table cases taken from the Kubernetes DNS
//! specification (schema 1.1.0), CoreDNS's handler tests, the EndpointSlice controller's rules
//! and the StatefulSet tutorial, plus search-list resolution and the busybox/dig formats.

use expect_test::{expect, Expect};
use stsplay::engine::dns::{self, Dns, Lookup, RecordType, Search};
use stsplay::manifest::model::*;
use stsplay::present::dns::{dig, nslookup, trace, DigStyle};
use stsplay::present::i18n::Lang;

fn meta(ns: &str, name: &str) -> ObjectMeta {
    ObjectMeta {
        name: name.into(),
        namespace: (!ns.is_empty()).then(|| ns.to_string()),
        ..Default::default()
    }
}

fn namespace(name: &str) -> Object {
    Object::Namespace(Namespace {
        api_version: "v1".into(),
        kind: "Namespace".into(),
        metadata: meta("", name),
        ..Default::default()
    })
}

fn service(ns: &str, name: &str, cluster_ip: &str, ports: &[(&str, i64)], app: &str) -> Object {
    Object::Service(Service {
        api_version: "v1".into(),
        kind: "Service".into(),
        metadata: meta(ns, name),
        spec: ServiceSpec {
            cluster_ip: Some(cluster_ip.into()),
            ports: ports
                .iter()
                .map(|(n, p)| ServicePort {
                    name: (!n.is_empty()).then(|| n.to_string()),
                    port: *p,
                    protocol: Some("TCP".into()),
                    ..Default::default()
                })
                .collect(),
            selector: (!app.is_empty()).then(|| [("app".to_string(), app.to_string())].into()),
            ..Default::default()
        },
        status: None,
    })
}

fn external(ns: &str, name: &str, target: &str) -> Object {
    let Object::Service(mut svc) = service(ns, name, "", &[], "") else {
        unreachable!()
    };
    svc.spec.cluster_ip = None;
    svc.spec.type_ = Some("ExternalName".into());
    svc.spec.external_name = Some(target.into());
    Object::Service(svc)
}

/// (ip, hostname, ready, pod)
type Ep<'a> = (&'a str, &'a str, bool, &'a str);

fn slice(ns: &str, svc: &str, endpoints: &[Ep]) -> Object {
    let mut metadata = meta(ns, &format!("{svc}-abcde"));
    metadata
        .labels
        .insert("kubernetes.io/service-name".into(), svc.into());
    Object::EndpointSlice(EndpointSlice {
        api_version: "discovery.k8s.io/v1".into(),
        kind: "EndpointSlice".into(),
        metadata,
        address_type: "IPv4".into(),
        endpoints: endpoints
            .iter()
            .map(|(ip, host, ready, pod)| Endpoint {
                addresses: vec![ip.to_string()],
                conditions: EndpointConditions {
                    ready: Some(*ready),
                    serving: Some(*ready),
                    terminating: Some(false),
                },
                hostname: (!host.is_empty()).then(|| host.to_string()),
                target_ref: (!pod.is_empty()).then(|| ObjectReference {
                    kind: Some("Pod".into()),
                    namespace: Some(ns.into()),
                    name: Some(pod.to_string()),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect(),
        ports: Vec::new(),
    })
}

fn pod(ns: &str, name: &str, subdomain: &str, app: &str, ready: bool) -> Object {
    let mut metadata = meta(ns, name);
    metadata.labels.insert("app".into(), app.into());
    Object::Pod(Pod {
        api_version: "v1".into(),
        kind: "Pod".into(),
        metadata,
        spec: PodSpec {
            hostname: Some(name.into()),
            subdomain: (!subdomain.is_empty()).then(|| subdomain.to_string()),
            ..Default::default()
        },
        status: Some(PodStatus {
            phase: Some("Running".into()),
            conditions: vec![Condition {
                type_: "Ready".into(),
                status: if ready { "True" } else { "False" }.into(),
                ..Default::default()
            }],
            ..Default::default()
        }),
    })
}

/// The DNS specification's example cluster.
fn spec_cluster() -> Vec<Object> {
    vec![
        namespace("default"),
        namespace("kube-system"),
        service(
            "kube-system",
            "kube-dns",
            "10.96.0.10",
            &[("dns", 53)],
            "kube-dns",
        ),
        service("default", "kubernetes", "10.3.0.1", &[("https", 443)], ""),
        service("default", "headless", "None", &[("https", 443)], "pet"),
        slice(
            "default",
            "headless",
            &[
                ("10.3.0.100", "my-pet", true, ""),
                ("10.3.0.200", "my-pet-2", true, ""),
                ("10.3.0.3", "", true, ""),
            ],
        ),
        external("default", "foo", "www.example.com"),
    ]
}

/// The tutorial's cluster: StatefulSet `web` behind the headless Service `nginx`.
fn web_cluster(ready: [bool; 3]) -> Vec<Object> {
    let ips = ["10.244.1.6", "10.244.2.6", "10.244.3.4"];
    let eps: Vec<Ep> = (0..3)
        .map(|i| {
            (
                ips[i],
                ["web-0", "web-1", "web-2"][i],
                ready[i],
                ["web-0", "web-1", "web-2"][i],
            )
        })
        .collect();
    let mut out = vec![
        namespace("default"),
        namespace("kube-system"),
        namespace("test"),
        service(
            "kube-system",
            "kube-dns",
            "10.96.0.10",
            &[("dns", 53)],
            "kube-dns",
        ),
        service("default", "kubernetes", "10.96.0.1", &[("https", 443)], ""),
        service("default", "nginx", "None", &[("web", 80)], "nginx"),
        slice("default", "nginx", &eps),
    ];
    for (i, r) in ready.iter().enumerate() {
        out.push(pod("default", &format!("web-{i}"), "nginx", "nginx", *r));
    }
    out
}

fn check_query(objects: &[Object], name: &str, qtype: RecordType, expect: Expect) {
    let dns = Dns::new(objects);
    let answer = dns.query(name, qtype);
    let mut out = format!("{}\n", answer.rcode.name());
    for r in answer.answer.iter().chain(&answer.additional) {
        out.push_str(&format!(
            "{} {} {} {}\n",
            r.name,
            r.ttl,
            r.data.record_type().name(),
            r.data.to_text()
        ));
    }
    out.push_str(&format!("why: {}\n", answer.why.en));
    expect.assert_eq(&out);
}

#[test]
fn specification_examples() {
    let c = spec_cluster();
    check_query(
        &c,
        "dns-version.cluster.local.",
        RecordType::Txt,
        expect![[r#"
        NOERROR
        dns-version.cluster.local. 28800 TXT "1.1.0"
        why: the DNS schema version record of the specification
    "#]],
    );
    check_query(
        &c,
        "kubernetes.default.svc.cluster.local.",
        RecordType::A,
        expect![[r#"
        NOERROR
        kubernetes.default.svc.cluster.local. 30 A 10.3.0.1
        why: Service "kubernetes" in "default" answers with its virtual ClusterIP
    "#]],
    );
    check_query(
        &c,
        "_https._tcp.kubernetes.default.svc.cluster.local.",
        RecordType::Srv,
        expect![[r#"
        NOERROR
        _https._tcp.kubernetes.default.svc.cluster.local. 30 SRV 0 100 443 kubernetes.default.svc.cluster.local.
        kubernetes.default.svc.cluster.local. 30 A 10.3.0.1
        why: one SRV record per ready target of Service "kubernetes" for its port "https"
    "#]],
    );
    check_query(
        &c,
        "1.0.3.10.in-addr.arpa.",
        RecordType::Ptr,
        expect![[r#"
        NOERROR
        1.0.3.10.in-addr.arpa. 30 PTR kubernetes.default.svc.cluster.local.
        why: 10.3.0.1 belongs to kubernetes.default.svc.cluster.local.
    "#]],
    );
    check_query(
        &c,
        "headless.default.svc.cluster.local.",
        RecordType::A,
        expect![[r#"
        NOERROR
        headless.default.svc.cluster.local. 30 A 10.3.0.100
        headless.default.svc.cluster.local. 30 A 10.3.0.200
        headless.default.svc.cluster.local. 30 A 10.3.0.3
        why: headless Service "headless" in "default" answers with the IP of every ready pod: 10.3.0.100, 10.3.0.200, 10.3.0.3
    "#]],
    );
    check_query(
        &c,
        "my-pet.headless.default.svc.cluster.local.",
        RecordType::A,
        expect![[r#"
        NOERROR
        my-pet.headless.default.svc.cluster.local. 30 A 10.3.0.100
        why: the ready endpoint "my-pet" of Service "headless" (10.3.0.100) answers with its pod IP
    "#]],
    );
    check_query(
        &c,
        "_https._tcp.headless.default.svc.cluster.local.",
        RecordType::Srv,
        expect![[r#"
        NOERROR
        _https._tcp.headless.default.svc.cluster.local. 30 SRV 0 33 443 my-pet.headless.default.svc.cluster.local.
        _https._tcp.headless.default.svc.cluster.local. 30 SRV 0 33 443 my-pet-2.headless.default.svc.cluster.local.
        _https._tcp.headless.default.svc.cluster.local. 30 SRV 0 33 443 10-3-0-3.headless.default.svc.cluster.local.
        my-pet.headless.default.svc.cluster.local. 30 A 10.3.0.100
        my-pet-2.headless.default.svc.cluster.local. 30 A 10.3.0.200
        10-3-0-3.headless.default.svc.cluster.local. 30 A 10.3.0.3
        why: one SRV record per ready target of Service "headless" for its port "https"
    "#]],
    );
    check_query(
        &c,
        "100.0.3.10.in-addr.arpa.",
        RecordType::Ptr,
        expect![[r#"
        NOERROR
        100.0.3.10.in-addr.arpa. 30 PTR my-pet.headless.default.svc.cluster.local.
        why: 10.3.0.100 belongs to my-pet.headless.default.svc.cluster.local.
    "#]],
    );
    check_query(
        &c,
        "foo.default.svc.cluster.local.",
        RecordType::A,
        expect![[r#"
        NOERROR
        foo.default.svc.cluster.local. 30 CNAME www.example.com.
        why: ExternalName Service "foo" is an alias (CNAME) of www.example.com
    "#]],
    );
}

#[test]
fn nxdomain_and_nodata_where_coredns_gives_them() {
    let c = spec_cluster();
    let rcode = |name: &str, t: RecordType| {
        let a = Dns::new(&c).query(name, t);
        format!("{} answers={}", a.rcode.name(), a.answer.len())
    };
    let cases = [
        (
            "unknown service",
            "svc0.default.svc.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "unknown namespace",
            "svc0.svc-nons.svc.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "bogus endpoint",
            "bogusendpoint.headless.default.svc.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "AAAA of an IPv4 service",
            "kubernetes.default.svc.cluster.local",
            RecordType::Aaaa,
            "NOERROR answers=0",
        ),
        (
            "svc apex",
            "svc.cluster.local",
            RecordType::A,
            "NOERROR answers=0",
        ),
        (
            "pod apex",
            "pod.cluster.local",
            RecordType::A,
            "NOERROR answers=0",
        ),
        (
            "existing namespace",
            "default.svc.cluster.local",
            RecordType::A,
            "NOERROR answers=0",
        ),
        (
            "missing namespace",
            "foo.svc.cluster.local",
            RecordType::Ns,
            "NXDOMAIN answers=0",
        ),
        (
            "neither svc nor pod",
            "foo.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "pod insecure",
            "10-240-0-1.default.pod.cluster.local",
            RecordType::A,
            "NOERROR answers=1",
        ),
        (
            "pod bad name",
            "blah.default.pod.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "unnamed SRV port",
            "_http._tcp.kubernetes.default.svc.cluster.local",
            RecordType::Srv,
            "NXDOMAIN answers=0",
        ),
        (
            "below an ExternalName",
            "x.foo.default.svc.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "too many labels",
            "a.b.c.d.default.svc.cluster.local",
            RecordType::A,
            "NXDOMAIN answers=0",
        ),
        (
            "case-insensitive",
            "KUBERNETES.Default.svc.cluster.local",
            RecordType::A,
            "NOERROR answers=1",
        ),
    ];
    for (case, name, t, want) in cases {
        assert_eq!(rcode(name, t), want, "{case}");
    }
}

#[test]
fn headless_service_publishes_ready_pods_only() {
    let dns = Dns::new(&web_cluster([true, false, true]));
    let a = |n: &str| dns.query(n, RecordType::A);
    let all = a("nginx.default.svc.cluster.local");
    assert_eq!(all.answer.len(), 2, "web-1 is not Ready");
    assert_eq!(
        a("web-1.nginx.default.svc.cluster.local").rcode.name(),
        "NXDOMAIN"
    );
    let none = Dns::new(&web_cluster([false, false, false]));
    assert_eq!(
        none.query("nginx.default.svc.cluster.local", RecordType::A)
            .rcode
            .name(),
        "NXDOMAIN"
    );
    let names = dns::names(&dns);
    assert_eq!(
        names.keys().cloned().collect::<Vec<_>>(),
        [
            "kube-dns.kube-system.svc.cluster.local",
            "kubernetes.default.svc.cluster.local",
            "nginx.default.svc.cluster.local",
            "web-0.nginx.default.svc.cluster.local",
            "web-2.nginx.default.svc.cluster.local",
        ]
    );
}

fn lookup(objects: &[Object], name: &str, ns: &str) -> (Dns, Lookup) {
    let dns = Dns::new(objects);
    let lookup = dns.resolve(name, ns, RecordType::A, Search::SearchList);
    (dns, lookup)
}

#[test]
fn tutorial_nslookup_from_the_same_namespace() {
    let (dns, l) = lookup(&web_cluster([true; 3]), "web-0.nginx", "default");
    let printed = nslookup(&dns, &l);
    assert_eq!(printed.exit_code, 0);
    expect![[r#"
        Server:    10.96.0.10
        Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

        Name:      web-0.nginx
        Address 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local
    "#]]
    .assert_eq(&printed.output);
    let (dns, l) = lookup(&web_cluster([true; 3]), "nginx", "default");
    expect![[r#"
        Server:    10.96.0.10
        Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

        Name:      nginx
        Address 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local
        Address 2: 10.244.2.6 web-1.nginx.default.svc.cluster.local
        Address 3: 10.244.3.4 web-2.nginx.default.svc.cluster.local
    "#]]
    .assert_eq(&nslookup(&dns, &l).output);
}

#[test]
fn short_names_depend_on_the_namespace() {
    let c = web_cluster([true; 3]);
    let (dns, l) = lookup(&c, "web-0.nginx", "test");
    let printed = nslookup(&dns, &l);
    assert_eq!(printed.exit_code, 1);
    expect![[r#"
        Server:    10.96.0.10
        Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

        nslookup: can't resolve 'web-0.nginx'
    "#]]
    .assert_eq(&printed.output);
    let diagnosis = dns.diagnose(&l, &c.iter().collect::<Vec<_>>());
    expect![[r#"
        Resolving web-0.nginx (A) from a pod in namespace "test":
          1. web-0.nginx.test.svc.cluster.local. → NXDOMAIN
             there is no Service "nginx" in namespace "test"
          2. web-0.nginx.svc.cluster.local. → NXDOMAIN
             there is no namespace "nginx"
          3. web-0.nginx.cluster.local. → NXDOMAIN
             names in cluster.local are <service>.<namespace>.svc.cluster.local or <ip>.<namespace>.pod.cluster.local; web-0.nginx.cluster.local is neither
          4. web-0.nginx. → NXDOMAIN
             web-0.nginx is outside cluster.local: the cluster DNS forwards it upstream, which this playground does not simulate
        No name on the search list answered.
          • Service "nginx" lives in namespace "default", not "test". A short name only resolves in the pod's own namespace; from "test" use web-0.nginx.default.
    "#]]
    .assert_eq(&trace(&l, &diagnosis, Lang::En));

    let (dns, l) = lookup(&c, "web-0.nginx.default", "test");
    assert_eq!(l.addresses(), ["10.244.1.6"]);
    assert_eq!(l.found, Some(1));
    expect![[r#"
        从命名空间 "test" 中的 Pod 解析 web-0.nginx.default(A):
          1. web-0.nginx.default.test.svc.cluster.local. → NXDOMAIN
             命名空间 "test" 中没有名为 "default" 的 Service
          2. web-0.nginx.default.svc.cluster.local. → 10.244.1.6
             Service "nginx" 的就绪端点 "web-0"（web-0）返回其 Pod IP
        第 2 次尝试得到了答案。
    "#]]
    .assert_eq(&trace(&l, &[], Lang::Zh));
    let printed = nslookup(&dns, &l);
    assert!(printed.output.contains("Name:      web-0.nginx.default\n"));

    for ns in ["default", "test", "kube-system"] {
        let (_, l) = lookup(&c, "nginx.default", ns);
        assert_eq!(l.addresses().len(), 3, "nginx.default from {ns}");
    }
}

#[test]
fn diagnosis_names_the_usual_mistakes() {
    let mut c = web_cluster([true, false, true]);
    let diagnose = |c: &Vec<Object>, name: &str| {
        let (dns, l) = lookup(c, name, "default");
        let objs: Vec<&Object> = c.iter().collect();
        dns.diagnose(&l, &objs)
            .into_iter()
            .map(|t| t.en)
            .collect::<Vec<_>>()
            .join("\n")
    };
    expect![[r#"Pod "web-1" is not Ready yet, and Service "nginx" does not set publishNotReadyAddresses: DNS publishes ready endpoints only."#]]
        .assert_eq(&diagnose(&c, "web-1.nginx"));
    expect![[r#"
        There is no Service "ngnix" in namespace "default".
        Did you mean "nginx"?"#]]
    .assert_eq(&diagnose(&c, "web-0.ngnix"));
    expect![[r#"
        There is no pod "web-7" in "default".
        Did you mean "web-0"?"#]]
    .assert_eq(&diagnose(&c, "web-7.nginx"));
    // A Service that is not headless has no per-pod names.
    if let Some(Object::Service(svc)) = c.iter_mut().find(|o| o.name() == "nginx") {
        svc.spec.cluster_ip = Some("10.96.4.4".into());
    }
    expect![""].assert_eq(&diagnose(&c, "web-0.nginx"));
}

#[test]
fn dig_prints_like_bind() {
    let c = web_cluster([true; 3]);
    let dns = Dns::new(&c);
    let l = dns.resolve(
        "web-0.nginx.default.svc.cluster.local",
        "default",
        RecordType::A,
        Search::AsTyped,
    );
    expect![[r#"

        ; <<>> DiG 9.18.33 <<>> web-0.nginx.default.svc.cluster.local
        ;; global options: +cmd
        ;; Got answer:
        ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 43606
        ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
        ;; WARNING: recursion requested but not available

        ;; OPT PSEUDOSECTION:
        ; EDNS: version: 0, flags:; udp: 1232
        ;; QUESTION SECTION:
        ;web-0.nginx.default.svc.cluster.local. IN A

        ;; ANSWER SECTION:
        web-0.nginx.default.svc.cluster.local. 30 IN A	10.244.1.6

        ;; Query time: 0 msec
        ;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
        ;; WHEN: Mon Jan 01 00:00:00 UTC 2024
        ;; MSG SIZE  rcvd: 82

    "#]]
    .assert_eq(&dig(&l, DigStyle::Full, stsplay::time::EPOCH_MS).output);
    let l = dns.resolve(
        "_web._tcp.nginx.default.svc.cluster.local",
        "default",
        RecordType::Srv,
        Search::AsTyped,
    );
    expect![[r#"
        0 33 80 web-0.nginx.default.svc.cluster.local.
        0 33 80 web-1.nginx.default.svc.cluster.local.
        0 33 80 web-2.nginx.default.svc.cluster.local.
    "#]]
    .assert_eq(&dig(&l, DigStyle::Short, 0).output);
    let l = dns.resolve("web-0.nginx", "default", RecordType::A, Search::AsTyped);
    assert_eq!(
        dig(&l, DigStyle::Short, 0).output,
        "",
        "dig does not search without +search"
    );
    let l = dns.resolve("web-0.nginx", "default", RecordType::A, Search::SearchList);
    assert_eq!(dig(&l, DigStyle::Short, 0).output, "10.244.1.6\n");
}

#[test]
fn resolv_conf_and_hostnames() {
    expect![[r#"
        search default.svc.cluster.local svc.cluster.local cluster.local
        nameserver 10.96.0.10
        options ndots:5
    "#]]
    .assert_eq(&dns::resolv_conf("default"));
    let Object::Pod(p) = pod("default", "web-0", "nginx", "nginx", true) else {
        unreachable!()
    };
    assert_eq!(
        dns::pod_hostnames(&p),
        (
            "web-0".to_string(),
            "web-0.nginx.default.svc.cluster.local".to_string()
        )
    );
    let Object::Pod(p) = pod("default", "solo", "", "x", true) else {
        unreachable!()
    };
    assert_eq!(
        dns::pod_hostnames(&p),
        ("solo".to_string(), "solo".to_string())
    );
}

fn with_ip(object: Object, ip: &str, node: &str) -> Pod {
    let Object::Pod(mut p) = object else {
        unreachable!()
    };
    if let Some(s) = p.status.as_mut() {
        s.pod_ip = (!ip.is_empty()).then(|| ip.to_string());
    }
    p.spec.node_name = Some(node.into());
    p.metadata.uid = Some(format!("uid-{}", p.metadata.name));
    p
}

fn endpoints_of(service: &Object, pods: &[Pod], nodes: &[Node]) -> String {
    let Object::Service(svc) = service else {
        unreachable!()
    };
    let pods: Vec<&Pod> = pods.iter().collect();
    let nodes: Vec<&Node> = nodes.iter().collect();
    let (endpoints, ports) = stsplay::engine::endpointslice::desired(svc, &pods, &nodes);
    let mut out = String::new();
    for e in endpoints {
        let c = &e.conditions;
        out.push_str(&format!(
            "{} {} ready={:?} serving={:?} terminating={:?} hostname={:?} node={:?} zone={:?}\n",
            e.target_ref.and_then(|r| r.name).unwrap_or_default(),
            e.addresses.join(","),
            c.ready.unwrap_or_default(),
            c.serving.unwrap_or_default(),
            c.terminating.unwrap_or_default(),
            e.hostname.unwrap_or_default(),
            e.node_name.unwrap_or_default(),
            e.zone.unwrap_or_default(),
        ));
    }
    for p in ports {
        out.push_str(&format!(
            "port {:?} {:?} {:?}\n",
            p.name, p.port, p.protocol
        ));
    }
    out
}

#[test]
fn endpointslice_lists_pods_by_the_controllers_rules() {
    let nginx = service("default", "nginx", "None", &[("web", 80)], "nginx");
    let ready = with_ip(
        pod("default", "web-0", "nginx", "nginx", true),
        "10.244.1.6",
        "node-1",
    );
    let not_ready = with_ip(
        pod("default", "web-1", "nginx", "nginx", false),
        "10.244.2.6",
        "node-2",
    );
    let pending = with_ip(
        pod("default", "web-2", "nginx", "nginx", false),
        "",
        "node-3",
    );
    let mut terminating = with_ip(
        pod("default", "web-10", "nginx", "nginx", true),
        "10.244.3.9",
        "node-3",
    );
    terminating.metadata.deletion_timestamp = Some("2024-01-01T00:01:00Z".into());
    let mut failed = with_ip(
        pod("default", "web-3", "nginx", "nginx", false),
        "10.244.1.8",
        "node-1",
    );
    failed.status.as_mut().unwrap().phase = Some("Failed".into());
    let other_app = with_ip(
        pod("default", "db-0", "nginx", "db", true),
        "10.244.1.9",
        "node-1",
    );
    let elsewhere = with_ip(
        pod("test", "web-0", "nginx", "nginx", true),
        "10.244.2.9",
        "node-2",
    );
    let mut zoned = Node::default();
    zoned.metadata.name = "node-1".into();
    zoned
        .metadata
        .labels
        .insert("topology.kubernetes.io/zone".into(), "zone-a".into());
    let pods = [
        ready,
        not_ready,
        pending,
        terminating,
        failed,
        other_app,
        elsewhere,
    ];
    expect![[r#"
        web-0 10.244.1.6 ready=true serving=true terminating=false hostname="web-0" node="node-1" zone="zone-a"
        web-1 10.244.2.6 ready=false serving=false terminating=false hostname="web-1" node="node-2" zone=""
        web-10 10.244.3.9 ready=false serving=true terminating=true hostname="web-10" node="node-3" zone=""
        port Some("web") Some(80) Some("TCP")
    "#]]
    .assert_eq(&endpoints_of(&nginx, &pods, &[zoned.clone()]));

    // publishNotReadyAddresses makes every listed endpoint ready.
    let Object::Service(mut publish) = nginx.clone() else {
        unreachable!()
    };
    publish.spec.publish_not_ready_addresses = Some(true);
    let out = endpoints_of(&Object::Service(publish), &pods, &[zoned]);
    assert_eq!(out.matches("ready=true").count(), 3, "{out}");

    // The hostname is set only on the Service named by the pod's subdomain.
    let other = service("default", "other", "None", &[], "nginx");
    expect![[r#"
        web-0 10.244.1.6 ready=true serving=true terminating=false hostname="" node="node-1" zone=""
        web-1 10.244.2.6 ready=false serving=false terminating=false hostname="" node="node-2" zone=""
        web-10 10.244.3.9 ready=false serving=true terminating=true hostname="" node="node-3" zone=""
    "#]]
    .assert_eq(&endpoints_of(&other, &pods, &[]));
}
