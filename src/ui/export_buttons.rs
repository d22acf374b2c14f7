//! "SVG" and "PNG" buttons that export one live picture (`ui::export`).

use crate::ui::export::{save_png, save_text, standalone_svg};
use crate::ui::props::ViewProps;
use crate::ui::state::{Notice, UiAction};
use crate::view::export::{file_name, Picture};
use yew::prelude::*;

/// Arguments of [`export_buttons`].
pub struct ExportButtonsProps {
    /// Shared props.
    pub view: ViewProps,
    /// CSS selector of the `<svg>` to export.
    pub selector: AttrValue,
    /// What it is (names the file).
    pub picture: Picture,
}

/// Export buttons: `data-action="export-svg"` and `data-action="export-png"`.
pub fn export_buttons(p: &ExportButtonsProps) -> Html {
    let v = &p.view;
    let l = v.lang;
    let (seed, tick) = {
        let sim = v.sim.borrow();
        (sim.initial_config().seed, sim.tick())
    };
    let fail = {
        let d = v.dispatch.clone();
        move |e: String| {
            d.emit(UiAction::Notify(Some(Notice::error(|l| {
                format!(
                    "{} ({e})",
                    l.t("The picture could not be exported", "无法导出图片")
                )
            }))));
        }
    };
    let on_svg = {
        let (sel, picture, fail) = (p.selector.clone(), p.picture, fail.clone());
        Callback::from(move |_: MouseEvent| {
            let name = file_name(seed, tick, picture, "svg");
            let saved = standalone_svg(&sel)
                .and_then(|(svg, _, _)| save_text(&name, "image/svg+xml", &svg));
            if let Err(e) = saved {
                fail(format!("{e:?}"));
            }
        })
    };
    let on_png = {
        let (sel, picture) = (p.selector.clone(), p.picture);
        Callback::from(move |_: MouseEvent| {
            let name = file_name(seed, tick, picture, "png");
            let f = fail.clone();
            if let Err(e) = save_png(&sel, &name, f) {
                fail(format!("{e:?}"));
            }
        })
    };
    html! {
        <span class="export-buttons" role="group" aria-label={l.t("Export picture", "导出图片")}>
            <button type="button" data-action="export-svg" onclick={on_svg}
                title={l.t("Save this picture as SVG (for slides)", "将此图保存为 SVG（用于幻灯片）")}>{"SVG"}</button>
            <button type="button" data-action="export-png" onclick={on_png}
                title={l.t("Save this picture as PNG at 2×", "将此图保存为 2 倍 PNG")}>{"PNG"}</button>
        </span>
    }
}
