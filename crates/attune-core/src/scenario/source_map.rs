//! Finds where ids and references sit in a RON source, so that semantic
//! diagnostics can carry a line and column.
//!
//! serde hands the validator values without positions. Rather than writing a
//! second parser, this scans the tokens once and records every field name
//! and string literal together with the chain of enclosing field names, e.g.
//! `nodes > options` + `goto: "x"`. That is enough to find any id or
//! reference the validator talks about.

use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};

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

/// One recorded token. Its strings are slices of the scanned text, so a
/// file of millions of tokens costs no allocation per token.
#[derive(Clone, Debug)]
pub struct Entry<'s> {
    pub kind: EntryKind,
    /// Which list of enclosing field names the entry sits under; read it
    /// with [`SourceMap::fields`]. A file has a few dozen such lists and
    /// can have millions of entries.
    pub fields: u32,
    /// The field this value belongs to, or the enum variant wrapping it
    /// (`visited("x")` has key `visited`).
    pub key: &'s str,
    /// The string's contents (escapes not decoded), or the field name.
    pub value: &'s str,
    pub line: usize,
    pub col: usize,
}

/// All recorded entries of one file, in source order. It borrows the text
/// it was scanned from.
///
/// The scan runs on first use, not when the map is made: places are only
/// needed to report a problem, and a file that checks clean is never
/// scanned. On a large generated file that is a fifth of `attune check`'s
/// time (docs/performance.md).
#[derive(Debug, Default)]
pub struct SourceMap<'s> {
    text: &'s str,
    index: OnceLock<Index<'s>>,
}

#[derive(Debug, Default)]
struct Index<'s> {
    entries: Vec<Entry<'s>>,
    /// The lists of enclosing field names, outermost first; entries refer
    /// to them by index. The first is empty.
    chains: Vec<Vec<&'s str>>,
    /// Indices of the entries that are node ids (`nodes > id: "..."`), in
    /// source order, so node lookups do not scan the whole file.
    node_ids: Vec<usize>,
    /// Node id to its positions in `node_ids`, first occurrence first.
    node_index: HashMap<&'s str, Vec<usize>>,
    /// For each node (by position in `node_ids`), the entries of its
    /// option ids in source order, so that finding every option of a
    /// 50,000-option node stays linear.
    options_by_node: Vec<Vec<usize>>,
    /// (node position, option id) to the first entry with that id.
    first_option: HashMap<(usize, &'s str), usize>,
}

/// An open bracket: the field or variant it belongs to.
struct Frame<'s> {
    name: &'s str,
    /// The enclosing field names inside this bracket, as an index into
    /// the scanner's chains.
    chain: u32,
}

impl<'s> SourceMap<'s> {
    /// A map of `src`, scanned when a place is first asked for.
    pub fn new(src: &'s str) -> SourceMap<'s> {
        SourceMap {
            text: src,
            index: OnceLock::new(),
        }
    }

    /// A map of `src`, scanned now (for benchmarks and tools that will
    /// ask for places anyway).
    pub fn scan(src: &'s str) -> SourceMap<'s> {
        let map = SourceMap::new(src);
        map.index();
        map
    }

    /// Whether the text has been scanned yet.
    pub fn is_scanned(&self) -> bool {
        self.index.get().is_some()
    }

    fn index(&self) -> &Index<'s> {
        self.index.get_or_init(|| Index::build(self.text))
    }

    /// Where the first option with this id is written inside the first
    /// node with `node_id`.
    pub fn option_at(&self, node_id: &str, option_id: &str) -> Option<usize> {
        let x = self.index();
        let k = *x.node_index.get(node_id)?.first()?;
        // A node offers a handful of options: comparing them is cheaper
        // than hashing. The map is for nodes with very many.
        let ids = x.options_by_node.get(k)?;
        if ids.len() <= 8 {
            return ids
                .iter()
                .copied()
                .find(|&i| x.entries.get(i).is_some_and(|e| e.value == option_id));
        }
        x.first_option.get(&(k, option_id)).copied()
    }

    /// The entries of the option whose id is at `option`: from its id to
    /// the next option's id, or the end of the first node with `node_id`.
    pub fn option_range(&self, node_id: &str, option: usize) -> Option<std::ops::Range<usize>> {
        let x = self.index();
        let k = *x.node_index.get(node_id)?.first()?;
        let ids = x.options_by_node.get(k)?;
        let next = ids.partition_point(|&i| i <= option);
        let end = match ids.get(next) {
            Some(&i) => i,
            None => x.node_range(node_id, 0)?.end,
        };
        Some(option..end)
    }

    /// Every recorded entry, in source order (scans the text if it has not
    /// been yet).
    pub fn entries(&self) -> &[Entry<'s>] {
        &self.index().entries
    }

    /// The enclosing field names of an entry, outermost first.
    pub fn fields(&self, e: &Entry) -> &[&'s str] {
        self.index().fields(e)
    }

    /// Index of the `n`th (0-based) string `key: "value"` under `fields`.
    pub fn find_str(&self, fields: &[&str], key: &str, value: &str, n: usize) -> Option<usize> {
        let x = self.index();
        if fields == ["nodes"] && key == "id" {
            let k = *x.node_index.get(value)?.get(n)?;
            return x.node_ids.get(k).copied();
        }
        x.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| x.matches(e, EntryKind::Str, fields, key) && e.value == value)
            .nth(n)
            .map(|(i, _)| i)
    }

