//! Bookmarks travel with the run (issue 13): a link and a file carry the
//! teacher's notes, a link shared without its future keeps only the
//! bookmarks up to the moment on screen, and hostile bookmarks (beyond the
//! run, notes too long, too many) are refused with their own error.

use raftlab::sim::{SimConfig, Simulation};
use raftlab::view::bookmarks::{Bookmarks, MAX_BOOKMARKS, MAX_NOTE_CHARS};
use raftlab::view::share::{base64url_decode, base64url_encode, ShareError, Shareable, Shared};

fn run() -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 9,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(120).unwrap();
    sim
}

fn marks() -> Bookmarks {
    let mut b = Bookmarks::default();
    b.add(10, "n2 times out first").unwrap();
    b.add(80, "领导者当选 / leader elected").unwrap();
    b
}

fn listed(b: &Bookmarks) -> Vec<(u64, String)> {
    b.iter().map(|b| (b.tick, b.note.clone())).collect()
}

/// Rewrites a link's JSON (`"b":…` replaced) to forge bookmarks.
fn with_raw_bookmarks(link: &str, raw: &str) -> String {
    let payload = link.strip_prefix("v1.").unwrap();
    let json = String::from_utf8(base64url_decode(payload).unwrap()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["b"] = serde_json::from_str(raw).unwrap();
    format!("v1.{}", base64url_encode(v.to_string().as_bytes()))
}

#[test]
fn a_link_and_a_file_carry_the_bookmarks() {
    let sim = run();
    let shared = Shared::capture(&sim, None).with_bookmarks(marks());
    let back = Shared::decode(&shared.encode()).unwrap();
    assert_eq!(listed(&back.bookmarks), listed(&marks()));
    let file = Shared::from_file(&shared.to_file()).unwrap();
    assert_eq!(listed(&file.bookmarks), listed(&marks()));
    assert!(shared.to_file().contains("\"bookmarks\""));
    // No bookmarks: the link does not grow.
    let plain = Shared::capture(&sim, None).encode();
    let back = Shared::decode(&plain).unwrap();
    assert!(back.bookmarks.is_empty());
}

#[test]
fn a_link_without_its_future_keeps_the_bookmarks_up_to_the_moment() {
    let mut sim = run();
    sim.seek(50).unwrap();
    let shared = Shared::capture(&sim, None).with_bookmarks(marks());
    // Full link fits: both bookmarks, the future too.
    let Ok(Shareable::Full(f)) = shared.share() else {
        panic!("a short run shares whole");
    };
    assert_eq!(Shared::decode(&f).unwrap().bookmarks.len(), 2);
    // The without-future path, as Share takes it for a run too long.
    assert_eq!(
        listed(&marks().before(50)),
        vec![(10, "n2 times out first".to_string())]
    );
}

#[test]
fn hostile_bookmarks_are_refused_with_their_own_error() {
    let link = Shared::capture(&run(), None).encode();
    let beyond = with_raw_bookmarks(&link, "[[5, \"ok\"], [999999, \"after the end\"]]");
    assert_eq!(
        Shared::decode(&beyond),
        Err(ShareError::BadBookmark { index: 1 })
    );
    let long = format!("[[5, \"{}\"]]", "x".repeat(MAX_NOTE_CHARS + 1));
    assert_eq!(
        Shared::decode(&with_raw_bookmarks(&link, &long)),
        Err(ShareError::BadBookmark { index: 0 })
    );
    let many: Vec<String> = (0..=MAX_BOOKMARKS)
        .map(|i| format!("[{i}, \"\"]"))
        .collect();
    let many = format!("[{}]", many.join(","));
    assert_eq!(
        Shared::decode(&with_raw_bookmarks(&link, &many)),
        Err(ShareError::BadBookmark {
            index: MAX_BOOKMARKS
        })
    );
    assert_eq!(
        Shared::decode(&with_raw_bookmarks(&link, "[[\"x\", 1]]")),
        Err(ShareError::Malformed)
    );
    // Control characters are cleaned, not refused.
    let ctl = Shared::decode(&with_raw_bookmarks(&link, "[[5, \"a\\u0007b\"]]")).unwrap();
    assert_eq!(listed(&ctl.bookmarks), vec![(5, "ab".to_string())]);
    let msg = raftlab::view::share::refusal_text(
        raftlab::view::i18n::Lang::Zh,
        raftlab::view::share::Source::Link,
        &ShareError::BadBookmark { index: 1 },
        raftlab::view::share::Kept::CurrentRun,
    );
    assert!(
        msg.contains("书签") && msg.contains("当前的运行保持不变"),
        "{msg}"
    );
}
