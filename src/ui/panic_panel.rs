//! A panic hook that never leaves a dead page.
//!
//! After a panic the wasm instance is unusable (release builds abort; Yew's
//! scheduler is poisoned either way), so the panel is built with plain
//! web-sys DOM calls, not Yew, and its Reload button uses an inline handler
//! that does not call back into wasm.
//!
//! The hook must itself never panic: every DOM step is fallible and ignored.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsValue;

/// Install the hook. Uses `yew::set_custom_panic_hook` rather than
/// `std::panic::set_hook`: Yew replaces any hook set by other means with its
/// own (console only) when the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(hook));
}

fn hook(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    // An Error object, so the console also shows where the panic happened.
    let error = js_sys::Error::new(&format!("raftlab panicked: {message}"));
    web_sys::console::error_1(&error);
    // Ignore failures: there is nothing left to report them to.
    let _ = show_panel(&message);
}

fn show_panel(message: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;

    // One panel is enough, even if something panics again.
    if document
        .query_selector("[data-testid=panic-panel]")?
        .is_some()
    {
        return Ok(());
    }

    let panel = document.create_element("section")?;
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("data-testid", "panic-panel")?;
    panel.set_attribute("class", "panic-panel")?;

    let title = document.create_element("h2")?;
    title.set_text_content(Some("raftlab hit an internal error / raftlab 内部错误"));
    panel.append_child(&title)?;

    let hint = document.create_element("p")?;
    hint.set_text_content(Some(
        "The page stopped working. Reloading starts it again. / 页面已停止运行，重新加载即可恢复。",
    ));
    panel.append_child(&hint)?;

    let details = document.create_element("pre")?;
    details.set_attribute("data-testid", "panic-message")?;
    details.set_text_content(Some(message));
    panel.append_child(&details)?;

    let reload = document.create_element("button")?;
    reload.set_attribute("type", "button")?;
    reload.set_attribute("data-action", "reload")?;
    // Inline handler on purpose: calling back into a dead wasm instance
    // would fail.
    reload.set_attribute("onclick", "location.reload()")?;
    reload.set_text_content(Some("Reload / 重新加载"));
    panel.append_child(&reload)?;

    body.prepend_with_node_1(&panel)?;
    Ok(())
}