    /// Index of the first field `key:` under `fields`.
    pub fn find_field(&self, fields: &[&str], key: &str) -> Option<usize> {
        let x = self.index();
        x.entries
            .iter()
            .position(|e| x.matches(e, EntryKind::Field, fields, key))
    }

    /// The range of entries that belong to the `n`th node with this id: from
    /// its `id` to the next node's `id`.
    pub fn node_range(&self, node_id: &str, n: usize) -> Option<std::ops::Range<usize>> {
        self.index().node_range(node_id, n)
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
        let x = self.index();
        let start = range.start;
        x.entries
            .get(range)?
            .iter()
            .position(|e| x.matches(e, kind, fields, key) && value.is_none_or(|v| e.value == v))
            .map(|p| start + p)
    }

    pub fn get(&self, index: usize) -> Option<&Entry<'s>> {
        self.index().entries.get(index)
    }

    /// The place of an entry, or the top of the file when it was not found.
    pub fn pos(&self, index: Option<usize>) -> (usize, usize) {
        index
            .and_then(|i| self.get(i))
            .map_or((1, 1), |e| (e.line, e.col))
    }
}

impl<'s> Index<'s> {
    fn build(src: &'s str) -> Index<'s> {
        let (entries, chains) = Scanner::new(src).run();
        let mut map = Index {
            chains,
            ..Index::default()
        };
        let node = map.chain_of(&["nodes"]);
        let option = map.chain_of(&["nodes", "options"]);
        for (i, e) in entries.iter().enumerate() {
            if e.kind != EntryKind::Str || e.key != "id" {
                continue;
            }
            if Some(e.fields) == node {
                map.node_index
                    .entry(e.value)
                    .or_default()
                    .push(map.node_ids.len());
                map.node_ids.push(i);
                map.options_by_node.push(Vec::new());
            } else if Some(e.fields) == option {
                // Options come after their node's id: the node is the last
                // one recorded.
                if let Some(k) = map.node_ids.len().checked_sub(1) {
                    map.options_by_node[k].push(i);
                    map.first_option.entry((k, e.value)).or_insert(i);
                }
            }
        }
        map.entries = entries;
        map
    }

    /// The index of this list of enclosing field names, if any entry sits
    /// under it.
    fn chain_of(&self, fields: &[&str]) -> Option<u32> {
        let i = self.chains.iter().position(|c| c.as_slice() == fields)?;
        u32::try_from(i).ok()
    }

    fn fields(&self, e: &Entry) -> &[&'s str] {
        self.chains
            .get(e.fields as usize)
            .map_or(&[], Vec::as_slice)
    }

    fn matches(&self, e: &Entry, kind: EntryKind, fields: &[&str], key: &str) -> bool {
        e.kind == kind && e.key == key && self.fields(e) == fields
    }

    fn node_range(&self, node_id: &str, n: usize) -> Option<std::ops::Range<usize>> {
        let k = *self.node_index.get(node_id)?.get(n)?;
        let start = *self.node_ids.get(k)?;
        let end = self
            .node_ids
            .get(k + 1)
            .copied()
            .unwrap_or(self.entries.len());
        Some(start..end)
    }
}

struct Scanner<'s> {
    src: &'s str,
    /// The byte offset of the next character.
    pos: usize,
    line: usize,
    col: usize,
    stack: Vec<Frame<'s>>,
    /// The identifier just read, if nothing but whitespace followed it.
    last_ident: Option<&'s str>,
    /// Where `last_ident` starts.
    ident_pos: (usize, usize),
    /// The field whose value is being read (`name:` seen, value not finished).
    pending_field: Option<&'s str>,
    /// Every list of enclosing field names met so far; the first is empty.
    chains: Vec<Vec<&'s str>>,
    /// (enclosing list, field name) to the list one field deeper.
    deeper: HashMap<(u32, &'s str), u32>,
    entries: Vec<Entry<'s>>,
}

impl<'s> Scanner<'s> {
    fn new(src: &'s str) -> Self {
        Scanner {
            src,
            pos: 0,
            line: 1,
            col: 1,
            stack: Vec::new(),
            last_ident: None,
            ident_pos: (1, 1),
            pending_field: None,
            chains: vec![Vec::new()],
            deeper: HashMap::new(),
            // About one entry per ten bytes in a typical file.
            entries: Vec::with_capacity(src.len() / 10),
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&self) -> Option<char> {
        match self.src.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.src.get(self.pos..)?.chars().next(),
            None => None,
        }
    }

    /// The byte offset of the next character (the end at the end).
    fn offset(&self) -> usize {
        self.pos
    }

