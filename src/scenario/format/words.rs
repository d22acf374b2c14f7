//! The words of the format: conditions, operations and probes as text and
//! back. Every printed form parses to the same value; the names are the
//! stable `data-*` names (`RoleKey::name`, `MessageKind::name`,
//! `Property::name`, `ReplicationMode::name`).

use super::{intern, Kind};
use crate::raft::MessageKind;
use crate::scenario::{Answer, Cond, Op, Probe};
use crate::sim::{Action, Property, ReplicationMode, RoleKey, Target};

/// The client operation states `op-is` accepts (`client_view::status_name`).
const OP_STATES: [&str; 7] = [
    "waiting",
    "pending",
    "committed",
    "acknowledged",
    "failed",
    "reading",
    "answered",
];

/// Tokens of a line: words, and `(`, `)`, `,` on their own.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        while let Some(i) = rest.find(['(', ')', ',']) {
            if i > 0 {
                out.push(&rest[..i]);
            }
            out.push(&rest[i..i + 1]);
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// A cursor over a line's tokens.
pub struct Words<'a> {
    toks: Vec<&'a str>,
    at: usize,
}

impl<'a> Words<'a> {
    /// The tokens of `text`.
    pub fn new(text: &'a str) -> Words<'a> {
        Words {
            toks: tokens(text),
            at: 0,
        }
    }
    /// The next token.
    pub fn word(&mut self) -> Result<&'a str, Kind> {
        let w = self.toks.get(self.at).copied().ok_or(Kind::MissingWord)?;
        self.at += 1;
        Ok(w)
    }
    /// The next token as a number.
    pub fn num<T: std::str::FromStr>(&mut self) -> Result<T, Kind> {
        let w = self.word()?;
        w.parse().map_err(|_| Kind::BadNumber(w.to_string()))
    }
    /// The next token, which must be `w`.
    pub fn expect(&mut self, w: &'static str) -> Result<(), Kind> {
        match self.word()? {
            x if x == w => Ok(()),
            x => Err(Kind::Expected(w, x.to_string())),
        }
    }
    /// Nothing may be left.
    pub fn end(&self) -> Result<(), Kind> {
        match self.toks.get(self.at) {
            None => Ok(()),
            Some(x) => Err(Kind::Unexpected(x.to_string())),
        }
    }
    /// Every token left, as numbers.
    pub fn nums<T: std::str::FromStr>(&mut self) -> Result<Vec<T>, Kind> {
        let mut v = Vec::new();
        while self.at < self.toks.len() {
            v.push(self.num()?);
        }
        Ok(v)
    }
}

fn named<T: Copy>(all: &[T], name: fn(T) -> &'static str, w: &str) -> Result<T, Kind> {
    all.iter()
        .copied()
        .find(|&x| name(x) == w)
        .ok_or_else(|| Kind::UnknownName(w.to_string()))
}

/// A condition as text: `role 3 leader`, `all(commit 1 2, not(quiet))`.
pub fn print_cond(c: &Cond) -> String {
    let list = |name: &str, cs: &[Cond]| {
        let inner: Vec<String> = cs.iter().map(print_cond).collect();
        format!("{name}({})", inner.join(", "))
    };
    match c {
        Cond::Role(n, r) => format!("role {n} {}", r.name()),
        Cond::AnyLeader => "any-leader".into(),
        Cond::Commit(n, i) => format!("commit {n} {i}"),
        Cond::Term(n, t) => format!("term {n} {t}"),
        Cond::LogLen(n, l) => format!("log-len {n} {l}"),
        Cond::LogTerm(n, i, t) => format!("log-term {n} {i} {t}"),
        Cond::OpSettled(op) => format!("op-settled {op}"),
        Cond::OpIs(op, s) => format!("op-is {op} {s}"),
        Cond::Violated(p) => format!("violated {}", p.name()),
        Cond::Quiet => "quiet".into(),
        Cond::Voter(n) => format!("voter {n}"),
        Cond::Learner(n) => format!("learner {n}"),
        Cond::ConfigSettled(n) => format!("config-settled {n}"),
        Cond::Violation => "violation".into(),
        Cond::Snapshot(n, i) => format!("snapshot {n} {i}"),
        Cond::All(cs) => list("all", cs),
        Cond::Any(cs) => list("any", cs),
        Cond::Not(c) => format!("not({})", print_cond(c)),
        Cond::InFlight(a, b, k) => format!("in-flight {a} {b} {}", k.name()),
    }
}

