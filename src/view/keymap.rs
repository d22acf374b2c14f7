//! The keyboard map: which key does what, outside text fields. Pure, so
//! the map is tested natively; the reducer carries the commands out.
//! [`global_key`] says first whether a key belongs to the focused element
//! (a field, a button, a menu, a slider) or to the app's shortcuts.

use crate::raft::NodeId;
use crate::sim::Action;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    /// Space: play or pause.
    TogglePlay,
    /// → while paused: one tick forward.
    Forward,
    /// ← while paused: one tick back.
    Back,
    /// `?`: show or hide the shortcuts.
    ToggleHelp,
    /// Escape: close the help and clear the selection.
    Dismiss,
    /// A key acting on the selected node.
    Node(NodeKey),
    /// `f`: presenter mode on or off (settings and legend hidden, the rest
    /// enlarged).
    TogglePresenter,
    /// `+` (or `=`): the text panels one zoom step larger.
    ZoomIn,
    /// `-`: the text panels one zoom step smaller.
    ZoomOut,
    /// `m` / `M` (Shift+m): pause and select the next / previous message in
    /// flight ([`crate::view::message_cycle::cycle`]); `true` is forward.
    Message(bool),
}

/// Keys acting on the selected node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKey {
    /// `c`: crash it.
    Crash,
    /// `r`: restart it.
    Restart,
    /// `p`: pause it, or resume it when paused.
    PauseOrResume,
    /// `t`: its election timer fires now.
    Timeout,
}

/// The command for `key` (a `KeyboardEvent.key` value); the arrows step only
/// while paused.
pub fn key_command(key: &str, playing: bool) -> Option<KeyCommand> {
    Some(match key {
        " " => KeyCommand::TogglePlay,
        "ArrowRight" if !playing => KeyCommand::Forward,
        "ArrowLeft" if !playing => KeyCommand::Back,
        "?" => KeyCommand::ToggleHelp,
        "Escape" => KeyCommand::Dismiss,
        "c" => KeyCommand::Node(NodeKey::Crash),
        "r" => KeyCommand::Node(NodeKey::Restart),
        "p" => KeyCommand::Node(NodeKey::PauseOrResume),
        "t" => KeyCommand::Node(NodeKey::Timeout),
        "f" => KeyCommand::TogglePresenter,
        "+" | "=" => KeyCommand::ZoomIn,
        "-" => KeyCommand::ZoomOut,
        "m" => KeyCommand::Message(true),
        "M" => KeyCommand::Message(false),
        _ => return None,
    })
}

/// The simulation action a node key means for `node` (`paused`: whether
/// it is paused now).
pub fn node_action(key: NodeKey, node: NodeId, paused: bool) -> Action {
    match key {
        NodeKey::Crash => Action::Crash(node),
        NodeKey::Restart => Action::Restart(node),
        NodeKey::PauseOrResume if paused => Action::Resume(node),
        NodeKey::PauseOrResume => Action::Pause(node),
        NodeKey::Timeout => Action::Campaign(node),
    }
}

/// What has the keyboard focus when a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Nothing in particular (the page, a panel, a heading).
    Page,
    /// A text field, a select or a slider: it takes every key it can.
    Field,
    /// A button, link, summary or other activatable control: Space and
    /// Enter activate it.
    Control,
    /// A control that moves with the arrow keys (a menu, a grid of log
    /// cells, the timeline scrubber).
    Arrows,
}

/// What the app does with a key, given what has the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRoute {
    /// The focused element handles it: the app leaves it alone.
    Element,
    /// The app's shortcut map handles it ([`key_command`]).
    Shortcut,
    /// Escape in a field: leave the field (and close what Escape closes).
    LeaveField,
}

