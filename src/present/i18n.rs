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
    Apply,
    ApplyHint,
    Problems,
    EditorLabel,
    StepBack,
    StepForward,
    Play,
    Pause,
    Speed,
    JumpStart,
    JumpEnd,
    NextOf,
    Timeline,
    Clock,
    StepHint,
    Filter,
    Why,
    Yaml,
    Describe,
    EventsTab,
    Explain,
    Dns,
    Resolve,
    Namespace,
    DnsName,
    ConsoleInput,
    Run,
    Shortcuts,
    Close,
    Share,
    Reset,
    ResetConfirm,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Lessons,
    NextStop,
    CheckTask,
    Task,
    LessonDone,
    Completed,
    StopOf,
    LeaveLesson,
    ShareCopied,
    ShareManual,
    Dismiss,
    DownloadYaml,
    DownloadTranscript,
    SavedDamaged,
    ShareTooLong,
    RestoredSaved,
    RestoredLink,
}

impl Label {
    pub const ALL: [Label; 67] = {
        use Label::*;
        [
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
            Apply,
            ApplyHint,
            Problems,
            EditorLabel,
            StepBack,
            StepForward,
            Play,
            Pause,
            Speed,
            JumpStart,
            JumpEnd,
            NextOf,
            Timeline,
            Clock,
            StepHint,
            Filter,
            Why,
            Yaml,
            Describe,
            EventsTab,
            Explain,
            Dns,
            Resolve,
            Namespace,
            DnsName,
            ConsoleInput,
            Run,
            Shortcuts,
            Close,
            Share,
            Reset,
            ResetConfirm,
            ZoomIn,
            ZoomOut,
            ZoomReset,
            Lessons,
            NextStop,
            CheckTask,
            Task,
            LessonDone,
            Completed,
            StopOf,
            LeaveLesson,
            ShareCopied,
            ShareManual,
            Dismiss,
            DownloadYaml,
            DownloadTranscript,
            SavedDamaged,
            ShareTooLong,
            RestoredSaved,
            RestoredLink,
        ]
    };
}

