//! The entry card's words: the verdict in one line, and the explanation —
//! who holds the entry, why the others do not, and which rule applies.

use super::{EntryReport, Lack, Presence, Verdict};
use crate::raft::{NodeId, Term};
use crate::vec_map::VecMap;
use crate::view::explain::command_text;
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

impl EntryReport {
    /// The payload, e.g. `put x 1` or `no-op`.
    pub fn command_text(&self, lang: Lang) -> String {
        match &self.command {
            Some(c) => command_text(lang, c.as_ref()),
            None => String::new(),
        }
    }

    fn held(&self, lang: Lang, names: NodeNames) -> String {
        let (h, n, q) = (names.list(&self.holders), self.cluster, self.quorum);
        match lang {
            Lang::En => format!("held by {h} of {n} — needs {q}"),
            Lang::Zh => format!("{n} 个节点中 {h} 持有 — 需要 {q} 个"),
        }
    }

    /// The one-line verdict.
    pub fn headline(&self, lang: Lang, names: NodeNames) -> String {
        let (i, n, q, k) = (self.index, self.cluster, self.quorum, self.holders.len());
        let h = names.list(&self.holders);
        let held = self.held(lang, names);
        match (&self.verdict, lang) {
            (Verdict::Committed, Lang::En) => format!("Committed — held by {h} ({k} of {n}; a majority is {q})"),
            (Verdict::Committed, Lang::Zh) => format!("已提交 — {h} 持有（{n} 个中的 {k} 个；多数派为 {q}）"),
            (Verdict::Missing, Lang::En) => format!("{} has no entry at index {i}", names.of(self.node)),
            (Verdict::Missing, Lang::Zh) => format!("{} 在索引 {i} 处没有条目", names.of(self.node)),
            (Verdict::NoLeader, Lang::En) => format!("Not committed — no leader right now; {held}"),
            (Verdict::NoLeader, Lang::Zh) => format!("未提交 — 当前没有领导者；{held}"),
            (Verdict::LeaderLacks { leader, leader_term, theirs: Some(t) }, Lang::En) => format!("Not committed — leader {leader} (term {leader_term}) has a different entry here (term {t}): this one will be overwritten (§5.3)", leader = names.of(leader)),
            (Verdict::LeaderLacks { leader, leader_term, theirs: Some(t) }, Lang::Zh) => format!("未提交 — 领导者 {leader}（任期 {leader_term}）在此处有不同的条目（任期 {t}）：这一条将被覆盖（§5.3）", leader = names.of(leader)),
            (Verdict::LeaderLacks { leader, leader_term, theirs: None }, Lang::En) => format!("Not committed — leader {leader} (term {leader_term}) does not have it: it will be overwritten when {leader} fills index {i} (§5.3)", leader = names.of(leader)),
            (Verdict::LeaderLacks { leader, leader_term, theirs: None }, Lang::Zh) => format!("未提交 — 领导者 {leader}（任期 {leader_term}）没有这一条：当 {leader} 填充索引 {i} 时它将被覆盖（§5.3）", leader = names.of(leader)),
            (Verdict::NeedsMajority { .. }, Lang::En) => format!("Not committed — {held}"),
            (Verdict::NeedsMajority { .. }, Lang::Zh) => format!("未提交 — {held}"),
            (Verdict::OldTerm { entry_term: et, current_term: ct, .. }, Lang::En) => format!("Not committed — held by a majority but from term {et} < current term {ct}: a leader only commits entries of its own term by counting (§5.4.2, Figure 8); it commits when an entry of term {ct} above it commits"),
            (Verdict::OldTerm { entry_term: et, current_term: ct, .. }, Lang::Zh) => format!("未提交 — 虽被多数派持有，但它来自任期 {et} < 当前任期 {ct}：领导者只通过计数提交自己任期的条目（§5.4.2，图 8）；当它之后某个任期 {ct} 的条目提交时，它随之提交"),
            (Verdict::AboutToCommit { leader }, Lang::En) => format!("Held by a majority in the current term: leader {leader} commits it as soon as it counts the replies (§5.3)", leader = names.of(leader)),
            (Verdict::AboutToCommit { leader }, Lang::Zh) => format!("当前任期内已被多数派持有：领导者 {leader} 统计到回复后立即提交（§5.3）", leader = names.of(leader)),
        }
    }

