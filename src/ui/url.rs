//! Reading the page URL: `?lang=&seed=&nodes=&prevote=&prevotemode=&checkquorum=&noop=`.

use crate::sim::SimConfig;
use crate::view::i18n::Lang;
use crate::view::params::{config_from_query, QueryError};

/// The page's query string (`?a=b…`), or empty.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's fragment (`#…`), or empty.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The language: `?lang=`, else the browser's, else English.
pub fn initial_lang() -> Lang {
    let from_query =
        crate::view::params::query_value(&search(), "lang").and_then(|v| Lang::from_tag(&v));
    from_query
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

/// The starting configuration from the query, and what was wrong with it.
pub fn initial_config() -> (SimConfig, Vec<QueryError>) {
    config_from_query(&search())
}

/// Whether the user asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
