//! Every string of a parsed scenario, reached through its `Serialize`
//! impl, so that a field added to the model later is not forgotten.
//!
//! The text checks (characters the fonts lack, line breaks inside a text,
//! self-harm words without a content note) need places in the file only
//! when they find something. Asking the
//! decoded strings first tells them whether there can be anything to find:
//! a decoded string holds every character its literal does, with escapes
//! decoded, so when none of them could be reported the file need not be
//! scanned for places at all.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::scenario::Scenario;

/// What the strings hold that a text check would report, found in one
/// walk so that a large file is walked once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Survey {
    /// Some string holds a line break or a character the fonts cannot
    /// draw ([`super::line_breaks`], [`super::charset`]).
    pub odd_text: bool,
    /// Some string says a self-harm phrase ([`super::wording`]'s
    /// content-note check).
    pub self_harm: bool,
}

impl Survey {
    pub fn of(scenario: &Scenario) -> Survey {
        let mut survey = Survey::default();
        any(scenario, |t| {
            // Printable ASCII is neither a line break nor a character the
            // fonts lack.
            survey.odd_text |= !t.bytes().all(|b| (b' '..=b'~').contains(&b))
                && (t.contains('\n') || !super::charset::all_supported(t));
            survey.self_harm |= super::wording::self_harm_phrase(t).is_some();
            survey.odd_text && survey.self_harm
        });
        survey
    }
}

/// Whether `found` holds for any string in the scenario (ids, texts,
/// references, list items), stopping at the first that does.
pub fn any(scenario: &Scenario, found: impl FnMut(&str) -> bool) -> bool {
    let mut walk = Walk { found, count: 0 };
    scenario.serialize(&mut walk).is_err()
}

/// How many strings the scenario holds: one per string literal in its file.
pub fn count(scenario: &Scenario) -> usize {
    let mut walk = Walk {
        found: |_: &str| false,
        count: 0,
    };
    // The predicate never holds, so the walk always runs to the end.
    let _ = scenario.serialize(&mut walk);
    walk.count
}

/// A serializer that writes nothing: it hands each string to `found`.
struct Walk<F> {
    found: F,
    count: usize,
}

/// Stops the walk: a string was found (serde's only way to stop early).
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("found")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

type Done = Result<(), Stop>;

/// Serializer methods for values that hold no string.
macro_rules! ignore {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Done {
            Ok(())
        })*
    };
}

/// A compound serializer that hands each element (or named field) on.
macro_rules! pass_on {
    ($trait:ident, $method:ident) => {
        impl<F: FnMut(&str) -> bool> ser::$trait for &mut Walk<F> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: ?Sized + Serialize>(&mut self, v: &T) -> Done {
                v.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    };
    ($trait:ident, $method:ident, named) => {
        impl<F: FnMut(&str) -> bool> ser::$trait for &mut Walk<F> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: ?Sized + Serialize>(&mut self, _: &'static str, v: &T) -> Done {
                v.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    };
}

impl<F: FnMut(&str) -> bool> Walk<F> {
    fn text(&mut self, v: &str) -> Done {
        self.count += 1;
        if (self.found)(v) { Err(Stop) } else { Ok(()) }
    }
}

impl<F: FnMut(&str) -> bool> ser::Serializer for &mut Walk<F> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_str(self, v: &str) -> Done {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    ignore! {
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_bytes: &[u8],
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Done {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Done {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
}

// The compound values pass each element or field on to the walk.
pass_on!(SerializeSeq, serialize_element);
pass_on!(SerializeTuple, serialize_element);
pass_on!(SerializeTupleStruct, serialize_field);
pass_on!(SerializeTupleVariant, serialize_field);
pass_on!(SerializeStruct, serialize_field, named);
pass_on!(SerializeStructVariant, serialize_field, named);

impl<F: FnMut(&str) -> bool> ser::SerializeMap for &mut Walk<F> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Done {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::source_map::EntryKind;

    /// The walk reaches every string literal of every shipped scenario:
    /// the model hides none, so the text checks may trust it.
    #[test]
    fn every_string_literal_is_walked() {
        let mut checked = 0;
        for entry in crate::library::Library::shipped().entries {
            let crate::library::Source::Shipped(name) = entry.source else {
                continue;
            };
            let text = crate::library::shipped_text(&name).expect("shipped text");
            let (scenario, map) =
                crate::scenario::parse::parse_str(&name, text).expect("shipped scenarios parse");
            let literals = map
                .entries()
                .iter()
                .filter(|e| e.kind == EntryKind::Str)
                .count();
            assert_eq!(count(&scenario), literals, "{name}");
            checked += 1;
        }
        assert!(checked > 10);
    }

    #[test]
    fn stops_at_the_first_string_found() {
        let text = r#"(id: "s", title: "T", summary: "a\nb", setting: (place: "p", medium: in_person),
            persona: (name: "N", background: "B"), initial_trust: 40, withdrawal_floor: 5,
            on_withdraw: "w", start: "w", nodes: [(id: "w", lines: [(text: "x")],
            ending: Some((kind: withdrew, title: "W")))])"#;
        let (scenario, _) = crate::scenario::parse::parse_str("t", text).expect("parses");
        let mut seen = Vec::new();
        assert!(any(&scenario, |t| {
            seen.push(t.to_string());
            t.contains('\n')
        }));
        assert_eq!(seen, ["s", "T", "a\nb"]);
        assert!(!any(&scenario, |t| t.contains('\t')));
    }
}