    fn group(&self, want: impl Fn(&Presence) -> bool) -> Vec<NodeId> {
        self.presence
            .iter()
            .filter(|(_, p)| want(p))
            .map(|(n, _)| *n)
            .collect()
    }

    /// The explanation, one sentence per line.
    pub fn details(&self, lang: Lang, names: NodeNames) -> Vec<String> {
        let mut out = Vec::new();
        let i = self.index;
        let l = lang;
        match &self.verdict {
            Verdict::Committed => {
                let applied = self.group(|p| matches!(p, Presence::Holds { applied: true, .. }));
                let unaware = self.group(|p| matches!(p, Presence::Holds { committed: false, .. }));
                if !applied.is_empty() {
                    let a = names.list(&applied);
                    out.push(match l {
                        Lang::En => format!("Applied to the state machine on {a} (lastApplied ≥ {i})."),
                        Lang::Zh => format!("已在 {a} 上应用到状态机（lastApplied ≥ {i}）。"),
                    });
                }
                if !unaware.is_empty() {
                    let u = names.list(&unaware);
                    out.push(match l {
                        Lang::En => format!("{u} hold it but do not know yet that it is committed: the leader's next AppendEntries carries leaderCommit."),
                        Lang::Zh => format!("{u} 持有它但尚不知道它已提交：领导者下一次日志追加会带上 leaderCommit。"),
                    });
                }
                out.push(l.t(
                    "Leader Completeness (§5.4): every future leader has this entry, so it can never be undone.",
                    "领导者完整性（§5.4）：以后每个领导者都会有这一条目，它永远不会被撤销。",
                ).to_string());
            }
            Verdict::Missing => {}
            Verdict::NoLeader => out.push(l.t(
                "Nothing commits until an election completes (§5.2). The entry survives if the winner's log has it; the vote rule (§5.4.1) favours up-to-date logs.",
                "选举完成前什么都不会提交（§5.2）。如果获胜者的日志里有它，它就会保留；投票规则（§5.4.1）偏向日志更新的节点。",
            ).to_string()),
            Verdict::LeaderLacks { .. } => out.push(l.t(
                "A client waiting for this entry is told that it was overwritten: it never took effect.",
                "等待此条目的客户端会被告知它已被覆盖：它从未生效。",
            ).to_string()),
            Verdict::NeedsMajority { leader, acked, older_than } => {
                if self.holders.len() > acked.len() {
                    let (h, a) = (names.list(&self.holders), names.list(acked));
                    out.push(match l {
                        Lang::En => format!("{h} hold it, but leader {leader} has confirmation only from {a}: the replies are still on their way.", leader = names.of(leader)),
                        Lang::Zh => format!("{h} 持有它，但领导者 {leader} 只确认了 {a}：其余回复仍在路上。", leader = names.of(leader)),
                    });
                }
                if let (Some(ct), Some(et)) = (older_than, self.term) {
                    out.push(match l {
                        Lang::En => format!("Even with a majority it would wait: it is from term {et} < current term {ct} (§5.4.2, Figure 8)."),
                        Lang::Zh => format!("即使有了多数派也要等待：它来自任期 {et} < 当前任期 {ct}（§5.4.2，图 8）。"),
                    });
                }
            }
            Verdict::OldTerm { leader, current_term: ct, newer, .. } => {
                out.push(match (newer, l) {
                    (Some(j), Lang::En) => format!("Leader {leader}'s entry at index {j} is from term {ct}: once a majority holds it, {leader} commits it — and index {i} with it (Log Matching).", leader = names.of(leader)),
                    (Some(j), Lang::Zh) => format!("领导者 {leader} 在索引 {j} 处的条目来自任期 {ct}：一旦被多数派持有，{leader} 就提交它，索引 {i} 随之提交（日志匹配）。", leader = names.of(leader)),
                    (None, Lang::En) => format!("Leader {leader} has no entry of term {ct} yet: the next client command (or the leader's no-op, thesis §6.4) will carry one.", leader = names.of(leader)),
                    (None, Lang::Zh) => format!("领导者 {leader} 还没有任期 {ct} 的条目：下一条客户端命令（或领导者的空操作条目，博士论文 §6.4）会带来一条。", leader = names.of(leader)),
                });
                out.push(l.t(
                    "Why: an old-term entry held by a majority can still be overwritten by a leader of a newer term (Figure 8), so counting replicas is not enough.",
                    "原因：旧任期的条目即使被多数派持有，仍可能被更新任期的领导者覆盖（图 8），所以仅计数副本是不够的。",
                ).to_string());
            }
            Verdict::AboutToCommit { .. } => {}
        }
        if !matches!(self.verdict, Verdict::Committed | Verdict::Missing) {
            out.extend(self.lack_lines(lang, names));
        }
        out
    }

