//! DNS answers as the tools in a pod print them: busybox 1.28 `nslookup` (the image the
//! StatefulSet tutorial uses) and BIND 9 `dig`, plus the resolution trace the DNS panel
//! and `stsplay explain dns` show. Pure formatting of `engine::dns` results.

use crate::engine::dns::{
    Answer, Dns, Lookup, RData, Rcode, Record, RecordType, Text, DNS_SERVICE_IP,
};
use crate::present::i18n::Lang;

/// What a command printed and the exit code it ended with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    pub output: String,
    pub exit_code: i32,
}

fn server_lines(dns: &Dns) -> String {
    let name = dns
        .reverse_name(DNS_SERVICE_IP)
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    format!("Server:    {DNS_SERVICE_IP}\nAddress 1: {DNS_SERVICE_IP}{name}\n\n")
}

/// `nslookup NAME` from busybox 1.28: the server, then the name as typed and each address
/// with its reverse name; `can't resolve` and exit code 1 when nothing answered.
pub fn nslookup(dns: &Dns, lookup: &Lookup) -> Printed {
    let mut output = server_lines(dns);
    let addresses = lookup.addresses();
    if addresses.is_empty() {
        output.push_str(&format!("nslookup: can't resolve '{}'\n", lookup.name));
        return Printed {
            output,
            exit_code: 1,
        };
    }
    output.push_str(&format!("Name:      {}\n", lookup.name));
    for (i, ip) in addresses.iter().enumerate() {
        let name = dns
            .reverse_name(ip)
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        output.push_str(&format!("Address {}: {ip}{name}\n", i + 1));
    }
    Printed {
        output,
        exit_code: 0,
    }
}

/// How `dig` prints (`+short` or the full response).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigStyle {
    Full,
    Short,
}

/// Pads `line` to the next column of BIND's master-file style: tabs up to `column`, or
/// one space when the line already reaches it.
fn to_column(line: &mut String, column: usize) {
    let width = line
        .chars()
        .fold(0, |at, c| if c == '\t' { (at / 8 + 1) * 8 } else { at + 1 });
    if width >= column {
        line.push(' ');
        return;
    }
    let mut at = width;
    while at < column {
        line.push('\t');
        at = (at / 8 + 1) * 8;
    }
}

fn record_line(record: &Record) -> String {
    let mut line = record.name.clone();
    to_column(&mut line, 24);
    line.push_str(&record.ttl.to_string());
    to_column(&mut line, 32);
    line.push_str("IN");
    to_column(&mut line, 40);
    line.push_str(record.data.record_type().name());
    to_column(&mut line, 48);
    line.push_str(&record.data.to_text());
    line
}

/// The size of a DNS message on the wire, with name compression as servers do it.
struct Wire {
    size: usize,
    /// Suffixes already written, as label lists.
    names: Vec<Vec<String>>,
}

impl Wire {
    fn name(&mut self, name: &str) {
        let labels: Vec<String> = name
            .trim_end_matches('.')
            .split('.')
            .filter(|l| !l.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        for i in 0..labels.len() {
            let suffix = labels[i..].to_vec();
            if self.names.contains(&suffix) {
                self.size += labels[..i].iter().map(|l| l.len() + 1).sum::<usize>() + 2;
                for j in 0..i {
                    self.names.push(labels[j..].to_vec());
                }
                return;
            }
        }
        self.size += labels.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
        for j in 0..labels.len() {
            self.names.push(labels[j..].to_vec());
        }
    }

    fn record(&mut self, record: &Record) {
        self.name(&record.name);
        self.size += 10;
        match &record.data {
            RData::A(_) => self.size += 4,
            RData::Aaaa(_) => self.size += 16,
            RData::Srv { target, .. } => {
                self.size += 6;
                self.name(target);
            }
            RData::Ptr(name) | RData::Cname(name) => self.name(name),
            RData::Txt(text) => self.size += 1 + text.len(),
            RData::Soa { mname, rname, .. } => {
                self.name(mname);
                self.name(rname);
                self.size += 20;
            }
        }
    }
}

fn message_size(question: &str, answer: &Answer) -> usize {
    let mut wire = Wire {
        size: 12,
        names: Vec::new(),
    };
    wire.name(question);
    wire.size += 4;
    for record in answer
        .answer
        .iter()
        .chain(&answer.authority)
        .chain(&answer.additional)
    {
        wire.record(record);
    }
    wire.size + 11 // the EDNS OPT record
}

fn weekday_date(ms: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let stamp = crate::time::rfc3339(ms);
    let day = ms.div_euclid(86_400_000).rem_euclid(7) as usize;
    let month: usize = stamp.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    format!(
        "{} {} {} {} UTC {}",
        DAYS[day],
        MONTHS[(month.clamp(1, 12)) - 1],
        stamp.get(8..10).unwrap_or("01"),
        stamp.get(11..19).unwrap_or("00:00:00"),
        stamp.get(0..4).unwrap_or("2024"),
    )
}

/// A deterministic message id for a query (dig draws one at random).
fn message_id(name: &str, now_ms: i64) -> u16 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes().chain(now_ms.to_le_bytes()) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    (hash & 0xffff) as u16
}

