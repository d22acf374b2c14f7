//! Query-string parameters that set the initial state:
//! `?lang=zh&seed=7&nodes=3&prevote=1&prevotemode=etcd|thesis&checkquorum=1&noop=0`,
//! and `compare=<setting>` to open the A/B comparison.
//! Bad values are reported, never fatal: the default is used instead.

use super::i18n::Lang;
use crate::sim::SimConfig;

/// A query parameter that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// The parameter's name.
    pub name: String,
    /// The value given.
    pub value: String,
    /// What was wrong.
    pub problem: QueryProblem,
}

/// What was wrong with a query parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryProblem {
    /// Not a valid value: the default was used.
    Invalid,
    /// Given more than once: the first was used (`value` is the first).
    Duplicate,
    /// Overridden: a share link in the fragment sets the whole cluster.
    OverriddenByLink,
}

/// The parameters that set the cluster (a share link overrides them).
pub const CONFIG_PARAMS: [&str; 5] = ["seed", "nodes", "prevote", "checkquorum", "noop"];

impl QueryError {
    /// Explains it in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (n, v) = (&self.name, &self.value);
        match (lang, self.problem) {
            (Lang::En, QueryProblem::Invalid) => {
                format!("ignored URL parameter {n}={v:?}: not a valid value")
            }
            (Lang::Zh, QueryProblem::Invalid) => format!("已忽略无效的网址参数 {n}={v:?}"),
            (Lang::En, QueryProblem::Duplicate) => {
                format!(
                    "URL parameter {n} was given more than once: the first, {n}={v:?}, was used"
                )
            }
            (Lang::Zh, QueryProblem::Duplicate) => {
                format!("网址参数 {n} 出现了不止一次：已使用第一个 {n}={v:?}")
            }
            (Lang::En, QueryProblem::OverriddenByLink) => {
                format!("ignored URL parameter {n}={v:?}: the share link sets the cluster")
            }
            (Lang::Zh, QueryProblem::OverriddenByLink) => {
                format!("已忽略网址参数 {n}={v:?}：分享链接决定了集群设置")
            }
        }
    }
}

/// Every parameter named more than once, in first-seen order, with its
/// first value.
pub fn duplicates(query: &str) -> Vec<QueryError> {
    let mut seen: Vec<String> = Vec::new();
    let mut out: Vec<QueryError> = Vec::new();
    for kv in query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
    {
        let name = decode_component(kv.split_once('=').map_or(kv, |(k, _)| k));
        if seen.contains(&name) {
            if !out.iter().any(|e| e.name == name) {
                let value = query_value(query, &name).unwrap_or_default();
                out.push(QueryError {
                    value: value.chars().take(40).collect(),
                    name,
                    problem: QueryProblem::Duplicate,
                });
            }
        } else {
            seen.push(name);
        }
    }
    out
}

/// The cluster-setting parameters present in `query`, reported as
/// overridden (a share link was opened).
pub fn overridden_by_link(query: &str) -> Vec<QueryError> {
    CONFIG_PARAMS
        .iter()
        .filter_map(|&name| {
            query_value(query, name).map(|v| QueryError {
                name: name.to_string(),
                value: v.chars().take(40).collect(),
                problem: QueryProblem::OverriddenByLink,
            })
        })
        .collect()
}

/// Decodes `%xx` and `+` in a query component.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of `name` in a query string (with or without the leading `?`).
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
        .find(|(k, _)| decode_component(k) == name)
        .map(|(_, v)| decode_component(v))
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// The configuration a query asks for, starting from the default, and the
/// parameters that were ignored.
pub fn config_from_query(query: &str) -> (SimConfig, Vec<QueryError>) {
    let mut config = SimConfig::default();
    let mut errors = Vec::new();
    let mut bad = |name: &str, value: &str| {
        errors.push(QueryError {
            name: name.to_string(),
            value: value.chars().take(40).collect(),
            problem: QueryProblem::Invalid,
        })
    };
    if let Some(v) = query_value(query, "seed") {
        match v.parse::<u64>() {
            Ok(seed) => config.seed = seed,
            Err(_) => bad("seed", &v),
        }
    }
    if let Some(v) = query_value(query, "nodes") {
        match v.parse::<u32>() {
            Ok(n) if (1..=9).contains(&n) => config.nodes = n,
            _ => bad("nodes", &v),
        }
    }
    for (name, field) in [
        ("prevote", &mut config.raft.pre_vote as &mut bool),
        ("checkquorum", &mut config.raft.check_quorum),
        ("noop", &mut config.raft.leader_noop),
    ] {
        if let Some(v) = query_value(query, name) {
            match parse_bool(&v) {
                Some(b) => *field = b,
                None => bad(name, &v),
            }
        }
    }
    if let Some(v) = query_value(query, "prevotemode") {
        match crate::raft::PreVoteMode::from_name(&v) {
            Some(m) => config.raft.pre_vote_mode = m,
            None => bad("prevotemode", &v),
        }
    }
    if let Some(v) = query_value(query, "lang") {
        if Lang::from_tag(&v).is_none() {
            bad("lang", &v);
        }
    }
    errors.extend(duplicates(query));
    (config, errors)
}

/// The parameters the page's address keeps in step with the settings.
pub const FOLLOWED_PARAMS: [&str; 7] = [
    "lang",
    "seed",
    "nodes",
    "prevote",
    "prevotemode",
    "checkquorum",
    "noop",
];

