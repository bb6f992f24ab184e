//! Resource quantities as the API server reads, compares and prints them: a table of
//! texts with their byte counts and canonical forms, comparisons across suffixes, and the
//! texts that are refused.

use expect_test::expect;
use std::cmp::Ordering;
use stsplay::manifest::quantity::{self, Format, QuantityError, StorageError};

#[test]
fn parse_bytes_and_canonical_form() {
    let texts = [
        "1Gi", "500Mi", "2G", "1.5Gi", "1024Mi", "1536Mi", "0.5Ki", "1e3", "1E", "1Ei", "100m",
        "1500", "2000", "0", "-1Gi", "+3", "1.5G", "12e6", "0.1", "1000m", "1n", "007Ki", "5Ti",
    ];
    let mut out = String::new();
    for text in texts {
        let q = quantity::parse(text).unwrap();
        let bytes = match quantity::storage_bytes(text) {
            Ok(b) => b.to_string(),
            Err(e) => format!("{e:?}"),
        };
        out.push_str(&format!(
            "{text:<7} → {:<8} {:<15} bytes {bytes}\n",
            q.canonical(),
            format!("{:?}", q.format())
        ));
    }
    expect![[r#"
        1Gi     → 1Gi      BinarySI        bytes 1073741824
        500Mi   → 500Mi    BinarySI        bytes 524288000
        2G      → 2G       DecimalSI       bytes 2000000000
        1.5Gi   → 1536Mi   BinarySI        bytes 1610612736
        1024Mi  → 1Gi      BinarySI        bytes 1073741824
        1536Mi  → 1536Mi   BinarySI        bytes 1610612736
        0.5Ki   → 512      BinarySI        bytes 512
        1e3     → 1e3      DecimalExponent bytes 1000
        1E      → 1E       DecimalSI       bytes 1000000000000000000
        1Ei     → 1Ei      BinarySI        bytes 1152921504606846976
        100m    → 100m     DecimalSI       bytes NotWholeBytes
        1500    → 1500     DecimalSI       bytes 1500
        2000    → 2k       DecimalSI       bytes 2000
        0       → 0        DecimalSI       bytes 0
        -1Gi    → -1Gi     BinarySI        bytes Negative
        +3      → 3        DecimalSI       bytes 3
        1.5G    → 1500M    DecimalSI       bytes 1500000000
        12e6    → 12e6     DecimalExponent bytes 12000000
        0.1     → 100m     DecimalSI       bytes NotWholeBytes
        1000m   → 1        DecimalSI       bytes 1
        1n      → 1n       DecimalSI       bytes NotWholeBytes
        007Ki   → 7Ki      BinarySI        bytes 7168
        5Ti     → 5Ti      BinarySI        bytes 5497558138880
    "#]]
    .assert_eq(&out);
}

#[test]
fn comparisons_are_exact_across_suffixes() {
    assert_eq!(quantity::compare("1Gi", "1G"), Some(Ordering::Greater));
    assert_eq!(quantity::compare("1Gi", "1024Mi"), Some(Ordering::Equal));
    assert_eq!(quantity::compare("1G", "1000M"), Some(Ordering::Equal));
    assert_eq!(quantity::compare("500Mi", "0.5Gi"), Some(Ordering::Less));
    assert_eq!(quantity::compare("1e9", "1G"), Some(Ordering::Equal));
    assert_eq!(quantity::compare("1Gi", "bogus"), None);
    assert!(quantity::parse("10Gi").unwrap() > quantity::parse("9.9Gi").unwrap());
    assert_eq!(quantity::Quantity::from_bytes(1 << 30).canonical(), "1Gi");
    assert_eq!(quantity::parse("1Gi").unwrap().format(), Format::BinarySI);
}

#[test]
fn texts_that_are_not_quantities() {
    for text in [
        "", "Gi", "1GB", "1 Gi", "1.2.3", "1gi", "1e", "e3", "1Ki5", "--1", "0x10", "1e999",
    ] {
        let err = quantity::parse(text).unwrap_err();
        assert!(
            matches!(err, QuantityError::Syntax | QuantityError::TooLarge),
            "{text}: {err:?}"
        );
    }
    assert_eq!(quantity::parse("1e999"), Err(QuantityError::TooLarge));
    assert_eq!(
        quantity::storage_bytes("1GB"),
        Err(StorageError::Quantity(QuantityError::Syntax))
    );
    assert_eq!(
        QuantityError::Syntax.to_string(),
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    );
}
