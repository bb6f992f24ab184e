//! Decimal text to the nearest `f64` and back, for YAML's floats. The standard library's
//! `str::parse::<f64>` links a 10 KB table of powers of five into the bundle, which
//! brotli cannot shrink, for the few floats a manifest ever holds; this file gives the
//! same answers without a table. Most floats (at most 15 digits, a power of ten up to
//! 10²²) are one correctly rounded multiplication or division (Clinger's fast path); the
//! rest are a long division of big integers, rounded half to even as the standard
//! parser rounds. Printing goes the other way on serde_json's shortest digits, so the
//! standard library's float printer is not linked either.

use std::cmp::Ordering;

/// Significant digits kept; any further digits only decide rounding, and 768 always
/// suffice for that (the most a value halfway between two doubles can have).
const MAX_DIGITS: usize = 800;

/// go-yaml's float pattern, `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, read
/// to the nearest `f64` (ties to even, overflow to infinity); `None` when `s` is not one.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let negative = b.first() == Some(&b'-');
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let run = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        b.get(start..*i).unwrap_or_default()
    };
    let integer = run(&mut i);
    let mut fraction: &[u8] = &[];
    if b.get(i) == Some(&b'.') {
        i += 1;
        fraction = run(&mut i);
    }
    if integer.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut exponent: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let exponent_negative = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let digits = run(&mut i);
        if digits.is_empty() {
            return None;
        }
        // Past a million the value is infinite or zero whatever the digits say.
        for d in digits {
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000);
        }
        if exponent_negative {
            exponent = -exponent;
        }
    }
    if i != b.len() {
        return None;
    }
    let digits: Vec<u8> = integer.iter().chain(fraction).map(|d| d - b'0').collect();
    let magnitude = to_f64(&digits, exponent - fraction.len() as i64);
    Some(if negative { -magnitude } else { magnitude })
}

/// The `f64` nearest to the integer written by `digits` (values 0 to 9, most significant
/// first) times 10^`exp10`.
fn to_f64(digits: &[u8], mut exp10: i64) -> f64 {
    let start = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    let end = digits
        .iter()
        .rposition(|&d| d != 0)
        .map_or(start, |last| last + 1);
    exp10 += (digits.len() - end) as i64;
    let mut digits = digits.get(start..end).unwrap_or_default().to_vec();
    let n = digits.len() as i64;
    if n == 0 || n + exp10 <= -325 {
        // Below 10⁻³²⁵, under half the smallest subnormal.
        return 0.0;
    }
    if n - 1 + exp10 >= 309 {
        return f64::INFINITY;
    }
    if digits.len() > MAX_DIGITS {
        // The cut digits end in a non-zero one: a 1 after the kept ones rounds the same.
        exp10 += (digits.len() - MAX_DIGITS) as i64 - 1;
        digits.truncate(MAX_DIGITS);
        digits.push(1);
    }
    if digits.len() <= 15 && (-22..=22).contains(&exp10) {
        let mantissa = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let power = (0..exp10.unsigned_abs()).fold(1.0f64, |p, _| p * 10.0);
        return if exp10 < 0 {
            mantissa / power
        } else {
            mantissa * power
        };
    }
    let mut num = vec![0u32];
    for &d in &digits {
        mul_add(&mut num, 10, u32::from(d));
    }
    let mut den = vec![1u32];
    for _ in 0..exp10.unsigned_abs() {
        mul_add(if exp10 < 0 { &mut den } else { &mut num }, 10, 0);
    }
    // Scale so that num / den lies in [2^53, 2^55): value = (num / den) × 2^-shift.
    let shift = 54 - (bit_len(&num) as i64 - bit_len(&den) as i64);
    if shift >= 0 {
        num = shl(&num, shift as u64);
    } else {
        den = shl(&den, shift.unsigned_abs());
    }
    let mut quotient = 0u64;
    for bit in (0..56).rev() {
        let part = shl(&den, bit);
        if compare(&num, &part) != Ordering::Less {
            subtract(&mut num, &part);
            quotient |= 1 << bit;
        }
    }
    let inexact = num.iter().any(|&limb| limb != 0);
    // Keep 53 bits, or fewer for a subnormal, whose last bit is worth 2^-1074.
    let bits = 64 - i64::from(quotient.leading_zeros());
    let drop = (bits - 53).max(shift - 1074);
    if drop > bits {
        return 0.0;
    }
    let drop = drop as u32;
    let mut mantissa = quotient >> drop;
    let rest = quotient & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (inexact || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    let mut unit = i64::from(drop) - shift;
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        unit += 1;
    }
    if mantissa < 1 << 52 {
        return f64::from_bits(mantissa);
    }
    let biased = unit + 1075;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (mantissa & ((1 << 52) - 1)))
}