/// The query (`?…`) that reopens `config`'s cluster settings in `lang`:
/// the parameters in [`FOLLOWED_PARAMS`] written from the settings, every
/// other parameter of `existing` kept as it was, in its place.
pub fn query_for(existing: &str, config: &SimConfig, lang: Lang) -> String {
    let flag = |b: bool| if b { "1" } else { "0" };
    let ours = [
        ("lang", lang.code().to_string()),
        ("seed", config.seed.to_string()),
        ("nodes", config.nodes.to_string()),
        ("prevote", flag(config.raft.pre_vote).to_string()),
        ("prevotemode", config.raft.pre_vote_mode.name().to_string()),
        ("checkquorum", flag(config.raft.check_quorum).to_string()),
        ("noop", flag(config.raft.leader_noop).to_string()),
    ];
    let others = existing
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .filter(|kv| {
            let name = decode_component(kv.split_once('=').map_or(*kv, |(k, _)| k));
            !FOLLOWED_PARAMS.contains(&name.as_str())
        });
    let parts: Vec<String> = ours
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .chain(others.map(str::to_string))
        .collect();
    format!("?{}", parts.join("&"))
}

/// `?compare=<setting>` (a [`Knob`](crate::sim::compare::Knob) name): open
/// the A/B comparison on that setting. A bad name is reported.
pub fn compare_from_query(query: &str) -> Result<Option<crate::sim::compare::Knob>, QueryError> {
    let Some(v) = query_value(query, "compare") else {
        return Ok(None);
    };
    crate::sim::compare::Knob::from_name(&v)
        .map(Some)
        .ok_or_else(|| QueryError {
            name: "compare".into(),
            value: v.chars().take(40).collect(),
            problem: QueryProblem::Invalid,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_follows_the_settings_and_reads_back() {
        let mut c = SimConfig {
            seed: 42,
            nodes: 7,
            ..SimConfig::default()
        };
        c.raft.pre_vote = true;
        c.raft.pre_vote_mode = crate::raft::PreVoteMode::Thesis;
        c.raft.check_quorum = true;
        c.raft.leader_noop = false;
        let q = query_for("?seed=1&selftest=x&lang=en", &c, Lang::Zh);
        assert_eq!(
            q,
            "?lang=zh&seed=42&nodes=7&prevote=1&prevotemode=thesis&checkquorum=1&noop=0&selftest=x"
        );
        let (back, errors) = config_from_query(&q);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, c, "a reload reads the same settings");
        assert_eq!(query_value(&q, "lang").as_deref(), Some("zh"));
        let d = SimConfig::default();
        assert_eq!(config_from_query(&query_for("", &d, Lang::En)).0, d);
    }

    #[test]
    fn reads_the_documented_parameters() {
        let (c, errs) =
            config_from_query("?lang=zh&seed=7&nodes=3&prevote=1&checkquorum=true&noop=0");
        assert!(errs.is_empty());
        assert_eq!((c.seed, c.nodes), (7, 3));
        assert!(c.raft.pre_vote && c.raft.check_quorum && !c.raft.leader_noop);
        assert_eq!(c.raft.pre_vote_mode, crate::raft::PreVoteMode::Etcd);
        let (c, errs) = config_from_query("?prevote=1&prevotemode=thesis");
        assert!(errs.is_empty());
        assert_eq!(c.raft.pre_vote_mode, crate::raft::PreVoteMode::Thesis);
        let (c, errs) = config_from_query("?prevotemode=raft");
        assert_eq!(c, SimConfig::default());
        assert_eq!(errs[0].name, "prevotemode");
        assert_eq!(query_value("?a=x%20y&b=+z", "a").as_deref(), Some("x y"));
        assert_eq!(query_value("a=1", "b"), None);
    }

    #[test]
    fn bad_values_fall_back_to_defaults_and_are_reported() {
        let (c, errs) = config_from_query("?nodes=12&seed=abc&prevote=maybe&lang=fr&x=%");
        assert_eq!(c, SimConfig::default());
        let names: Vec<&str> = errs.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["seed", "nodes", "prevote", "lang"]);
        assert!(errs[0].text(Lang::Zh).contains("seed"));
        assert_eq!(decode_component("%zz%4"), "%zz%4");
    }

    #[test]
    fn compare_names_a_setting() {
        use crate::sim::compare::Knob;
        assert_eq!(compare_from_query("?seed=3"), Ok(None));
        assert_eq!(
            compare_from_query("?compare=checkquorum"),
            Ok(Some(Knob::CheckQuorum))
        );
        let e = compare_from_query("?compare=warp").unwrap_err();
        assert_eq!((e.name.as_str(), e.value.as_str()), ("compare", "warp"));
    }

    #[test]
    fn duplicates_and_overrides_are_reported() {
        let (c, errs) = config_from_query("?nodes=3&seed=2&nodes=7&nodes=9");
        assert_eq!(c.nodes, 3);
        assert_eq!(errs.len(), 1);
        assert_eq!(
            (
                errs[0].name.as_str(),
                errs[0].value.as_str(),
                errs[0].problem
            ),
            ("nodes", "3", QueryProblem::Duplicate)
        );
        assert!(errs[0].text(Lang::En).contains("more than once"));
        assert!(errs[0].text(Lang::Zh).contains("不止一次"));
        let over = overridden_by_link("?lang=zh&seed=4&noop=0");
        let names: Vec<&str> = over.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["seed", "noop"]);
        assert!(over[0]
            .text(Lang::En)
            .contains("share link sets the cluster"));
        assert!(over[0].text(Lang::Zh).contains("分享链接"));
    }
}