/// Reads a condition from `w`; `depth` bounds nesting.
pub fn parse_cond(w: &mut Words<'_>, depth: usize) -> Result<Cond, Kind> {
    if depth > 16 {
        return Err(Kind::TooDeep);
    }
    let list = |w: &mut Words<'_>| -> Result<Vec<Cond>, Kind> {
        w.expect("(")?;
        let mut cs = vec![parse_cond(w, depth + 1)?];
        loop {
            match w.word()? {
                "," => cs.push(parse_cond(w, depth + 1)?),
                ")" => return Ok(cs),
                x => return Err(Kind::Expected(")", x.to_string())),
            }
        }
    };
    let head = w.word()?;
    Ok(match head {
        "role" => Cond::Role(w.num()?, named(&RoleKey::ALL, RoleKey::name, w.word()?)?),
        "any-leader" => Cond::AnyLeader,
        "commit" => Cond::Commit(w.num()?, w.num()?),
        "term" => Cond::Term(w.num()?, w.num()?),
        "log-len" => Cond::LogLen(w.num()?, w.num()?),
        "log-term" => Cond::LogTerm(w.num()?, w.num()?, w.num()?),
        "op-settled" => Cond::OpSettled(w.num()?),
        "op-is" => Cond::OpIs(w.num()?, named(&OP_STATES, |s| s, w.word()?)?),
        "violated" => Cond::Violated(named(&Property::ALL, Property::name, w.word()?)?),
        "quiet" => Cond::Quiet,
        "voter" => Cond::Voter(w.num()?),
        "learner" => Cond::Learner(w.num()?),
        "config-settled" => Cond::ConfigSettled(w.num()?),
        "violation" => Cond::Violation,
        "snapshot" => Cond::Snapshot(w.num()?, w.num()?),
        "in-flight" => {
            let (a, b, k) = (w.num()?, w.num()?, w.word()?);
            let k = MessageKind::from_name(k).ok_or_else(|| Kind::UnknownName(k.to_string()))?;
            Cond::InFlight(a, b, k)
        }
        "all" => Cond::All(list(w)?),
        "any" => Cond::Any(list(w)?),
        "not" => {
            let mut cs = list(w)?;
            match (cs.pop(), cs.is_empty()) {
                (Some(c), true) => Cond::Not(Box::new(c)),
                _ => return Err(Kind::Expected(")", ",".into())),
            }
        }
        x => return Err(Kind::UnknownName(x.to_string())),
    })
}

fn target(t: Target) -> String {
    match t {
        Target::Cluster => "cluster".into(),
        Target::Node(n) => format!("n{n}"),
    }
}

fn parse_target(w: &str) -> Result<Target, Kind> {
    match w.strip_prefix('n') {
        _ if w == "cluster" => Ok(Target::Cluster),
        Some(n) => n
            .parse()
            .map(Target::Node)
            .map_err(|_| Kind::BadNumber(w.into())),
        None => Err(Kind::UnknownName(w.into())),
    }
}

/// An operation as one line.
pub fn print_op(op: &Op) -> String {
    match op {
        Op::Run(n) => format!("run {n}"),
        Op::RunUntil(c, max) => format!("until {} within {max}", print_cond(c)),
        Op::Propose(t, text) => format!("propose {} {text}", target(*t)),
        Op::Deliver(a, b, k) => format!("deliver {a} {b} {}", k.name()),
        Op::Drop(a, b, k) => format!("drop {a} {b} {}", k.name()),
        Op::Act(a) => print_action(a),
    }
}

fn print_action(a: &Action) -> String {
    let ids = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
    match a {
        Action::Campaign(n) => format!("campaign {n}"),
        Action::SetTimeout(n, t) => format!("timeout {n} {t}"),
        Action::TickNode(n, t) => format!("tick-node {n} {t}"),
        Action::DeliverAll => "deliver-all".into(),
        Action::Cut(a, b) => format!("cut {a} {b}"),
        Action::CutOneWay(a, b) => format!("cut-one-way {a} {b}"),
        Action::Connect(a, b) => format!("connect {a} {b}"),
        Action::ConnectOneWay(a, b) => format!("connect-one-way {a} {b}"),
        Action::Isolate(n) => format!("isolate {n}"),
        Action::Partition(gs) => {
            let gs: Vec<String> = gs.iter().map(|g| ids(g)).collect();
            format!("partition {}", gs.join(" | "))
        }
        Action::Recover => "recover".into(),
        Action::Crash(n) => format!("crash {n}"),
        Action::Restart(n) => format!("restart {n}"),
        Action::Pause(n) => format!("pause {n}"),
        Action::Resume(n) => format!("resume {n}"),
        Action::SetManualDelivery(on) => format!("manual {}", if *on { "on" } else { "off" }),
        Action::AddServer => "add-server".into(),
        Action::RemoveServer(n) => format!("remove-server {n}"),
        Action::Promote(n) => format!("promote {n}"),
        Action::ChangeVoters(v) => format!("change-voters {}", ids(v)),
        Action::SetReplicationMode(m) => format!("replication-mode {}", m.name()),
        Action::SetCompactThreshold(n) => format!("compact-threshold {n}"),
        Action::TransferLeader(n) => format!("transfer {n}"),
        // The rest as the JSON of saved files (messages, ids, reads, …).
        other => format!("act {}", crate::view::share::codec::to_string(other)),
    }
}

