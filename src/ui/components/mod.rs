//! One component per file.

mod client_panel;
mod cluster;
mod event_log;
mod help;
mod inspector;
mod logs;
mod notice;
mod safety_badge;
mod settings;
mod timeline;
mod toolbar;

pub use client_panel::ClientPanel;
pub use cluster::ClusterView;
pub use event_log::EventLog;
pub use help::HelpOverlay;
pub use inspector::Inspector;
pub use logs::LogsView;
pub use notice::NoticeBar;
pub use safety_badge::SafetyBadge;
pub use settings::Settings;
pub use timeline::Timeline;
pub use toolbar::Toolbar;