/// The text of a label in a language.
pub fn text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    let (en, zh) = match label {
        Tagline => (
            "See how Kubernetes runs stateful workloads, one step at a time.",
            "一步一步看清 Kubernetes 如何运行有状态应用。",
        ),
        Language => ("Language", "语言"),
        Manifests => ("Manifests", "清单"),
        Steps => ("Steps", "步骤"),
        Cluster => ("Cluster", "集群"),
        Events => ("Event log", "事件日志"),
        Inspector => ("Inspector", "检查器"),
        Console => ("Console", "控制台"),
        EditorEmpty => (
            "Your StatefulSet, PersistentVolume and Service manifests go here.",
            "在这里编辑 StatefulSet、PersistentVolume 和 Service 清单。",
        ),
        StepsEmpty => (
            "Step controls appear once manifests are applied.",
            "应用清单后，这里会出现单步控制。",
        ),
        ClusterEmpty => (
            "The cluster graph shows pods, claims and volumes here.",
            "集群图会在这里显示 Pod、PVC 和 PV。",
        ),
        EventsEmpty => (
            "Every step of the control plane is listed here.",
            "控制平面的每一步都会列在这里。",
        ),
        InspectorEmpty => (
            "Select an object to see its YAML, events and description.",
            "选择一个对象，查看它的 YAML、事件和描述。",
        ),
        ConsoleEmpty => (
            "Run kubectl and nslookup commands here.",
            "在这里运行 kubectl 和 nslookup 命令。",
        ),
        ErrorTitle => ("Something went wrong in the playground", "演练场出错了"),
        Apply => ("Apply", "应用"),
        ApplyHint => ("Ctrl+Enter applies the manifests", "按 Ctrl+Enter 应用清单"),
        Problems => ("Problems", "问题"),
        EditorLabel => ("Kubernetes manifests (YAML)", "Kubernetes 清单(YAML)"),
        StepBack => ("Step back", "后退一步"),
        StepForward => ("Step forward", "前进一步"),
        Play => ("Play", "播放"),
        Pause => ("Pause", "暂停"),
        Speed => ("Speed", "速度"),
        JumpStart => ("Jump to start", "跳到开头"),
        JumpEnd => ("Jump to end", "跳到结尾"),
        NextOf => ("Next step of kind", "下一个同类步骤"),
        Timeline => ("Timeline", "时间线"),
        Clock => ("Simulated clock", "模拟时钟"),
        StepHint => (
            "Press → to take one step, or End to see the settled cluster.",
            "按 → 前进一步，或按 End 查看稳定后的集群。",
        ),
        Filter => ("Filter", "筛选"),
        Why => ("Why", "原因"),
        Yaml => ("YAML", "YAML"),
        Describe => ("Describe", "描述"),
        EventsTab => ("Events", "事件"),
        Explain => ("Explain", "解释"),
        Dns => ("DNS", "DNS"),
        Resolve => ("Resolve", "解析"),
        Namespace => ("Namespace", "命名空间"),
        DnsName => ("Name to resolve", "要解析的名称"),
        ConsoleInput => (
            "Command (kubectl, nslookup, dig)",
            "命令(kubectl、nslookup、dig)",
        ),
        Run => ("Run", "运行"),
        Shortcuts => ("Keyboard shortcuts", "键盘快捷键"),
        Close => ("Close", "关闭"),
        Share => ("Share", "分享"),
        Reset => ("Reset", "重置"),
        ResetConfirm => (
            "Discard your manifests and start again from the example?",
            "放弃你编辑的清单，从示例重新开始?",
        ),
        ZoomIn => ("Zoom in", "放大"),
        ZoomOut => ("Zoom out", "缩小"),
        ZoomReset => ("Reset zoom to 1:1", "缩放还原为 1:1"),
        Lessons => ("Lessons", "课程"),
        NextStop => ("Next", "下一步"),
        CheckTask => ("Check", "检查"),
        Task => ("Try it", "动手试试"),
        LessonDone => ("Lesson complete", "课程完成"),
        Completed => ("completed", "已完成"),
        StopOf => ("Stop", "步骤"),
        LeaveLesson => ("Leave lesson", "退出课程"),
        ShareCopied => ("Link copied", "链接已复制"),
        ShareManual => (
            "The browser did not allow copying; select the link and copy it:",
            "浏览器不允许复制;请选中链接后手动复制:",
        ),
        Dismiss => ("Dismiss", "关闭提示"),
        DownloadYaml => ("Download YAML", "下载 YAML"),
        DownloadTranscript => ("Download transcript", "下载命令记录"),
        SavedDamaged => (
            "Your saved timeline could not be read, so the page opened without it; it is kept until you change something.",
            "无法读取你保存的时间线，页面在没有它的情况下打开;在你做出修改之前它会被保留。",
        ),
        ShareTooLong => (
            "This scenario is too large for a link (more than 64 KiB).",
            "这个场景太大，无法放进链接(超过 64 KiB)。",
        ),
        RestoredSaved => (
            "Restored from your last visit: the commands above were run again to rebuild the timeline.",
            "已从你上次的访问恢复:上面的命令已重新运行，以重建时间线。",
        ),
        RestoredLink => (
            "Opened from a shared link: the commands above were run again to rebuild the timeline.",
            "已从分享链接打开:上面的命令已重新运行，以重建时间线。",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
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
    fn every_label_has_both_languages() {
        for label in Label::ALL {
            let (en, zh) = (text(Lang::En, label), text(Lang::Zh, label));
            assert!(!en.is_empty() && !zh.is_empty(), "{label:?}");
            if !matches!(label, Label::Yaml | Label::Dns) {
                assert_ne!(en, zh, "{label:?}");
            }
        }
    }
}
