//! What the settings say about themselves: loss and duplication in percent,
//! and a warning when the network is so slow that elections are unlikely
//! to finish (§5.6, the timing requirement: broadcastTime ≪
//! electionTimeout). Pure, tested natively.

use super::i18n::Lang;
use crate::raft::Config;
use crate::sim::NetworkConfig;

/// A chance in 1000 as a percentage: `10` → "1%", `15` → "1.5%".
pub fn percent(permille: u32) -> String {
    if permille % 10 == 0 {
        format!("{}%", permille / 10)
    } else {
        format!("{}.{}%", permille / 10, permille % 10)
    }
}

/// The warning when a RequestVote and its reply can take as long as the
/// shortest election timeout: a candidate may time out and start a new
/// term before its votes come back, again and again (§5.6: broadcastTime
/// must be much smaller than electionTimeout). `None` when the timing is
/// fine.
pub fn slow_network_warning(lang: Lang, net: &NetworkConfig, raft: &Config) -> Option<String> {
    let round_trip = net.latency_max.saturating_mul(2);
    let timeout = raft.election_timeout;
    if round_trip < timeout {
        return None;
    }
    Some(match lang {
        Lang::En => format!(
            "Elections are unlikely to finish: a RequestVote and its reply can take {round_trip} ticks, \
             as long as the shortest election timeout ({timeout} ticks). Raft needs broadcast time ≪ election timeout (§5.6)."
        ),
        Lang::Zh => format!(
            "选举很可能无法完成：一次投票请求及其回复最多需要 {round_trip} 个时钟周期，\
             不短于最短的选举超时（{timeout} 个时钟周期）。Raft 要求广播时间远小于选举超时（§5.6）。"
        ),
    })
}

/// The strip shown while unsafe teaching switches are on: its heading.
pub fn unsafe_strip_heading(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En => format!(
            "Unsafe teaching switch{} on: this run may break Raft on purpose —",
            if count == 1 { "" } else { "es" }
        ),
        Lang::Zh => format!("已打开 {count} 个不安全的教学开关：本次运行可能故意破坏 Raft ——"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(percent(0), "0%");
        assert_eq!(percent(10), "1%");
        assert_eq!(percent(15), "1.5%");
        assert_eq!(percent(500), "50%");
    }

    #[test]
    fn a_slow_network_is_flagged_from_the_round_trip_on() {
        let raft = Config::default();
        let t = raft.election_timeout;
        let mut net = NetworkConfig::default();
        assert_eq!(
            slow_network_warning(Lang::En, &net, &raft),
            None,
            "defaults are fine"
        );
        net.latency_max = t / 2 - 1;
        assert_eq!(slow_network_warning(Lang::En, &net, &raft), None);
        net.latency_max = t / 2;
        let en = slow_network_warning(Lang::En, &net, &raft).unwrap();
        assert!(en.contains(&format!("take {t} ticks")), "{en}");
        assert!(en.contains("§5.6"));
        let zh = slow_network_warning(Lang::Zh, &net, &raft).unwrap();
        assert!(zh.contains("选举很可能无法完成"), "{zh}");
    }

    #[test]
    fn strip_heading_in_both_languages() {
        assert!(unsafe_strip_heading(Lang::En, 2).starts_with("Unsafe teaching switches on"));
        assert!(unsafe_strip_heading(Lang::En, 1).starts_with("Unsafe teaching switch on"));
        assert!(unsafe_strip_heading(Lang::Zh, 2).starts_with("已打开 2 个"));
    }
}
