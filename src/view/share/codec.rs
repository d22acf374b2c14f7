//! Reading and writing raftlab's values as JSON, in exactly the shape the
//! `serde` derives gave them (externally tagged enums, structs as objects
//! in field order, tuples as arrays), without `serde` in the wasm (issue 15).
//! The impls for the core's types are in `codec_types`; native tests
//! compare both directions with `serde_json` (`tests/json_codec/`).

use super::json::{Json, Writer};
use std::collections::{BTreeMap, BTreeSet};

/// A value that does not have the expected shape (a wrong type, a missing
/// field, an unknown variant). Links and files report it as malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bad;

/// Built from a [`Json`] tree.
pub trait FromJson: Sized {
    /// Reads `v`.
    fn from_json(v: &Json) -> Result<Self, Bad>;

    /// The value of a struct field that is absent (`serde` reads an absent
    /// `Option` as `None`); `None`: absence is an error.
    fn absent() -> Option<Self> {
        None
    }
}

/// Written as JSON text.
pub trait ToJson {
    /// Writes `self` to `w`.
    fn to_json(&self, w: &mut Writer);
}

/// Reads JSON text into a `T` (a syntax error or a wrong shape: `Bad`).
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Bad> {
    T::from_json(&super::json::parse(text, &[]).map_err(|_| Bad)?)
}

/// `T` as compact JSON (as `serde_json::to_string`).
pub fn to_string<T: ToJson + ?Sized>(v: &T) -> String {
    let mut w = Writer::compact();
    v.to_json(&mut w);
    w.finish()
}

/// `T` as pretty JSON (as `serde_json::to_string_pretty`).
pub fn to_string_pretty<T: ToJson + ?Sized>(v: &T) -> String {
    let mut w = Writer::pretty();
    v.to_json(&mut w);
    w.finish()
}

/// The members of an object being read as a struct.
pub struct Fields<'a>(&'a [(String, Json)]);

impl<'a> Fields<'a> {
    /// `v`'s members, if it is an object.
    pub fn of(v: &'a Json) -> Result<Fields<'a>, Bad> {
        match v {
            Json::Obj(m) => Ok(Fields(m)),
            _ => Err(Bad),
        }
    }

    fn find(&self, key: &str) -> Result<Option<&'a Json>, Bad> {
        let mut found = self.0.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
        let first = found.next();
        // serde refuses a field given twice.
        if found.next().is_some() {
            return Err(Bad);
        }
        Ok(first)
    }

    /// A field that must be present (unless `T` reads absence itself).
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, Bad> {
        match self.find(key)? {
            Some(v) => T::from_json(v),
            None => T::absent().ok_or(Bad),
        }
    }

    /// A field that is its default when absent (`#[serde(default)]`).
    pub fn def<T: FromJson + Default>(&self, key: &str) -> Result<T, Bad> {
        self.find(key)?.map_or(Ok(T::default()), T::from_json)
    }
}

/// An externally tagged enum value: its variant name and its content
/// (`None` for a unit variant written as a bare string).
pub fn variant(v: &Json) -> Result<(&str, Option<&Json>), Bad> {
    match v {
        Json::Str(name) => Ok((name, None)),
        Json::Obj(m) if m.len() == 1 => Ok((&m[0].0, Some(&m[0].1))),
        _ => Err(Bad),
    }
}

/// The content of a variant that must have one.
pub fn content(c: Option<&Json>) -> Result<&Json, Bad> {
    c.ok_or(Bad)
}

/// A unit variant: a bare string (or, as `serde_json` allows, `{"V":null}`).
pub fn unit(c: Option<&Json>) -> Result<(), Bad> {
    match c {
        None | Some(Json::Null) => Ok(()),
        _ => Err(Bad),
    }
}

/// The elements of a tuple variant or tuple of exactly `n` values.
pub fn tuple(v: &Json, n: usize) -> Result<&[Json], Bad> {
    match v {
        Json::Arr(items) if items.len() == n => Ok(items),
        _ => Err(Bad),
    }
}

/// Writes `{"name":` — the caller writes the content, then [`end_variant`].
pub fn begin_variant(w: &mut Writer, name: &str) {
    w.begin_obj();
    w.key(name);
}

