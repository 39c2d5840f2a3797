//! Finds where ids and references sit in a RON source, so that semantic
//! diagnostics can carry a line and column.
//!
//! serde hands the validator values without positions. Rather than writing a
//! second parser, this scans the tokens once and records every field name
//! and string literal together with the chain of enclosing field names, e.g.
//! `nodes > options` + `goto: "x"`. That is enough to find any id or
//! reference the validator talks about.

use std::sync::Arc;

/// What a recorded token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// `name:`, recorded at the field name.
    Field,
    /// A string literal, recorded at its opening quote.
    Str,
    /// An enum variant with a value, e.g. `trust_at_least(`, recorded at
    /// its name; `key` and `value` are the variant name.
    Variant,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    /// Enclosing field names, outermost first. Shared by every entry with
    /// the same enclosing fields: a large file has millions of entries.
    pub fields: Arc<[String]>,
    /// The field this value belongs to, or the enum variant wrapping it
    /// (`visited("x")` has key `visited`).
    pub key: String,
    /// The string's contents (escapes not decoded), or the field name.
    pub value: String,
    pub line: usize,
    pub col: usize,
}

/// All recorded entries of one file, in source order.
#[derive(Debug, Default)]
pub struct SourceMap {
    entries: Vec<Entry>,
    /// Indices of the entries that are node ids (`nodes > id: "..."`), in
    /// source order, so node lookups do not scan the whole file.
    node_ids: Vec<usize>,
    /// Node id to its positions in `node_ids`, first occurrence first.
    node_index: std::collections::HashMap<String, Vec<usize>>,
    /// Where options' ids are written, built on first use so that finding
    /// every option of a 50,000-option node stays linear.
    options: std::sync::OnceLock<OptionIndex>,
}

/// The entries of option ids (`nodes > options > id`), by node.
#[derive(Debug, Default)]
struct OptionIndex {
    /// For each node (by position in `node_ids`), its option id entries in
    /// source order.
    by_node: Vec<Vec<usize>>,
    /// (node position, option id) to the first entry with that id.
    first: std::collections::HashMap<(usize, String), usize>,
}

/// An open bracket: the name it belongs to and whether that name is a field.
struct Frame {
    name: String,
    is_field: bool,
}

