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

/// Keeps the address's query in step with the settings and the language
/// (`view::params::query_for`), so a reload keeps them; the fragment (a
/// share link) and other parameters stay. Replaces the history entry
/// rather than adding one.
pub fn follow_settings(config: &SimConfig, lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = search();
    let query = crate::view::params::query_for(&current, config, lang);
    if query == current {
        return;
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let url = format!("{path}{query}{}", hash());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