    /// The enclosing field names here, as an index into `chains`.
    fn fields(&self) -> u32 {
        self.stack.last().map_or(0, |f| f.chain)
    }

    /// The list of enclosing field names one field (`name`) deeper than
    /// the current one.
    fn deeper(&mut self, name: &'s str) -> u32 {
        let outer = self.fields();
        if let Some(&chain) = self.deeper.get(&(outer, name)) {
            return chain;
        }
        let mut names = self.chains[outer as usize].clone();
        names.push(name);
        let chain = u32::try_from(self.chains.len()).unwrap_or(u32::MAX);
        self.chains.push(names);
        self.deeper.insert((outer, name), chain);
        chain
    }

    /// Reads the whole text, recording where each field, string and
    /// variant is written.
    fn run(mut self) -> (Vec<Entry<'s>>, Vec<Vec<&'s str>>) {
        while let Some(c) = self.peek() {
            let (line, col) = (self.line, self.col);
            match c {
                ' ' | '\t' | '\r' => {
                    // Indentation is much of a file: skip a run of it at once.
                    let run = self.src.as_bytes()[self.pos..]
                        .iter()
                        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
                        .count();
                    self.pos += run;
                    self.col += run;
                }
                c if c.is_whitespace() => {
                    self.bump();
                }
                '/' => self.comment(),
                '"' => {
                    self.bump();
                    let value = self.string_body_until(b'"');
                    self.record_str(value, line, col);
                }
                'r' | 'b' if self.raw_string_ahead() => {
                    let value = self.raw_string();
                    self.record_str(value, line, col);
                }
                '\'' => {
                    self.bump();
                    self.string_body_until(b'\'');
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
        (self.entries, self.chains)
    }

    /// Reads an identifier starting at `line`:`col`; it may turn out to be
    /// a field name or a variant.
    fn ident(&mut self, line: usize, col: usize) {
        let start = self.offset();
        // ASCII letters, digits and `_` a byte at a time; anything else
        // (a letter of another script) a character at a time.
        let ascii = self.src.as_bytes()[self.pos..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
        self.pos += ascii;
        self.col += ascii;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                self.bump();
            } else {
                break;
            }
        }
        let end = self.offset();
        self.last_ident = Some(&self.src[start..end]);
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
                key: name,
                value: name,
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
            (Some(field), Some("Some") | None) => Frame {
                name: field,
                chain: self.deeper(field),
            },
            (_, Some(v)) => {
                let fields = self.fields();
                self.entries.push(Entry {
                    kind: EntryKind::Variant,
                    fields,
                    key: v,
                    value: v,
                    line: self.ident_pos.0,
                    col: self.ident_pos.1,
                });
                Frame {
                    name: v,
                    chain: fields,
                }
            }
            (None, None) => Frame {
                name: "",
                chain: self.fields(),
            },
        };
        self.stack.push(frame);
    }

    fn record_str(&mut self, value: &'s str, line: usize, col: usize) {
        let key = match self.pending_field {
            Some(f) => f,
            None => self.stack.last().map_or("", |f| f.name),
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

    /// Reads up to the closing quote, honouring backslash escapes; returns
    /// the text between the quotes as written.
    fn string_body_until(&mut self, close: u8) -> &'s str {
        // Byte by byte: strings are most of a file. A byte that does not
        // continue a multi-byte character starts one, which moves the column.
        let start = self.pos;
        while let Some(&b) = self.src.as_bytes().get(self.pos) {
            if b == close {
                let body = &self.src[start..self.pos];
                self.pos += 1;
                self.col += 1;
                return body;
            } else if b == b'\\' {
                self.bump();
                self.bump();
            } else if b == b'\n' {
                self.pos += 1;
                self.line += 1;
                self.col = 1;
            } else {
                self.pos += 1;
                if b & 0xC0 != 0x80 {
                    self.col += 1;
                }
            }
        }
        &self.src[start..]
    }

    /// True when the next characters start `r"`, `r#`, `br"` or `b"`.
    fn raw_string_ahead(&self) -> bool {
        let ahead = |k: usize| self.src.as_bytes().get(self.pos + k).copied();
        matches!(
            (ahead(0), ahead(1), ahead(2)),
            (Some(b'r'), Some(b'"' | b'#'), _)
                | (Some(b'b'), Some(b'"'), _)
                | (Some(b'b'), Some(b'r'), Some(b'"' | b'#'))
        )
    }

    fn raw_string(&mut self) -> &'s str {
        if self.peek() == Some('b') {
            self.bump();
        }
        if self.peek() != Some('r') {
            // A plain byte string.
            self.bump();
            return self.string_body_until(b'"');
        }
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return "";
        }
        self.bump();
        let start = self.offset();
        loop {
            let end = self.offset();
            match self.bump() {
                None => return &self.src[start..end],
                Some('"') => {
                    let mut seen = 0;
                    while seen < hashes && self.peek() == Some('#') {
                        self.bump();
                        seen += 1;
                    }
                    if seen == hashes {
                        return &self.src[start..end];
                    }
                }
                Some(_) => {}
            }
        }
    }
}
