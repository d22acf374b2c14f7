//! Broken and edge-case text: every prefix and mutation of a document, edge
//! cases of numbers, strings and nesting, escapes, and skipped members get
//! the verdict `serde_json` gives them.

use crate::samples::actions;
use raftlab::view::share::codec;
use raftlab::view::share::json::{self, Json, JsonError};

/// Ok, cut short, or not JSON — as `serde_json` classifies it.
fn verdict_serde(text: &str) -> Result<(), bool> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|_| ())
        .map_err(|e| e.is_eof())
}

/// Ok, cut short, or not JSON — as the hand-written reader classifies it.
fn verdict_ours(text: &str) -> Result<(), bool> {
    json::parse(text, &[])
        .map(|_| ())
        .map_err(|e| e == JsonError::Eof)
}

#[test]
fn every_prefix_and_mutation_of_a_document_gets_serde_json_s_verdict() {
    let doc = format!(
        "{{\"a\": [1, -2, 3.5e-3, 0, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\\\"\"],\n \"b\": {}, \"c\": {{}}, \"d\": []}}",
        codec::to_string(&actions())
    );
    assert_eq!(verdict_ours(&doc), Ok(()));
    for cut in (0..doc.len()).filter(|&i| doc.is_char_boundary(i)) {
        let prefix = &doc[..cut];
        assert_eq!(verdict_ours(prefix), verdict_serde(prefix), "{prefix:?}");
    }
    // Single-byte changes across the whole text (a fixed pseudo-random walk).
    let bytes = doc.as_bytes();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..4000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = (x as usize) % bytes.len();
        let by = b"{}[]:,\"\\0123456789-+.eE tfnul\n\x01x"[(x >> 32) as usize % 32];
        let mut m = bytes.to_vec();
        m[at] = by;
        let Ok(text) = String::from_utf8(m) else {
            continue;
        };
        assert_eq!(verdict_ours(&text), verdict_serde(&text), "{text:?}");
    }
}

#[test]
fn edge_cases_read_as_serde_json_reads_them() {
    let cases = [
        "",
        " ",
        "0",
        "-0",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-",
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"\\x\"",
        "\"\t\"",
        "tru",
        "nul",
        "nulll",
        "[1] 2",
        "{\"a\" 1}",
        "{1:2}",
        "18446744073709551616",
        "18446744073709551615",
        "\"\\/\"",
    ];
    for text in cases {
        assert_eq!(verdict_ours(text), verdict_serde(text), "{text:?}");
    }
    assert_eq!(
        json::parse("18446744073709551615", &[]),
        Ok(Json::Int(u64::MAX))
    );
    assert_eq!(json::parse("18446744073709551616", &[]), Ok(Json::OtherNum));
    assert_eq!(json::parse("-0", &[]), Ok(Json::OtherNum));
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert_eq!(json::parse(&deep, &[]), Err(JsonError::Syntax));
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    let ok_deep = "[".repeat(100) + &"]".repeat(100);
    assert!(json::parse(&ok_deep, &[]).is_ok());
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let all: String = (0u32..0x800).filter_map(char::from_u32).collect::<String>() + "😀\u{2028}";
    let ours = codec::to_string(&all);
    assert_eq!(ours, serde_json::to_string(&all).unwrap());
    assert_eq!(codec::from_str::<String>(&ours).unwrap(), all);
}

#[test]
fn skipped_members_are_checked_but_not_kept() {
    let text = r#"{"events": [{"a": [1, 2]}, 3], "tick": 4}"#;
    let v = json::parse(text, &["events"]).unwrap();
    assert_eq!(v.get("events"), Some(&Json::Null));
    assert_eq!(v.get("tick").and_then(Json::as_u64), Some(4));
    assert_eq!(
        json::parse(r#"{"events": [1, }, "tick": 4}"#, &["events"]),
        Err(JsonError::Syntax)
    );
    assert_eq!(
        json::parse(r#"{"events": [1, "#, &["events"]),
        Err(JsonError::Eof)
    );
}