/// The shortest digits that read back as `|f|` (finite), with neither leading nor trailing
/// zeros, and the power of ten of the first; zero has no digits. zmij (serde_json's float
/// printer) finds them, so the standard library's (two algorithms, a big-number type and
/// their tables) stays out of the bundle.
fn shortest(f: f64) -> (String, i64) {
    if !f.is_finite() {
        return (String::new(), 0);
    }
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(f.abs());
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{integer}{fraction}");
    let lead = digits.bytes().take_while(|&d| d == b'0').count();
    let significant = digits.get(lead..).unwrap_or("").trim_end_matches('0');
    (
        significant.to_string(),
        integer.len() as i64 - lead as i64 - 1 + exponent,
    )
}

fn sign(f: f64) -> String {
    String::from(if f.is_sign_negative() { "-" } else { "" })
}

/// What `format!("{f}")` prints for a finite `f` (`1.5`, `-0`, `0.0000001`, `1e21` in
/// full), except that a value exactly halfway between two shortest candidates takes the
/// even one, as Go does.
pub(crate) fn positional(f: f64) -> String {
    let (digits, exponent) = shortest(f);
    let mut out = sign(f);
    if digits.is_empty() {
        out.push('0');
    } else if exponent < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
        out.push_str(&digits);
    } else {
        let whole = exponent as usize + 1;
        match (digits.get(..whole), digits.get(whole..)) {
            (Some(integer), Some(fraction)) if !fraction.is_empty() => {
                out.push_str(integer);
                out.push('.');
                out.push_str(fraction);
            }
            _ => {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', whole.saturating_sub(digits.len())));
            }
        }
    }
    out
}

/// What `format!("{f:e}")` prints for a finite `f` (`1.5e-7`, `1e21`, `-2e0`), ties to
/// even as in `positional`.
pub(crate) fn exponent_form(f: f64) -> String {
    let (digits, exponent) = shortest(f);
    let mut out = sign(f);
    if digits.is_empty() {
        out.push_str("0e0");
        return out;
    }
    let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out.push_str(&format!("e{exponent}"));
    out
}

/// `x` with `places` digits after the point, rounded half away from zero: `fixed(2.25,
/// 1)` is `2.3`. For drawing coordinates; `{:.1}` would link the standard library's
/// exact float printer.
#[cfg(any(test, target_arch = "wasm32"))]
pub(crate) fn fixed(x: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let scaled = (x * scale as f64).round() as i64;
    let mut out = String::from(if scaled < 0 { "-" } else { "" });
    let magnitude = scaled.unsigned_abs();
    out.push_str(&(magnitude / scale as u64).to_string());
    if places > 0 {
        let fraction = (magnitude % scale as u64).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', places as usize - fraction.len()));
        out.push_str(&fraction);
    }
    out
}

/// `n = n × factor + add`, on little-endian 32-bit limbs.
fn mul_add(n: &mut Vec<u32>, factor: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in n.iter_mut() {
        let v = u64::from(*limb) * u64::from(factor) + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        n.push(carry as u32);
    }
}

fn bit_len(n: &[u32]) -> u64 {
    n.iter()
        .rposition(|&limb| limb != 0)
        .map_or(0, |i| 32 * i as u64 + 32 - u64::from(n[i].leading_zeros()))
}

fn shl(n: &[u32], bits: u64) -> Vec<u32> {
    let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
    let mut out = vec![0u32; limbs];
    let mut carry = 0u32;
    for &limb in n {
        out.push((limb << bits) | carry);
        carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
    }
    out.push(carry);
    out
}

fn compare(a: &[u32], b: &[u32]) -> Ordering {
    let len = |n: &[u32]| n.iter().rposition(|&limb| limb != 0).map_or(0, |i| i + 1);
    let (la, lb) = (len(a), len(b));
    la.cmp(&lb).then_with(|| {
        let a = a.get(..la).unwrap_or_default();
        let b = b.get(..lb).unwrap_or_default();
        a.iter().rev().cmp(b.iter().rev())
    })
}