/// Who gets `key` when `focus` has the focus: a focused button keeps Space
/// and Enter, a menu or grid keeps the arrows, a field keeps everything but
/// Escape, which leaves it.
pub fn global_key(key: &str, focus: Focus) -> KeyRoute {
    let activates = matches!(key, " " | "Enter");
    let arrow = matches!(
        key,
        "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End"
    );
    match focus {
        Focus::Field if key == "Escape" => KeyRoute::LeaveField,
        Focus::Field => KeyRoute::Element,
        Focus::Control | Focus::Arrows if activates => KeyRoute::Element,
        Focus::Arrows if arrow => KeyRoute::Element,
        Focus::Page | Focus::Control | Focus::Arrows => KeyRoute::Shortcut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_focused_control_keeps_its_keys() {
        use KeyRoute::*;
        assert_eq!(global_key(" ", Focus::Page), Shortcut);
        assert_eq!(global_key("ArrowRight", Focus::Page), Shortcut);
        assert_eq!(
            global_key(" ", Focus::Control),
            Element,
            "Space presses the button"
        );
        assert_eq!(global_key("Enter", Focus::Control), Element);
        assert_eq!(global_key("ArrowLeft", Focus::Control), Shortcut);
        assert_eq!(global_key("c", Focus::Control), Shortcut);
        assert_eq!(
            global_key("ArrowLeft", Focus::Arrows),
            Element,
            "the menu moves"
        );
        assert_eq!(global_key("ArrowDown", Focus::Arrows), Element);
        assert_eq!(global_key(" ", Focus::Arrows), Element);
        assert_eq!(global_key("?", Focus::Arrows), Shortcut);
        assert_eq!(global_key(" ", Focus::Field), Element, "typing a space");
        assert_eq!(global_key("c", Focus::Field), Element);
        assert_eq!(global_key("ArrowLeft", Focus::Field), Element);
        assert_eq!(global_key("Escape", Focus::Field), LeaveField);
        assert_eq!(global_key("Escape", Focus::Control), Shortcut);
    }

    #[test]
    fn the_map() {
        assert_eq!(key_command(" ", true), Some(KeyCommand::TogglePlay));
        assert_eq!(key_command("ArrowRight", true), None);
        assert_eq!(key_command("ArrowRight", false), Some(KeyCommand::Forward));
        assert_eq!(key_command("ArrowLeft", false), Some(KeyCommand::Back));
        assert_eq!(key_command("?", true), Some(KeyCommand::ToggleHelp));
        assert_eq!(key_command("Escape", true), Some(KeyCommand::Dismiss));
        assert_eq!(
            key_command("t", true),
            Some(KeyCommand::Node(NodeKey::Timeout))
        );
        assert_eq!(key_command("x", false), None);
        assert_eq!(key_command("C", false), None, "keys are case-sensitive");
    }

    #[test]
    fn presenter_and_zoom_keys() {
        for playing in [true, false] {
            assert_eq!(key_command("f", playing), Some(KeyCommand::TogglePresenter));
            assert_eq!(key_command("m", playing), Some(KeyCommand::Message(true)));
            assert_eq!(key_command("M", playing), Some(KeyCommand::Message(false)));
            assert_eq!(key_command("+", playing), Some(KeyCommand::ZoomIn));
            assert_eq!(
                key_command("=", playing),
                Some(KeyCommand::ZoomIn),
                "+ without Shift"
            );
            assert_eq!(key_command("-", playing), Some(KeyCommand::ZoomOut));
        }
        assert_eq!(key_command("F", true), None);
        // `p` stays the selected node's pause, not presenter mode.
        assert_eq!(
            key_command("p", true),
            Some(KeyCommand::Node(NodeKey::PauseOrResume))
        );
    }

    #[test]
    fn node_keys_become_actions() {
        assert_eq!(node_action(NodeKey::Crash, 2, false), Action::Crash(2));
        assert_eq!(node_action(NodeKey::Restart, 2, false), Action::Restart(2));
        assert_eq!(
            node_action(NodeKey::PauseOrResume, 3, false),
            Action::Pause(3)
        );
        assert_eq!(
            node_action(NodeKey::PauseOrResume, 3, true),
            Action::Resume(3)
        );
        assert_eq!(node_action(NodeKey::Timeout, 1, false), Action::Campaign(1));
    }
}
