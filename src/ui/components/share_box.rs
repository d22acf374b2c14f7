//! Share, export and import: a link (`#v1.…`) that reopens exactly this
//! moment of the run, shown in a read-only field and copied to the clipboard
//! when the browser allows; the same as a JSON file to download and load.
//! The encoding and all validation live in `crate::view::share`.

use crate::scenario::Position;
use crate::ui::dismiss::{use_below_toolbar, use_dismiss};
use crate::ui::props::ViewProps;
use crate::ui::state::{Notice, UiAction};
use crate::view::i18n::Lang;
use crate::view::share::{
    share_refused_text, without_future_text, Shareable, Shared, SharedScenario,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

type JsCallback = Closure<dyn FnMut(JsValue)>;

/// The scenario tag a link carries for `pos`.
pub fn tag_of(pos: Option<&Position>) -> Option<SharedScenario> {
    pos.map(|p| SharedScenario {
        id: p.id.to_string(),
        step: p.step,
    })
}

/// The page's address without query or fragment, plus `?lang=`.
/// This page's address, with the language.
pub(crate) fn base_url(lang: Lang) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    format!("{origin}{path}?lang={}", lang.code())
}

/// Starts copying `text` to the clipboard; `done` hears whether it worked.
/// A browser without the clipboard API, or one that refuses, is fine.
fn copy_to_clipboard(text: &str, done: &(JsCallback, JsCallback)) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    let promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        Some(p) => {
            let _ = p.then2(&done.0, &done.1);
            true
        }
        None => false,
    }
}

/// Downloads `text` as `name` (Blob + object URL + a temporary `<a download>`).
/// Offers `text` as a download named `name` of type `mime`.
pub(crate) fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    let body = doc.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    web_sys::Url::revoke_object_url(&url)
}

/// A file input's change handler: reads the chosen file as text (refusing
/// one over [`crate::view::trace_file::MAX_TRACE_BYTES`] before reading it)
/// and dispatches `open(text)`.
fn import_handler(
    d: Callback<UiAction>,
    reader: std::rc::Rc<std::cell::RefCell<Option<(web_sys::FileReader, JsCallback)>>>,
    open: fn(String) -> UiAction,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let limit = crate::view::trace_file::MAX_TRACE_BYTES;
        if file.size() > limit as f64 {
            let e = crate::view::share::ShareError::TooLarge {
                bytes: file.size() as usize,
                limit,
            };
            d.emit(UiAction::Notify(Some(Notice::error(|l| {
                crate::view::share::refusal_text(
                    l,
                    crate::view::share::Source::File,
                    &e,
                    crate::view::share::Kept::CurrentRun,
                )
            }))));
            return;
        }
        let Ok(fr) = web_sys::FileReader::new() else {
            return;
        };
        let (d, fr2) = (d.clone(), fr.clone());
        let onload: JsCallback = Closure::new(move |_| {
            let text = fr2
                .result()
                .ok()
                .and_then(|r| r.as_string())
                .unwrap_or_default();
            d.emit(open(text));
        });
        fr.set_onload(Some(onload.as_ref().unchecked_ref()));
        if fr.read_as_text(&file).is_ok() {
            *reader.borrow_mut() = Some((fr, onload));
        }
    })
}

/// Props of [`ShareBox`].
#[derive(Properties, PartialEq)]
pub struct ShareBoxProps {
    /// Shared props.
    pub view: ViewProps,
    /// The scenario step, if one is open (it travels with the link).
    #[prop_or_default]
    pub pos: Option<Position>,
    /// The teacher's bookmarks (they travel with the link and the file).
    #[prop_or_default]
    pub bookmarks: crate::view::bookmarks::Bookmarks,
    /// The A/B comparison open on the run: the link and the file reopen it.
    #[prop_or_default]
    pub compare: Option<crate::sim::compare::Knob>,
}

