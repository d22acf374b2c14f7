//! A small JSON reader and writer for links, run files, traces and scenario
//! files (issue 15: `serde_json` and the derived deserializers were a sixth
//! of the wasm). It reads any JSON text into a [`Json`] tree and writes
//! exactly what `serde_json` writes (compact, or pretty with two-space
//! indents), so links and files made by earlier builds open unchanged.
//!
//! Reading is total: every input gives a tree or a [`JsonError`] — the text
//! ended early ([`JsonError::Eof`]) or is not JSON ([`JsonError::Syntax`]).
//! Nesting is limited to [`MAX_DEPTH`] (as `serde_json`'s 128), so hostile
//! input cannot exhaust the stack.

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Numbers are kept only when they are whole and fit a `u64`
/// (the only numbers raftlab writes); any other number is [`Json::OtherNum`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number from 0 to `u64::MAX`.
    Int(u64),
    /// A valid number that is negative, fractional, has an exponent or is
    /// too large.
    OtherNum,
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, its members in text order (a repeated key is kept twice).
    Obj(Vec<(String, Json)>),
}

/// Why a text is not a JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends before the value does.
    Eof,
    /// Anything else: a wrong character, trailing text, too deep.
    Syntax,
}

impl Json {
    /// The member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The whole number, if this is one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }
}

/// Reads one JSON value filling the whole text (whitespace around it
/// allowed). The top-level object's members named in `skip` are checked
/// for syntax but not kept (they read as [`Json::Null`]): a trace's events.
pub fn parse(text: &str, skip: &[&str]) -> Result<Json, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        skip,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(JsonError::Syntax);
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    skip: &'a [&'a str],
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Result<u8, JsonError> {
        self.ws();
        self.s.get(self.i).copied().ok_or(JsonError::Eof)
    }

    fn next(&mut self) -> Result<u8, JsonError> {
        let b = self.s.get(self.i).copied().ok_or(JsonError::Eof)?;
        self.i += 1;
        Ok(b)
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        for &w in word {
            if self.next()? != w {
                return Err(JsonError::Syntax);
            }
        }
        Ok(())
    }

    /// Reads a value; `keep == false` only checks it (returns `Null`).
    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.any(depth, true)
    }

    fn any(&mut self, depth: usize, keep: bool) -> Result<Json, JsonError> {
        match self.peek()? {
            b'n' => self.literal(b"null").map(|()| Json::Null),
            b't' => self.literal(b"true").map(|()| Json::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Json::Bool(false)),
            b'"' => {
                self.i += 1;
                let s = self.string()?;
                Ok(if keep { Json::Str(s) } else { Json::Null })
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' if depth >= MAX_DEPTH => Err(JsonError::Syntax),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    let v = self.any(depth + 1, keep)?;
                    if keep {
                        items.push(v);
                    }
                    match (self.peek()?, self.next()?) {
                        (_, b',') => {}
                        (_, b']') => return Ok(if keep { Json::Arr(items) } else { Json::Null }),
                        _ => return Err(JsonError::Syntax),
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Ok(Json::Obj(members));
                }
                loop {
                    if self.peek()? != b'"' {
                        return Err(JsonError::Syntax);
                    }
                    self.i += 1;
                    let key = self.string()?;
                    if self.peek()? != b':' {
                        return Err(JsonError::Syntax);
                    }
                    self.i += 1;
                    let keep_this = keep && !(depth == 0 && self.skip.contains(&key.as_str()));
                    let v = self.any(depth + 1, keep_this)?;
                    if keep {
                        members.push((key, v));
                    }
                    match (self.peek()?, self.next()?) {
                        (_, b',') => {}
                        (_, b'}') => return Ok(if keep { Json::Obj(members) } else { Json::Null }),
                        _ => return Err(JsonError::Syntax),
                    }
                }
            }
            _ => Err(JsonError::Syntax),
        }
    }

    fn digits(&mut self) -> Result<usize, JsonError> {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        if self.i == start {
            return Err(if self.i >= self.s.len() {
                JsonError::Eof
            } else {
                JsonError::Syntax
            });
        }
        Ok(self.i - start)
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        let negative = self.s[self.i] == b'-';
        if negative {
            self.i += 1;
        }
        let int_start = self.i;
        let n = self.digits()?;
        if n > 1 && self.s[int_start] == b'0' {
            return Err(JsonError::Syntax);
        }
        let mut whole = !negative;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            self.digits()?;
            whole = false;
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            self.digits()?;
            whole = false;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| JsonError::Syntax)?;
        Ok(match text.parse::<u64>() {
            Ok(v) if whole => Json::Int(v),
            _ => Json::OtherNum,
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        if self.s.len() - self.i < 4 {
            return Err(JsonError::Eof);
        }
        let mut v = 0;
        for _ in 0..4 {
            let d = char::from(self.next()?)
                .to_digit(16)
                .ok_or(JsonError::Syntax)?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            match self.next()? {
                b'"' => return String::from_utf8(out).map_err(|_| JsonError::Syntax),
                b'\\' => {}
                _ => return Err(JsonError::Syntax), // a raw control character
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hi = self.hex4()?;
                    let code = if (0xD800..0xDC00).contains(&hi) {
                        self.literal(b"\\u")?;
                        let lo = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return Err(JsonError::Syntax);
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        hi
                    };
                    char::from_u32(code).ok_or(JsonError::Syntax)?
                }
                _ => return Err(JsonError::Syntax),
            };
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

// --------------------------------------------------------------------- writer

/// Writes JSON text as `serde_json` does: [`Writer::compact`] as
/// `to_string`, [`Writer::pretty`] as `to_string_pretty`.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Per open container: whether it has a member yet.
    first: Vec<bool>,
}

impl Writer {
    /// `{"a":1}`.
    pub fn compact() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            depth: 0,
            first: Vec::new(),
        }
    }

    /// `{\n  "a": 1\n}`.
    pub fn pretty() -> Writer {
        Writer {
            pretty: true,
            ..Writer::compact()
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    /// Before an array element or an object key.
    fn item(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !std::mem::replace(first, false) {
                self.out.push(',');
            }
        }
        self.newline();
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.first.push(true);
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if self.first.pop() == Some(false) {
            self.newline();
        }
        self.out.push(c);
    }

    /// `{`.
    pub fn begin_obj(&mut self) {
        self.open('{');
    }

    /// `}`.
    pub fn end_obj(&mut self) {
        self.close('}');
    }

    /// `[`.
    pub fn begin_arr(&mut self) {
        self.open('[');
    }

    /// `]`.
    pub fn end_arr(&mut self) {
        self.close(']');
    }

    /// Before each array element.
    pub fn elem(&mut self) {
        self.item();
    }

    /// An object key and its colon; the value follows.
    pub fn key(&mut self, k: &str) {
        self.item();
        self.str(k);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// Text that is already JSON, as it is.
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// `true` / `false`.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// A whole number.
    pub fn uint(&mut self, n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &b in &buf[i..] {
            self.out.push(char::from(b));
        }
    }

    /// A string, escaped as `serde_json` escapes it.
    pub fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    let b = c as usize;
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[b >> 4]));
                    self.out.push(char::from(HEX[b & 15]));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
