//! PLACEHOLDER root component: proves that the wasm bundle mounted and that
//! it handles events. It will be replaced by the real app.

use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_: MouseEvent| count.set(*count + 1))
    };

    html! {
        <main data-testid="app" data-ready="true" class="app">
            <h1>{ "raftlab" }</h1>
            <p class="tagline">{ "Raft, visible — Raft 共识，看得见" }</p>
            <button type="button" data-action="demo" {onclick}>
                { "Click me / 点我" }
            </button>
            <p>
                { "Clicks / 点击次数: " }
                <output data-testid="counter">{ *count }</output>
            </p>
        </main>
    }
}
