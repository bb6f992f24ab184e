//! The share format (`present/share.rs`): random scenarios survive encode and decode
//! unchanged; a real scenario replayed from its link gives the same steps, byte for byte,
//! the same console and the same cursor; every truncation and many random changes of a
//! link are refused with an error, never a panic; and the version, length, size and
//! inflation limits each give their own message.

use stsplay::engine::sim::Simulation;
use stsplay::present::i18n::Lang;
use stsplay::present::share::{
    self, capture, decode, encode, record, replay, LessonAt, Limit, Ran, ShareError, Shared,
};

/// A small seeded generator (xorshift64*), so that a failure names its seed.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn text(&mut self, max_chars: u64) -> String {
        const PIECES: &[&str] = &[
            "apiVersion: v1\n",
            "kind: StatefulSet\n",
            "  replicas: 3\n",
            "名字: 网络\n",
            "# 注释 ✓ émoji 🚀\n",
            "---\n",
            "\"quoted\\\" 'x'\"",
            "\t",
            "\u{0}",
            "\u{feff}",
            "\r\n",
            "ü",
            " ",
        ];
        let mut s = String::new();
        for _ in 0..self.below(max_chars) {
            if self.below(3) == 0 {
                s.push(char::from_u32(self.below(0x3_0000) as u32).unwrap_or('?'));
            } else {
                s.push_str(PIECES[self.below(PIECES.len() as u64) as usize]);
            }
        }
        s
    }
    fn shared(&mut self) -> Shared {
        let texts: Vec<String> = (0..1 + self.below(4)).map(|_| self.text(60)).collect();
        let pick = |g: &mut Gen| texts[g.below(texts.len() as u64) as usize].clone();
        let commands = (0..self.below(12))
            .map(|_| Ran {
                at: self.below(5_000) as usize,
                clock_ms: self.next() as i64 >> self.below(64),
                line: self.text(8),
                file: pick(self),
            })
            .collect();
        Shared {
            seed: self.next(),
            editor: pick(self),
            commands,
            known: self.below(share::MAX_STEPS as u64 + 1) as usize,
            cursor: self.below(share::MAX_STEPS as u64 + 1) as usize,
            clock_ms: self.next() as i64,
            lesson: (self.below(2) == 0).then(|| LessonAt {
                id: format!("{:02}-lesson-{}", self.below(100), self.below(1000)),
                stop: self.below(share::MAX_STOP as u64 + 1) as usize,
            }),
        }
    }
}

