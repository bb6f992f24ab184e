//! Odd and hostile input to the shell and the simulation: every malformed command gets
//! kubectl's (or the shell's) error and a non-zero exit code, nothing panics, seeking to
//! the ends works, and the cluster still settles and takes a valid apply afterwards.
//! Inputs the fuzz targets found (`fuzz/`) are kept here as regression cases.

use expect_test::expect;
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::engine::statefulset::is_running_and_ready;
use stsplay::present::shell;

const WEB: &str = include_str!("../static/examples/web.yaml");

#[test]
fn odd_commands_get_an_error_and_leave_the_cluster_working() {
    let lines = [
        "kubectl",
        "kubectl get",
        "kubectl get pods/",
        "kubectl get /",
        "kubectl get pods -o",
        "kubectl get pods -o table",
        "kubectl get pods,foo",
        "kubectl describe",
        "kubectl scale",
        "kubectl scale sts web",
        "kubectl scale sts web --replicas=99999999999999999999",
        "kubectl scale sts web --replicas=-5",
        "kubectl patch sts web --type json -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":-3}]'",
        "kubectl patch sts web --type json -p '[{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/9\"}]'",
        "kubectl patch sts web --type json -p '[{\"op\":\"add\",\"path\":\"\"}]'",
        "kubectl patch sts web --type merge -p '{\"spec\":{\"replicas\":\"many\"}}'",
        "kubectl patch sts web --type merge -p '{\"spec\":{\"ordinals\":{\"start\":-1}}}'",
        "kubectl patch sts web --type merge -p '{\"spec\":{\"minReadySeconds\":-1}}'",
        "kubectl patch sts web --type strategic -p '[]'",
        "kubectl patch sts web -p '{\"spec\":{\"replicas\":3}'",
        "kubectl patch sts web -p ''",
        "kubectl set image statefulset/web",
        "kubectl set image statefulset/web nope=x",
        "kubectl rollout",
        "kubectl rollout undo statefulset/web --to-revision=99",
        "kubectl rollout frob statefulset/web",
        "kubectl cordon node-9",
        "kubectl delete",
        "kubectl delete pod",
        "kubectl delete sts web --cascade=sideways",
        "'unterminated",
        "kubectl \"also unterminated",
        "ls -la",
    ];
    let mut sim = Simulation::new(11);
    let read = |_: &str| Ok(WEB.to_string());
    shell::run(&mut sim, "kubectl apply -f web.yaml", &read);
    assert_eq!(sim.settle(), Settle::Settled);
    let mut transcript = String::new();
    for line in lines {
        let printed = shell::run(&mut sim, line, &read);
        assert_ne!(
            printed.exit_code, 0,
            "`{line}` succeeded: {}",
            printed.output
        );
        assert!(!printed.output.trim().is_empty(), "`{line}` said nothing");
        transcript.push_str(&format!("$ {line}\n{}", printed.output));
        assert_eq!(sim.settle(), Settle::Settled, "after `{line}`");
    }
    expect![[r#"
        $ kubectl
        kubectl controls the Kubernetes cluster manager.

        Try: kubectl get pods
        $ kubectl get
        You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

        error: Required resource not specified.
        $ kubectl get pods/
        Error from server (NotFound): pods "" not found
        $ kubectl get /
        error: the server doesn't have a resource type ""
        $ kubectl get pods -o
        error: flag needs an argument: -o
        $ kubectl get pods -o table
        error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
        $ kubectl get pods,foo
        error: the server doesn't have a resource type "foo"
        $ kubectl describe
        You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.
        $ kubectl scale
        error: you must specify the type of resource to scale and its name
        $ kubectl scale sts web
        error: required flag(s) "replicas" not set
        $ kubectl scale sts web --replicas=99999999999999999999
        error: invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": invalid syntax
        $ kubectl scale sts web --replicas=-5
        error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
        $ kubectl patch sts web --type json -p '[{"op":"replace","path":"/spec/replicas","value":-3}]'
        The StatefulSet "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0
        $ kubectl patch sts web --type json -p '[{"op":"remove","path":"/spec/template/spec/containers/9"}]'
        Error from server (BadRequest): jsonpatch remove operation does not apply: doc is missing path: "/spec/template/spec/containers/9"
        $ kubectl patch sts web --type json -p '[{"op":"add","path":""}]'
        Error from server (BadRequest): the patched StatefulSet "web" does not fit the StatefulSet schema
        $ kubectl patch sts web --type merge -p '{"spec":{"replicas":"many"}}'
        Error from server (BadRequest): the patched StatefulSet "web" does not fit the StatefulSet schema
        $ kubectl patch sts web --type merge -p '{"spec":{"ordinals":{"start":-1}}}'
        The StatefulSet "web" is invalid: spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0
        $ kubectl patch sts web --type merge -p '{"spec":{"minReadySeconds":-1}}'
        The StatefulSet "web" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0
        $ kubectl patch sts web --type strategic -p '[]'
        Error from server (BadRequest): the patched StatefulSet "web" does not fit the StatefulSet schema
        $ kubectl patch sts web -p '{"spec":{"replicas":3}'
        error: unable to parse "{\"spec\":{\"replicas\":3}": yaml: line 1: did not find expected ',' or '}'
        $ kubectl patch sts web -p ''
        error: must specify --patch or --patch-file containing the contents of the patch
        $ kubectl set image statefulset/web
        error: at least one image update is required
        $ kubectl set image statefulset/web nope=x
        error: unable to find container named "nope"
        $ kubectl rollout
        error: Required resource not specified.
        $ kubectl rollout undo statefulset/web --to-revision=99
        error: unable to find specified revision 99 in history
        $ kubectl rollout frob statefulset/web
        error: unknown command "frob" for "kubectl rollout"
        $ kubectl cordon node-9
        Error from server (NotFound): nodes "node-9" not found
        $ kubectl delete
        error: You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'
        $ kubectl delete pod
        error: resource(s) were provided, but no name was specified
        $ kubectl delete sts web --cascade=sideways
        error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"
        $ 'unterminated
        error: unterminated quoted string
        $ kubectl "also unterminated
        error: unterminated quoted string
        $ ls -la
        ls: command not found (try kubectl, nslookup, dig or explain)
    "#]].assert_eq(&transcript);
    // The API server refuses a selector it cannot parse, and kubectl says which list failed.
    let odd_selector = shell::run(&mut sim, "kubectl get pods -l '!!,=,=='", &read);
    assert_eq!(odd_selector.exit_code, 1);
    expect![[r#"
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "!!,=,==", field selector "": unable to parse requirement: found '!', expected: identifier
    "#]]
    .assert_eq(&odd_selector.output);
    // Nothing above changed the cluster: the three pods are still Running and Ready.
    let ready = sim
        .world()
        .pods()
        .filter(|p| is_running_and_ready(p))
        .count();
    assert_eq!(ready, 3);
    // Seeking to either end and back replays the same history.
    let steps = sim.steps().len();
    sim.seek(0);
    assert_eq!(sim.cursor(), 0);
    sim.seek(usize::MAX);
    assert_eq!(sim.cursor(), steps);
    let scaled = shell::run(&mut sim, "kubectl scale sts web --replicas=2", &read);
    assert_eq!(scaled.exit_code, 0, "{}", scaled.output);
    assert_eq!(sim.settle(), Settle::Settled);
    assert_eq!(sim.world().pods().count(), 2);
}

#[test]
fn label_selectors_are_parsed_as_the_api_server_parses_them() {
    let mut sim = Simulation::new(5);
    let read = |_: &str| Ok(WEB.to_string());
    shell::run(&mut sim, "kubectl apply -f web.yaml", &read);
    shell::run(&mut sim, "kubectl scale sts web --replicas=3", &read);
    assert_eq!(sim.settle(), Settle::Settled);
    let mut transcript = String::new();
    for (selector, exit_code) in [
        // Refused: kubectl sends the selector as it is and prints the server's answer.
        ("a in (", 1),
        ("=x", 1),
        ("a!", 1),
        ("a,", 1),
        ("a b", 1),
        ("a in (x", 1),
        ("a=(", 1),
        ("a in x", 1),
        ("!a=b", 1),
        ("app:nginx", 1),
        ("a=b c", 1),
        ("a=b/c", 1),
        ("a>x", 1),
        ("statefulsets.kubernetes.io/pod-name notin (web-1 web-2)", 1),
        // Accepted.
        ("a", 0),
        ("!a", 0),
        ("a in (x,y)", 0),
        ("a notin (x)", 0),
        ("a=b,c!=d", 0),
        ("app", 0),
        ("!app", 0),
        ("app==nginx", 0),
        ("  app = nginx , apps.kubernetes.io/pod-index != 0  ", 0),
        ("statefulset.kubernetes.io/pod-name in (web-0,web-2)", 0),
        ("statefulset.kubernetes.io/pod-name notin (web-1)", 0),
        (
            "apps.kubernetes.io/pod-index>0,apps.kubernetes.io/pod-index<2",
            0,
        ),
        ("app notin ()", 0),
        ("app in (,nginx)", 0),
        ("app in (in)", 0),
        ("app=", 0),
    ] {
        let line = format!("kubectl get pods -o name -l '{selector}'");
        let printed = shell::run(&mut sim, &line, &read);
        assert_eq!(printed.exit_code, exit_code, "{line}: {}", printed.output);
        transcript.push_str(&format!("$ {line}\n{}", printed.output));
    }
    expect![[r#"
        $ kubectl get pods -o name -l 'a in ('
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (", field selector "": unable to parse requirement: found '', expected: ',', ')' or identifier
        $ kubectl get pods -o name -l '=x'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "=x", field selector "": found '=', expected: !, identifier, or 'end of string'
        $ kubectl get pods -o name -l 'a!'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a!", field selector "": unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt
        $ kubectl get pods -o name -l 'a,'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a,", field selector "": found '', expected: identifier after ','
        $ kubectl get pods -o name -l 'a b'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
        $ kubectl get pods -o name -l 'a in (x'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (x", field selector "": unable to parse requirement: found '', expected: ',' or ')'
        $ kubectl get pods -o name -l 'a=('
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=(", field selector "": unable to parse requirement: found '(', expected: identifier
        $ kubectl get pods -o name -l 'a in x'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in x", field selector "": unable to parse requirement: found 'x' expected: '('
        $ kubectl get pods -o name -l '!a=b'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "!a=b", field selector "": found '=', expected: ',' or 'end of string'
        $ kubectl get pods -o name -l 'app:nginx'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app:nginx", field selector "": unable to parse requirement: <nil>: Invalid value: "app:nginx": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
        $ kubectl get pods -o name -l 'a=b c'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=b c", field selector "": found 'c', expected: ',' or 'end of string'
        $ kubectl get pods -o name -l 'a=b/c'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=b/c", field selector "": unable to parse requirement: values[0][a]: Invalid value: "b/c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
        $ kubectl get pods -o name -l 'a>x'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a>x", field selector "": unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer
        $ kubectl get pods -o name -l 'statefulsets.kubernetes.io/pod-name notin (web-1 web-2)'
        Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "statefulsets.kubernetes.io/pod-name notin (web-1 web-2)", field selector "": unable to parse requirement: found 'web-2', expected: ',' or ')'
        $ kubectl get pods -o name -l 'a'
        $ kubectl get pods -o name -l '!a'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l 'a in (x,y)'
        $ kubectl get pods -o name -l 'a notin (x)'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l 'a=b,c!=d'
        $ kubectl get pods -o name -l 'app'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l '!app'
        $ kubectl get pods -o name -l 'app==nginx'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l '  app = nginx , apps.kubernetes.io/pod-index != 0  '
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l 'statefulset.kubernetes.io/pod-name in (web-0,web-2)'
        pod/web-0
        pod/web-2
        $ kubectl get pods -o name -l 'statefulset.kubernetes.io/pod-name notin (web-1)'
        pod/web-0
        pod/web-2
        $ kubectl get pods -o name -l 'apps.kubernetes.io/pod-index>0,apps.kubernetes.io/pod-index<2'
        pod/web-1
        $ kubectl get pods -o name -l 'app notin ()'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l 'app in (,nginx)'
        pod/web-0
        pod/web-1
        pod/web-2
        $ kubectl get pods -o name -l 'app in (in)'
        $ kubectl get pods -o name -l 'app='
    "#]]
    .assert_eq(&transcript);
    // `describe` and `delete` read the selector the same way.
    let describe = shell::run(&mut sim, "kubectl describe sts -l '!!'", &read);
    let delete = shell::run(&mut sim, "kubectl delete pvc -l 'app in ('", &read);
    expect![[r#"
        Error from server (BadRequest): Unable to find "apps/v1, Resource=statefulsets" that match label selector "!!", field selector "": unable to parse requirement: found '!', expected: identifier
        Error from server (BadRequest): Unable to find "/v1, Resource=persistentvolumeclaims" that match label selector "app in (", field selector "": unable to parse requirement: found '', expected: ',', ')' or identifier
    "#]]
    .assert_eq(&format!("{}{}", describe.output, delete.output));
    assert_eq!((describe.exit_code, delete.exit_code), (1, 1));
    assert_eq!(sim.world().pods().count(), 3);
}

#[test]
fn patches_are_read_as_yaml_as_kubectl_reads_them() {
    let mut sim = Simulation::new(5);
    let read = |_: &str| Ok(WEB.to_string());
    shell::run(&mut sim, "kubectl apply -f web.yaml", &read);
    assert_eq!(sim.settle(), Settle::Settled);
    let replicas = |sim: &Simulation| sim.world().sets().next().and_then(|s| s.spec.replicas);
    // JSON is YAML; so are flow and block mappings without quotes.
    for (line, want) in [
        ("kubectl patch sts web -p 'spec: {replicas: 2}'", 2),
        ("kubectl patch sts web -p \"spec:\n  replicas: 1\n\"", 1),
        (
            "kubectl patch sts web --type merge -p '{\"spec\":{\"replicas\":3}}'",
            3,
        ),
    ] {
        let printed = shell::run(&mut sim, line, &read);
        assert_eq!(printed.output, "statefulset.apps/web patched\n", "{line}");
        assert_eq!(replicas(&sim), Some(want), "{line}");
    }
}

#[test]
fn empty_and_odd_files_apply_without_harm() {
    let mut sim = Simulation::new(3);
    let mut transcript = String::new();
    for text in [
        "",
        "---\n---\n",
        "# only a comment\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-7\n",
        "kind: StatefulSet\nspec: [\n",
    ] {
        let printed = shell::run(&mut sim, "kubectl apply -f odd.yaml", &|_| Ok(text.into()));
        transcript.push_str(&format!(
            "--- {text:?}\n{}(exit code {})\n",
            printed.output, printed.exit_code
        ));
        assert_eq!(sim.settle(), Settle::Settled);
    }
    expect![[r##"
        --- ""
        (exit code 0)
        --- "---\n---\n"
        (exit code 0)
        --- "# only a comment\n"
        (exit code 0)
        --- "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-7\n"
        error: odd.yaml:1:1: Pod "web-7" is invalid: spec.containers: Required value
        The Pod "web-7" is invalid: spec.containers: Required value
        (exit code 1)
        --- "kind: StatefulSet\nspec: [\n"
        error: odd.yaml:3:1: yaml: line 2: did not find expected node content
        (exit code 1)
    "##]]
    .assert_eq(&transcript);
    let printed = shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| Ok(WEB.into()));
    assert_eq!(printed.exit_code, 0, "{}", printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
}

#[test]
fn fuzz_simulate_1_the_troubleshooting_lesson_mangled() {
    // Found by the `simulate` fuzz target: the troubleshooting lesson's manifests with a
    // mangled kind and selector took over a second under the sanitizer on a loaded
    // machine (natively well under a millisecond). It must apply what is valid, report
    // what is not, and settle.
    let text = include_str!("scenarios/fuzz-simulate-1.yaml");
    let mut sim = Simulation::new(1);
    let printed = shell::run(
        &mut sim,
        "kubectl apply -f input.yaml",
        &|_| Ok(text.into()),
    );
    expect![[r#"
        Warning: input.yaml:17:7: Sevrice is not simulated here and is skipped; the playground simulates apps/v1 StatefulSet, v1 Pod, v1 PersistentVolume, v1 PersistentVolumeClaim, storage.k8s.io/v1 StorageClass, v1 Service, v1 Namespace and v1 Node
        error: input.yaml:53:3: Service "vip" is invalid: spec.clusterIPs[0]: Invalid value: "None(": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
        error: input.yaml:70:3: StatefulSet.apps "vip" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`
        Warning: unknown field "spec.template.me#adata"
        error: input.yaml:80:8: yaml: line 80: control characters are not allowed (found U+0000)
        error: input.yaml:135:1: StatefulSet.apps "nosc" is invalid: spec.selector: Required value
        Warning: unknown field "spec.selector:����ߒ��chLabels"
        error: input.yaml:142:7: StatefulSet.apps "nosc" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosc"}: `selector` does not match template `labels`
        Warning: unknown field "spec.volumeClaimTemplates[0].spec.2esources"
        error: input.yaml:162:7: error validating data: [apiVersion not set, kind not set]
        error: input.yaml:165:1: yaml: unmarshal errors: line 165: key "apiVersion" already set in map
        error: input.yaml:173:9: yaml: line 173: mapping values are not allowed in this context
        error: input.yaml:183:1: Service "vip" is invalid: spec.ports: Required value
        Warning: unknown field "spec.clustage"
        error: input.yaml:197:5: yaml: line 196: did not find expected '-' indicator
        error: input.yaml:210:5: yaml: line 209: did not find expected key
        service/named created
        statefulset.apps/named created
        The Service "vip" is invalid: spec.clusterIPs[0]: Invalid value: "None(": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
        The StatefulSet "vip" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`
        statefulset.apps/picky created
        storageclass.storage.k8s.io/fast created
        service/nosc created
        The StatefulSet "nosc" is invalid: 
        * spec.selector: Required value
        * spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosc"}: `selector` does not match template `labels`
        The Service "vip" is invalid: spec.ports: Required value
    "#]].assert_eq(&printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
    let pods = shell::run(&mut sim, "kubectl get pods", &|_| Err("no file".into()));
    expect![[r#"
        NAME      READY   STATUS    RESTARTS   AGE
        named-0   1/1     Running   0          4s
        picky-0   1/1     Running   0          4s
    "#]]
    .assert_eq(&pods.output);
}
