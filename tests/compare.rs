//! A/B comparison (`sim::compare`): two real simulations from the same seed
//! and actions, one setting apart, in lockstep; the first tick they differ,
//! and the words for it (`view::compare_text`), built from the runs.

use raftlab::raft::{Command, UnsafeSwitch};
use raftlab::sim::compare::{Knob, Lockstep, Side};
use raftlab::sim::{Action, ReplicationMode, RoleKey, SimConfig, Simulation, Target};
use raftlab::view::compare_text::{divergence_lines, node_line, same_so_far};
use raftlab::view::i18n::Lang;

fn open(knob: Knob) -> (Simulation, Simulation, Lockstep) {
    Lockstep::open(&SimConfig::default(), &[], 0, knob).unwrap()
}

fn put(text: &str) -> Action {
    Action::Propose(Target::Cluster, Command::parse(text).unwrap())
}

/// Seed 1, five nodes: n2 leads term 1 by tick 100; then it is cut off.
fn isolated_leader(knob: Knob) -> (Simulation, Simulation, Lockstep) {
    let (mut a, mut b, mut p) = open(knob);
    p.run(&mut a, &mut b, 100).unwrap();
    assert_eq!((a.world().leader(), b.world().leader()), (Some(2), Some(2)));
    p.act(&mut a, &mut b, Action::Isolate(2)).unwrap();
    p.run(&mut a, &mut b, 200).unwrap();
    (a, b, p)
}

#[test]
fn every_action_goes_to_both_sides_and_time_moves_together() {
    let (mut a, mut b, mut p) = open(Knob::PreVote);
    p.run(&mut a, &mut b, 80).unwrap();
    for action in [Action::Crash(3), put("put x 1"), Action::Cut(1, 2)] {
        p.act(&mut a, &mut b, action).unwrap();
        p.run(&mut a, &mut b, 7).unwrap();
    }
    assert_eq!((a.tick(), b.tick()), (101, 101));
    assert_eq!(a.actions(), b.actions());
    assert_eq!(a.actions().len(), 3);
    assert_eq!(a.node(3).unwrap().role, RoleKey::Crashed);
    assert_eq!(b.node(3).unwrap().role, RoleKey::Crashed);
    // The one setting differs, nothing else.
    let (ca, cb) = (a.initial_config(), b.initial_config());
    assert!(!ca.raft.pre_vote && cb.raft.pre_vote);
    let mut same = cb.clone();
    same.raft.pre_vote = false;
    assert_eq!(&same, ca);
}

#[test]
fn runs_the_setting_does_not_touch_never_diverge() {
    // A healthy cluster under load: CheckQuorum never fires, so the runs
    // stay identical node for node.
    let (mut a, mut b, mut p) = open(Knob::CheckQuorum);
    for i in 0..10 {
        p.run(&mut a, &mut b, 60).unwrap();
        p.act(&mut a, &mut b, put(&format!("put k{i} {i}")))
            .unwrap();
    }
    p.run(&mut a, &mut b, 60).unwrap();
    assert_eq!(p.divergence(), None);
    assert_eq!(a.nodes(), b.nodes());
    assert_eq!(a.node(1).unwrap().commit, 11);
    assert!(same_so_far(Lang::En, a.tick()).contains("tick 660"));
}

#[test]
fn checkquorum_parts_the_runs_when_the_cut_off_leader_steps_down() {
    let (a, b, p) = isolated_leader(Knob::CheckQuorum);
    let d = p.divergence().expect("the runs part");
    assert_eq!(d.tick, 117);
    assert_eq!(d.nodes.len(), 1);
    let n = &d.nodes[0];
    assert_eq!(n.id, 2);
    assert_eq!(n.a.map(|f| (f.role, f.term)), Some((RoleKey::Leader, 1)));
    assert_eq!(n.b.map(|f| (f.role, f.term)), Some((RoleKey::Follower, 1)));
    assert_eq!(
        node_line(Lang::En, raftlab::view::node_names::NodeNames::DEFAULT, n),
        "A: n2 stayed leader in term 1; B: n2 became follower in term 1."
    );
    assert_eq!(
        node_line(Lang::Zh, raftlab::view::node_names::NodeNames::DEFAULT, n),
        "A：n2 仍是任期 1 的领导者；B：n2 在任期 1 成为跟随者。"
    );
    // The reason is B's own event: it lost the quorum (thesis §6.2).
    let lines = divergence_lines(Lang::En, raftlab::view::node_names::NodeNames::DEFAULT, d);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with("B: n2 "), "{lines:?}");
    assert!(lines[1].contains("§6.2"), "{lines:?}");
    // Later: the isolated n2 still leads term 1 on side A only.
    assert_eq!(a.node(2).unwrap().role, RoleKey::Leader);
    assert_ne!(b.node(2).unwrap().role, RoleKey::Leader);
}

