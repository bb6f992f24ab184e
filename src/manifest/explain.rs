//! What each kind of diagnostic means, told plainly for learners in English and
//! Simplified Chinese. One short explanation per code; the diagnostic's message carries
//! the specifics (field, value, the API server's words). Written for this project, not
//! copied from any tutorial.

/// The kind of problem a diagnostic reports; it selects the learner explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The text is over the size limit.
    InputTooLarge,
    /// Mappings or sequences nested too deep.
    NestingTooDeep,
    /// Aliases expand into too many nodes.
    AliasBomb,
    /// The text is not valid YAML.
    YamlSyntax,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// A `---` line followed by something other than a comment.
    DocumentSeparator,
    /// A document that is not a mapping.
    NotAnObject,
    /// `apiVersion` or `kind` missing.
    MissingTypeInfo,
    /// A kind the playground does not simulate.
    KindNotSimulated,
    /// A simulated kind under an apiVersion the playground does not serve.
    ApiVersionNotSimulated,
    /// A field name the kind does not have.
    UnknownField,
    /// A value of the wrong type (a string for a number, a list for a map, …).
    TypeMismatch,
    /// A quantity the API server cannot read.
    BadQuantity,
    /// A storage size that is a fraction of a byte, such as `100m`.
    FractionalStorage,
    /// The API server rejects a name.
    InvalidName,
    /// The StatefulSet selector does not match its pod template's labels.
    SelectorMismatch,
    /// The API server requires a field that is missing.
    RequiredField,
    /// A value outside the list the API server accepts.
    UnsupportedValue,
    /// The API server forbids this field or change.
    Forbidden,
    /// Any other API server validation error.
    Invalid,
    /// A StatefulSet name too long for its pods' `controller-revision-hash` label.
    NameTooLongForPods,
    /// `maxUnavailable`, an alpha feature that is off in 1.33.
    FeatureDisabled,
    /// `serviceName` names no Service.
    ServiceMissing,
    /// The governing Service is not headless.
    ServiceNotHeadless,
    /// The governing Service does not select the StatefulSet's pods.
    ServiceSelectorMismatch,
    /// A `storageClassName` that no StorageClass and no PersistentVolume carries.
    UnknownStorageClass,
    /// A volumeMount whose name matches no volume and no claim template.
    MountWithoutVolume,
    /// More than one StorageClass marked default.
    SeveralDefaultClasses,
    /// A PersistentVolume reserved for a claim that does not exist.
    ClaimRefMissing,
    /// More problems in one document than are listed.
    TooManyProblems,
}

