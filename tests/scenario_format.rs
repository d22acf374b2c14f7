//! Teacher-written scenarios: every built-in scenario is expressible in the
//! text format (print → parse gives it back equal, and the parsed one runs to
//! the same end), a hand-written file parses to the steps it says, and bad
//! files are refused with the line at fault, in both languages.

use raftlab::raft::MessageKind;
use raftlab::scenario::format::{self, FormatError, Kind, MAX_BYTES, MAX_STEPS};
use raftlab::scenario::{self, Answer, Cond, Op, Probe};
use raftlab::sim::{Action, RoleKey};
use raftlab::view::i18n::Lang;

#[test]
fn every_built_in_scenario_round_trips() {
    for sc in scenario::all() {
        let text = format::print(&sc);
        let back = format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", sc.id));
        assert_eq!(back, sc, "{}", sc.id);
        assert_eq!(format::print(&back), text, "{}", sc.id);
        let last = sc.steps.len() - 1;
        let (a, b) = (sc.build(last).unwrap(), back.build(last).unwrap());
        assert_eq!(
            a.world().trace().hash(),
            b.world().trace().hash(),
            "{}",
            sc.id
        );
        assert_eq!(a.head(), b.head(), "{}", sc.id);
    }
}

const LESSON: &str = "\
# A teacher's lesson
raftlab-scenario 1
id my-split
title en: Split vote, by hand
title zh: 手写的选票瓜分
nodes 3
seed 7

step
title en: n1 leads
title zh: n1 当选
rule §5.2
say en: n1 times out first.
say zh: n1 最先超时。
timeout 1 10
until role 1 leader within 60
propose n1 put x 1
run 20
expect all(role 1 leader, commit 2 2)

step
title en: n1 crashes
title zh: n1 崩溃
say en: Who is next?
say zh: 下一个是谁？
crash 1
campaign 2
manual on
deliver 2 3 request-vote
manual off
run 10
ask en: Who leads now?
ask zh: 现在谁是领导者？
probe leader
choices 1 2 3 none
";

#[test]
fn a_hand_written_file_reads_as_it_says() {
    let sc = format::parse(LESSON).unwrap();
    assert_eq!(
        (sc.id, sc.title_zh, sc.config.nodes, sc.config.seed),
        ("my-split", "手写的选票瓜分", 3, 7)
    );
    assert_eq!(sc.steps.len(), 2);
    assert_eq!(sc.steps[0].rule, "§5.2");
    assert_eq!(
        sc.steps[0].expect,
        Some(Cond::All(vec![
            Cond::Role(1, RoleKey::Leader),
            Cond::Commit(2, 2)
        ]))
    );
    assert_eq!(sc.steps[1].ops[0], Op::Act(Action::Crash(1)));
    assert_eq!(
        sc.steps[1].ops[3],
        Op::Deliver(2, 3, MessageKind::RequestVote)
    );
    let q = sc.steps[1].question.as_ref().unwrap();
    assert_eq!((q.probe.clone(), q.choices.len()), (Probe::Leader, 4));
    // It runs on the real simulation, and its question is graded by it.
    let end = sc.build(1).unwrap();
    assert!(Cond::Role(2, RoleKey::Leader).holds(&end));
    assert_eq!(q.reveal(Some(Answer::Node(2)), &end).correct(), Some(true));
}

fn error_of(text: &str) -> FormatError {
    format::parse(text).unwrap_err()
}

#[test]
fn bad_files_name_the_line_at_fault() {
    let bad = |from: &str, to: &str| error_of(&LESSON.replacen(from, to, 1));
    assert_eq!(
        bad("crash 1", "crush 1"),
        FormatError {
            line: 26,
            kind: Kind::UnknownKeyword("crush".into())
        }
    );
    assert_eq!(bad("run 20", "run twenty").line, 18);
    assert_eq!(
        bad("role 1 leader,", "role 1 king,").kind,
        Kind::UnknownName("king".into())
    );
    assert_eq!(bad("request-vote", "vote-please").line, 29);
    assert_eq!(bad("probe leader", "probe who").line, 34);
    assert_eq!(
        bad("raftlab-scenario 1", "raftlab-scenario 9").kind,
        Kind::NewerVersion(9)
    );
    assert_eq!(
        bad("propose n1 put x 1", "propose n1 fly x").kind,
        Kind::BadCommand
    );
    assert_eq!(
        bad("nodes 3\n", "nodes 3\ncrash 1\n").kind,
        Kind::OutsideStep
    );
    assert_eq!(
        bad("run 10\n", "run 10\nchoices 1\n").kind,
        Kind::BadQuestion
    );
    assert_eq!(
        error_of("{\"format\":\"raftlab\"}").kind,
        Kind::NotAScenario
    );
    assert_eq!(error_of("raftlab-scenario 1\nid x\n").kind, Kind::NoSteps);
    let e = bad("crash 1", "crush 1");
    assert_eq!(
        e.text(Lang::En),
        "This scenario file cannot be opened: line 26: unknown keyword `crush`."
    );
    assert_eq!(
        e.text(Lang::Zh),
        "无法打开这个场景文件：第 26 行：未知的关键字 `crush`。"
    );
}

#[test]
fn hostile_files_are_bounded() {
    let big = "#".repeat(MAX_BYTES + 1);
    assert_eq!(error_of(&big).kind, Kind::TooLarge(MAX_BYTES + 1));
    let steps = "raftlab-scenario 1\n".to_string() + &"step\n".repeat(MAX_STEPS + 1);
    assert_eq!(
        error_of(&steps),
        FormatError {
            line: MAX_STEPS + 2,
            kind: Kind::TooManySteps
        }
    );
    let ticks = "raftlab-scenario 1\nstep\nrun 150000\nrun 60000\n";
    assert_eq!(
        error_of(ticks),
        FormatError {
            line: 4,
            kind: Kind::TooManyTicks
        }
    );
    let deep = format!(
        "raftlab-scenario 1\nstep\nexpect {}quiet{}\n",
        "not(".repeat(40),
        ")".repeat(40)
    );
    assert_eq!(error_of(&deep).kind, Kind::TooDeep);
    let first = "raftlab-scenario 1\nstep\nask en: ?\nprobe leader\nchoices 1\n";
    assert_eq!(
        error_of(first),
        FormatError {
            line: 3,
            kind: Kind::QuestionOnFirstStep
        }
    );
}

#[test]
fn narration_keeps_line_breaks() {
    let mut sc = format::parse(LESSON).unwrap();
    sc.steps[0].narration_en = "two\nlines \\ and a backslash";
    let back = format::parse(&format::print(&sc)).unwrap();
    assert_eq!(back.steps[0].narration_en, "two\nlines \\ and a backslash");
    assert!(format::looks_like(&format::print(&sc)));
    assert!(!format::looks_like("{\"format\":\"raftlab\"}"));
}
