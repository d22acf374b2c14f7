//! The reducer's part for teacher-written scenarios: recording a draft
//! from the run, previewing it, and opening a scenario file or link. A bad
//! file or link says what is wrong and on which line; the run on screen
//! stays as it was.

use super::{AppState, Authoring, Notice, ScenarioNav};
use crate::scenario::{self, format, Scenario};
use crate::view::share::base64url_decode;
use std::rc::Rc;

/// The fragment prefix of a scenario link: `#s1.<base64url(file text)>`.
pub const LINK_PREFIX: &str = "s1.";

/// The link fragment (without `#`) carrying `text`.
pub fn link_fragment(text: &str) -> String {
    format!(
        "{LINK_PREFIX}{}",
        crate::view::share::base64url_encode(text.as_bytes())
    )
}

impl AppState {
    fn inform(&mut self, en: &str, zh: &str) {
        self.notice = Some(Notice::info(|l| l.t(en, zh).to_string()));
    }

    /// One authoring action.
    pub(super) fn author(&mut self, a: Authoring) {
        match a {
            Authoring::Record => {
                self.draft = Some(Default::default());
                self.inform(
                    "Recording: act on the cluster, and press “End step here” at each moment worth a step.",
                    "正在录制：操作集群，在每个值得成为一步的时刻点“在此结束一步”。",
                );
            }
            Authoring::EndStep => {
                let ended = match self.draft.as_mut() {
                    Some(d) => d.end_step(&self.sim.borrow()),
                    None => false,
                };
                if !ended {
                    self.notify_error(|l| {
                        l.t(
                            "Nothing happened since the last step (or this is another run): let the clock run or act first.",
                            "自上一步以来没有任何变化（或这是另一个运行）：请先运行时钟或进行操作。",
                        )
                        .to_string()
                    });
                }
            }
            Authoring::Edit(field, text) => {
                if let Some(d) = self.draft.as_mut() {
                    d.edit(field, text);
                }
            }
            Authoring::Preview => match self.draft.as_ref().map(|d| d.scenario()) {
                Some(sc) if !sc.steps.is_empty() => self.open_custom(sc),
                _ => self.notify_error(|l| {
                    l.t("Record at least one step first.", "请先至少录制一步。")
                        .to_string()
                }),
            },
            Authoring::Discard => self.draft = None,
        }
    }

    /// A scenario file's text: opened at its first step, or refused with the
    /// line at fault.
    pub(super) fn open_scenario(&mut self, text: &str) {
        match format::parse(text) {
            Ok(sc) => self.open_custom(sc),
            Err(e) => self.notify_error(|l| e.text(l)),
        }
    }

    /// A scenario link fragment (`s1.…`); false when it is not one.
    pub(super) fn open_scenario_link(&mut self, fragment: &str) -> bool {
        let Some(data) = fragment.strip_prefix(LINK_PREFIX) else {
            return false;
        };
        match base64url_decode(data).map(String::from_utf8) {
            Ok(Ok(text)) => self.open_scenario(&text),
            _ => self.notify_error(|l| {
                l.t(
                    "This scenario link is damaged: it does not decode. Nothing was changed.",
                    "这个场景链接已损坏，无法解码。没有做任何改动。",
                )
                .to_string()
            }),
        }
        true
    }

    /// Opens `sc` (a teacher's) at its first step, beside the built-ins; an
    /// id a built-in already has is kept apart.
    fn open_custom(&mut self, mut sc: Scenario) {
        if scenario::find(sc.id).is_some() {
            sc.id = format::intern(&format!("teacher:{}", sc.id));
        }
        let (id, old) = (sc.id, self.custom.replace(Rc::new(sc)));
        self.scenario_nav(ScenarioNav::Go(id, 0));
        if self.scenario.as_ref().is_none_or(|p| p.id != id) {
            self.custom = old; // it did not run: the current run stays
        }
    }
}