/// A short explanation for learners, in English and Simplified Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Code {
    pub fn explanation(self) -> Explanation {
        let (en, zh) = match self {
            Code::InputTooLarge => (
                "The playground reads manifests of up to 1 MiB. Split the text or remove what the exercise does not need.",
                "练习场最多读取 1 MiB 的清单。请拆分文本，或删掉练习用不到的部分。",
            ),
            Code::NestingTooDeep => (
                "The YAML is nested far deeper than any Kubernetes object. Check for runaway brackets or indentation.",
                "这段 YAML 的嵌套层数远超任何 Kubernetes 对象。请检查是否有多余的括号或缩进。",
            ),
            Code::AliasBomb => (
                "Anchors (&name) and aliases (*name) copy YAML. Here they multiply into so much data that reading it would hang, so the document is refused.",
                "锚点 (&name) 和别名 (*name) 会复制 YAML 内容。这里它们层层展开成海量数据，读取会卡死，因此拒绝该文档。",
            ),
            Code::YamlSyntax => (
                "This is not valid YAML, so nothing in this document can be read. Look at the indentation and the colons near the marked spot.",
                "这不是合法的 YAML，本文档无法读取。请检查标记位置附近的缩进和冒号。",
            ),
            Code::DuplicateKey => (
                "The same key appears twice in one mapping. kubectl refuses this; keep one of them.",
                "同一个映射中出现了重复的键。kubectl 会拒绝这种写法，请只保留一个。",
            ),
            Code::DocumentSeparator => (
                "A line starting with --- separates documents and may only be followed by a comment. Put the content on the next line.",
                "以 --- 开头的行用来分隔文档，后面只能跟注释。请把内容放到下一行。",
            ),
            Code::NotAnObject => (
                "Each document must be one Kubernetes object: a mapping with apiVersion, kind, metadata and usually spec.",
                "每个文档必须是一个 Kubernetes 对象：包含 apiVersion、kind、metadata（通常还有 spec）的映射。",
            ),
            Code::MissingTypeInfo => (
                "Every object says what it is with apiVersion and kind, for example apiVersion: apps/v1 and kind: StatefulSet.",
                "每个对象都要用 apiVersion 和 kind 说明自己的类型，例如 apiVersion: apps/v1 和 kind: StatefulSet。",
            ),
            Code::KindNotSimulated => (
                "The playground simulates StatefulSets, Pods, PersistentVolumes, PersistentVolumeClaims, StorageClasses, Services, Namespaces and Nodes. Other kinds are skipped; the rest of the manifest still runs.",
                "练习场模拟 StatefulSet、Pod、PersistentVolume、PersistentVolumeClaim、StorageClass、Service、Namespace 和 Node。其他类型会被跳过，清单的其余部分照常运行。",
            ),
            Code::ApiVersionNotSimulated => (
                "Each kind is served at one apiVersion: StatefulSet at apps/v1, StorageClass at storage.k8s.io/v1, the others at v1. Older versions such as apps/v1beta1 were removed from Kubernetes.",
                "每种类型只在一个 apiVersion 下提供：StatefulSet 是 apps/v1，StorageClass 是 storage.k8s.io/v1，其余是 v1。apps/v1beta1 等旧版本已从 Kubernetes 中移除。",
            ),
            Code::UnknownField => (
                "This field does not exist at this place in the object, so Kubernetes would ignore it (or refuse the object with strict validation). Often it is a typo or sits at the wrong indentation.",
                "对象的这个位置没有这个字段，Kubernetes 会忽略它（严格校验时会拒绝整个对象）。通常是拼写错误或缩进放错了层级。",
            ),
            Code::TypeMismatch => (
                "The value has the wrong type. In YAML, yes, no, on and off are booleans and 1.0 is a number: quote them (\"yes\", \"1.0\") where text is expected, and write numbers without quotes where a number is expected.",
                "值的类型不对。在 YAML 里 yes、no、on、off 是布尔值，1.0 是数字：需要文本的地方请加引号（\"yes\"、\"1.0\"），需要数字的地方请不要加引号。",
            ),
            Code::BadQuantity => (
                "Sizes are written as a number with an optional suffix: 1Gi and 500Mi are powers of 1024, 2G and 500M powers of 1000.",
                "容量写成数字加可选后缀：1Gi、500Mi 按 1024 的幂计算，2G、500M 按 1000 的幂计算。",
            ),
            Code::FractionalStorage => (
                "A lowercase m means milli (one thousandth), so 100m is a tenth of a byte. For megabytes write 100M, or 100Mi for mebibytes.",
                "小写 m 表示“毫”（千分之一），所以 100m 是十分之一字节。表示兆字节请写 100M，或写 100Mi 表示 MiB。",
            ),
            Code::InvalidName => (
                "Names become parts of DNS names and labels, so they use lower-case letters, digits and '-', and start and end with a letter or digit.",
                "名称会成为 DNS 名称和标签的一部分，只能使用小写字母、数字和“-”，并且以字母或数字开头和结尾。",
            ),
            Code::SelectorMismatch => (
                "A StatefulSet finds its pods through spec.selector, so the pod template's labels must match it; otherwise the API server refuses the StatefulSet.",
                "StatefulSet 通过 spec.selector 找到自己的 Pod，所以 Pod 模板的标签必须与之匹配，否则 API 服务器会拒绝这个 StatefulSet。",
            ),
            Code::RequiredField => (
                "The API server needs this field to create the object. Add it at the marked place.",
                "API 服务器创建对象时需要这个字段。请在标记位置补上。",
            ),
            Code::UnsupportedValue => (
                "Only the values listed in the message are accepted here; spelling and capitals matter.",
                "这里只接受消息中列出的取值，拼写和大小写都必须一致。",
            ),
            Code::Forbidden => (
                "The API server does not allow this field or this change. The message says what is allowed instead.",
                "API 服务器不允许这个字段或这个修改。消息里说明了允许的做法。",
            ),
            Code::Invalid => (
                "The API server checks every object before storing it, and this value fails one of its rules, so kubectl apply would be refused.",
                "API 服务器在保存对象前会逐项检查，这个值不符合其中一条规则，因此 kubectl apply 会被拒绝。",
            ),
            Code::NameTooLongForPods => (
                "Each pod gets the label controller-revision-hash=<name>-<hash>, and label values hold at most 63 characters. With a name over 52 characters the StatefulSet is accepted but no pod can ever be created.",
                "每个 Pod 都会带上标签 controller-revision-hash=<名称>-<哈希>，而标签值最多 63 个字符。名称超过 52 个字符时，StatefulSet 能被创建，但永远创建不出 Pod。",
            ),
            Code::FeatureDisabled => (
                "maxUnavailable belongs to an alpha feature that is switched off in Kubernetes 1.33, so the API server drops it and updates replace one pod at a time.",
                "maxUnavailable 属于 Kubernetes 1.33 中默认关闭的 alpha 特性，API 服务器会丢弃它，更新时仍然一次只替换一个 Pod。",
            ),
            Code::ServiceMissing => (
                "serviceName names the headless Service that gives each pod a DNS name such as web-0.nginx. Without that Service the pods run, but their names do not resolve.",
                "serviceName 指向为每个 Pod 提供 DNS 名称（如 web-0.nginx）的无头服务。没有这个 Service，Pod 照常运行，但名称无法解析。",
            ),
            Code::ServiceNotHeadless => (
                "A StatefulSet's governing Service is normally headless (clusterIP: None): DNS then returns each pod's own address instead of one shared virtual IP.",
                "StatefulSet 的管理服务通常是无头服务（clusterIP: None）：这样 DNS 返回每个 Pod 自己的地址，而不是一个共享的虚拟 IP。",
            ),
            Code::ServiceSelectorMismatch => (
                "A Service only finds pods whose labels match its selector. If it does not select the StatefulSet's pods, they get no endpoints and no DNS records.",
                "Service 只会选中标签与其 selector 匹配的 Pod。如果选不中 StatefulSet 的 Pod，它们就没有端点，也没有 DNS 记录。",
            ),
            Code::UnknownStorageClass => (
                "A claim binds to a PersistentVolume of the same storageClassName, or is provisioned by the StorageClass of that name. Nothing here carries this name, so the claim would stay Pending.",
                "存储卷声明只会绑定 storageClassName 相同的 PersistentVolume，或由同名 StorageClass 动态供应。这里没有任何对象使用这个名称，声明会一直处于 Pending。",
            ),
            Code::MountWithoutVolume => (
                "A volumeMount names the volume it mounts: a volume in the pod template or a volumeClaimTemplate. With no such name, every pod would be rejected.",
                "volumeMount 通过名称指定要挂载的卷：Pod 模板中的 volume 或 volumeClaimTemplate。找不到这个名称时，每个 Pod 都会被拒绝。",
            ),
            Code::SeveralDefaultClasses => (
                "Only one StorageClass should be the default. With several, claims without a storageClassName get the most recently created one.",
                "默认 StorageClass 应该只有一个。有多个时，未指定 storageClassName 的声明会使用最近创建的那个。",
            ),
            Code::ClaimRefMissing => (
                "claimRef reserves this volume for one claim. No such claim is in the manifest, so the volume stays reserved and no other claim can bind it.",
                "claimRef 把这个卷预留给某个声明。清单中没有这个声明，卷会一直被预留，其他声明都无法绑定它。",
            ),
            Code::TooManyProblems => (
                "This document has so many problems that only the first ones are listed. Fix those first; the rest often disappear with them.",
                "这个文档的问题太多，只列出了前面一部分。请先修正这些，其余问题往往会随之消失。",
            ),
        };
        Explanation { en, zh }
    }
}