#[test]
fn prevote_parts_the_runs_at_the_first_election_timeout() {
    let (mut a, mut b, mut p) = open(Knob::PreVote);
    p.run(&mut a, &mut b, 40).unwrap();
    let d = p.divergence().unwrap();
    // The first election timeout of seed 1 is n2's, at tick 27.
    let first = a
        .world()
        .trace()
        .recent()
        .find(|e| {
            matches!(
                e.kind,
                raftlab::sim::TraceKind::Raft(raftlab::raft::Event::RoleChanged { .. })
            )
        })
        .unwrap();
    assert_eq!((first.tick, first.node), (27, 2));
    assert_eq!(d.tick, 27);
    assert_eq!(
        node_line(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            &d.nodes[0]
        ),
        "A: n2 became candidate in term 1; B: n2 became pre-candidate in term 0."
    );
    let lines = divergence_lines(Lang::Zh, raftlab::view::node_names::NodeNames::DEFAULT, d);
    assert!(lines[0].starts_with("A：n2 在任期 1 成为候选人；B：n2 在任期 0 成为预候选人"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("B: ") && l.contains("§9.6")),
        "{lines:?}"
    );
}

#[test]
fn leader_noop_parts_the_runs_on_the_log() {
    let (mut a, mut b, mut p) = open(Knob::LeaderNoop);
    p.run(&mut a, &mut b, 40).unwrap();
    let d = p.divergence().unwrap();
    assert_eq!(d.tick, 34);
    assert_eq!(
        node_line(Lang::En, raftlab::view::node_names::NodeNames::DEFAULT, &d.nodes[0]),
        "A: n2 became leader in term 1, its log ends at index 1 (term 1); B: n2 became leader in term 1."
    );
}

#[test]
fn going_back_keeps_the_divergence_and_acting_before_it_looks_again() {
    let (mut a, mut b, mut p) = isolated_leader(Knob::CheckQuorum);
    p.seek(&mut a, &mut b, 110).unwrap();
    assert_eq!((a.tick(), b.tick()), (110, 110));
    assert_eq!(p.divergence().map(|d| d.tick), Some(117));
    // Forward again through the recorded future: the same divergence.
    p.seek(&mut a, &mut b, 300).unwrap();
    assert_eq!(p.divergence().map(|d| d.tick), Some(117));
    // Heal at tick 100, right after the cut: both timelines fork and n2
    // never loses its quorum, so the runs stay together.
    p.seek(&mut a, &mut b, 100).unwrap();
    p.act(&mut a, &mut b, Action::Recover).unwrap();
    assert_eq!(p.divergence(), None);
    p.run(&mut a, &mut b, 200).unwrap();
    assert_eq!(p.divergence(), None);
    assert_eq!(a.actions(), b.actions());
    assert_eq!(a.actions().last().map(|t| t.tick), Some(100));
    assert_eq!(b.node(2).unwrap().role, RoleKey::Leader);
}

#[test]
fn opening_from_a_run_replays_its_actions_on_both_sides() {
    let mut run = Simulation::new(SimConfig::default()).unwrap();
    run.run(100).unwrap();
    run.isolate(2).unwrap();
    run.run(200).unwrap();
    let (a, b, p) = Lockstep::open(
        run.initial_config(),
        run.actions(),
        run.tick(),
        Knob::CheckQuorum,
    )
    .unwrap();
    assert_eq!(a.nodes(), run.nodes());
    assert_eq!(a.world().trace().hash(), run.world().trace().hash());
    assert_eq!(b.actions(), run.actions());
    assert_eq!(p.divergence().map(|d| d.tick), Some(117));
}

#[test]
fn a_side_that_refuses_an_action_is_named() {
    // n2 leads on both sides at tick 100; restarting a running node is refused by both.
    let (mut a, mut b, mut p) = open(Knob::CheckQuorum);
    p.run(&mut a, &mut b, 100).unwrap();
    let e = p.act(&mut a, &mut b, Action::Restart(2)).unwrap_err();
    assert_eq!(e.side, Side::A);
    assert_eq!(p.refused(), 0);
    // Side B (PreVote) has no leader yet at tick 35 while side A has one:
    // a transfer is taken by A and refused by B.
    let (mut a, mut b, mut p) = open(Knob::PreVote);
    p.run(&mut a, &mut b, 35).unwrap();
    assert_eq!((a.world().leader(), b.world().leader()), (Some(2), None));
    let e = p
        .act(&mut a, &mut b, Action::TransferLeader(3))
        .unwrap_err();
    assert_eq!(e.side, Side::B);
    assert_eq!(p.refused(), 1);
    assert_eq!(a.actions().len(), 1);
    assert!(b.actions().is_empty());
}

