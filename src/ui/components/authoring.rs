//! Teacher-written scenarios in the header: record the run into steps
//! (`record-scenario`, `record-step`), write each step's narration in both
//! languages, preview, export as a file and a link (`export-scenario`), and
//! import a file (`import-scenario`). The format is `scenario::format`; the
//! recording is `view::authoring`; every change goes through the reducer.

use super::share_box::{base_url, download};
use crate::scenario::{format, Scenario};
use crate::ui::state::{link_fragment, Authoring, Notice, UiAction};
use crate::view::authoring::{Draft, Field};
use crate::view::i18n::Lang;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type JsCallback = Closure<dyn FnMut(JsValue)>;

/// Props of [`AuthoringPanel`].
#[derive(Properties, PartialEq)]
pub struct AuthoringProps {
    /// Language.
    pub lang: Lang,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
    /// The scenario being recorded.
    #[prop_or_default]
    pub draft: Option<Draft>,
    /// The scenario shown, exported when nothing is recorded.
    #[prop_or_default]
    pub shown: Option<Rc<Scenario>>,
}

fn author(d: &Callback<UiAction>, a: Authoring) -> Callback<MouseEvent> {
    d.reform(move |_| UiAction::Author(a.clone()))
}

/// A text field of the draft.
fn field(l: Lang, d: &Callback<UiAction>, f: Field, value: &str, long: bool, name: &str) -> Html {
    let oninput = d.reform(move |e: InputEvent| {
        let value = e
            .target()
            .and_then(|t| {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|x| x.value())
                    .or_else(|| t.dyn_ref::<web_sys::HtmlInputElement>().map(|x| x.value()))
            })
            .unwrap_or_default();
        UiAction::Author(Authoring::Edit(f, value))
    });
    let label = match f {
        Field::ScenarioTitleEn | Field::TitleEn(_) => l.t("Title (English)", "标题（英文）"),
        Field::ScenarioTitleZh | Field::TitleZh(_) => l.t("Title (Chinese)", "标题（中文）"),
        Field::SayEn(_) => l.t("Narration (English)", "讲解（英文）"),
        Field::SayZh(_) => l.t("Narration (Chinese)", "讲解（中文）"),
    };
    html! {
        <label class="author-field">
            <span>{label}</span>
            if long {
                <textarea rows="2" data-input={name.to_string()} value={value.to_string()} {oninput} />
            } else {
                <input type="text" data-input={name.to_string()} value={value.to_string()} {oninput} />
            }
        </label>
    }
}

/// The authoring panel.
#[component]
pub fn AuthoringPanel(p: &AuthoringProps) -> Html {
    let (l, d) = (p.lang, &p.dispatch);
    let link = use_state(String::new);
    let reader = use_mut_ref(|| None::<(web_sys::FileReader, JsCallback)>);
    let recorded = p.draft.as_ref().is_some_and(|dr| !dr.cuts.is_empty());
    let on_export = {
        let (draft, shown, link, d) = (p.draft.clone(), p.shown.clone(), link.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            let sc = match (&draft, &shown) {
                (Some(dr), _) if !dr.cuts.is_empty() => Rc::new(dr.scenario()),
                (_, Some(sc)) => sc.clone(),
                _ => return,
            };
            let text = format::print(&sc);
            let name = format!("{}.raftlab-scenario.txt", sc.id.replace(':', "-"));
            if download(&name, &text, "text/plain").is_err() {
                d.emit(UiAction::Notify(Some(Notice::error(|l| {
                    l.t("The browser refused the download.", "浏览器拒绝了下载。")
                        .to_string()
                }))));
            }
            link.set(format!("{}#{}", base_url(l), link_fragment(&text)));
        })
    };
    let on_import = {
        let (d, reader) = (d.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let (Some(file), Ok(fr)) = (
                input.files().and_then(|f| f.get(0)),
                web_sys::FileReader::new(),
            ) else {
                return;
            };
            input.set_value("");
            let (d, fr2) = (d.clone(), fr.clone());
            let onload: JsCallback = Closure::new(move |_| {
                let text = fr2
                    .result()
                    .ok()
                    .and_then(|r| r.as_string())
                    .unwrap_or_default();
                d.emit(UiAction::OpenScenario(text));
            });
            fr.set_onload(Some(onload.as_ref().unchecked_ref()));
            if fr.read_as_text(&file).is_ok() {
                *reader.borrow_mut() = Some((fr, onload));
            }
        })
    };
    let steps = p.draft.as_ref().map(|dr| {
        let items = dr.texts.iter().enumerate().map(|(k, t)| html! {
            <li class="author-step" data-draft-step={k.to_string()}>
                <span class="step-no">{k + 1}</span>
                {field(l, d, Field::TitleEn(k), &t.title_en, false, "step-title-en")}
                {field(l, d, Field::TitleZh(k), &t.title_zh, false, "step-title-zh")}
                {field(l, d, Field::SayEn(k), &t.say_en, true, "step-say-en")}
                {field(l, d, Field::SayZh(k), &t.say_zh, true, "step-say-zh")}
            </li>
        });
        html! {
            <>
                {field(l, d, Field::ScenarioTitleEn, &dr.title.0, false, "scenario-title-en")}
                {field(l, d, Field::ScenarioTitleZh, &dr.title.1, false, "scenario-title-zh")}
                <ol class="author-steps" data-draft-steps={dr.texts.len().to_string()}>{for items}</ol>
            </>
        }
    });
    html! {
        <details class="authoring">
            <summary data-action="authoring">{l.t("Author", "编写场景")}{" ▾"}</summary>
            <div class="author-panel" role="group" aria-label={l.t("Teacher-written scenarios", "教师自编场景")}>
                <p class="scenario-hint">{l.t(
                    "Record what you do on the cluster as steps, narrate each step, then export a file or a link for the class. Import a file to open it.",
                    "把你对集群的操作录制成步骤，为每一步写讲解，再导出为文件或链接发给学生。导入文件即可打开。",
                )}</p>
                <div class="author-actions">
                    <button type="button" data-action="record-scenario" onclick={author(d, Authoring::Record)}>
                        {"● "}{if p.draft.is_some() { l.t("Record anew", "重新录制") } else { l.t("Record", "录制") }}
                    </button>
                    if p.draft.is_some() {
                        <button type="button" class="primary" data-action="record-step" onclick={author(d, Authoring::EndStep)}>
                            {l.t("End step here", "在此结束一步")}
                        </button>
                        <button type="button" data-action="preview-scenario" disabled={!recorded}
                            onclick={author(d, Authoring::Preview)}>{l.t("Preview", "预览")}</button>
                        <button type="button" data-action="discard-scenario" onclick={author(d, Authoring::Discard)}>
                            {l.t("Discard", "丢弃")}
                        </button>
                    }
                    <button type="button" data-action="export-scenario" disabled={!recorded && p.shown.is_none()}
                        onclick={on_export}>{"⬇ "}{l.t("Export scenario", "导出场景")}</button>
                    <label class="import-button" data-action="import-scenario">
                        {"⬆ "}{l.t("Import scenario", "导入场景")}
                        <input type="file" accept=".txt,text/plain" data-input="import-scenario"
                            aria-label={l.t("Import a scenario file", "导入场景文件")} onchange={on_import} />
                    </label>
                </div>
                if !link.is_empty() {
                    <label class="share-link">
                        <span>{l.t("Link to this scenario:", "指向这个场景的链接：")}</span>
                        <input type="text" readonly=true value={(*link).clone()} data-output="scenario-link" />
                    </label>
                }
                {steps}
            </div>
        </details>
    }
}
