//! The keyboard map: which key does what, outside text fields. Pure, so
//! the map is tested natively; the reducer carries the commands out.

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

#[cfg(test)]
mod tests {
    use super::*;

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
