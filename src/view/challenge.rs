//! Challenge mode ("Break it"): the class tries to make Raft violate safety
//! with the usual controls. The score of an attempt is the number of
//! actions taken until the checker reported the first violation; fewer is
//! better. Whether a violation happened is the checker's word
//! ([`crate::sim::Checker`]), never this module's.

use super::i18n::Lang;
use crate::sim::{Property, ReplicationMode, SimConfig, Simulation};

/// An attempt that broke safety.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// Actions taken until the violation (the score).
    pub score: usize,
    /// The tick of the violation.
    pub tick: u64,
    /// The property violated first.
    pub property: Property,
}

/// The challenge's state across attempts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Challenge {
    /// What makes the run breakable (see [`loosened`]), as of the attempt.
    pub loosened: Vec<&'static str>,
    /// The current attempt's result, once broken.
    pub broken: Option<Broken>,
    /// The fewest actions of any attempt with the same loosened rules.
    pub best: Option<usize>,
}

/// What a configuration gives up of Raft's safety: the unsafe switches that
/// are on, and a replication mode that answers before commit. Empty: the
/// rules are whole, and no sequence of actions breaks safety.
pub fn loosened(config: &SimConfig) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = config
        .raft
        .unsafe_switches
        .iter()
        .map(|s| s.name())
        .collect();
    if config.replication_mode != ReplicationMode::Raft {
        out.push(config.replication_mode.name());
    }
    out
}

/// Actions the run has taken up to and including `tick`.
pub fn actions_until(sim: &Simulation, tick: u64) -> usize {
    sim.actions().iter().take_while(|a| a.tick <= tick).count()
}

impl Challenge {
    /// A new attempt on a fresh run with `config`; the best score is kept
    /// only while the loosened rules stay the same.
    pub fn start(&mut self, config: &SimConfig) {
        let loosened = loosened(config);
        if loosened != self.loosened {
            self.best = None;
            self.loosened = loosened;
        }
        self.broken = None;
    }

    /// Looks at the run after every change: the first violation ends the
    /// attempt with its score.
    pub fn observe(&mut self, sim: &Simulation) {
        if self.broken.is_some() {
            return;
        }
        let Some(v) = sim.world().violations().first() else {
            return;
        };
        let score = actions_until(sim, v.tick);
        self.best = Some(self.best.map_or(score, |b| b.min(score)));
        self.broken = Some(Broken {
            score,
            tick: v.tick,
            property: v.property,
        });
    }
}

/// The rules line: what is loosened, or that nothing is.
pub fn rules_text(lang: Lang, loosened: &[&str]) -> String {
    if loosened.is_empty() {
        return lang
            .t(
                "Every unsafe switch is off and replication is Raft's: the rules are whole, so no sequence of actions can break safety (chaos: 10,000 seeds × 2,000 steps, no violation). Turn an unsafe switch on in the settings to make it breakable.",
                "所有不安全开关均已关闭，复制方式为 Raft：规则完整，任何操作序列都无法破坏安全性（混沌测试：10,000 个种子 × 2,000 步，无违反）。在设置中打开一个不安全开关，才有可能破坏它。",
            )
            .into();
    }
    let list = loosened.join(", ");
    match lang {
        Lang::En => format!("Loosened: {list}. Safety can be broken: find the shortest way."),
        Lang::Zh => format!("已放松的规则：{list}。安全性可以被破坏：找出最短的办法。"),
    }
}

/// The score line of a broken attempt.
pub fn score_text(lang: Lang, b: &Broken, property: &str) -> String {
    let (n, t) = (b.score, b.tick);
    match lang {
        Lang::En => format!("Broken in {n} actions: {property} violated at tick {t}."),
        Lang::Zh => format!("用 {n} 个操作破坏：{property} 在时刻 {t} 被违反。"),
    }
}
