use super::*;
use crate::sim::{SimConfig, Simulation};

/// What a run says from tick `from` on: its marks and events since then.
fn said_since(sim: &Simulation, marks_before: usize, events_before: u64) -> Vec<Announcement> {
    let trace = sim.world().trace();
    let new = (trace.total() - events_before) as usize;
    let events: Vec<&TraceEvent> = trace.recent().skip(trace.recent().len() - new).collect();
    let marks: Vec<Mark> = trace.marks().iter_from(marks_before).copied().collect();
    collect(&marks, &events)
}

fn cursor(sim: &Simulation) -> (usize, u64) {
    let t = sim.world().trace();
    (t.marks().len(), t.total())
}

#[test]
fn a_real_run_announces_its_election_commit_crash_restart_and_links() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(10).unwrap();
    let (m, e) = cursor(&sim);
    let said = said_since(&sim, 0, 0);
    assert_eq!(said, [Announcement::Elected { node: 1, term: 1 }]);

    sim.propose_to(1, "put x 1").unwrap();
    sim.run(20).unwrap();
    let said = said_since(&sim, m, e);
    // The leader's no-op (index 1, §8) and the put (index 2).
    assert_eq!(
        said,
        [
            Announcement::Committed { index: 1 },
            Announcement::Committed { index: 2 }
        ]
    );

    let (m, e) = cursor(&sim);
    sim.cut(1, 3).unwrap();
    sim.cut_one_way(2, 3).unwrap();
    sim.crash(2).unwrap();
    sim.restart(2).unwrap();
    let said = said_since(&sim, m, e);
    assert_eq!(
        said,
        [
            Announcement::Link {
                from: 1,
                to: 3,
                up: false,
                both: true
            },
            Announcement::Link {
                from: 2,
                to: 3,
                up: false,
                both: false
            },
            Announcement::Crashed(2),
            Announcement::Restarted(2),
        ]
    );
    assert_eq!(
        text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &said[..2]
        )
        .unwrap(),
        "link n1–n3 cut. link n2→n3 cut."
    );
    assert_eq!(
        text(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            &said[2..]
        )
        .unwrap(),
        "n2 崩溃了。n2 已重启。"
    );
}

#[test]
fn phrases_in_both_languages() {
    let won = Announcement::Elected { node: 3, term: 4 };
    assert_eq!(
        phrase(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &won),
        "n3 won the election for term 4 and leads"
    );
    assert_eq!(
        phrase(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, &won),
        "n3 赢得任期 4 的选举，成为领导者"
    );
    let up = Announcement::Link {
        from: 1,
        to: 2,
        up: true,
        both: true,
    };
    assert_eq!(
        phrase(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &up),
        "link n1–n2 restored"
    );
    assert_eq!(
        phrase(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, &up),
        "链路 n1–n2 已恢复"
    );
    let c = Announcement::Committed { index: 7 };
    assert_eq!(
        text(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &[c]).unwrap(),
        "committed up to index 7."
    );
    assert_eq!(
        text(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, &[c]).unwrap(),
        "已提交到索引 7。"
    );
    assert_eq!(
        text(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &[]),
        None
    );
}

#[test]
fn many_at_once_become_a_summary() {
    let mut items = vec![Announcement::Elected { node: 1, term: 1 }];
    items.extend((1..=8).map(|index| Announcement::Committed { index }));
    items.push(Announcement::Crashed(1));
    items.push(Announcement::Elected { node: 2, term: 2 });
    assert_eq!(
        text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &items
        )
        .unwrap(),
        "2 election(s) won, n2 leads term 2; 8 commit(s), up to index 8; 1 crash(es)."
    );
    assert_eq!(
        text(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            &items
        )
        .unwrap(),
        "2 次选举产生领导者，n2 领导任期 2；8 次提交，已提交到索引 8；1 次崩溃。"
    );
}

#[test]
fn the_throttle_speaks_at_most_every_gap() {
    let mut t = Throttle::default();
    assert_eq!(t.take_due(0.0), None, "nothing queued");
    t.push([Announcement::Crashed(1)]);
    assert_eq!(t.take_due(100.0), Some(vec![Announcement::Crashed(1)]));
    t.push([Announcement::Restarted(1)]);
    assert_eq!(t.take_due(100.0 + MIN_GAP_MS - 1.0), None);
    assert_eq!(t.wait_ms(100.0 + MIN_GAP_MS - 1.0), 1.0);
    t.push([Announcement::Crashed(2)]);
    assert!(t.has_pending());
    assert_eq!(
        t.take_due(100.0 + MIN_GAP_MS),
        Some(vec![Announcement::Restarted(1), Announcement::Crashed(2)])
    );
    t.push([Announcement::Crashed(3)]);
    t.clear();
    assert!(!t.has_pending());
}
