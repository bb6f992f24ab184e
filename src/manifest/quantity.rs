//! Kubernetes resource quantities (`1Gi`, `500Mi`, `2G`, `1.5Gi`, `100m`, `1e3`): parsing,
//! exact comparison, whole-byte counts for storage, and the canonical form the API server
//! prints back (`1.5Gi` is stored and shown as `1536Mi`). Pure functions over strings and
//! integers, shared by the manifest checks and the storage controller; nothing here knows
//! YAML or diagnostics.
//!
//! Upstream: k8s.io/apimachinery pkg/api/resource quantity.go `ParseQuantity`,
//! `CanonicalizeBytes`. A value is kept exactly, in units of 10⁻⁹ (nano), as an `i128`,
//! which covers every quantity a manifest can sensibly hold (up to about 10²⁰ Ei).

use std::cmp::Ordering;
use std::fmt;

/// How a quantity was written, which decides how it is printed back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Powers of 1024: `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`.
    BinarySI,
    /// Powers of 1000 or no suffix: `n`, `u`, `m`, `k`, `M`, `G`, `T`, `P`, `E`.
    DecimalSI,
    /// A decimal exponent: `1e3`, `5E6`.
    DecimalExponent,
}

/// A parsed quantity: an exact value and the format it was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    nanos: i128,
    format: Format,
}

/// Why a text is not a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityError {
    /// Not of the form number + suffix.
    Syntax,
    /// Larger than this simulation counts.
    TooLarge,
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The API server's words (resource.ErrFormatWrong).
            QuantityError::Syntax => f.write_str(
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            ),
            QuantityError::TooLarge => f.write_str("quantity is too large"),
        }
    }
}

/// Why a quantity cannot be a storage size in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    Quantity(QuantityError),
    /// Less than zero.
    Negative,
    /// A fraction of a byte, such as `100m` (0.1 byte) or `0.5`.
    NotWholeBytes,
}

const NANO: i128 = 1_000_000_000;

impl Quantity {
    /// A whole number of bytes, printed with binary suffixes.
    pub fn from_bytes(bytes: u64) -> Quantity {
        Quantity {
            nanos: i128::from(bytes) * NANO,
            format: Format::BinarySI,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The value as a whole number, if it is one (`100m` is not).
    pub fn whole(&self) -> Option<i128> {
        (self.nanos % NANO == 0).then_some(self.nanos / NANO)
    }

    /// The value in thousandths, rounded up as `MilliValue` does upstream.
    pub fn milli(&self) -> i128 {
        let (q, r) = (self.nanos / 1_000_000, self.nanos % 1_000_000);
        if r > 0 {
            q + 1
        } else {
            q
        }
    }

    pub fn is_zero(&self) -> bool {
        self.nanos == 0
    }

    pub fn is_negative(&self) -> bool {
        self.nanos < 0
    }

    /// The form `kubectl get -o yaml` shows (`CanonicalizeBytes` upstream): `1.5Gi` →
    /// `1536Mi`, `1024Mi` → `1Gi`, `1.5G` → `1500M`, `2000` → `2k`, `0.1` → `100m`.
    pub fn canonical(&self) -> String {
        let mut format = self.format;
        if format == Format::BinarySI && (self.nanos.abs() < 1024 * NANO || self.nanos % NANO != 0)
        {
            // Small or fractional binary amounts print as decimals upstream, to avoid rounding.
            format = Format::DecimalSI;
        }
        let sign = if self.nanos < 0 { "-" } else { "" };
        let value = self.nanos.unsigned_abs();
        match format {
            Format::BinarySI => {
                let mut mantissa = value / NANO as u128;
                let mut power = 0;
                while power < 6 && mantissa % 1024 == 0 && mantissa != 0 {
                    mantissa /= 1024;
                    power += 1;
                }
                let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power];
                format!("{sign}{mantissa}{suffix}")
            }
            Format::DecimalSI | Format::DecimalExponent => {
                let mut mantissa = value;
                let mut exponent: i32 = -9;
                while exponent < 18 && mantissa % 1000 == 0 && mantissa != 0 {
                    mantissa /= 1000;
                    exponent += 3;
                }
                if mantissa == 0 {
                    exponent = 0;
                }
                if format == Format::DecimalExponent {
                    if exponent == 0 {
                        format!("{sign}{mantissa}")
                    } else {
                        format!("{sign}{mantissa}e{exponent}")
                    }
                } else {
                    let suffix = match exponent {
                        -9 => "n",
                        -6 => "u",
                        -3 => "m",
                        3 => "k",
                        6 => "M",
                        9 => "G",
                        12 => "T",
                        15 => "P",
                        18 => "E",
                        _ => "",
                    };
                    format!("{sign}{mantissa}{suffix}")
                }
            }
        }
    }
}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Quantity {
    /// Quantities compare by value only: `1Gi` > `1G`, `1024Mi` == `1Gi`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.nanos.cmp(&other.nanos)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl std::str::FromStr for Quantity {
    type Err = QuantityError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// Parses a quantity as the API server does (`ParseQuantity`). Numbers may carry a
/// fraction (`1.5Gi`); suffixes are binary, decimal or a decimal exponent.
pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let int_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let int_part = text.get(int_start..i).unwrap_or("");
    let mut frac_part = "";
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        frac_part = text.get(frac_start..i).unwrap_or("");
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(QuantityError::Syntax);
    }
    let (decimal_exponent, binary_power, format) = suffix(text.get(i..).unwrap_or(""))?;

