//! Reading a Kubernetes resource quantity (`1Gi`, `500Mi`, `2G`, `1.5Gi`, `1e3`) as a whole
//! number of bytes, for comparing volume sizes with claim requests.
//!
//! This is a stand-in until `manifest::quantity` exists; then this file goes away and its
//! one caller uses that module. It lives in one place so the swap is a one-line change.

/// The value of a quantity in bytes, rounded up to a whole byte as `Quantity.Value()` does;
/// `None` when the text is not a quantity or does not fit.
///
/// Binary suffixes (`Ki` … `Ei`) are powers of 1024, decimal ones (`n`, `u`, `m`, `k`, `M`,
/// `G`, `T`, `P`, `E`) powers of 1000, and `e<n>`/`E<n>` a power of ten.
pub fn quantity_bytes(text: &str) -> Option<i128> {
    let text = text.trim();
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, text.get(1..)?),
        b'+' => (false, text.get(1..)?),
        _ => (false, text),
    };
    let number_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(number_len);
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    if (whole.is_empty() && fraction.is_empty()) || fraction.contains('.') {
        return None;
    }
    // Digits beyond what an i128 can hold are refused rather than wrapped.
    if whole.len().saturating_add(fraction.len()) > 36 {
        return None;
    }
    let mut mantissa: i128 = 0;
    for digit in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(digit - b'0'))?;
    }
    // value = mantissa * multiplier / divisor
    let mut multiplier: i128 = 1;
    let mut divisor: i128 = pow(10, u32::try_from(fraction.len()).ok()?)?;
    let binary = |power: u32| pow(1024, power);
    match suffix {
        "" => {}
        "Ki" => multiplier = binary(1)?,
        "Mi" => multiplier = binary(2)?,
        "Gi" => multiplier = binary(3)?,
        "Ti" => multiplier = binary(4)?,
        "Pi" => multiplier = binary(5)?,
        "Ei" => multiplier = binary(6)?,
        "n" => divisor = divisor.checked_mul(1_000_000_000)?,
        "u" => divisor = divisor.checked_mul(1_000_000)?,
        "m" => divisor = divisor.checked_mul(1_000)?,
        "k" => multiplier = pow(10, 3)?,
        "M" => multiplier = pow(10, 6)?,
        "G" => multiplier = pow(10, 9)?,
        "T" => multiplier = pow(10, 12)?,
        "P" => multiplier = pow(10, 15)?,
        "E" => multiplier = pow(10, 18)?,
        _ => {
            let exponent = suffix
                .strip_prefix('e')
                .or_else(|| suffix.strip_prefix('E'))?;
            let exponent: i32 = exponent.parse().ok()?;
            if exponent >= 0 {
                multiplier = pow(10, exponent.unsigned_abs())?;
            } else {
                divisor = divisor.checked_mul(pow(10, exponent.unsigned_abs())?)?;
            }
        }
    }
    let scaled = mantissa.checked_mul(multiplier)?;
    // Round away from zero to a whole byte, as Quantity.Value() does.
    let mut bytes = scaled / divisor;
    if scaled % divisor != 0 {
        bytes = bytes.checked_add(1)?;
    }
    Some(if negative { -bytes } else { bytes })
}

fn pow(base: i128, exponent: u32) -> Option<i128> {
    if exponent > 40 {
        return None;
    }
    base.checked_pow(exponent)
}

#[cfg(test)]
mod tests {
    use super::quantity_bytes;

    #[test]
    fn reads_binary_decimal_and_exponent_forms() {
        let cases = [
            ("1Gi", Some(1_073_741_824)),
            ("500Mi", Some(524_288_000)),
            ("2G", Some(2_000_000_000)),
            ("1.5Gi", Some(1_610_612_736)),
            ("100", Some(100)),
            ("1e3", Some(1000)),
            ("1E3", Some(1000)),
            ("1E", Some(1_000_000_000_000_000_000)),
            ("800E", Some(800_000_000_000_000_000_000)),
            ("1Ki", Some(1024)),
            ("1k", Some(1000)),
            ("1500m", Some(2)),
            (".5Ki", Some(512)),
            ("-1Gi", Some(-1_073_741_824)),
            ("1Gb", None),
            ("", None),
            ("Gi", None),
            ("1..5", None),
            ("1e999", None),
            ("99999999999999999999999999999999999999999999", None),
            ("1K", None),
        ];
        for (text, want) in cases {
            assert_eq!(quantity_bytes(text), want, "{text}");
        }
    }
}