/// Reads an operation line (`head` is its first word, `rest` what follows).
pub fn parse_op(head: &str, rest: &str) -> Result<Op, Kind> {
    if head == "act" {
        return crate::view::share::codec::from_str(rest)
            .map(Op::Act)
            .map_err(|_| Kind::BadAction);
    }
    if head == "propose" {
        let (t, text) = rest.split_once(' ').ok_or(Kind::MissingWord)?;
        crate::raft::Command::parse(text.trim()).map_err(|_| Kind::BadCommand)?;
        return Ok(Op::Propose(parse_target(t)?, intern(text.trim())));
    }
    let mut w = Words::new(rest);
    let kind = |w: &mut Words<'_>| {
        let x = w.word()?;
        MessageKind::from_name(x).ok_or_else(|| Kind::UnknownName(x.to_string()))
    };
    let op = match head {
        "run" => Op::Run(w.num()?),
        "until" => {
            let c = parse_cond(&mut w, 0)?;
            w.expect("within")?;
            Op::RunUntil(c, w.num()?)
        }
        "deliver" => Op::Deliver(w.num()?, w.num()?, kind(&mut w)?),
        "drop" => Op::Drop(w.num()?, w.num()?, kind(&mut w)?),
        "campaign" => Op::Act(Action::Campaign(w.num()?)),
        "timeout" => Op::Act(Action::SetTimeout(w.num()?, w.num()?)),
        "tick-node" => Op::Act(Action::TickNode(w.num()?, w.num()?)),
        "deliver-all" => Op::Act(Action::DeliverAll),
        "cut" => Op::Act(Action::Cut(w.num()?, w.num()?)),
        "cut-one-way" => Op::Act(Action::CutOneWay(w.num()?, w.num()?)),
        "connect" => Op::Act(Action::Connect(w.num()?, w.num()?)),
        "connect-one-way" => Op::Act(Action::ConnectOneWay(w.num()?, w.num()?)),
        "isolate" => Op::Act(Action::Isolate(w.num()?)),
        "partition" => {
            let groups = rest
                .split('|')
                .map(|g| Words::new(g).nums())
                .collect::<Result<Vec<Vec<u32>>, Kind>>()?;
            return Ok(Op::Act(Action::Partition(groups)));
        }
        "recover" => Op::Act(Action::Recover),
        "crash" => Op::Act(Action::Crash(w.num()?)),
        "restart" => Op::Act(Action::Restart(w.num()?)),
        "pause" => Op::Act(Action::Pause(w.num()?)),
        "resume" => Op::Act(Action::Resume(w.num()?)),
        "manual" => Op::Act(Action::SetManualDelivery(match w.word()? {
            "on" => true,
            "off" => false,
            x => return Err(Kind::Expected("on", x.to_string())),
        })),
        "add-server" => Op::Act(Action::AddServer),
        "remove-server" => Op::Act(Action::RemoveServer(w.num()?)),
        "promote" => Op::Act(Action::Promote(w.num()?)),
        "change-voters" => Op::Act(Action::ChangeVoters(w.nums()?)),
        "replication-mode" => Op::Act(Action::SetReplicationMode(named(
            &ReplicationMode::ALL,
            ReplicationMode::name,
            w.word()?,
        )?)),
        "compact-threshold" => Op::Act(Action::SetCompactThreshold(w.num()?)),
        "transfer" => Op::Act(Action::TransferLeader(w.num()?)),
        x => return Err(Kind::UnknownKeyword(x.to_string())),
    };
    w.end()?;
    Ok(op)
}

/// A probe as text.
pub fn print_probe(p: &Probe) -> String {
    match p {
        Probe::Leader => "leader".into(),
        Probe::LeaderOfTerm(t) => format!("leader-of-term {t}"),
        Probe::Holds(c) => format!("holds {}", print_cond(c)),
        Probe::CommitIndex(n) => format!("commit-index {n}"),
    }
}

/// Reads a probe.
pub fn parse_probe(text: &str) -> Result<Probe, Kind> {
    let mut w = Words::new(text);
    let p = match w.word()? {
        "leader" => Probe::Leader,
        "leader-of-term" => Probe::LeaderOfTerm(w.num()?),
        "holds" => Probe::Holds(parse_cond(&mut w, 0)?),
        "commit-index" => Probe::CommitIndex(w.num()?),
        x => return Err(Kind::UnknownName(x.to_string())),
    };
    w.end()?;
    Ok(p)
}

/// Reads the choices of a question with `probe` (numbers are nodes, or
/// indexes for `commit-index`).
pub fn parse_choices(text: &str, probe: &Probe) -> Result<Vec<Answer>, Kind> {
    tokens(text)
        .into_iter()
        .map(|w| match w {
            "none" => Ok(Answer::Nobody),
            "yes" => Ok(Answer::Yes),
            "no" => Ok(Answer::No),
            n if matches!(probe, Probe::CommitIndex(_)) => n
                .parse()
                .map(Answer::Index)
                .map_err(|_| Kind::BadNumber(n.into())),
            n => n
                .parse()
                .map(Answer::Node)
                .map_err(|_| Kind::BadNumber(n.into())),
        })
        .collect()
}