impl SourceMap {
    pub fn scan(src: &str) -> SourceMap {
        let entries = Scanner::new(src).run();
        let node_ids: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| Self::matches(e, EntryKind::Str, &["nodes"], "id"))
            .map(|(i, _)| i)
            .collect();
        let mut node_index: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (k, &i) in node_ids.iter().enumerate() {
            node_index
                .entry(entries[i].value.clone())
                .or_default()
                .push(k);
        }
        SourceMap {
            entries,
            node_ids,
            node_index,
            options: std::sync::OnceLock::new(),
        }
    }

    fn option_index(&self) -> &OptionIndex {
        self.options.get_or_init(|| {
            let mut index = OptionIndex {
                by_node: vec![Vec::new(); self.node_ids.len()],
                first: std::collections::HashMap::new(),
            };
            for (k, &start) in self.node_ids.iter().enumerate() {
                let end = self
                    .node_ids
                    .get(k + 1)
                    .copied()
                    .unwrap_or(self.entries.len());
                for (i, e) in self.entries[start..end].iter().enumerate() {
                    if Self::matches(e, EntryKind::Str, &["nodes", "options"], "id") {
                        index.by_node[k].push(start + i);
                        index.first.entry((k, e.value.clone())).or_insert(start + i);
                    }
                }
            }
            index
        })
    }

    /// Where the first option with this id is written inside the first
    /// node with `node_id`.
    pub fn option_at(&self, node_id: &str, option_id: &str) -> Option<usize> {
        let k = *self.node_index.get(node_id)?.first()?;
        self.option_index()
            .first
            .get(&(k, option_id.to_string()))
            .copied()
    }

    /// The entries of the option whose id is at `option`: from its id to
    /// the next option's id, or the end of the first node with `node_id`.
    pub fn option_range(&self, node_id: &str, option: usize) -> Option<std::ops::Range<usize>> {
        let k = *self.node_index.get(node_id)?.first()?;
        let ids = self.option_index().by_node.get(k)?;
        let next = ids.partition_point(|&i| i <= option);
        let end = match ids.get(next) {
            Some(&i) => i,
            None => self.node_range(node_id, 0)?.end,
        };
        Some(option..end)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn matches(e: &Entry, kind: EntryKind, fields: &[&str], key: &str) -> bool {
        e.kind == kind
            && e.key == key
            && e.fields.len() == fields.len()
            && e.fields.iter().zip(fields).all(|(a, b)| a == b)
    }

    /// Index of the `n`th (0-based) string `key: "value"` under `fields`.
    pub fn find_str(&self, fields: &[&str], key: &str, value: &str, n: usize) -> Option<usize> {
        if fields == ["nodes"] && key == "id" {
            let k = *self.node_index.get(value)?.get(n)?;
            return self.node_ids.get(k).copied();
        }
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| Self::matches(e, EntryKind::Str, fields, key) && e.value == value)
            .nth(n)
            .map(|(i, _)| i)
    }

    /// Index of the first field `key:` under `fields`.
    pub fn find_field(&self, fields: &[&str], key: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| Self::matches(e, EntryKind::Field, fields, key))
    }

    /// The range of entries that belong to the `n`th node with this id: from
    /// its `id` to the next node's `id`.
    pub fn node_range(&self, node_id: &str, n: usize) -> Option<std::ops::Range<usize>> {
        let k = *self.node_index.get(node_id)?.get(n)?;
        let start = *self.node_ids.get(k)?;
        let end = self
            .node_ids
            .get(k + 1)
            .copied()
            .unwrap_or(self.entries.len());
        Some(start..end)
    }

    /// The first entry in `range` matching kind, fields and key, and `value`
    /// when one is given.
    pub fn find_in(
        &self,
        range: std::ops::Range<usize>,
        kind: EntryKind,
        fields: &[&str],
        key: &str,
        value: Option<&str>,
    ) -> Option<usize> {
        let start = range.start;
        self.entries[range]
            .iter()
            .position(|e| Self::matches(e, kind, fields, key) && value.is_none_or(|v| e.value == v))
            .map(|p| start + p)
    }

    pub fn get(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The place of an entry, or the top of the file when it was not found.
    pub fn pos(&self, index: Option<usize>) -> (usize, usize) {
        index
            .and_then(|i| self.entries.get(i))
            .map_or((1, 1), |e| (e.line, e.col))
    }
}

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    col: usize,
    stack: Vec<Frame>,
    /// The identifier just read, if nothing but whitespace followed it.
    last_ident: Option<String>,
    /// Where `last_ident` starts.
    ident_pos: (usize, usize),
    /// The field whose value is being read (`name:` seen, value not finished).
    pending_field: Option<String>,
    /// The enclosing field names of `stack`, built once per change of it.
    fields: Option<Arc<[String]>>,
    entries: Vec<Entry>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Scanner {
            chars: src.char_indices().peekable(),
            line: 1,
            col: 1,
            stack: Vec::new(),
            last_ident: None,
            ident_pos: (1, 1),
            pending_field: None,
            fields: None,
            entries: Vec::new(),
        }
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn fields(&mut self) -> Arc<[String]> {
        let stack = &self.stack;
        self.fields
            .get_or_insert_with(|| {
                stack
                    .iter()
                    .filter(|f| f.is_field)
                    .map(|f| f.name.clone())
                    .collect()
            })
            .clone()
    }

    /// Reads the whole text, recording where each field, string and
    /// variant is written.
    fn run(mut self) -> Vec<Entry> {
        while let Some(c) = self.peek() {
            let (line, col) = (self.line, self.col);
            match c {
                c if c.is_whitespace() => {
                    self.bump();
                }
                '/' => self.comment(),
                '"' => {
                    self.bump();
                    let value = self.string_body_until('"');
                    self.record_str(value, line, col);
                }
                'r' | 'b' if self.raw_string_ahead() => {
                    let value = self.raw_string();
                    self.record_str(value, line, col);
                }
                '\'' => {
                    self.bump();
                    self.string_body_until('\'');
                    self.last_ident = None;
                }
                c if c.is_alphabetic() || c == '_' => self.ident(line, col),
                ':' => {
                    self.bump();
                    self.field_named();
                }
                '(' | '[' | '{' => {
                    self.bump();
                    self.open();
                }
                ')' | ']' | '}' => {
                    self.bump();
                    self.stack.pop();
                    self.fields = None;
                    self.last_ident = None;
                    self.pending_field = None;
                }
                ',' => {
                    self.bump();
                    self.last_ident = None;
                    self.pending_field = None;
                }
                _ => {
                    self.bump();
                    self.last_ident = None;
                }
            }
        }
        self.entries
    }

    /// Reads an identifier starting at `line`:`col`; it may turn out to be
    /// a field name or a variant.
    fn ident(&mut self, line: usize, col: usize) {
        let mut ident = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                ident.push(c);
                self.bump();
            } else {
                break;
            }
        }
        self.last_ident = Some(ident);
        self.ident_pos = (line, col);
    }

    /// After a `:`: the identifier before it names a field, whose value
    /// comes next.
    fn field_named(&mut self) {
        if let Some(name) = self.last_ident.take() {
            let fields = self.fields();
            self.entries.push(Entry {
                kind: EntryKind::Field,
                fields,
                key: name.clone(),
                value: name.clone(),
                line: self.ident_pos.0,
                col: self.ident_pos.1,
            });
            self.pending_field = Some(name);
        }
    }

    /// After an opening bracket: what it belongs to, a field's value or a
    /// variant (which is recorded), becomes the innermost frame.
    fn open(&mut self) {
        let variant = self.last_ident.take();
        let frame = match (self.pending_field.take(), variant) {
            // `field: Some(` and `field: [` belong to the field.
            (Some(field), Some(v)) if v == "Some" => Frame {
                name: field,
                is_field: true,
            },
            (Some(field), None) => Frame {
                name: field,
                is_field: true,
            },
            (_, Some(v)) => {
                let fields = self.fields();
                self.entries.push(Entry {
                    kind: EntryKind::Variant,
                    fields,
                    key: v.clone(),
                    value: v.clone(),
                    line: self.ident_pos.0,
                    col: self.ident_pos.1,
                });
                Frame {
                    name: v,
                    is_field: false,
                }
            }
            (None, None) => Frame {
                name: String::new(),
                is_field: false,
            },
        };
        self.stack.push(frame);
        self.fields = None;
    }

    fn record_str(&mut self, value: String, line: usize, col: usize) {
        let key = match &self.pending_field {
            Some(f) => f.clone(),
            None => self
                .stack
                .last()
                .map(|f| f.name.clone())
                .unwrap_or_default(),
        };
        let fields = self.fields();
        self.entries.push(Entry {
            kind: EntryKind::Str,
            fields,
            key,
            value,
            line,
            col,
        });
        self.last_ident = None;
    }

    fn comment(&mut self) {
        self.bump();
        match self.peek() {
            Some('/') => {
                while let Some(c) = self.bump() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            Some('*') => {
                self.bump();
                let mut depth = 1usize;
                while depth > 0 {
                    match self.bump() {
                        None => break,
                        Some('*') if self.peek() == Some('/') => {
                            self.bump();
                            depth -= 1;
                        }
                        Some('/') if self.peek() == Some('*') => {
                            self.bump();
                            depth += 1;
                        }
                        Some(_) => {}
                    }
                }
            }
            _ => {}
        }
        self.last_ident = None;
    }

    /// Reads up to the closing quote, honouring backslash escapes.
    fn string_body_until(&mut self, close: char) -> String {
        let mut out = String::new();
        while let Some(c) = self.bump() {
            if c == '\\' {
                if let Some(n) = self.bump() {
                    out.push('\\');
                    out.push(n);
                }
            } else if c == close {
                break;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// True when the next characters start `r"`, `r#`, `br"` or `b"`.
    fn raw_string_ahead(&self) -> bool {
        let mut it = self.chars.clone().map(|(_, c)| c);
        matches!(
            (it.next(), it.next(), it.next()),
            (Some('r'), Some('"' | '#'), _)
                | (Some('b'), Some('"'), _)
                | (Some('b'), Some('r'), Some('"' | '#'))
        )
    }

    fn raw_string(&mut self) -> String {
        if self.peek() == Some('b') {
            self.bump();
        }
        if self.peek() != Some('r') {
            // A plain byte string.
            self.bump();
            return self.string_body_until('"');
        }
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return String::new();
        }
        self.bump();
        let mut out = String::new();
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                let mut seen = 0;
                while seen < hashes && self.peek() == Some('#') {
                    self.bump();
                    seen += 1;
                }
                if seen == hashes {
                    break 'outer;
                }
                out.push('"');
                out.extend(std::iter::repeat_n('#', seen));
            } else {
                out.push(c);
            }
        }
        out
    }
}
