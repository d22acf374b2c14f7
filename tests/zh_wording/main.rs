//! The Chinese wording rules of `src/view/i18n.rs`, checked over every string
//! literal in `src/`: the thesis is 博士论文 (and "thesis" on the English
//! side), an amount of ticks is 时钟周期 and a point on the clock 时刻, field
//! names as Figure 2 spells them, and no stray English inside a Chinese
//! string. The literals are read from the sources, so a new string is checked
//! the day it is written.
//!
//! [`scan`] reads the literals; [`citations`] (博士论文 / thesis),
//! [`ticks`] (时钟周期 / 时刻) and [`english`] (Figure 2's field names, stray
//! English) check them.

mod citations;
mod english;
mod scan;
mod ticks;

/// Fails with every problem found, under the name of the rule broken.
pub fn report(problems: Vec<String>, rule: &str) {
    assert!(problems.is_empty(), "{rule}:\n{}", problems.join("\n"));
}