/// `a -= b`, where `a >= b`.
fn subtract(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    for (i, limb) in a.iter_mut().enumerate() {
        let v = i64::from(*limb) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(v < 0);
        *limb = v.rem_euclid(1 << 32) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::{exponent_form, fixed, parse_float, positional};

    fn same(text: &str) {
        let want: f64 = text.parse().unwrap_or(f64::NAN);
        let got = parse_float(text).unwrap_or(f64::NAN);
        assert_eq!(got.to_bits(), want.to_bits(), "{text}: {got:e} != {want:e}");
    }

    #[test]
    fn reads_what_the_standard_parser_reads() {
        for text in [
            "0", "-0", "-0.0", "+1", "1.", ".5", "1.5", "3.14159", "1e3", "1E+3", "1e-3",
            "123456789012345678901234567890", "0.1", "0.3", "1e22", "1e23", "9007199254740993",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "1e1000000000000",
            "1e-1000000000000", "0.000000000000000000000000000000000000000001e42",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "7.038531e-26", "8.533e+68", "4.1006e-184", "9.998e+307", "9.9538452227e-280",
            "6.47660115e-260", "7.4e+47", "5.92e+48", "7.35e+66", "8.32116e+55",
        ] {
            same(text);
        }
    }

    #[test]
    fn long_mantissas_round_like_the_standard_parser() {
        // Halfway between 1 and the next double, then a hair either side of it.
        let half = "1.00000000000000011102230246251565404236316680908203125";
        same(half);
        same(&format!("{half}0000000000000000000000001"));
        same("1.00000000000000011102230246251565404236316680908203124999999");
        let long = format!("0.{}1e-300", "0".repeat(900));
        same(&long);
        same(&format!("{}e-700", "9".repeat(1000)));
    }

    #[test]
    fn agrees_on_many_generated_numbers() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            // A random double printed back, exactly, shortest, or cut short.
            let value = f64::from_bits(next() & !(1 << 63));
            if !value.is_finite() {
                continue;
            }
            same(&format!("{value:e}"));
            same(&format!("{:.20e}", value));
            same(&format!("{:.5e}", value));
            let digits = 1 + next() % 25;
            let exponent = (next() % 700) as i64 - 350;
            let mantissa: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            same(&format!("{mantissa}e{exponent}"));
        }
    }

    #[test]
    fn prints_like_the_standard_formatter() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let specials = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            1e21,
            1e-7,
            123456.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            // 1658206780088562.25, exactly halfway between two shortest texts.
            f64::from_bits(0x4317_9085_685d_83c9),
        ];
        let randoms = (0..50_000).map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            f64::from_bits(state)
        });
        for f in specials
            .into_iter()
            .chain(randoms)
            .filter(|f| f.is_finite())
        {
            same_but_ties(&exponent_form(f), &format!("{f:e}"), f);
            same_but_ties(&positional(f), &format!("{f}"), f);
        }
    }

    /// `ours` is `std`'s text, or, where `f` lies exactly halfway between the two
    /// shortest candidates, the other one, with an even last digit as Go picks it
    /// (1658206780088562.25 prints as 1658206780088562.2; `std` rounds that tie up).
    fn same_but_ties(ours: &str, std: &str, f: f64) {
        if ours == std {
            return;
        }
        let (a, b) = (ours.as_bytes(), std.as_bytes());
        let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len());
        // The last digit of the mantissa.
        let last = |s: &[u8]| s.iter().position(|&c| c == b'e').unwrap_or(s.len()) - 1;
        assert!(
            a.len() == b.len()
                && at == last(a)
                && at == last(b)
                && a[at] % 2 == 0
                && a[at] + 1 == b[at]
                && parse_float(ours) == Some(f),
            "{:#x}: {ours} != {std}",
            f.to_bits()
        );
    }

    #[test]
    fn prints_fixed_places_rounding_half_away_from_zero() {
        for (x, places, want) in [
            (0.0, 1, "0.0"),
            (12.0, 1, "12.0"),
            (12.5, 1, "12.5"),
            (-3.04, 1, "-3.0"),
            (-3.06, 1, "-3.1"),
            (2.25, 1, "2.3"),
            (-0.04, 1, "0.0"),
            (33.3333333, 3, "33.333"),
            (0.0625, 3, "0.063"),
            (99.9996, 3, "100.000"),
            (7.0, 0, "7"),
        ] {
            assert_eq!(fixed(x, places), want, "{x} to {places} places");
        }
    }

    #[test]
    fn refuses_what_is_not_a_yaml_float() {
        for text in [
            "", ".", "-", "+.", "e3", "1e", "1e+", "1.2.3", "0x10", "1_000", " 1", "inf", ".e1",
        ] {
            assert_eq!(parse_float(text), None, "{text}");
        }
    }
}
