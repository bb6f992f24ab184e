//! Resource quantities (`100m`, `1Gi`, `500M`) as far as `kubectl describe node` needs
//! them: parsing to thousandths of a unit, adding, and printing back in the canonical
//! form of Kubernetes' `resource.Quantity` (largest exact suffix of the first operand's
//! kind, `m` for fractions, `0` for nothing).

/// Whether a quantity was written with binary (`Ki`, `Mi`, …) or decimal suffixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    BinarySi,
    DecimalSi,
}

/// A quantity in thousandths of its unit (millicores, millibytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub milli: i128,
    pub format: Format,
}

impl Quantity {
    pub const ZERO: Quantity = Quantity {
        milli: 0,
        format: Format::DecimalSi,
    };

    /// Reads `1`, `0.5`, `100m`, `128Mi`, `1G`, `2e3`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Quantity> {
        let text = text.trim();
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
            .unwrap_or(text.len());
        let (number, suffix) = text.split_at(split);
        let (format, scale_milli): (Format, i128) = match suffix {
            "" => (Format::DecimalSi, 1000),
            "m" => (Format::DecimalSi, 1),
            "k" => (Format::DecimalSi, 1_000_000),
            "M" => (Format::DecimalSi, 1_000_000_000),
            "G" => (Format::DecimalSi, 1_000_000_000_000),
            "T" => (Format::DecimalSi, 1_000_000_000_000_000),
            "P" => (Format::DecimalSi, 1_000_000_000_000_000_000),
            "Ki" => (Format::BinarySi, 1000 << 10),
            "Mi" => (Format::BinarySi, 1000 << 20),
            "Gi" => (Format::BinarySi, 1000 << 30),
            "Ti" => (Format::BinarySi, 1000 << 40),
            "Pi" => (Format::BinarySi, 1000 << 50),
            _ => {
                let exponent: u32 = suffix
                    .strip_prefix(['e', 'E'])
                    .and_then(|e| e.parse().ok())
                    .filter(|e| *e <= 18)?;
                (Format::DecimalSi, 1000 * 10i128.pow(exponent))
            }
        };
        let negative = number.starts_with('-');
        let number = number.trim_start_matches(['-', '+']);
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty() && fraction.is_empty() || whole.len() > 20 || fraction.len() > 20 {
            return None;
        }
        let whole: i128 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let mut milli = whole.checked_mul(scale_milli)?;
        let mut denominator: i128 = 1;
        for digit in fraction.chars() {
            let d = i128::from(digit.to_digit(10)? as u8);
            denominator = denominator.checked_mul(10)?;
            milli = milli.checked_add(d.checked_mul(scale_milli)? / denominator)?;
        }
        Some(Quantity {
            milli: if negative { -milli } else { milli },
            format,
        })
    }

    /// The sum, in the first operand's format (the zero quantity takes the other's).
    pub fn add(self, other: Quantity) -> Quantity {
        let format = if self.milli == 0 {
            other.format
        } else {
            self.format
        };
        Quantity {
            milli: self.milli.saturating_add(other.milli),
            format,
        }
    }

    /// Upstream: k8s.io/apimachinery pkg/api/resource Quantity.String (canonical form)
    pub fn to_text(self) -> String {
        if self.milli == 0 {
            return "0".into();
        }
        if self.milli % 1000 != 0 {
            return format!("{}m", self.milli);
        }
        let units = self.milli / 1000;
        let (base, suffixes): (i128, [&str; 5]) = match self.format {
            Format::BinarySi => (1024, ["Ki", "Mi", "Gi", "Ti", "Pi"]),
            Format::DecimalSi => (1000, ["k", "M", "G", "T", "P"]),
        };
        let mut best = (units, "");
        let mut divisor = base;
        for suffix in suffixes {
            if units % divisor != 0 {
                break;
            }
            best = (units / divisor, suffix);
            divisor = match divisor.checked_mul(base) {
                Some(d) => d,
                None => break,
            };
        }
        format!("{}{}", best.0, best.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        let cases = [
            ("100m", "100m"),
            ("0.5", "500m"),
            ("1", "1"),
            ("1024Mi", "1Gi"),
            ("1500Mi", "1500Mi"),
            ("1000M", "1G"),
            ("0", "0"),
            ("2e3", "2k"),
        ];
        for (input, expected) in cases {
            let q = Quantity::parse(input).map(Quantity::to_text);
            assert_eq!(q.as_deref(), Some(expected), "{input}");
        }
        assert_eq!(Quantity::parse("lots"), None);
        assert_eq!(Quantity::parse("1Qi"), None);
    }
}
