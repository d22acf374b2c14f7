//! The link and file decoders under attack (issue 16): a fixed-seed corpus
//! of bombs, forged messages and mutations. Every input gives a clear
//! refusal or a run that fits the budgets — never a panic, never a replay
//! past the budget. `examples/link_fuzz.rs` runs a larger corpus.

use raftlab::raft::Rng;
use raftlab::sim::{InjectError, SimError};
use raftlab::view::i18n::Lang;
use raftlab::view::share::fuzz::{bombs, link_json, link_of_json, mutate, sample_link};
use raftlab::view::share::{refusal_text, Cost, Kept, ShareError, Shared, Source};

/// Opens `text` as the app does: decode (which validates and prices), then
/// replay. Returns the refusal, if any.
fn open(text: &str, file: bool) -> Result<(), ShareError> {
    let shared = if file {
        Shared::from_file(text)?
    } else {
        Shared::decode(text)?
    };
    assert!(
        Cost::of(&shared).fits(),
        "accepted over budget: {:?}",
        Cost::of(&shared)
    );
    shared.restore().map(|_| ())
}

#[test]
fn every_bomb_is_refused_before_it_runs() {
    for case in bombs() {
        let got = open(&case.text, case.file);
        let name = case.name;
        match name {
            "work-bomb-18k" | "local-tick-bomb" | "manual-pile-up" | "long-run" => {
                assert!(
                    matches!(got, Err(ShareError::OverBudget { .. })),
                    "{name}: {got:?}"
                )
            }
            "memory-bomb-252k" => assert!(
                matches!(
                    got,
                    Err(ShareError::OverBudget { .. } | ShareError::TooMuchMemory { .. })
                ),
                "{name}: {got:?}"
            ),
            "term-overflow" | "index-overflow" | "gap" | "entry-term-above" => assert!(
                matches!(
                    got,
                    Err(ShareError::BadMessage {
                        index: 0,
                        error: InjectError::Malformed(_)
                    })
                ),
                "{name}: {got:?}"
            ),
            "non-member" => assert_eq!(
                got,
                Err(ShareError::BadMessage {
                    index: 0,
                    error: InjectError::NotMember { node: 12 }
                })
            ),
            "forged-leader" | "forged-vote" => assert!(
                matches!(
                    got,
                    Err(ShareError::Replay(SimError::Inject(
                        InjectError::Implausible(_)
                    )))
                ),
                "{name}: {got:?}"
            ),
            _ => panic!("unexpected case {name}"),
        }
        let e = got.unwrap_err();
        let en = refusal_text(Lang::En, Source::Link, &e, Kept::CurrentRun);
        let zh = refusal_text(Lang::Zh, Source::Link, &e, Kept::CurrentRun);
        assert!(en.ends_with("The current run was kept."), "{en}");
        assert!(zh.ends_with("当前的运行保持不变。"), "{zh}");
    }
}

#[test]
fn the_bombs_are_the_sizes_the_issue_measured() {
    let sizes: Vec<(&str, usize)> = bombs().iter().map(|c| (c.name, c.text.len())).collect();
    let size = |n: &str| sizes.iter().find(|(name, _)| *name == n).unwrap().1;
    assert!(
        (15_000..22_000).contains(&size("work-bomb-18k")),
        "{sizes:?}"
    );
    assert!(
        (230_000..262_144).contains(&size("memory-bomb-252k")),
        "{sizes:?}"
    );
}

#[test]
fn mutated_links_never_panic_and_never_run_over_budget() {
    let good = sample_link();
    assert_eq!(open(&good, false), Ok(()));
    let json = link_json(&good).unwrap();
    let mut rng = Rng::new(16);
    let (mut accepted, mut refused) = (0, 0);
    for i in 0..600 {
        let mut text = if i % 2 == 0 {
            mutate(&mut rng, &good)
        } else {
            link_of_json(&mutate(&mut rng, &json))
        };
        if i % 7 == 0 {
            text = mutate(&mut rng, &text);
        }
        match open(&text, false) {
            Ok(()) => accepted += 1,
            Err(e) => {
                refused += 1;
                // Every refusal has words in both languages.
                assert!(!refusal_text(Lang::Zh, Source::Link, &e, Kept::DefaultCluster).is_empty());
            }
        }
    }
    assert_eq!(accepted + refused, 600);
    assert!(
        refused > 300,
        "most mutations break a link: {accepted} accepted"
    );
    assert!(accepted > 0, "some mutations (in values) still make a link");
}

#[test]
fn mutated_files_never_panic_and_never_run_over_budget() {
    let shared = Shared::decode(&sample_link()).unwrap();
    let file = shared.to_file();
    let mut rng = Rng::new(61);
    let mut refused = 0;
    for _ in 0..300 {
        let text = mutate(&mut rng, &file);
        if open(&text, true).is_err() {
            refused += 1;
        }
    }
    assert!(refused > 100, "{refused}");
    // A file from a newer raftlab says so.
    let newer = file.replace("\"version\": 1", "\"version\": 7");
    assert_eq!(
        Shared::from_file(&newer),
        Err(ShareError::NewerVersion { version: 7 })
    );
    let text = refusal_text(
        Lang::En,
        Source::File,
        &ShareError::NewerVersion { version: 7 },
        Kept::CurrentRun,
    );
    assert!(
        text.contains("newer version") && text.contains("v7"),
        "{text}"
    );
}

#[test]
fn truncating_every_bomb_anywhere_is_refused_cleanly() {
    for case in bombs().iter().filter(|c| c.text.len() < 30_000) {
        for cut in (0..case.text.len()).step_by(97) {
            let _ = open(&case.text[..cut], false);
        }
    }
}