#[test]
fn settings_have_stable_names_and_change_exactly_one_thing() {
    let all = Knob::all();
    assert_eq!(all.len(), 4 + UnsafeSwitch::ALL.len() + 3);
    for k in &all {
        assert_eq!(Knob::from_name(k.name()), Some(*k));
        let (a, b) = k.configs(&SimConfig::default()).unwrap();
        assert_ne!(a, b, "{k:?}");
    }
    assert_eq!(Knob::from_name("prevote-mode"), Some(Knob::PreVoteMode));
    assert_eq!(
        Knob::from_name("stale-leader-read"),
        Some(Knob::Unsafe(UnsafeSwitch::StaleLeaderRead))
    );
    assert_eq!(
        Knob::from_name("async"),
        Some(Knob::Replication(ReplicationMode::Async))
    );
    assert_eq!(Knob::from_name("raft"), None);
    // Comparing the rule of PreVote switches PreVote on for both.
    let (a, b) = Knob::PreVoteMode.configs(&SimConfig::default()).unwrap();
    assert!(a.raft.pre_vote && b.raft.pre_vote);
    assert_ne!(a.raft.pre_vote_mode, b.raft.pre_vote_mode);
    // A run with PreVote on is suggested for PreVote; with a switch, for it.
    let mut c = SimConfig::default();
    c.raft.pre_vote = true;
    assert_eq!(Knob::suggest(&c), Knob::PreVote);
    c.raft.unsafe_switches = vec![UnsafeSwitch::AcceptStaleLeader];
    assert_eq!(
        Knob::suggest(&c),
        Knob::Unsafe(UnsafeSwitch::AcceptStaleLeader)
    );
    let (a, b) = Knob::suggest(&c).configs(&c).unwrap();
    assert_eq!(
        (a.raft.unsafe_switches.len(), b.raft.unsafe_switches.len()),
        (1, 0)
    );
}

#[test]
fn each_side_is_described_from_its_own_configuration() {
    use raftlab::view::compare_text::{leader_text, setting_text, side_phrase};
    let (a, b, _) = isolated_leader(Knob::CheckQuorum);
    let (ca, cb) = (a.initial_config(), b.initial_config());
    assert_eq!(
        setting_text(Lang::En, Knob::CheckQuorum, ca),
        "CheckQuorum off"
    );
    assert_eq!(
        setting_text(Lang::Zh, Knob::CheckQuorum, cb),
        "CheckQuorum 开启"
    );
    let (pa, pb) = Knob::PreVoteMode.configs(ca).unwrap();
    assert_eq!(
        setting_text(Lang::En, Knob::PreVoteMode, &pa),
        "PreVote: etcd's rule"
    );
    assert_eq!(
        setting_text(Lang::Zh, Knob::PreVoteMode, &pb),
        "预投票：博士论文规则"
    );
    let (_, rb) = Knob::Replication(ReplicationMode::Async)
        .configs(ca)
        .unwrap();
    assert_eq!(
        setting_text(Lang::Zh, Knob::Replication(ReplicationMode::Async), &rb),
        "复制方式：异步"
    );
    // The others elected n1 in term 2 on both sides (the isolated n2 still
    // leads term 1 on side A: the newest leader is named).
    assert_eq!(
        leader_text(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            a.world()
        ),
        "leader n1, term 2"
    );
    assert_eq!(
        leader_text(
            Lang::Zh,
            raftlab::view::node_names::NodeNames::DEFAULT,
            b.world()
        ),
        "领导者 n1，任期 2"
    );
    // A node one side lacks, and a crash.
    assert_eq!(
        side_phrase(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            6,
            None,
            None
        ),
        "has no n6"
    );
    let mut facts = raftlab::sim::compare::facts(a.world());
    let before = facts[0];
    facts[0].role = RoleKey::Crashed;
    assert_eq!(
        side_phrase(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            1,
            Some(&before),
            Some(&facts[0])
        ),
        "n1 crashed"
    );
}

#[test]
fn links_and_files_carry_the_comparison_and_older_ones_still_open() {
    use raftlab::view::share::{base64url_decode, base64url_encode, Shared};
    let mut run = Simulation::new(SimConfig::default()).unwrap();
    run.run(100).unwrap();
    run.isolate(2).unwrap();
    run.run(50).unwrap();
    let mut shared = Shared::capture(&run, None);
    let plain = shared.encode();
    shared.compare = Some(Knob::CheckQuorum);
    let link = shared.encode();
    assert_ne!(plain, link);
    assert_eq!(
        Shared::decode(&link).unwrap().compare,
        Some(Knob::CheckQuorum)
    );
    assert_eq!(
        Shared::from_file(&shared.to_file()).unwrap().compare,
        Some(Knob::CheckQuorum)
    );
    // A link without the field (as every older link) opens with none.
    assert_eq!(Shared::decode(&plain).unwrap().compare, None);
    let json =
        String::from_utf8(base64url_decode(plain.trim_start_matches("v1.")).unwrap()).unwrap();
    assert!(!json.contains("\"k\""), "{json}");
    // A setting this build does not know opens the run without comparing.
    let newer = json.replacen('{', "{\"k\":\"warp-drive\",", 1);
    let back = Shared::decode(&format!("v1.{}", base64url_encode(newer.as_bytes()))).unwrap();
    assert_eq!((back.compare, back.tick), (None, 150));
    // Reopening the shared comparison finds the same divergence.
    let back = Shared::decode(&link).unwrap();
    let (_, _, p) = Lockstep::open(
        &back.config,
        &back.actions,
        back.tick,
        back.compare.unwrap(),
    )
    .unwrap();
    assert_eq!(p.divergence().map(|d| d.tick), Some(117));
}
