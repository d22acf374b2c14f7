//! Pure presentation logic shared by the UI and native tests: languages and
//! vocabulary, layout maths, link states. No browser types here, so all of it
//! is unit-tested natively.

pub mod announce;
pub mod authoring;
pub mod bookmarks;
pub mod cause_marks;
pub mod challenge;
pub mod cite;
pub mod client_leader;
pub mod client_view;
pub mod clock;
pub mod cluster_view;
pub mod compare_text;
pub mod crash_view;
pub mod display;
pub mod entry_view;
pub mod event_fold;
pub mod explain;
pub mod explain_unsafe;
pub mod export;
pub mod fixed;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod log_view;
pub mod membership_view;
pub mod message_cycle;
pub mod messages;
pub mod node_names;
pub mod params;
pub mod pending_op;
pub mod quiz;
pub mod quorum_lab;
pub mod quorum_lab_text;
pub mod replication_text;
pub mod safety_view;
pub mod scroll;
pub mod settings_view;
pub mod share;
pub mod snapshot_view;
pub mod spacetime;
pub mod step_focus;
pub mod timeline_view;
pub mod trace_data;
pub mod trace_file;