/// The Share button and its panel: link field, Export and Import.
#[component]
pub fn ShareBox(p: &ShareBoxProps) -> Html {
    crate::ui::render_count::count("ShareBox");
    let v = &p.view;
    let l = v.lang;
    let open_panel = use_state(|| false);
    let link = use_state(String::new);
    let note = use_state(String::new);
    let copied = use_state(|| None::<bool>);
    let field = use_node_ref();
    let (root, button, panel) = (use_node_ref(), use_node_ref(), use_node_ref());
    let close = {
        let open_panel = open_panel.clone();
        Callback::from(move |()| open_panel.set(false))
    };
    use_dismiss(*open_panel, root.clone(), button.clone(), close.clone());
    use_below_toolbar(*open_panel, panel.clone());
    // Callbacks the browser calls later (clipboard promise, file reader):
    // held here, dropped with the component.
    let clip_cbs = use_mut_ref(|| None::<(JsCallback, JsCallback)>);
    let reader = use_mut_ref(|| None::<(web_sys::FileReader, JsCallback)>);

    let on_share = {
        let (sim, pos, open_panel, link, copied, field, compare) = (
            v.sim.clone(),
            p.pos.clone(),
            open_panel.clone(),
            link.clone(),
            copied.clone(),
            field.clone(),
            p.compare,
        );
        let (clip_cbs, note) = (clip_cbs.clone(), note.clone());
        let bookmarks = p.bookmarks.clone();
        Callback::from(move |_: MouseEvent| {
            let mut shared = Shared::capture(&sim.borrow(), tag_of(pos.as_ref()))
                .with_bookmarks(bookmarks.clone());
            shared.compare = compare;
            // Never a link the app would refuse (view::share::Shared::share).
            let fragment = match shared.share() {
                Ok(Shareable::Full(f)) => {
                    note.set(String::new());
                    f
                }
                Ok(Shareable::WithoutFuture(f)) => {
                    note.set(without_future_text(l, shared.tick));
                    f
                }
                Err(e) => {
                    note.set(share_refused_text(l, &e));
                    copied.set(None);
                    link.set(String::new());
                    open_panel.set(true);
                    return;
                }
            };
            let url = format!("{}#{fragment}", base_url(l));
            let mut cbs = clip_cbs.borrow_mut();
            let cbs = cbs.get_or_insert_with(|| {
                let (ok, err) = (copied.setter(), copied.setter());
                (
                    Closure::new(move |_| ok.set(Some(true))),
                    Closure::new(move |_| err.set(Some(false))),
                )
            });
            if !copy_to_clipboard(&url, cbs) {
                copied.set(Some(false));
            }
            link.set(url);
            open_panel.set(true);
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                input.select();
            }
        })
    };
    {
        // Select the link once it is on screen, ready for Ctrl+C.
        let field = field.clone();
        use_effect_with((*link).clone(), move |_| {
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let on_export = {
        let (sim, pos, d, compare) = (v.sim.clone(), p.pos.clone(), v.dispatch.clone(), p.compare);
        let bookmarks = p.bookmarks.clone();
        Callback::from(move |_: MouseEvent| {
            let mut shared = Shared::capture(&sim.borrow(), tag_of(pos.as_ref()))
                .with_bookmarks(bookmarks.clone());
            shared.compare = compare;
            if download(&shared.file_name(), &shared.to_file(), "application/json").is_err() {
                d.emit(UiAction::Notify(Some(Notice::error(|l| {
                    l.t("The browser refused the download.", "浏览器拒绝了下载。")
                        .to_string()
                }))));
            }
        })
    };
    let on_import = import_handler(v.dispatch.clone(), reader.clone(), UiAction::OpenFile);
    let on_import_trace = import_handler(v.dispatch.clone(), reader.clone(), UiAction::OpenTrace);
    let on_export_trace = {
        let (sim, d) = (v.sim.clone(), v.dispatch.clone());
        let bookmarks = p.bookmarks.clone();
        Callback::from(move |_: MouseEvent| {
            let shared = Shared::capture(&sim.borrow(), None).with_bookmarks(bookmarks.clone());
            let failed = match crate::view::trace_file::export_trace(&shared) {
                Ok(text) => download(
                    &crate::view::trace_file::trace_file_name(&shared),
                    &text,
                    "application/json",
                )
                .err()
                .map(|_| {
                    Notice::error(|l| {
                        l.t("The browser refused the download.", "浏览器拒绝了下载。")
                            .to_string()
                    })
                }),
                Err(e) => Some(Notice::error(|l| {
                    crate::view::share::refusal_text(
                        l,
                        crate::view::share::Source::File,
                        &e,
                        crate::view::share::Kept::CurrentRun,
                    )
                })),
            };
            if let Some(notice) = failed {
                d.emit(UiAction::Notify(Some(notice)));
            }
        })
    };
    let on_close = {
        let button = button.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            close.emit(());
        })
    };
    let status = match *copied {
        Some(true) => l.t("Copied to the clipboard.", "已复制到剪贴板。"),
        Some(false) => l.t(
            "Select the link and copy it (Ctrl+C).",
            "请选中链接并复制（Ctrl+C）。",
        ),
        None => "",
    };
    html! {
        <div class="share-box" ref={root}>
            <button type="button" data-action="share" ref={button} aria-expanded={(*open_panel).to_string()}
                aria-label={l.t("Share a link to this moment", "分享指向此刻的链接")} onclick={on_share}>
                {l.t("Share", "分享")}
            </button>
            if *open_panel {
                <div class="share-panel" ref={panel} role="group" aria-label={l.t("Share, export, import", "分享、导出、导入")}>
                    <label class="share-link">
                        <span>{l.t("Link to this moment (seed, settings, every action, tick):",
                                   "指向此刻的链接（种子、设置、全部操作、时刻）：")}</span>
                        <input type="text" readonly=true ref={field} value={(*link).clone()}
                            data-output="share-link" aria-label={l.t("Share link", "分享链接")} />
                    </label>
                    <p class="share-status" role="status">{status}</p>
                    if !note.is_empty() {
                        <p class="share-note" role="alert" data-output="share-note">{(*note).clone()}</p>
                    }
                    <div class="share-actions">
                        <button type="button" data-action="export" onclick={on_export}>
                            {"⬇ "}{l.t("Export file", "导出文件")}
                        </button>
                        <label class="import-button" data-action="import">
                            {"⬆ "}{l.t("Import file", "导入文件")}
                            <input type="file" accept=".json,application/json" data-input="import"
                                aria-label={l.t("Import a saved run", "导入保存的运行")} onchange={on_import} />
                        </label>
                        <button type="button" data-action="export-trace" onclick={on_export_trace}
                            title={l.t("The run with every event, as JSON (format in the README)", "包含每个事件的运行轨迹，JSON 格式（格式见 README）")}>
                            {"⬇ "}{l.t("Export trace", "导出轨迹")}
                        </button>
                        <label class="import-button" data-action="import-trace">
                            {"⬆ "}{l.t("Import trace", "导入轨迹")}
                            <input type="file" accept=".json,application/json" data-input="import-trace"
                                aria-label={l.t("Import a JSON trace", "导入 JSON 轨迹")} onchange={on_import_trace} />
                        </label>
                        <button type="button" class="share-close" aria-label={l.t("Close", "关闭")} onclick={on_close}>{"×"}</button>
                    </div>
                </div>
            }
        </div>
    }
}