    fn lack_lines(&self, lang: Lang, names: NodeNames) -> Vec<String> {
        let mut out = Vec::new();
        let pick = |want: fn(&Lack) -> bool| -> Vec<NodeId> {
            self.presence
                .iter()
                .filter(|(_, p)| matches!(p, Presence::Lacks(k) if want(k)))
                .map(|(n, _)| *n)
                .collect()
        };
        let groups: [(Vec<NodeId>, &str, &str); 4] = [
            (
                pick(|k| *k == Lack::Crashed),
                "crashed: it gets the entry after it restarts",
                "已崩溃：重启后才会收到此条目",
            ),
            (
                pick(|k| *k == Lack::Paused),
                "paused: messages wait until it resumes",
                "已暂停：恢复后才会处理消息",
            ),
            (
                pick(|k| *k == Lack::CutOff),
                "cut off from the leader (partition)",
                "与领导者之间的链路断开（分区）",
            ),
            (
                pick(|k| matches!(k, Lack::Behind(_))),
                "behind: the leader is sending the missing entries",
                "落后：领导者正在发送缺少的条目",
            ),
        ];
        for (who, en, zh) in groups {
            if !who.is_empty() {
                out.push(format!("{} {}", names.list(&who), lang.t(en, zh)));
            }
        }
        let leader_holds = matches!(
            self.verdict,
            Verdict::NeedsMajority { .. } | Verdict::OldTerm { .. } | Verdict::AboutToCommit { .. }
        );
        let leaders_term = match self.verdict {
            Verdict::LeaderLacks { theirs, .. } => theirs,
            _ => None,
        };
        let mut conflicts: VecMap<Term, Vec<NodeId>> = VecMap::new();
        for (n, p) in &self.presence {
            if let Presence::Lacks(Lack::Conflict(t)) = p {
                conflicts.get_or_insert_with(*t, Vec::new).push(*n);
            }
        }
        for (t, who) in conflicts {
            let w = names.list(&who);
            out.push(match (leader_holds, leaders_term == Some(t), lang) {
                (true, _, Lang::En) => format!("{w}: a different entry here (term {t}); the leader will replace it with this one (§5.3)."),
                (true, _, Lang::Zh) => format!("{w}：此处是不同的条目（任期 {t}）；领导者会用这一条替换它（§5.3）。"),
                (false, true, Lang::En) => format!("{w}: the leader's entry here (term {t}), which wins (§5.3)."),
                (false, true, Lang::Zh) => format!("{w}：此处是领导者的条目（任期 {t}），它将胜出（§5.3）。"),
                (false, false, Lang::En) => format!("{w}: a different entry here (term {t}); the leader decides which one stays (§5.3)."),
                (false, false, Lang::Zh) => format!("{w}：此处是不同的条目（任期 {t}）；由领导者决定保留哪一条（§5.3）。"),
            });
        }
        out
    }
}