#[test]
fn random_scenarios_survive_encode_and_decode() {
    for seed in 1..=400u64 {
        let mut g = Gen(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let shared = g.shared();
        let link = encode(&shared);
        assert!(link.starts_with("1."), "seed {seed}");
        assert!(
            link[2..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "seed {seed}: {link}"
        );
        assert_eq!(decode(&link), Ok(shared), "seed {seed}");
    }
}

const WEB: &str = include_str!("../static/examples/web.yaml");

/// The learner's session: apply the example, step, run commands, step back and fork.
fn session() -> (Simulation, Vec<Ran>, Vec<(String, String, i32)>) {
    let mut sim = Simulation::new(7);
    let mut ran = Vec::new();
    let mut console = Vec::new();
    let mut run = |sim: &mut Simulation, line: &str, file: &str| {
        let (r, printed) = record(sim, line, file);
        console.push((line.to_string(), printed.output, printed.exit_code));
        ran.push(r);
    };
    run(&mut sim, "kubectl apply -f manifests.yaml", WEB);
    for _ in 0..12 {
        sim.step();
    }
    run(&mut sim, "kubectl get pods", WEB);
    run(&mut sim, "kubectl scale statefulset web --replicas=4", WEB);
    sim.settle();
    run(&mut sim, "kubectl delete pod web-1", WEB);
    sim.settle();
    // Back into the past, and a change there forks the history.
    sim.seek(20);
    let edited = WEB.replace("replicas: 3", "replicas: 2");
    run(&mut sim, "kubectl apply -f manifests.yaml", &edited);
    sim.settle();
    run(&mut sim, "kubectl get pvc", &edited);
    let middle = sim.steps().len() / 2;
    sim.seek(middle);
    (sim, ran, console)
}

#[test]
fn a_shared_scenario_replays_to_the_same_steps_console_and_cursor() {
    let (sim, ran, console) = session();
    assert!(sim.steps().len() > 30, "{}", sim.steps().len());
    let lesson = Some(LessonAt {
        id: "01-statefulset-basics".into(),
        stop: 2,
    });
    let shared = capture(&sim, &ran, "edited but not applied: 名字", lesson);
    let link = encode(&shared);
    assert!(link.len() < 4_000, "the link stays short: {}", link.len());
    let back = decode(&link).expect("decodes");
    assert_eq!(back, shared);
    let replayed = replay(&back);
    assert_eq!(replayed.sim.cursor(), sim.cursor());
    assert_eq!(replayed.sim.steps().len(), sim.steps().len());
    assert_eq!(
        format!("{:?}", replayed.sim.steps()),
        format!("{:?}", sim.steps()),
        "the step logs are byte-identical"
    );
    assert_eq!(replayed.sim.world().now_ms, sim.world().now_ms);
    assert_eq!(
        format!("{:?}", replayed.sim.world().objects().collect::<Vec<_>>()),
        format!("{:?}", sim.world().objects().collect::<Vec<_>>())
    );
    assert_eq!(replayed.console, console);
}

#[test]
fn a_settled_cluster_replays_with_the_same_clock_at_the_end() {
    let mut sim = Simulation::new(3);
    let (r, _) = record(&mut sim, "kubectl apply -f m.yaml", WEB);
    sim.settle();
    // Stepping past the end may move the clock to a timer without a step.
    sim.step();
    let shared = capture(&sim, &[r], WEB, None);
    let replayed = replay(&decode(&encode(&shared)).expect("decodes"));
    assert_eq!(replayed.sim.cursor(), sim.cursor());
    assert_eq!(replayed.sim.world().now_ms, sim.world().now_ms);
}

#[test]
fn a_cursor_beyond_the_steps_is_clamped_after_replay() {
    let mut sim = Simulation::new(1);
    let (r, _) = record(&mut sim, "kubectl apply -f m.yaml", WEB);
    sim.settle();
    let settled = sim.steps().len();
    let mut shared = capture(&sim, &[r], WEB, None);
    shared.cursor = share::MAX_STEPS;
    shared.known = share::MAX_STEPS;
    let replayed = replay(&decode(&encode(&shared)).expect("decodes"));
    assert_eq!(replayed.sim.steps().len(), settled);
    assert_eq!(replayed.sim.cursor(), settled);
}

fn sample_link() -> String {
    let (sim, ran, _) = session();
    encode(&capture(&sim, &ran, WEB, None))
}

#[test]
fn every_truncation_of_a_link_is_refused() {
    let link = sample_link();
    for end in 0..link.len() {
        assert!(decode(&link[..end]).is_err(), "cut at {end}");
    }
}

#[test]
fn random_changes_to_a_link_are_refused_or_read_without_panic() {
    let link = sample_link();
    let mut g = Gen(0x5eed);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/%";
    let mut refused = 0;
    let rounds = 600;
    for round in 0..rounds {
        let mut bytes = link.clone().into_bytes();
        for _ in 0..1 + g.below(4) {
            let at = 2 + g.below(bytes.len() as u64 - 2) as usize;
            match g.below(3) {
                0 => bytes[at] = alphabet[g.below(alphabet.len() as u64) as usize],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, alphabet[g.below(alphabet.len() as u64) as usize]),
            }
        }
        let mutated = String::from_utf8(bytes).expect("ASCII");
        if mutated == link {
            continue;
        }
        // A change may by chance still inflate to valid JSON; it must then obey the bounds.
        match decode(&mutated) {
            Err(_) => refused += 1,
            Ok(s) => {
                assert!(
                    s.known <= share::MAX_STEPS && s.cursor <= share::MAX_STEPS,
                    "{round}"
                );
                assert!(s.commands.len() <= share::MAX_COMMANDS, "{round}");
            }
        }
    }
    assert!(refused > rounds * 9 / 10, "refused {refused} of {rounds}");
}

#[test]
fn a_link_from_another_format_version_says_so() {
    let link = sample_link();
    let future = format!("2{}", &link[1..]);
    let err = decode(&future).unwrap_err();
    assert_eq!(err, ShareError::Version(2));
    assert_eq!(
        err.message(Lang::En),
        "This link was made by a newer version of stsplay (format 2); nothing was loaded."
    );
    assert!(err.message(Lang::Zh).contains("更新版本"));
    assert_eq!(decode("0.AAAA"), Err(ShareError::Version(0)));
    assert!(decode("0.AAAA")
        .unwrap_err()
        .message(Lang::En)
        .contains("format 0"));
}

#[test]
fn a_damaged_link_says_it_is_damaged() {
    for bad in ["", "1", "1.", "x.abc", "1.!!!!", "99999999999.a", "1.AAAA"] {
        let err = decode(bad).unwrap_err();
        assert_eq!(err, ShareError::Damaged, "{bad:?}");
    }
    let msg = ShareError::Damaged.message(Lang::En);
    assert!(
        msg.contains("damaged") && msg.contains("nothing was loaded"),
        "{msg}"
    );
    assert!(ShareError::Damaged.message(Lang::Zh).contains("损坏"));
}

#[test]
fn an_over_long_link_is_refused_before_reading_it() {
    let long = format!("1.{}", "A".repeat(share::MAX_LINK));
    assert_eq!(decode(&long), Err(ShareError::TooLong));
    assert!(ShareError::TooLong.message(Lang::En).contains("64 KiB"));
}

/// Base64url of raw deflate, as `encode` writes, for hand-made bodies.
fn pack(body: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(body, 9);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::from("1.");
    for chunk in packed.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// A body as the format lays it out: LEB128 numbers and length-prefixed bytes.
#[derive(Default)]
struct Body(Vec<u8>);

impl Body {
    fn n(mut self, mut n: u64) -> Body {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
        self
    }
    fn s(self, bytes: &[u8]) -> Body {
        let mut b = self.n(bytes.len() as u64);
        b.0.extend_from_slice(bytes);
        b
    }
}

/// seed, texts, editor 0, commands (at, clock 0, line, file), known, cursor 0, clock 0,
/// lesson.
fn body(
    texts: &[&[u8]],
    commands: &[(u64, &[u8], u64)],
    known: u64,
    lesson: Option<(&str, u64)>,
) -> Vec<u8> {
    let mut b = Body::default().n(1).n(texts.len() as u64);
    for t in texts {
        b = b.s(t);
    }
    b = b.n(0).n(commands.len() as u64);
    for (at, line, file) in commands {
        b = b.n(*at).n(0).s(line).n(*file);
    }
    b = b.n(known).n(0).n(0);
    b = match lesson {
        None => b.n(0),
        Some((id, stop)) => b.n(1).s(id.as_bytes()).n(stop),
    };
    b.0
}

#[test]
fn a_compression_bomb_stops_at_the_inflation_limit() {
    // 32 MiB of spaces packs into about 32 KiB; inflating must stop at 1 MiB.
    let bomb = vec![b' '; 32 << 20];
    let link = pack(&bomb);
    assert!(link.len() <= share::MAX_LINK, "{}", link.len());
    assert_eq!(decode(&link), Err(ShareError::TooLarge));
    assert!(ShareError::TooLarge.message(Lang::En).contains("1 MiB"));
}

#[test]
fn counts_and_step_numbers_beyond_their_bounds_are_refused() {
    let ok = body(&[b"a"], &[(0, b"kubectl get pods", 0)], 3, None);
    let read = decode(&pack(&ok)).expect("a hand-made body reads");
    assert_eq!(read.commands[0].line, "kubectl get pods");
    assert_eq!(read.known, 3);
    let many_texts = vec![b"t".as_slice(); share::MAX_TEXTS + 1];
    let many_commands = vec![(0, b"x".as_slice(), 0); share::MAX_COMMANDS + 1];
    let long_line = vec![b'x'; share::MAX_COMMAND_LEN + 1];
    let beyond = share::MAX_STEPS as u64 + 1;
    let cases = [
        (body(&many_texts, &[], 0, None), Limit::Texts),
        (body(&[b"a"], &many_commands, 0, None), Limit::Commands),
        (
            body(&[b"a"], &[(0, &long_line, 0)], 0, None),
            Limit::CommandLength,
        ),
        (body(&[b"a"], &[], beyond, None), Limit::Steps),
        (body(&[b"a"], &[(beyond, b"x", 0)], 0, None), Limit::Steps),
        (body(&[b"a"], &[], 0, Some(("../etc", 0))), Limit::Lesson),
        (
            body(&[b"a"], &[], 0, Some(("01-basics", 1001))),
            Limit::Lesson,
        ),
        (
            body(&[b"a"], &[], 0, Some((&"x".repeat(65), 0))),
            Limit::Lesson,
        ),
    ];
    for (bytes, limit) in cases {
        let err = decode(&pack(&bytes)).unwrap_err();
        assert_eq!(err, ShareError::Exceeds(limit), "{limit:?}");
        assert!(err.message(Lang::En).contains("more than stsplay accepts"));
        assert!(err.message(Lang::Zh).contains("上限"));
    }
    let damaged = [
        // A text index that points nowhere.
        body(&[b"a"], &[(0, b"x", 5)], 0, None),
        // Invalid UTF-8 in a text.
        body(&[b"\xff\xfe"], &[], 0, None),
        // A string longer than what is left.
        Body::default().n(1).n(1).n(1000).0,
        // Bytes after the end.
        [ok.clone(), vec![0]].concat(),
        // A lesson marker that is neither 0 nor 1.
        [ok[..ok.len() - 1].to_vec(), vec![7]].concat(),
        // A number that does not fit 64 bits.
        vec![0xff; 11],
        Vec::new(),
    ];
    for bytes in damaged {
        assert_eq!(decode(&pack(&bytes)), Err(ShareError::Damaged), "{bytes:?}");
    }
}

#[test]
fn an_unknown_lesson_is_named_in_both_languages() {
    assert!(share::unknown_lesson("99-x", Lang::En).contains("\"99-x\" is not on this site"));
    assert!(share::unknown_lesson("99-x", Lang::Zh).contains("99-x"));
}

#[test]
fn embed_parameters_are_read_only_when_known_and_bounded() {
    use stsplay::present::embed::{parse, Panel, Theme};
    assert_eq!(parse(""), None);
    assert_eq!(parse("?lesson=01-statefulset-basics"), None, "not an embed");
    assert_eq!(parse("?embed=0"), None);
    let e = parse(
        "?embed=1&lesson=01-statefulset-basics&step=5&readonly=1&panels=graph%2Clog,nope,graph\
         &theme=dark&lang=zh&autoplay=1&click=1&unknown=x",
    )
    .expect("an embed");
    assert_eq!(e.lesson.as_deref(), Some("01-statefulset-basics"));
    assert_eq!(e.step, Some(5));
    assert!(e.read_only && e.autoplay);
    assert_eq!(e.panels, vec![Panel::Graph, Panel::Log]);
    assert!(e.shows(Panel::Graph) && !e.shows(Panel::Editor));
    assert_eq!(e.theme, Some(Theme::Dark));
    assert_eq!(e.lang, Some(Lang::Zh));
    let bad = parse(&format!(
        "embed=1&lesson=../../x&step=-1&theme=pink&lang=fr&readonly=yes&s=1.a%3Cb&panels={}",
        "x".repeat(500)
    ))
    .expect("an embed");
    assert_eq!(bad.lesson, None);
    assert_eq!(bad.step, None);
    assert_eq!(bad.theme, None);
    assert_eq!(bad.lang, None);
    assert_eq!(bad.scenario, None);
    assert!(!bad.read_only);
    assert!(bad.panels.is_empty() && bad.shows(Panel::Dns));
    assert_eq!(
        parse(&format!("embed=1&step={}", share::MAX_STEPS + 1)).map(|e| e.step),
        Some(None)
    );
    let link = sample_link();
    let inline = parse(&format!("embed=1&s={link}")).expect("an embed");
    assert_eq!(inline.scenario.as_deref(), Some(link.as_str()));
    assert!(decode(inline.scenario.as_deref().unwrap_or_default()).is_ok());
}
