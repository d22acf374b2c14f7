//! The quorum read/write lab (course notes seed 000, Dynamo's N/W/R; Gifford
//! 1979): the model's versions, writes and reads; exhaustively for small n,
//! r + w > n never reads stale and r + w ≤ n always can; bad input changes
//! nothing and is explained in both languages.

use raftlab::view::i18n::Lang;
use raftlab::view::quorum_lab::{
    find_stale_read, QuorumAction as A, QuorumError, QuorumLab, Set, MAX_N,
};
use raftlab::view::quorum_lab_text::{error_text, read_text, rule_text};

#[test]
fn the_notes_example_n3_w2_r2_reads_the_newest() {
    let mut lab = QuorumLab::default();
    assert_eq!((lab.n(), lab.w(), lab.r()), (3, 2, 2));
    assert!(lab.overlapping());
    // Default sets: write to R1, R2; read from R2, R3.
    lab.apply(A::Write).unwrap();
    assert_eq!(lab.versions(), [1, 1, 0]);
    lab.apply(A::Read).unwrap();
    let read = lab.last_read().unwrap();
    assert_eq!(read.answers, [(1, 1), (2, 0)]);
    assert_eq!((read.returned, read.newest, read.stale()), (1, 1, false));
    assert_eq!(
        read_text(Lang::En, read),
        "read R2=v1, R3=v0 → returns v1, the newest version: fresh"
    );
}

#[test]
fn disjoint_sets_with_r_plus_w_at_most_n_read_stale() {
    let mut lab = QuorumLab::new(3, 1, 1).unwrap();
    assert!(!lab.overlapping());
    lab.apply(A::Write).unwrap(); // to R1
    lab.apply(A::Write).unwrap(); // to R1 again: v2
    lab.apply(A::Read).unwrap(); // from R3
    let read = lab.last_read().unwrap().clone();
    assert_eq!(
        (read.answers.clone(), read.returned, read.newest),
        (vec![(2, 0)], 0, 2)
    );
    assert!(read.stale());
    assert!(read_text(Lang::Zh, &read).contains("读到旧值"));
    // Choosing the replica the write reached makes the same read fresh.
    lab.apply(A::Toggle(Set::Read, 2)).unwrap();
    lab.apply(A::Toggle(Set::Read, 0)).unwrap();
    lab.apply(A::Read).unwrap();
    assert_eq!(lab.last_read().unwrap().returned, 2);
    assert!(!lab.last_read().unwrap().stale());
}

#[test]
fn a_read_returns_the_newest_version_among_those_asked() {
    let mut lab = QuorumLab::new(5, 2, 3).unwrap();
    lab.apply(A::Write).unwrap(); // R1, R2 = v1
    lab.apply(A::Toggle(Set::Write, 0)).unwrap();
    lab.apply(A::Toggle(Set::Write, 2)).unwrap();
    lab.apply(A::Write).unwrap(); // R2, R3 = v2
    assert_eq!(lab.versions(), [1, 2, 2, 0, 0]);
    lab.apply(A::Read).unwrap(); // R3, R4, R5
    assert_eq!(lab.last_read().unwrap().answers, [(2, 2), (3, 0), (4, 0)]);
    assert_eq!(lab.last_read().unwrap().returned, 2);
    // A new write clears the old read.
    lab.apply(A::Write).unwrap();
    assert!(lab.last_read().is_none());
}

/// Pigeonhole, checked by brute force over every write set and read set.
#[test]
fn exhaustively_r_plus_w_over_n_is_never_stale_and_at_most_n_can_be() {
    for n in 1..=6 {
        for w in 1..=n {
            for r in 1..=n {
                let stale = find_stale_read(n, w, r).unwrap();
                if r + w > n {
                    assert_eq!(stale, None, "n={n} w={w} r={r}");
                } else {
                    let (ws, rs) = stale.unwrap_or_else(|| panic!("n={n} w={w} r={r}"));
                    assert_eq!((ws.len(), rs.len()), (w, r));
                    assert!(
                        ws.iter().all(|i| !rs.contains(i)),
                        "disjoint: {ws:?} {rs:?}"
                    );
                }
            }
        }
    }
    assert_eq!(
        find_stale_read(4, 2, 2).unwrap(),
        Some((vec![0, 1], vec![2, 3]))
    );
}

