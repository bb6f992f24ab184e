//! API-server defaults for every kind, shown as `kubectl get -o yaml` prints the stored
//! object (keys sorted, quantities canonical). `UPDATE_EXPECT=1 cargo test` re-blesses.

use expect_test::{expect, Expect};
use stsplay::manifest::{self, defaults};

fn check(text: &str, expect: Expect) {
    let parsed = manifest::parse(text);
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    let mut out = String::new();
    for object in &parsed.objects {
        let mut defaulted = object.clone();
        defaults::apply(&mut defaulted);
        let mut twice = defaulted.clone();
        defaults::apply(&mut twice);
        assert_eq!(twice, defaulted, "defaults are idempotent");
        out.push_str("---\n");
        out.push_str(&manifest::to_yaml(&defaulted));
    }
    expect.assert_eq(&out);
}

#[test]
fn statefulset_defaults() {
    check(
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports: [{containerPort: 80, name: web}]
        readinessProbe: {httpGet: {path: /, port: 80}}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1.5Gi}}
",
        expect![[r#"
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              namespace: default
            spec:
              persistentVolumeClaimRetentionPolicy:
                whenDeleted: Retain
                whenScaled: Retain
              podManagementPolicy: OrderedReady
              replicas: 1
              revisionHistoryLimit: 10
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - image: nginx
                    imagePullPolicy: Always
                    name: nginx
                    ports:
                    - containerPort: 80
                      name: web
                      protocol: TCP
                    readinessProbe:
                      failureThreshold: 3
                      httpGet:
                        path: /
                        port: 80
                      periodSeconds: 10
                      successThreshold: 1
                      timeoutSeconds: 1
                    resources: {}
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
              updateStrategy:
                rollingUpdate:
                  partition: 0
                type: RollingUpdate
              volumeClaimTemplates:
              - metadata:
                  name: www
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    requests:
                      storage: 1536Mi
                  volumeMode: Filesystem
                status:
                  phase: Pending
        "#]],
    );
}

#[test]
fn an_explicit_rolling_update_type_gets_no_rolling_update_block() {
    // Upstream adds `rollingUpdate` only when it defaults the type itself.
    check(
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 0
  updateStrategy: {type: RollingUpdate}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
",
        expect![[r#"
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              namespace: default
            spec:
              persistentVolumeClaimRetentionPolicy:
                whenDeleted: Retain
                whenScaled: Retain
              podManagementPolicy: OrderedReady
              replicas: 0
              revisionHistoryLimit: 10
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    name: nginx
                    resources: {}
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
              updateStrategy:
                type: RollingUpdate
        "#]],
    );
}

#[test]
fn max_unavailable_is_dropped_while_its_feature_is_off() {
    let parsed = manifest::parse(
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  updateStrategy: {rollingUpdate: {maxUnavailable: 2}}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: nginx}]}
",
    );
    let mut object = parsed.objects[0].clone();
    defaults::apply(&mut object);
    let printed = manifest::to_yaml(&object);
    assert!(!printed.contains("maxUnavailable"), "{printed}");
    assert!(printed.contains("partition: 0"), "{printed}");
}

#[test]
fn storage_defaults() {
    check(
        "apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1, namespace: ignored}
spec:
  capacity: {storage: 1024Mi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /tmp/pv_a}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 2000M}}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: example.com/nfs
",
        expect![[r#"
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv1
            spec:
              accessModes:
              - ReadWriteOnce
              capacity:
                storage: 1Gi
              hostPath:
                path: /tmp/pv_a
                type: ""
              persistentVolumeReclaimPolicy: Retain
              volumeMode: Filesystem
            status:
              phase: Pending
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
              namespace: default
            spec:
              accessModes:
              - ReadWriteOnce
              resources:
                requests:
                  storage: 2G
              volumeMode: Filesystem
            status:
              phase: Pending
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: example.com/nfs
            reclaimPolicy: Delete
            volumeBindingMode: Immediate
        "#]],
    );
}

#[test]
fn service_namespace_and_pod_defaults() {
    check(
        "apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: busybox@sha256:abc}]
",
        expect![[r#"
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: nginx
              namespace: default
            spec:
              clusterIP: None
              clusterIPs:
              - None
              internalTrafficPolicy: Cluster
              ipFamilies:
              - IPv4
              ipFamilyPolicy: SingleStack
              ports:
              - name: web
                port: 80
                protocol: TCP
                targetPort: 80
              selector:
                app: nginx
              sessionAffinity: None
              type: ClusterIP
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              labels:
                kubernetes.io/metadata.name: team-a
              name: team-a
            spec:
              finalizers:
              - kubernetes
            status:
              phase: Active
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: default
            spec:
              containers:
              - image: busybox@sha256:abc
                imagePullPolicy: IfNotPresent
                name: c
                resources: {}
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
              dnsPolicy: ClusterFirst
              enableServiceLinks: true
              restartPolicy: Always
              schedulerName: default-scheduler
              securityContext: {}
              terminationGracePeriodSeconds: 30
        "#]],
    );
}
