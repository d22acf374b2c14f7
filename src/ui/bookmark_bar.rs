//! The bookmark bar under the timeline: type a note, pin it to the current
//! tick (`data-action="bookmark"`), click an item to go there
//! (`data-bookmark-tick`), remove it with ×.

use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::bookmarks::{Bookmarks, MAX_NOTE_CHARS};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`BookmarkBar`].
#[derive(Properties, PartialEq)]
pub struct BookmarkBarProps {
    /// Shared props.
    pub view: ViewProps,
    /// The bookmarks.
    pub bookmarks: Bookmarks,
}

/// The bookmark bar.
#[component]
pub fn BookmarkBar(p: &BookmarkBarProps) -> Html {
    crate::ui::render_count::count("BookmarkBar");
    let v = &p.view;
    let l = v.lang;
    let input = use_node_ref();
    let add = {
        let (input, d) = (input.clone(), v.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            d.emit(UiAction::AddBookmark(el.value()));
            el.set_value("");
        })
    };
    // Esc leaves the note box; other keys stay in it.
    let on_key = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.blur();
            }
        }
    });
    let items = p.bookmarks.iter().map(|b| {
        let tick = b.tick;
        let label = if b.note.is_empty() {
            format!("{} {tick}", l.t("tick", "时刻"))
        } else {
            format!("{tick}: {}", b.note)
        };
        html! {
            <li class="bookmark">
                <button type="button" class="bookmark-go" data-bookmark-tick={tick.to_string()}
                    onclick={v.dispatch.reform(move |_| UiAction::Seek(tick))}>{format!("⚑ {label}")}</button>
                <button type="button" class="bookmark-remove" data-action="remove-bookmark"
                    aria-label={format!("{} {tick}", l.t("Remove the bookmark at tick", "删除该时刻的书签"))}
                    onclick={v.dispatch.reform(move |_| UiAction::RemoveBookmark(tick))}>{"×"}</button>
            </li>
        }
    });
    html! {
        <section class="bookmarks" aria-label={l.t("Bookmarks", "书签")}>
            <form class="bookmark-form" onsubmit={add}>
                <input ref={input} type="text" data-input="bookmark-note" maxlength={MAX_NOTE_CHARS.to_string()}
                    placeholder={l.t("note for this moment…", "为此刻写个备注…")}
                    aria-label={l.t("Bookmark note", "书签备注")} onkeydown={on_key} />
                <button type="submit" data-action="bookmark">{l.t("⚑ Bookmark this tick", "⚑ 给此刻加书签")}</button>
            </form>
            <ul class="bookmark-list">{ for items }</ul>
        </section>
    }
}
