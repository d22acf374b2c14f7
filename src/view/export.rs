//! Picture export, the pure part: which computed styles are inlined into an
//! exported SVG, how the standalone document is framed, and file names.
//!
//! An exported SVG must look the same outside the page: the page's CSS
//! (classes, custom properties, dark mode) does not travel, so the UI copies
//! each element's computed value of [`INLINED_STYLES`] into its `style`
//! attribute, adds a background and a font stack that includes common
//! Chinese fonts (raftlab ships no web font, so the text is set in the
//! viewer's own system fonts, Chinese included).

/// Computed style properties copied into each exported element.
pub const INLINED_STYLES: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "stroke-linecap",
    "opacity",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
    "display",
    "paint-order",
    "text-decoration",
];

/// The font stack of an exported picture: the page's own, then fonts that
/// carry Chinese on Windows, macOS and Linux.
pub fn font_stack(page_font: &str) -> String {
    let fallbacks =
        "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";
    let page = page_font.trim().trim_end_matches(',');
    if page.is_empty() {
        fallbacks.to_string()
    } else {
        format!("{page}, {fallbacks}")
    }
}

/// The PNG scale: 2× for slides and handouts.
pub const PNG_SCALE: f64 = 2.0;

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// The cluster ring.
    Cluster,
    /// The space-time diagram, for ticks `from..=to`.
    SpaceTime {
        /// First tick.
        from: u64,
        /// Last tick.
        to: u64,
    },
}

/// `raftlab-<seed>-t<tick>-cluster.svg`, `raftlab-<seed>-spacetime-<a>-<b>.png`, …
pub fn file_name(seed: u64, tick: u64, picture: Picture, ext: &str) -> String {
    match picture {
        Picture::Cluster => format!("raftlab-{seed}-t{tick}-cluster.{ext}"),
        Picture::SpaceTime { from, to } => format!("raftlab-{seed}-spacetime-{from}-{to}.{ext}"),
    }
}

/// The `style` attribute for one element from (property, value) pairs,
/// leaving out empty values.
pub fn style_attr<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let mut out = String::new();
    for (prop, value) in pairs {
        let value = value.trim();
        if !value.is_empty() {
            out.push_str(prop);
            out.push(':');
            out.push_str(value);
            out.push(';');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_styles() {
        assert_eq!(
            file_name(7, 42, Picture::Cluster, "svg"),
            "raftlab-7-t42-cluster.svg"
        );
        assert_eq!(
            file_name(7, 42, Picture::SpaceTime { from: 10, to: 40 }, "png"),
            "raftlab-7-spacetime-10-40.png"
        );
        let s = style_attr([
            ("fill", "red ".to_string()),
            ("stroke", String::new()),
            ("opacity", "0.5".into()),
        ]);
        assert_eq!(s, "fill:red;opacity:0.5;");
        assert!(font_stack("system-ui, sans-serif,")
            .starts_with("system-ui, sans-serif, \"Noto Sans CJK SC\""));
        assert!(font_stack("").starts_with("\"Noto Sans CJK SC\""));
    }
}
