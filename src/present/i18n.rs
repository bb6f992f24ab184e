//! The languages the playground speaks and the fixed labels of its interface, in English
//! and Simplified Chinese. Explanations of simulation steps come from the engine; this
//! file only holds the words of the page itself.

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag, used for `<html lang>` and for remembering the choice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// Reads a stored tag or a browser language (`zh`, `zh-CN`, `zh-Hans-CN`, `en-GB`, …).
    /// Any Chinese variant picks Simplified Chinese; everything else English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A fixed label of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Tagline,
    Language,
    Manifests,
    Steps,
    Cluster,
    Events,
    Inspector,
    Console,
    EditorEmpty,
    StepsEmpty,
    ClusterEmpty,
    EventsEmpty,
    InspectorEmpty,
    ConsoleEmpty,
    ErrorTitle,
}

/// The text of a label in a language.
pub fn text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    match (lang, label) {
        (Lang::En, Tagline) => "See how Kubernetes runs stateful workloads, one step at a time.",
        (Lang::Zh, Tagline) => "一步一步看清 Kubernetes 如何运行有状态应用。",
        (Lang::En, Language) => "Language",
        (Lang::Zh, Language) => "语言",
        (Lang::En, Manifests) => "Manifests",
        (Lang::Zh, Manifests) => "清单",
        (Lang::En, Steps) => "Steps",
        (Lang::Zh, Steps) => "步骤",
        (Lang::En, Cluster) => "Cluster",
        (Lang::Zh, Cluster) => "集群",
        (Lang::En, Events) => "Event log",
        (Lang::Zh, Events) => "事件日志",
        (Lang::En, Inspector) => "Inspector",
        (Lang::Zh, Inspector) => "检查器",
        (Lang::En, Console) => "Console",
        (Lang::Zh, Console) => "控制台",
        (Lang::En, EditorEmpty) => {
            "Your StatefulSet, PersistentVolume and Service manifests go here."
        }
        (Lang::Zh, EditorEmpty) => "在这里编辑 StatefulSet、PersistentVolume 和 Service 清单。",
        (Lang::En, StepsEmpty) => "Step controls appear once manifests are applied.",
        (Lang::Zh, StepsEmpty) => "应用清单后，这里会出现单步控制。",
        (Lang::En, ClusterEmpty) => "The cluster graph shows pods, claims and volumes here.",
        (Lang::Zh, ClusterEmpty) => "集群图会在这里显示 Pod、PVC 和 PV。",
        (Lang::En, EventsEmpty) => "Every step of the control plane is listed here.",
        (Lang::Zh, EventsEmpty) => "控制平面的每一步都会列在这里。",
        (Lang::En, InspectorEmpty) => "Select an object to see its YAML, events and description.",
        (Lang::Zh, InspectorEmpty) => "选择一个对象，查看它的 YAML、事件和描述。",
        (Lang::En, ConsoleEmpty) => "Run kubectl and nslookup commands here.",
        (Lang::Zh, ConsoleEmpty) => "在这里运行 kubectl 和 nslookup 命令。",
        (Lang::En, ErrorTitle) => "Something went wrong in the playground",
        (Lang::Zh, ErrorTitle) => "演练场出错了",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages_map_to_interface_languages() {
        let cases = [
            ("zh", Some(Lang::Zh)),
            ("zh-CN", Some(Lang::Zh)),
            ("zh-Hans-CN", Some(Lang::Zh)),
            ("zh_TW", Some(Lang::Zh)),
            ("en-GB", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("fr-FR", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn every_label_differs_between_languages() {
        use Label::*;
        let labels = [
            Tagline,
            Language,
            Manifests,
            Steps,
            Cluster,
            Events,
            Inspector,
            Console,
            EditorEmpty,
            StepsEmpty,
            ClusterEmpty,
            EventsEmpty,
            InspectorEmpty,
            ConsoleEmpty,
            ErrorTitle,
        ];
        for label in labels {
            assert_ne!(text(Lang::En, label), text(Lang::Zh, label), "{label:?}");
        }
    }
}
