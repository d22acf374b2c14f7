//! Pure presentation logic shared by the UI and native tests: languages and
//! vocabulary, layout maths, link states. No browser types here, so all of it
//! is unit-tested natively.

pub mod i18n;
pub mod layout;
pub mod links;
pub mod messages;
pub mod params;