#[test]
fn bad_input_is_refused_and_nothing_changes() {
    let mut lab = QuorumLab::new(3, 2, 2).unwrap();
    lab.apply(A::Write).unwrap();
    let before = lab.clone();
    let cases = [
        (A::SetW(0), QuorumError::WOutOfRange { w: 0, n: 3 }),
        (A::SetW(4), QuorumError::WOutOfRange { w: 4, n: 3 }),
        (A::SetR(0), QuorumError::ROutOfRange { r: 0, n: 3 }),
        (A::SetR(9), QuorumError::ROutOfRange { r: 9, n: 3 }),
        (A::SetN(0), QuorumError::NOutOfRange { n: 0 }),
        (A::SetN(MAX_N + 1), QuorumError::NOutOfRange { n: 10 }),
        (A::SetN(1), QuorumError::WOutOfRange { w: 2, n: 1 }),
        (
            A::Toggle(Set::Read, 3),
            QuorumError::NoSuchReplica { replica: 3 },
        ),
    ];
    for (action, err) in cases {
        assert_eq!(lab.apply(action), Err(err), "{action:?}");
        assert_eq!(lab, before, "{action:?} changed the lab");
    }
    lab.apply(A::Toggle(Set::Write, 0)).unwrap();
    let before = lab.clone();
    assert_eq!(
        lab.apply(A::Write),
        Err(QuorumError::WrongSetSize { chosen: 1, need: 2 })
    );
    assert_eq!(lab, before);
    assert_eq!(
        QuorumLab::new(3, 4, 1),
        Err(QuorumError::WOutOfRange { w: 4, n: 3 })
    );
}

#[test]
fn changing_n_starts_over_and_changing_w_or_r_resets_that_set() {
    let mut lab = QuorumLab::new(3, 2, 2).unwrap();
    lab.apply(A::Write).unwrap();
    lab.apply(A::SetN(5)).unwrap();
    assert_eq!((lab.versions(), lab.newest()), (&[0, 0, 0, 0, 0][..], 0));
    lab.apply(A::SetW(3)).unwrap();
    let w: Vec<bool> = (0..5).map(|i| lab.chosen(Set::Write, i)).collect();
    assert_eq!(w, [true, true, true, false, false]);
    lab.apply(A::SetR(1)).unwrap();
    let r: Vec<bool> = (0..5).map(|i| lab.chosen(Set::Read, i)).collect();
    assert_eq!(r, [false, false, false, false, true]);
    assert!(!lab.overlapping());
}

#[test]
fn every_message_is_in_both_languages() {
    let errors = [
        QuorumError::NOutOfRange { n: 12 },
        QuorumError::WOutOfRange { w: 4, n: 3 },
        QuorumError::ROutOfRange { r: 0, n: 3 },
        QuorumError::NoSuchReplica { replica: 7 },
        QuorumError::WrongSetSize { chosen: 1, need: 2 },
    ];
    for e in errors {
        let (en, zh) = (error_text(Lang::En, &e), error_text(Lang::Zh, &e));
        assert!(en.contains("nothing changed"), "{en}");
        assert!(zh.contains("没有任何改变"), "{zh}");
    }
    assert_eq!(
        error_text(Lang::En, &QuorumError::WOutOfRange { w: 4, n: 3 }),
        "w must be between 1 and n = 3 (a write cannot go to more replicas than exist), not 4; nothing changed"
    );
    let lab = QuorumLab::new(5, 3, 3).unwrap();
    assert!(rule_text(Lang::En, &lab)
        .starts_with("r + w = 6 > n = 5: any 3 replicas read and any 3 written share at least 1"));
    let lab = QuorumLab::new(4, 2, 2).unwrap();
    assert!(rule_text(Lang::Zh, &lab).starts_with("r + w = 4 ≤ n = 4："));
}