    // value = digits × 10^(decimal_exponent − len(frac)) × 1024^binary_power, in nanos.
    let digits = format!(
        "{}{}",
        int_part.trim_start_matches('0'),
        frac_part.trim_end_matches('0')
    );
    let frac_len = frac_part.trim_end_matches('0').len() as i32;
    let digits = if int_part.trim_start_matches('0').is_empty() {
        digits.trim_start_matches('0').to_string()
    } else {
        digits
    };
    if digits.len() > 36 {
        return Err(QuantityError::TooLarge);
    }
    let mut value: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| QuantityError::Syntax)?
    };
    for _ in 0..binary_power {
        value = value.checked_mul(1024).ok_or(QuantityError::TooLarge)?;
    }
    let scale = decimal_exponent + 9 - frac_len;
    if scale >= 0 {
        for _ in 0..scale {
            value = value.checked_mul(10).ok_or(QuantityError::TooLarge)?;
        }
    } else {
        // Below one nano the API server rounds up; so does this.
        let mut divisor: i128 = 1;
        for _ in 0..(-scale).min(40) {
            divisor = divisor.saturating_mul(10);
        }
        let rounded_up = value / divisor + i128::from(value % divisor != 0);
        value = rounded_up;
    }
    Ok(Quantity {
        nanos: if negative { -value } else { value },
        format,
    })
}

/// The decimal exponent, binary power and format a suffix stands for.
fn suffix(s: &str) -> Result<(i32, u32, Format), QuantityError> {
    let decimal = |e| Ok((e, 0, Format::DecimalSI));
    let binary = |p| Ok((0, p, Format::BinarySI));
    match s {
        "" => decimal(0),
        "n" => decimal(-9),
        "u" => decimal(-6),
        "m" => decimal(-3),
        "k" => decimal(3),
        "M" => decimal(6),
        "G" => decimal(9),
        "T" => decimal(12),
        "P" => decimal(15),
        "E" => decimal(18),
        "Ki" => binary(1),
        "Mi" => binary(2),
        "Gi" => binary(3),
        "Ti" => binary(4),
        "Pi" => binary(5),
        "Ei" => binary(6),
        _ => {
            let rest = s
                .strip_prefix('e')
                .or_else(|| s.strip_prefix('E'))
                .ok_or(QuantityError::Syntax)?;
            let digits = rest.strip_prefix(['+', '-']).unwrap_or(rest);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(QuantityError::Syntax);
            }
            let exponent: i32 = rest.parse().map_err(|_| QuantityError::TooLarge)?;
            if !(-60..=60).contains(&exponent) {
                return Err(QuantityError::TooLarge);
            }
            Ok((exponent, 0, Format::DecimalExponent))
        }
    }
}

/// A storage size in whole bytes: `1Gi` → 1073741824, `2G` → 2000000000. A fraction of a
/// byte (`100m`, `0.5`) is refused: it is nearly always a typo for `100M` or `100Mi`.
pub fn storage_bytes(text: &str) -> Result<u64, StorageError> {
    let q = parse(text).map_err(StorageError::Quantity)?;
    if q.is_negative() {
        return Err(StorageError::Negative);
    }
    let whole = q.whole().ok_or(StorageError::NotWholeBytes)?;
    u64::try_from(whole).map_err(|_| StorageError::Quantity(QuantityError::TooLarge))
}

/// Compares two quantity texts by value (`1Gi` vs `1G`); `None` if either does not parse.
pub fn compare(a: &str, b: &str) -> Option<Ordering> {
    Some(parse(a).ok()?.cmp(&parse(b).ok()?))
}

/// The canonical form of a quantity text, as the API server stores it; `None` if it does not parse.
pub fn canonical(text: &str) -> Option<String> {
    parse(text).ok().map(|q| q.canonical())
}
