//! The bar that appears after acting in the past forked history
//! (`data-testid="fork-undo"`): it says which ticks were discarded and
//! brings them back (`data-action="restore-branch"`).

use crate::ui::state::{Discarded, UiAction};
use crate::view::i18n::Lang;
use yew::prelude::*;

/// Arguments of [`fork_undo`].
pub struct ForkUndoProps {
    /// Language.
    pub lang: Lang,
    /// The discarded branch, if any.
    pub discarded: Option<Discarded>,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

/// The bar (nothing when no branch was discarded).
pub fn fork_undo(p: &ForkUndoProps) -> Html {
    let Some(d) = &p.discarded else {
        return html! {};
    };
    let l = p.lang;
    let (from, to) = (d.at + 1, d.head);
    let text = match l {
        Lang::En => format!("Acting at tick {} forked history: the branch up to tick {to} (ticks {from}–{to}) was set aside.", d.at),
        Lang::Zh => format!("在时刻 {} 的操作分叉了历史：原来到时刻 {to} 的分支（时刻 {from}–{to}）已被搁置。", d.at),
    };
    html! {
        <div class="fork-undo" data-testid="fork-undo" data-fork-at={d.at.to_string()} data-discarded-head={to.to_string()} role="status">
            <span>{text}</span>
            <button data-action="restore-branch" onclick={p.dispatch.reform(|_| UiAction::RestoreBranch)}>
                {l.t("Restore that branch", "恢复那个分支")}
            </button>
        </div>
    }
}
