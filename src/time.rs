//! Simulated time: milliseconds since the Unix epoch as plain integers, and their
//! RFC 3339 form (`2024-01-01T00:00:05Z`) as Kubernetes writes timestamps.
//! Pure arithmetic: nothing here reads a clock.

/// 2024-01-01T00:00:00Z, where every simulation starts.
pub const EPOCH_MS: i64 = 1_704_067_200_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Formats a time as Kubernetes does in object timestamps: whole seconds, UTC, `Z`.
pub fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    if !(0..=9999).contains(&y) {
        return format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            s / 3600,
            s / 60 % 60,
            s % 60
        );
    }
    // Every write stamps a time: the digits are written out without the formatter.
    let mut out = String::with_capacity(20);
    push_digits(&mut out, y, 4);
    out.push('-');
    push_digits(&mut out, m, 2);
    out.push('-');
    push_digits(&mut out, d, 2);
    out.push('T');
    push_digits(&mut out, s / 3600, 2);
    out.push(':');
    push_digits(&mut out, s / 60 % 60, 2);
    out.push(':');
    push_digits(&mut out, s % 60, 2);
    out.push('Z');
    out
}

/// Appends the last `width` decimal digits of `n` (not negative), zero-padded.
fn push_digits(out: &mut String, n: i64, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10_i64.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// A short number as `str::parse::<i64>` reads it (an optional sign, then digits),
/// without its general machinery: timestamps are parsed at every controller sync.
fn small_number(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if negative { -n } else { n })
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z` back into milliseconds; `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> { small_number(b.get(r)?) };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let rest = text.get(19..)?;
    let millis = match rest.strip_prefix('.') {
        Some(frac) => {
            let digits = frac.strip_suffix('Z')?;
            let padded = format!("{:0<3}", digits.get(..digits.len().min(3))?);
            padded.parse::<i64>().ok()?
        }
        None if rest == "Z" => 0,
        None => return None,
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some(((days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000) + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_new_year_2024() {
        assert_eq!(rfc3339(EPOCH_MS), "2024-01-01T00:00:00Z");
        assert_eq!(
            rfc3339(EPOCH_MS + 86_400_000 * 60 + 3_723_000),
            "2024-03-01T01:02:03Z"
        );
    }

    #[test]
    fn fields_are_read_as_str_parse_reads_them() {
        for text in [
            "2024", "+024", "-12", "0", "", "+", "-", "1a", " 1", "０1", "é", "99",
        ] {
            assert_eq!(
                small_number(text.as_bytes()),
                text.parse::<i64>().ok(),
                "{text:?}"
            );
        }
        assert_eq!(parse_rfc3339("2é24-01-01T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2024-01-01T00:00:00Z"), Some(EPOCH_MS));
    }

    #[test]
    fn written_digits_match_the_formatter() {
        let formatted = |ms: i64| {
            let secs = ms.div_euclid(1000);
            let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
            let s = secs.rem_euclid(86_400);
            format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
                s / 3600,
                s / 60 % 60,
                s % 60
            )
        };
        for ms in [
            -62_167_219_200_001, // the last second of year -1
            -62_167_219_200_000, // 0000-01-01
            -1,
            0,
            EPOCH_MS + 86_399_999,
            253_402_300_799_000, // 9999-12-31T23:59:59
            253_402_300_800_000, // 10000-01-01
        ] {
            assert_eq!(rfc3339(ms), formatted(ms), "{ms}");
        }
        assert_eq!(rfc3339(253_402_300_799_000), "9999-12-31T23:59:59Z");
        assert_eq!(rfc3339(-62_167_219_200_000), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn round_trip() {
        for ms in [
            0,
            EPOCH_MS,
            EPOCH_MS + 5_000,
            951_782_400_000,
            4_102_444_799_000,
        ] {
            assert_eq!(parse_rfc3339(&rfc3339(ms)), Some(ms), "{}", rfc3339(ms));
        }
        assert_eq!(
            parse_rfc3339("2024-01-01T00:00:00.5Z"),
            Some(EPOCH_MS + 500)
        );
        assert_eq!(parse_rfc3339("2024-13-01T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("yesterday"), None);
    }
}
