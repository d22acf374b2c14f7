//! `sin`, `cos` and `atan2` for the drawing code (issue 15: a smaller
//! download).
//!
//! In the browser these are the engine's `Math.sin`, `Math.cos` and
//! `Math.atan2` instead of Rust's own software versions, which would add
//! about 8 KB of wasm (argument reduction tables included) for a handful of
//! ring angles. Both are fdlibm's algorithms, within one unit in the last
//! place; every coordinate is printed rounded to a few decimals
//! (`view::fixed`), so the picture is the same. Natively (tests) they are
//! the standard library's.

/// The sine of `x` (radians).
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::sin(x)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        x.sin()
    }
}

/// The cosine of `x` (radians).
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::cos(x)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        x.cos()
    }
}

/// The angle of the point (`x`, `y`) from the positive x axis, in
/// (−π, π], like `f64::atan2` (`y.atan2(x)`).
pub fn atan2(y: f64, x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::atan2(y, x)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        y.atan2(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_the_standard_library_natively() {
        for i in -40..=40 {
            let x = f64::from(i) * 0.3;
            assert_eq!(sin(x), x.sin());
            assert_eq!(cos(x), x.cos());
            assert_eq!(atan2(x, 1.5), x.atan2(1.5));
        }
    }
}
