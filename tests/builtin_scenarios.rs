//! The built-in scenarios are data (issue 15: a smaller download): one text
//! file each in `src/scenario/builtin/`, in the teacher's format
//! (`docs/scenario-format.md`), parsed when first asked for. These tests hold
//! them to what the code that used to build them built: the whole value
//! (config, every step's operations, narration, expectation and question)
//! hashes to the fixture taken from the code-built scenarios before that
//! code was deleted, and each file is exactly what the printer writes.

use raftlab::scenario::{self, format};

/// FNV-1a, 64 bits: a hash that is the same on every platform and build.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The hash of everything the built-in scenarios hold (their `Debug` form).
fn scenarios_hash() -> u64 {
    fnv(&format!("{:#?}", scenario::all()))
}

#[test]
fn the_built_in_scenarios_are_exactly_the_code_built_ones() {
    let stored = include_str!("fixtures/scenarios_hash.txt").trim();
    assert_eq!(
        format!("{:016x}", scenarios_hash()),
        stored,
        "the built-in scenarios changed; if on purpose, store the new hash in tests/fixtures/scenarios_hash.txt"
    );
}

#[test]
fn there_are_twenty_seven_and_their_ids_are_unique() {
    let ids = scenario::ids();
    assert_eq!(ids.len(), 27);
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len());
    assert_eq!(ids[0], "election-basics");
}

#[test]
fn each_file_is_what_the_printer_writes() {
    for sc in scenario::all() {
        let text = format::print(&sc);
        let file = scenario::builtin_text(sc.id).expect("a file per scenario");
        assert_eq!(file, text, "{}", sc.id);
    }
}
