//! Numbers with a fixed count of decimals for SVG coordinates and CSS
//! lengths, written exactly as `format!("{:.N}", x)` writes them (the same
//! half-to-even rounding of the exact binary value, `-0.0`, `NaN`, `inf`).
//!
//! Why not `{:.N}` itself: formatting an `f64` links core's float printing
//! (Grisu with a Dragon fallback and its bignum tables, about 13 KB of wasm
//! before wasm-opt), and the views only ever need short fixed-point numbers.
//! Issue 15 (a smaller download). `tests` below compare with `{:.N}`.

use std::fmt;

/// `x` with `digits` decimals (at most 9), as `{:.digits}` writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u8);

/// `x` with one decimal: `fx1(12.25)` writes `12.2`, like `{:.1}`.
pub fn fx1(x: f64) -> Fixed {
    Fixed(x, 1)
}

/// Decimal digits of `m · 2^shift` (an integer), most significant first.
fn integer_digits(m: u64, shift: u32) -> Vec<u8> {
    // Little-endian limbs in base 10^9, doubled `shift` times.
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![m % BASE, (m / BASE) % BASE, m / BASE / BASE];
    for _ in 0..shift {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let v = *l * 2 + carry;
            *l = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = Vec::new();
    for l in limbs.iter().rev() {
        for k in (0..9).rev() {
            let d = (l / 10u64.pow(k) % 10) as u8;
            if !out.is_empty() || d != 0 {
                out.push(d);
            }
        }
    }
    out
}

/// Decimal digits of `q` (at least one), most significant first.
fn u128_digits(mut q: u128) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        out.push((q % 10) as u8);
        q /= 10;
        if q == 0 {
            break;
        }
    }
    out.reverse();
    out
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (x, digits) = (self.0, u32::from(self.1.min(9)));
        if x.is_nan() {
            return f.write_str("NaN");
        }
        let neg = x.is_sign_negative();
        if x.is_infinite() {
            return f.write_str(if neg { "-inf" } else { "inf" });
        }
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        // |x| = m · 2^e exactly.
        let (m, e) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, exp - 1075)
        };
        // The digits of |x| · 10^digits, rounded half to even.
        let mut d = if e >= 0 {
            let mut d = integer_digits(m, e as u32);
            if d.is_empty() {
                d.push(0);
            }
            d.extend(std::iter::repeat_n(0, digits as usize));
            d
        } else {
            let v = u128::from(m) * 10u128.pow(digits);
            let k = e.unsigned_abs();
            let q = if k >= 127 {
                0 // v < 2^84, far below half of 2^k
            } else {
                let (q, r, half) = (v >> k, v & ((1u128 << k) - 1), 1u128 << (k - 1));
                q + u128::from(r > half || (r == half && q & 1 == 1))
            };
            u128_digits(q)
        };
        // At least one digit before the point.
        while d.len() <= digits as usize {
            d.insert(0, 0);
        }
        let mut s = String::with_capacity(d.len() + 2);
        if neg {
            s.push('-');
        }
        let point = d.len() - digits as usize;
        for (i, digit) in d.iter().enumerate() {
            if i == point {
                s.push('.');
            }
            s.push(char::from(b'0' + digit));
        }
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(x: f64) {
        for n in 0..=3u8 {
            let want = format!("{x:.*}", n as usize);
            assert_eq!(
                Fixed(x, n).to_string(),
                want,
                "x = {x:e} ({:#x}), {n} decimals",
                x.to_bits()
            );
        }
    }

    #[test]
    fn writes_what_the_standard_library_writes() {
        for x in [
            0.0,
            -0.0,
            0.04,
            -0.04,
            0.05,
            -0.05,
            0.25,
            0.35,
            0.45,
            1.25,
            2.5,
            3.5,
            -2.5,
            0.125,
            0.0625,
            9.95,
            99.95,
            999.9999,
            1e-300,
            5e-324,
            -5e-324,
            1e15,
            1e17,
            1e22,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            123.456,
            -987.654,
            0.5,
            1.5,
            0.0005,
            0.0015,
            0.00049999,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(x);
        }
    }

    #[test]
    fn ties_and_random_bit_patterns_match() {
        // Every quarter and eighth from -300 to 300: exact ties at 1 and 2 decimals.
        for i in -4800..=4800 {
            same(f64::from(i) / 16.0);
        }
        // Pseudo-random coordinates and bit patterns (a fixed LCG: reproducible).
        let mut s: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            same(f64::from_bits(s));
            same((s >> 11) as f64 / (1u64 << 53) as f64 * 2000.0 - 1000.0);
        }
    }
}
