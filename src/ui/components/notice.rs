//! The notice bar: errors as `role="alert"`, information as `role="status"`.

use crate::ui::state::{Notice, UiAction};
use crate::view::i18n::Lang;
use yew::prelude::*;

/// Arguments of [`notice_bar`].
pub struct NoticeProps {
    /// Language.
    pub lang: Lang,
    /// The notice, if any.
    pub notice: Option<Notice>,
    /// Where the dismiss goes.
    pub dispatch: Callback<UiAction>,
}

/// Shows the latest notice with a dismiss button.
pub fn notice_bar(p: &NoticeProps) -> Html {
    let Some(n) = &p.notice else {
        return html! { <div class="notice-slot" role="status" aria-live="polite"></div> };
    };
    let class = if n.error {
        "notice error"
    } else {
        "notice info"
    };
    let role = if n.error { "alert" } else { "status" };
    html! {
        <div class={class} role={role} data-testid="notice">
            <span>{n.text(p.lang).to_string()}</span>
            <button class="dismiss" aria-label={p.lang.t("Dismiss", "关闭")}
                onclick={p.dispatch.reform(|_| UiAction::Notify(None))}>{"×"}</button>
        </div>
    }
}
