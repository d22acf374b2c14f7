//! Ticks: an amount of ticks is N 个时钟周期, a point on the clock 时刻 N.

use crate::report;
use crate::scan::{all_literals, chinese};

#[test]
fn an_amount_of_ticks_is_shi_zhong_zhou_qi_and_a_point_is_shi_ke() {
    let mut problems = Vec::new();
    for l in chinese(&all_literals()) {
        let t = &l.text;
        let chars: Vec<char> = t.chars().collect();
        for (k, w) in chars.windows(2).enumerate() {
            if w == ['时', '刻'] && k > 0 {
                // "12 时刻", "{n} 时刻", "12 个时刻", "几个时刻" count; "这个时刻" does not.
                let mut back = chars[..k].iter().rev().filter(|c| **c != ' ');
                let counted_by = |c: Option<&char>| matches!(c, Some(c) if c.is_ascii_digit() || "}几多一两十百".contains(*c));
                let (first, second) = (back.next(), back.next());
                let same_moment = first == Some(&'一') && second == Some(&'同');
                let counted = counted_by(first) && !same_moment;
                if counted || (first == Some(&'个') && counted_by(second)) {
                    problems.push(format!(
                        "{}: a count of 时刻 (write N 个时钟周期): {t}",
                        l.at
                    ));
                }
            }
        }
        for (k, _) in t.match_indices("时钟周期") {
            let after = t[k + "时钟周期".len()..].trim_start();
            if after.starts_with(|c: char| c.is_ascii_digit() || c == '{') || t[..k].ends_with('在')
            {
                problems.push(format!(
                    "{}: a point on the clock is 时刻 N, not 时钟周期 N: {t}",
                    l.at
                ));
            }
        }
        if t.contains("个节点时刻") {
            problems.push(format!("{}: node ticks are counted in 时钟周期: {t}", l.at));
        }
    }
    report(problems, "ticks in Chinese");
}