/// `dig [+short] [+search] [TYPE] NAME` run in a pod: the final query of the lookup
/// printed as BIND 9 prints it.
pub fn dig(lookup: &Lookup, style: DigStyle, now_ms: i64) -> Printed {
    let last = lookup
        .found
        .and_then(|i| lookup.tries.get(i))
        .or_else(|| lookup.tries.last());
    let Some(last) = last else {
        return Printed {
            output: format!("dig: '{}' is not a legal name\n", lookup.name),
            exit_code: 10,
        };
    };
    let answer = &last.answer;
    if style == DigStyle::Short {
        let output: String = answer
            .answer
            .iter()
            .map(|r| format!("{}\n", r.data.to_text()))
            .collect();
        return Printed {
            output,
            exit_code: 0,
        };
    }
    let question = format!("{}.", last.name);
    let qtype = lookup.qtype.name();
    let mut out = String::new();
    out.push_str(&format!(
        "\n; <<>> DiG 9.18.33 <<>> {}{}\n",
        if lookup.qtype == RecordType::A {
            String::new()
        } else {
            format!("{qtype} ")
        },
        lookup.name
    ));
    out.push_str(";; global options: +cmd\n;; Got answer:\n");
    out.push_str(&format!(
        ";; ->>HEADER<<- opcode: QUERY, status: {}, id: {}\n",
        answer.rcode.name(),
        message_id(&question, now_ms)
    ));
    let flags = if answer.authoritative {
        "qr aa rd"
    } else {
        "qr rd ra"
    };
    out.push_str(&format!(
        ";; flags: {flags}; QUERY: 1, ANSWER: {}, AUTHORITY: {}, ADDITIONAL: {}\n",
        answer.answer.len(),
        answer.authority.len(),
        answer.additional.len() + 1
    ));
    if answer.authoritative {
        out.push_str(";; WARNING: recursion requested but not available\n");
    }
    out.push_str("\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n");
    out.push_str(";; QUESTION SECTION:\n");
    let mut q = format!(";{question}");
    to_column(&mut q, 32);
    q.push_str("IN");
    to_column(&mut q, 40);
    q.push_str(qtype);
    out.push_str(&q);
    out.push('\n');
    for (title, records) in [
        ("ANSWER", &answer.answer),
        ("AUTHORITY", &answer.authority),
        ("ADDITIONAL", &answer.additional),
    ] {
        if records.is_empty() {
            continue;
        }
        out.push_str(&format!("\n;; {title} SECTION:\n"));
        for record in records {
            out.push_str(&record_line(record));
            out.push('\n');
        }
    }
    out.push_str("\n;; Query time: 0 msec\n");
    out.push_str(&format!(
        ";; SERVER: {DNS_SERVICE_IP}#53({DNS_SERVICE_IP}) (UDP)\n"
    ));
    out.push_str(&format!(";; WHEN: {}\n", weekday_date(now_ms)));
    out.push_str(&format!(
        ";; MSG SIZE  rcvd: {}\n\n",
        message_size(&question, answer)
    ));
    Printed {
        output: out,
        exit_code: 0,
    }
}

fn pick(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::En => &text.en,
        Lang::Zh => &text.zh,
    }
}

/// The resolution trace: every name tried with its answer and why, then the outcome and,
/// for a failure, the diagnosis.
pub fn trace(lookup: &Lookup, diagnosis: &[Text], lang: Lang) -> String {
    let mut out = match lang {
        Lang::En => format!(
            "Resolving {} ({}) from a pod in namespace \"{}\":\n",
            lookup.name,
            lookup.qtype.name(),
            lookup.namespace
        ),
        Lang::Zh => format!(
            "从命名空间 \"{}\" 中的 Pod 解析 {}({}):\n",
            lookup.namespace,
            lookup.name,
            lookup.qtype.name()
        ),
    };
    for (i, t) in lookup.tries.iter().enumerate() {
        let result = if t.answer.found() {
            t.answer
                .answer
                .iter()
                .map(|r| r.data.to_text())
                .collect::<Vec<_>>()
                .join(", ")
        } else if t.answer.rcode == Rcode::NxDomain {
            "NXDOMAIN".to_string()
        } else {
            match lang {
                Lang::En => "no records (NODATA)".to_string(),
                Lang::Zh => "没有记录(NODATA)".to_string(),
            }
        };
        out.push_str(&format!(
            "  {}. {}. → {result}\n     {}\n",
            i + 1,
            t.name,
            pick(&t.answer.why, lang)
        ));
    }
    match (lookup.found, lang) {
        (Some(i), Lang::En) => out.push_str(&format!("Answered by try {}.\n", i + 1)),
        (Some(i), Lang::Zh) => out.push_str(&format!("第 {} 次尝试得到了答案。\n", i + 1)),
        (None, Lang::En) => out.push_str("No name on the search list answered.\n"),
        (None, Lang::Zh) => out.push_str("搜索列表中的名称都没有得到答案。\n"),
    }
    for text in diagnosis {
        out.push_str(&format!("  • {}\n", pick(text, lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn master_file_columns() {
        let short = Record {
            name: "google.com.".into(),
            ttl: 300,
            data: RData::A("142.250.80.46".into()),
        };
        assert_eq!(
            record_line(&short),
            "google.com.\t\t300\tIN\tA\t142.250.80.46"
        );
        let long = Record {
            name: "web-0.nginx.default.svc.cluster.local.".into(),
            ttl: 30,
            data: RData::A("10.244.1.6".into()),
        };
        assert_eq!(
            record_line(&long),
            "web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.6"
        );
    }

    #[test]
    fn dig_dates() {
        assert_eq!(
            weekday_date(crate::time::EPOCH_MS),
            "Mon Jan 01 00:00:00 UTC 2024"
        );
        assert_eq!(
            weekday_date(crate::time::EPOCH_MS + 86_400_000 * 45 + 5_000),
            "Thu Feb 15 00:00:05 UTC 2024"
        );
    }
}
