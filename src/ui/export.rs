//! Picture export, the browser part: clone a live `<svg>`, inline its
//! computed styles (`view::export`), and save it as SVG, or draw it on a
//! canvas at 2× with the background filled and save it as PNG.

use crate::view::export::{font_stack, style_attr, INLINED_STYLES, PNG_SCALE};
use crate::view::fixed::Fixed;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A copy of `el` with each descendant's computed [`INLINED_STYLES`] in its
/// `style` attribute, and interaction-only attributes removed.
fn styled_clone(
    window: &web_sys::Window,
    el: &web_sys::Element,
) -> Result<web_sys::Element, JsValue> {
    let clone: web_sys::Element = el.clone_node_with_deep(true)?.dyn_into()?;
    let originals = el.query_selector_all("*")?;
    let copies = clone.query_selector_all("*")?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(o), Some(c)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(o), Ok(c)) = (
            o.dyn_into::<web_sys::Element>(),
            c.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Some(cs) = window.get_computed_style(&o)? {
            let pairs = INLINED_STYLES
                .iter()
                .map(|&p| (p, cs.get_property_value(p).unwrap_or_default()));
            c.set_attribute("style", &style_attr(pairs))?;
        }
        for attr in ["tabindex", "role"] {
            let _ = c.remove_attribute(attr);
        }
    }
    Ok(clone)
}

/// A standalone SVG document of the `<svg>` layers matching `selector`
/// (stacked in order, as the page stacks them): computed styles inlined, a
/// background rectangle, explicit size. Returns (text, width, height) in CSS
/// pixels.
pub fn standalone_svg(selector: &str) -> Result<(String, f64, f64), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let doc = window.document().ok_or(JsValue::NULL)?;
    let layers = doc.query_selector_all(selector)?;
    let svg: web_sys::Element = layers
        .item(0)
        .ok_or_else(|| JsValue::from_str("nothing to export"))?
        .dyn_into()?;
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (
        rect.width().round().max(1.0),
        rect.height().round().max(1.0),
    );
    let clone = styled_clone(&window, &svg)?;
    for i in 1..layers.length() {
        let Some(layer) = layers
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let copy = styled_clone(&window, &layer)?;
        let g = doc.create_element_ns(Some(SVG_NS), "g")?;
        while let Some(child) = copy.first_child() {
            g.append_child(&child)?;
        }
        clone.append_child(&g)?;
    }
    let root_style = window.get_computed_style(&svg)?;
    let page_font = root_style
        .as_ref()
        .and_then(|cs| cs.get_property_value("font-family").ok())
        .unwrap_or_default();
    let background = doc
        .body()
        .and_then(|b| window.get_computed_style(&b).ok().flatten())
        .and_then(|cs| cs.get_property_value("background-color").ok())
        .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)")
        .unwrap_or_else(|| "#ffffff".into());
    clone.set_attribute("xmlns", SVG_NS)?;
    clone.set_attribute("width", &format!("{}", Fixed(w, 0)))?;
    clone.set_attribute("height", &format!("{}", Fixed(h, 0)))?;
    clone.set_attribute(
        "style",
        &format!(
            "font-family:{};background:{background}",
            font_stack(&page_font)
        ),
    )?;
    let bg = doc.create_element_ns(Some(SVG_NS), "rect")?;
    for (k, v) in [
        ("x", "-100000"),
        ("y", "-100000"),
        ("width", "200000"),
        ("height", "200000"),
    ] {
        bg.set_attribute(k, v)?;
    }
    bg.set_attribute("fill", &background)?;
    bg.set_attribute("data-export-background", "")?;
    clone.insert_before(&bg, clone.first_child().as_ref())?;
    let text = web_sys::XmlSerializer::new()?.serialize_to_string(&clone)?;
    Ok((text, w, h))
}

/// Saves `text` as a file named `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let result = save_url(name, &url);
    web_sys::Url::revoke_object_url(&url)?;
    result
}

/// Clicks a temporary `<a download>` for `url`.
fn save_url(name: &str, url: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    let body = doc.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}

/// Renders the standalone SVG of `selector` at 2× on a canvas with its
/// background and saves it as the PNG `name`. Asynchronous (the image has to
/// load first); `on_error` hears of a failure.
pub fn save_png(
    selector: &str,
    name: &str,
    on_error: impl FnOnce(String) + 'static,
) -> Result<(), JsValue> {
    let (svg, w, h) = standalone_svg(selector)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let img = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width((w * PNG_SCALE).round() as u32);
    canvas.set_height((h * PNG_SCALE).round() as u32);
    let name = name.to_string();
    let (img2, canvas2) = (img.clone(), canvas.clone());
    let draw = move || -> Result<(), JsValue> {
        let ctx: web_sys::CanvasRenderingContext2d = canvas2
            .get_context("2d")?
            .ok_or(JsValue::NULL)?
            .dyn_into()?;
        ctx.scale(PNG_SCALE, PNG_SCALE)?;
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h)?;
        let url = canvas2.to_data_url_with_type("image/png")?;
        save_url(&name, &url)
    };
    let onload = Closure::once_into_js(move || {
        if let Err(e) = draw() {
            on_error(format!("{e:?}"));
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    img.set_src(&src);
    Ok(())
}
