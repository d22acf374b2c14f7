//! Text → scenario, line by line. Total: every input gives a scenario or
//! the first line at fault.

use super::words::{parse_choices, parse_cond, parse_op, parse_probe, Words};
use super::{
    intern, unescape, FormatError, Kind, MAGIC, MAX_BYTES, MAX_OPS, MAX_STEPS, MAX_TICKS, VERSION,
};
use crate::scenario::{Answer, Op, Probe, Question, Scenario, Step};
use crate::sim::{Action, SimConfig};

/// A question being read: its line, prompts, probe and choices.
#[derive(Default)]
struct Ask {
    line: usize,
    en: &'static str,
    zh: &'static str,
    probe: Option<Probe>,
    choices: Vec<Answer>,
}

/// `en: text` or `zh: text`: which language, and the text.
fn lang_text(rest: &str) -> Result<(bool, &'static str), Kind> {
    let (lang, text) = rest
        .split_once(':')
        .ok_or(Kind::Expected("en:", rest.into()))?;
    let en = match lang.trim() {
        "en" => true,
        "zh" => false,
        x => return Err(Kind::Expected("en:", x.into())),
    };
    Ok((en, intern(&unescape(text.trim()))))
}

/// The ticks an operation may run (the bound on replay work).
fn ticks_of(op: &Op) -> u64 {
    match op {
        Op::Run(n) | Op::RunUntil(_, n) => *n,
        Op::Act(Action::TickNode(_, n)) => u64::from(*n),
        _ => 0,
    }
}

/// Ends the step being read: attaches its question.
fn finish(steps: &mut [Step], ask: Option<Ask>) -> Result<(), FormatError> {
    let Some(a) = ask else { return Ok(()) };
    let err = |kind| FormatError { line: a.line, kind };
    let probe = a.probe.ok_or(err(Kind::BadQuestion))?;
    if a.choices.is_empty() {
        return Err(err(Kind::BadQuestion));
    }
    if steps.len() == 1 {
        return Err(err(Kind::QuestionOnFirstStep));
    }
    if let Some(s) = steps.last_mut() {
        s.question = Some(Question::new((a.en, a.zh), probe, a.choices));
    }
    Ok(())
}

/// Reads a scenario file ([`super::print`] writes one).
pub fn parse(text: &str) -> Result<Scenario, FormatError> {
    if text.len() > MAX_BYTES {
        return Err(FormatError {
            line: 0,
            kind: Kind::TooLarge(text.len()),
        });
    }
    let mut sc = Scenario {
        id: "teacher",
        title_en: "",
        title_zh: "",
        config: SimConfig::default(),
        steps: Vec::new(),
    };
    let (mut header, mut ticks, mut ask) = (false, 0u64, None::<Ask>);
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |kind| FormatError { line: i + 1, kind };
        let (head, rest) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(h, r)| (h, r.trim()));
        if !header {
            if head != MAGIC {
                return Err(at(Kind::NotAScenario));
            }
            match rest.parse::<u32>() {
                Ok(VERSION) => header = true,
                Ok(v) if v > VERSION => return Err(at(Kind::NewerVersion(v))),
                _ => return Err(at(Kind::NotAScenario)),
            }
            continue;
        }
        let in_step = !sc.steps.is_empty();
        match head {
            "id" => {
                let mut w = Words::new(rest);
                sc.id = intern(w.word().map_err(at)?);
                w.end().map_err(at)?;
            }
            "nodes" if !in_step => sc.config.nodes = Words::new(rest).num().map_err(at)?,
            "seed" if !in_step => sc.config.seed = Words::new(rest).num().map_err(at)?,
            "config" if !in_step => {
                sc.config =
                    crate::view::share::codec::from_str(rest).map_err(|_| at(Kind::BadConfig))?
            }
            "title" if !in_step => match lang_text(rest).map_err(at)? {
                (true, t) => sc.title_en = t,
                (false, t) => sc.title_zh = t,
            },
            "step" => {
                finish(&mut sc.steps, ask.take())?;
                if sc.steps.len() == MAX_STEPS {
                    return Err(at(Kind::TooManySteps));
                }
                sc.steps.push(Step::new(("", ""), "", "", ""));
            }
            _ if !in_step => return Err(at(Kind::OutsideStep)),
            _ => {
                let Some(step) = sc.steps.last_mut() else {
                    return Err(at(Kind::OutsideStep));
                };
                match head {
                    "title" => match lang_text(rest).map_err(at)? {
                        (true, t) => step.title_en = t,
                        (false, t) => step.title_zh = t,
                    },
                    "say" => match lang_text(rest).map_err(at)? {
                        (true, t) => step.narration_en = t,
                        (false, t) => step.narration_zh = t,
                    },
                    "rule" => step.rule = intern(&unescape(rest)),
                    "expect" => {
                        let mut w = Words::new(rest);
                        step.expect = Some(parse_cond(&mut w, 0).map_err(at)?);
                        w.end().map_err(at)?;
                    }
                    "ask" => {
                        let a = ask.get_or_insert_with(|| Ask {
                            line: i + 1,
                            ..Ask::default()
                        });
                        match lang_text(rest).map_err(at)? {
                            (true, t) => a.en = t,
                            (false, t) => a.zh = t,
                        }
                    }
                    "probe" => {
                        let a = ask.get_or_insert_with(|| Ask {
                            line: i + 1,
                            ..Ask::default()
                        });
                        a.probe = Some(parse_probe(rest).map_err(at)?);
                    }
                    "choices" => {
                        let a = ask.as_mut().ok_or(at(Kind::BadQuestion))?;
                        let probe = a.probe.as_ref().ok_or(at(Kind::BadQuestion))?;
                        a.choices = parse_choices(rest, probe).map_err(at)?;
                    }
                    _ => {
                        let op = parse_op(head, rest).map_err(at)?;
                        ticks = ticks.saturating_add(ticks_of(&op));
                        if ticks > MAX_TICKS {
                            return Err(at(Kind::TooManyTicks));
                        }
                        if step.ops.len() == MAX_OPS {
                            return Err(at(Kind::TooManyOps));
                        }
                        step.ops.push(op);
                    }
                }
            }
        }
    }
    if !header {
        return Err(FormatError {
            line: 0,
            kind: Kind::NotAScenario,
        });
    }
    finish(&mut sc.steps, ask)?;
    if sc.steps.is_empty() {
        return Err(FormatError {
            line: 0,
            kind: Kind::NoSteps,
        });
    }
    Ok(sc)
}