/// Closes [`begin_variant`].
pub fn end_variant(w: &mut Writer) {
    w.end_obj();
}

/// `{"name":content}`: a newtype variant.
pub fn newtype<T: ToJson + ?Sized>(w: &mut Writer, name: &str, v: &T) {
    begin_variant(w, name);
    v.to_json(w);
    end_variant(w);
}

/// `{"name":[a,b]}`: a two-field tuple variant.
pub fn pair<A: ToJson, B: ToJson>(w: &mut Writer, name: &str, a: &A, b: &B) {
    newtype(w, name, &(a, b));
}

/// `{"name":{fields…}}`: a struct variant; `fields` writes each member.
pub fn struct_variant(w: &mut Writer, name: &str, fields: impl FnOnce(&mut Writer)) {
    begin_variant(w, name);
    w.begin_obj();
    fields(w);
    w.end_obj();
    end_variant(w);
}

/// A newtype variant's content.
pub fn one<T: FromJson>(c: Option<&Json>) -> Result<T, Bad> {
    T::from_json(content(c)?)
}

/// A two-field tuple variant's content.
pub fn two<A: FromJson, B: FromJson>(c: Option<&Json>) -> Result<(A, B), Bad> {
    <(A, B)>::from_json(content(c)?)
}

/// A member `key: v`.
pub fn field<T: ToJson + ?Sized>(w: &mut Writer, key: &str, v: &T) {
    w.key(key);
    v.to_json(w);
}

// ------------------------------------------------------------- basic values

impl FromJson for u64 {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        v.as_u64().ok_or(Bad)
    }
}

impl ToJson for u64 {
    fn to_json(&self, w: &mut Writer) {
        w.uint(*self);
    }
}

impl FromJson for u32 {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        u32::try_from(u64::from_json(v)?).map_err(|_| Bad)
    }
}

impl ToJson for u32 {
    fn to_json(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
}

impl FromJson for usize {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        usize::try_from(u64::from_json(v)?).map_err(|_| Bad)
    }
}

impl ToJson for usize {
    fn to_json(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(Bad),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        v.as_str().map(str::to_string).ok_or(Bad)
    }
}

impl ToJson for String {
    fn to_json(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl ToJson for str {
    fn to_json(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut Writer) {
        match self {
            None => w.null(),
            Some(v) => v.to_json(w),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        match v {
            Json::Arr(items) => items.iter().map(T::from_json).collect(),
            _ => Err(Bad),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, w: &mut Writer) {
        w.begin_arr();
        for v in self {
            w.elem();
            v.to_json(w);
        }
        w.end_arr();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut Writer) {
        self.as_slice().to_json(w);
    }
}

impl<T: FromJson + Ord> FromJson for BTreeSet<T> {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        Ok(crate::sort::set_of(Vec::<T>::from_json(v)?))
    }
}

impl<T: ToJson> ToJson for BTreeSet<T> {
    fn to_json(&self, w: &mut Writer) {
        w.begin_arr();
        for v in self {
            w.elem();
            v.to_json(w);
        }
        w.end_arr();
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let mut out = BTreeMap::new();
        for (k, v) in Fields::of(v)?.0 {
            out.insert(k.clone(), String::from_json(v)?);
        }
        Ok(out)
    }
}

impl FromJson for BTreeMap<std::rc::Rc<str>, std::rc::Rc<str>> {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let mut out = BTreeMap::new();
        for (k, v) in Fields::of(v)?.0 {
            out.insert(k.as_str().into(), String::from_json(v)?.into());
        }
        Ok(out)
    }
}

impl ToJson for BTreeMap<std::rc::Rc<str>, std::rc::Rc<str>> {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        for (k, v) in self {
            field(w, k, &**v);
        }
        w.end_obj();
    }
}

impl ToJson for BTreeMap<String, String> {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        for (k, v) in self {
            field(w, k, v);
        }
        w.end_obj();
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let t = tuple(v, 2)?;
        Ok((A::from_json(&t[0])?, B::from_json(&t[1])?))
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self, w: &mut Writer) {
        w.begin_arr();
        w.elem();
        self.0.to_json(w);
        w.elem();
        self.1.to_json(w);
        w.end_arr();
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, w: &mut Writer) {
        (**self).to_json(w);
    }
}
