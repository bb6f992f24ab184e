//! The `stsplay` command line: applies manifests to a simulated cluster, lets it settle,
//! runs commands and prints a transcript (or JSON) of what they printed.
//!
//! `stsplay [FILE...] [--cmd COMMAND]... [--json] [--seed N]`, and
//! `stsplay --lesson FILE` to play a guided lesson headless and check its checkpoints.

use std::io::Read;
use std::process::ExitCode;
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::manifest::{self, Severity};
use stsplay::present::shell;

const USAGE: &str = "usage: stsplay [FILE...] [--cmd COMMAND]... [--json] [--seed N]

Applies each FILE (- for standard input) as `kubectl apply -f FILE` would, lets the
simulated cluster settle, then runs each COMMAND (kubectl, nslookup, dig, explain) and
prints a transcript. --json prints [{\"command\", \"exit_code\", \"output\"}] instead.
stsplay --lesson FILE plays a guided lesson headless and checks its checkpoints.";

struct Args {
    lesson: Option<String>,
    files: Vec<String>,
    commands: Vec<String>,
    json: bool,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        lesson: None,
        files: Vec::new(),
        commands: Vec::new(),
        json: false,
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--cmd" => args
                .commands
                .push(it.next().ok_or("--cmd needs a command")?),
            "--json" => args.json = true,
            "--lesson" => args.lesson = Some(it.next().ok_or("--lesson needs a file")?),
            "--seed" => {
                let n = it.next().ok_or("--seed needs a number")?;
                args.seed = n
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {n}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with("--cmd=") => args.commands.push(a["--cmd=".len()..].to_string()),
            a if a.starts_with("--seed=") => {
                let n = &a["--seed=".len()..];
                args.seed = n
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {n}"))?;
            }
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option: {a}")),
            a => args.files.push(a.to_string()),
        }
    }
    Ok(args)
}

fn read(path: &str, stdin: &str) -> Result<String, String> {
    if path == "-" {
        return Ok(stdin.to_string());
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn json_string(s: &str) -> String {
    let mut out = String::new();
    stsplay::json::write_string(s, false, &mut out);
    out
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("stsplay: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.lesson {
        let lesson = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|text| {
                stsplay::manifest::lesson::parse(&text).map_err(|e| format!("{path}:{e}"))
            });
        return match lesson {
            Ok(lesson) => {
                let (transcript, ok) = stsplay::present::lesson::run_headless(&lesson);
                print!("{transcript}");
                if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(e) => {
                eprintln!("stsplay: {e}");
                ExitCode::from(1)
            }
        };
    }
    let mut stdin = String::new();
    if args.files.iter().any(|f| f == "-") {
        if let Err(e) = std::io::stdin().read_to_string(&mut stdin) {
            eprintln!("stsplay: reading standard input: {e}");
            return ExitCode::from(2);
        }
    }
    let mut sim = Simulation::new(args.seed);
    let mut transcript: Vec<(String, i32, String)> = Vec::new();
    let mut file_errors = false;
    for file in &args.files {
        let text = match read(file, &stdin) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("stsplay: {e}");
                file_errors = true;
                continue;
            }
        };
        for d in manifest::parse(&text).diagnostics {
            let severity = match d.severity {
                Severity::Error => {
                    file_errors = true;
                    "error"
                }
                Severity::Warning => "warning",
            };
            let path = if d.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", d.path)
            };
            eprintln!(
                "{file}:{}:{}: {severity}: {path}{}",
                d.line, d.column, d.message
            );
        }
        let command = format!("kubectl apply -f {file}");
        let printed = shell::run(&mut sim, &command, &|_| Ok(text.clone()));
        transcript.push((command, printed.exit_code, printed.output));
    }
    let settle = |sim: &mut Simulation| {
        if let Settle::Bounded { steps, elapsed_ms } = sim.settle() {
            eprintln!(
                "stsplay: warning: the cluster had not settled after {steps} steps and {}s of simulated time; stopped there",
                elapsed_ms / 1000
            );
        }
    };
    settle(&mut sim);
    for command in &args.commands {
        let printed = shell::run(&mut sim, command, &|path| read(path, &stdin));
        transcript.push((command.clone(), printed.exit_code, printed.output));
        settle(&mut sim);
    }
    if args.json {
        let items: Vec<String> = transcript
            .iter()
            .map(|(c, code, out)| {
                format!(
                    "{{\"command\": {}, \"exit_code\": {code}, \"output\": {}}}",
                    json_string(c),
                    json_string(out)
                )
            })
            .collect();
        println!("[{}]", items.join(", "));
    } else {
        for (c, _, out) in &transcript {
            println!("$ {c}");
            print!("{out}");
        }
    }
    if file_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
