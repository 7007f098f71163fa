//! The offline catalogue of resolutions (SPEC section 3).
//!
//! Built in: the four TSV files of `server/data/catalog/` (copied verbatim from
//! the project's shared data, see the README there), embedded in the binary
//! and parsed once, lazily, without copying their text. Users add files of the
//! same nine columns through `catalog.paths`; a bad row is a warning with file
//! and line, and the rest loads.
//!
//! The catalogue also knows which ranges it covers completely (built in: every
//! Security Council resolution of 1946–2019, numbers 1 to 2503; user files
//! declare theirs with `# complete: GA 66` lines), because a resolution absent
//! from an incomplete table says nothing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::un::symbol::{self, Kind, Session};
use crate::un::{Body, Date};

type Text = Cow<'static, str>;

/// What the `title` column holds for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// The official title.
    Title,
    /// A library subject heading (GA rows from the recorded-vote data): not
    /// the title, and never shown as one.
    SubjectHeading,
    /// The Council's agenda item (SC resolutions have no titles).
    AgendaItem,
}

impl TitleKind {
    /// The label hover puts before the text.
    pub fn label(self) -> &'static str {
        match self {
            TitleKind::Title => "Title",
            TitleKind::SubjectHeading => "Subject heading (not the official title)",
            TitleKind::AgendaItem => "Subject (Security Council agenda item)",
        }
    }
}

/// One row of the catalogue (several source rows of one symbol merged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Canonical symbol (`A/RES/57/270 B`, `S/RES/1325(2000)`).
    pub symbol: Text,
    pub body: Body,
    /// As the `session` column writes it (`66`, `ES-10`, `2000`).
    pub session: Text,
    /// The number as cited, with any part letter (`270 B`).
    pub number: Text,
    /// Adoption date; `None` where no trustworthy source gives one.
    pub date: Option<Date>,
    pub title: Text,
    pub title_kind: TitleKind,
    pub meeting: Text,
    pub vote: Text,
    pub note: Text,
    /// The file(s) the row came from.
    pub source: Text,
}

impl Entry {
    /// The title, if any, with what kind of text it is.
    pub fn title(&self) -> Option<(TitleKind, &str)> {
        (!self.title.is_empty()).then(|| (self.title_kind, &*self.title))
    }

    /// The number as a citation writes it after `resolution`: `56/183`,
    /// `57/270 B`, `1325 (2000)`, `2006/46`, `1514 (XV)`, `ES-10/19`.
    pub fn cited_form(&self) -> String {
        let s = &*self.symbol;
        if let Some(rest) = s.strip_prefix("S/RES/") {
            return rest.replacen('(', " (", 1);
        }
        for prefix in [
            "A/HRC/RES/",
            "A/HRC/DEC/",
            "A/RES/",
            "A/DEC/",
            "E/RES/",
            "E/DEC/",
        ] {
            if let Some(rest) = s.strip_prefix(prefix) {
                return rest.replacen('(', " (", 1);
            }
        }
        s.to_string()
    }

    /// The kind of the symbol (resolution, decision or other document).
    pub fn kind(&self) -> Kind {
        symbol::parse(&self.symbol)
            .map(|p| p.reference.kind)
            .unwrap_or(Kind::Document)
    }
}

/// The number of a resolution or decision symbol as a citation writes it
/// after `resolution`: `56/183`, `57/270 B`, `1325 (2000)`, `2006/46`,
/// `1514 (XV)`, `ES-10/19`; other symbols as they are.
pub fn cited_form(symbol: &str) -> String {
    for prefix in [
        "A/HRC/RES/",
        "A/HRC/DEC/",
        "A/RES/",
        "A/DEC/",
        "S/RES/",
        "E/RES/",
        "E/DEC/",
    ] {
        if let Some(rest) = symbol.strip_prefix(prefix) {
            return rest.replacen('(', " (", 1);
        }
    }
    symbol.to_string()
}

/// A range the catalogue covers completely: GA and HRC sessions, SC and
/// ECOSOC years, `first..=last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub body: Body,
    pub first: u16,
    pub last: u16,
    /// Where it was declared (`built in` or the file).
    pub source: String,
}

impl Coverage {
    /// `GA 66`, `ECOSOC 2011-2013`.
    pub fn describe(&self) -> String {
        if self.first == self.last {
            format!("{} {}", self.body, self.first)
        } else {
            format!("{} {}-{}", self.body, self.first, self.last)
        }
    }

    /// Parses the text after `# complete:` (`GA 66`, `ECOSOC 2011-2013`;
    /// several may be separated by commas).
    pub fn parse_list(s: &str, source: &str) -> Result<Vec<Coverage>, String> {
        let mut out = Vec::new();
        for item in s.split(',') {
            let item = item.trim();
            let (body, range) = item.split_once(char::is_whitespace).ok_or_else(|| {
                format!("coverage `{item}` should be like `GA 66` or `ECOSOC 2011-2013`")
            })?;
            let body = Body::parse(body.trim()).ok_or_else(|| {
                format!(
                    "unknown organ `{}` in coverage (GA, SC, ECOSOC or HRC)",
                    body.trim()
                )
            })?;
            let range = range.trim();
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            let num = |x: &str| -> Result<u16, String> {
                x.trim()
                    .parse::<u16>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        format!(
                            "`{}` in coverage `{item}` is not a session or year",
                            x.trim()
                        )
                    })
            };
            let (first, last) = (num(a)?, num(b)?);
            if first > last {
                return Err(format!("coverage `{item}` runs backwards"));
            }
            if body.by_year() != (first >= 1946) {
                return Err(format!(
                    "coverage `{item}`: {} resolutions are numbered by {}",
                    body.name(),
                    if body.by_year() {
                        "year (as SC 2020-2023)"
                    } else {
                        "session (as GA 66)"
                    }
                ));
            }
            out.push(Coverage {
                body,
                first,
                last,
                source: source.to_string(),
            });
        }
        Ok(out)
    }
}

/// A problem in a user catalogue file: the row is skipped, the rest loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: String,
    /// 1-based; 0 when the file as a whole could not be read.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}

/// Symbols are short and ours or the user's: FNV hashes them several times
/// faster than the default SipHash (every citation is looked up on every
/// check).
type Fx = rustc_hash::FxBuildHasher;

/// The catalogue: built-in rows, optionally under a layer of user files.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    index: HashMap<Text, u32, Fx>,
    /// SC resolutions by number (the year is part of the symbol).
    sc_numbers: HashMap<u32, u32, Fx>,
    /// Symbols of resolutions in parts, without the part letter
    /// (`A/RES/57/270` for `A/RES/57/270 B`).
    in_parts: HashMap<Text, u32, Fx>,
    coverage: Vec<Coverage>,
    /// The built-in catalogue under a user layer.
    base: Option<&'static Catalog>,
}

/// The embedded source files, in the order their rows are merged.
pub const BUILTIN_FILES: [(&str, &str, TitleKind); 4] = [
    (
        "sc-resolutions-1946-2019.tsv",
        include_str!("../../data/catalog/sc-resolutions-1946-2019.tsv"),
        TitleKind::AgendaItem,
    ),
    (
        "ga-80-texts.tsv",
        include_str!("../../data/catalog/ga-80-texts.tsv"),
        TitleKind::Title,
    ),
    (
        "cited-in-texts.tsv",
        include_str!("../../data/catalog/cited-in-texts.tsv"),
        TitleKind::Title,
    ),
    (
        "ga-recorded-votes-voeten.tsv",
        include_str!("../../data/catalog/ga-recorded-votes-voeten.tsv"),
        TitleKind::SubjectHeading,
    ),
];

/// Built-in coverage: every SC resolution from 1 (1946) to 2503 (2019).
pub const BUILTIN_SC_LAST_YEAR: u16 = 2019;
pub const BUILTIN_SC_LAST_NUMBER: u32 = 2503;

/// The columns a row must have: up to and with `date`.
const MIN_COLUMNS: usize = 5;

const HEADER: &str = "symbol\tbody\tsession\tnumber\tdate\ttitle\tmeeting\tvote\tnote";

fn cow(s: &'static str) -> Text {
    Cow::Borrowed(s)
}

/// Parses one row. `Err` is the message of a bad row.
fn parse_row<'a, F: Fn(&'a str) -> Text>(
    line: &'a str,
    title_kind: TitleKind,
    source: &Text,
    text: F,
    validate: bool,
) -> Result<Entry, String> {
    let cols: Vec<&'a str> = line.split('\t').collect();
    // Tools that drop trailing empty cells may cut a row after its date; a
    // row cut before it has lost what the catalogue is for.
    if cols.len() < MIN_COLUMNS || cols.len() > 9 {
        return Err(format!(
            "expected 9 tab-separated columns (symbol, body, session, number, date, title, meeting, vote, note), found {}{}",
            cols.len(),
            if cols.len() < MIN_COLUMNS {
                " (only the columns after the date may be left out)"
            } else {
                ""
            }
        ));
    }
    let col = |i: usize| cols.get(i).map(|s| s.trim()).unwrap_or("");
    let body = Body::parse(col(1))
        .ok_or_else(|| format!("unknown body `{}` (GA, SC, ECOSOC or HRC)", col(1)))?;
    // The embedded files are checked once by a test; user rows every time.
    let (symbol, session): (Text, Text) = if validate {
        let parsed = symbol::parse(col(0)).map_err(|e| format!("bad symbol: {e}"))?;
        if let Some(b) = parsed.reference.body {
            if b != body && parsed.reference.kind != Kind::Document {
                return Err(format!(
                    "symbol {} is a {} symbol but the body column says {}",
                    parsed.canonical,
                    b.name(),
                    body
                ));
            }
        }
        let session = match (col(2), parsed.reference.session) {
            ("", Some(s)) => Cow::Owned(s.label()),
            (s, _) => text(s),
        };
        let symbol = if parsed.canonical == col(0) {
            text(col(0))
        } else {
            Cow::Owned(parsed.canonical)
        };
        (symbol, session)
    } else {
        (text(col(0)), text(col(2)))
    };
    let date = match col(4) {
        "" => None,
        d => Some(
            Date::parse_iso(d).ok_or_else(|| format!("bad date `{d}` (expected yyyy-mm-dd)"))?,
        ),
    };
    Ok(Entry {
        symbol,
        body,
        session,
        number: text(col(3)),
        date,
        title: text(col(5)),
        title_kind,
        meeting: text(col(6)),
        vote: text(col(7)),
        note: text(col(8)),
        source: source.clone(),
    })
}

fn join(a: &Text, b: &Text, sep: &str) -> Text {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.clone(),
        (true, false) => b.clone(),
        _ if a == b => a.clone(),
        _ => Cow::Owned(format!("{a}{sep}{b}")),
    }
}

/// Fills what `into` lacks from `from`; `prefer_from` makes `from`'s
/// non-empty fields win (a user row over a built-in one).
fn merge(into: &mut Entry, from: Entry, prefer_from: bool) {
    let pick = |a: &mut Text, b: Text| {
        if a.is_empty() || (prefer_from && !b.is_empty()) {
            *a = b;
        }
    };
    if into.date.is_none() || (prefer_from && from.date.is_some()) {
        into.date = from.date.or(into.date);
    }
    let better_title = !from.title.is_empty()
        && (into.title.is_empty()
            || prefer_from
            || (from.title_kind == TitleKind::Title && into.title_kind != TitleKind::Title));
    if better_title {
        into.title = from.title;
        into.title_kind = from.title_kind;
    }
    pick(&mut into.session, from.session);
    pick(&mut into.number, from.number);
    pick(&mut into.meeting, from.meeting);
    pick(&mut into.vote, from.vote);
    into.note = join(&into.note, &from.note, "; ");
    into.source = join(&into.source, &from.source, ", ");
}

impl Catalog {
    /// An empty catalogue (no built-in rows): for tests of what works
    /// without a catalogue.
    pub fn empty() -> Catalog {
        Catalog::default()
    }

    /// The built-in catalogue, parsed on first use.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(Catalog::load_builtin)
    }

    /// Parses the embedded files (what `builtin` does once; public for the
    /// benchmark).
    pub fn load_builtin() -> Catalog {
        let mut cat = Catalog::default();
        for (name, text, kind) in BUILTIN_FILES {
            let source = cow(name);
            for (i, line) in text.lines().enumerate() {
                if line.is_empty() || line.starts_with('#') || (i == 0 && line == HEADER) {
                    continue;
                }
                // The embedded files are checked by a test: a bad row cannot
                // happen here, and would only be skipped.
                if let Ok(entry) = parse_row(line, kind, &source, cow, false) {
                    cat.insert(entry, false);
                }
            }
        }
        cat.coverage.push(Coverage {
            body: Body::SC,
            first: 1946,
            last: BUILTIN_SC_LAST_YEAR,
            source: "built in".into(),
        });
        cat
    }

    fn insert(&mut self, entry: Entry, prefer_new: bool) {
        if let Some(&i) = self.index.get(&*entry.symbol) {
            merge(&mut self.entries[i as usize], entry, prefer_new);
            return;
        }
        let i = self.entries.len() as u32;
        if entry.body == Body::SC && entry.symbol.starts_with("S/RES/") {
            let n = entry.number.parse::<u32>().ok().or_else(|| {
                symbol::parse(&entry.symbol)
                    .ok()
                    .and_then(|p| p.reference.number)
            });
            if let Some(n) = n {
                self.sc_numbers.entry(n).or_insert(i);
            }
        }
        let b = entry.symbol.as_bytes();
        if b.len() > 2 && b[b.len() - 2] == b' ' && b[b.len() - 1].is_ascii_uppercase() {
            let whole = entry.symbol[..b.len() - 2].to_string();
            self.in_parts.entry(Cow::Owned(whole)).or_insert(i);
        }
        self.index.insert(entry.symbol.clone(), i);
        self.entries.push(entry);
    }

    /// The built-in catalogue under the rows of the user's files. Files that
    /// cannot be read and rows that are bad become warnings; the rest loads.
    pub fn with_files(paths: &[PathBuf]) -> (Catalog, Vec<LoadWarning>) {
        let mut texts = Vec::new();
        let mut warnings = Vec::new();
        for p in paths {
            match std::fs::read_to_string(p) {
                Ok(t) => texts.push((p.display().to_string(), t)),
                Err(e) => warnings.push(LoadWarning {
                    path: p.display().to_string(),
                    line: 0,
                    message: format!("cannot read catalogue file: {e}"),
                }),
            }
        }
        let (cat, mut more) = Catalog::with_texts(&texts);
        warnings.append(&mut more);
        (cat, warnings)
    }

    /// Like `with_files`, from texts already read: `(name, text)` pairs.
    pub fn with_texts(files: &[(String, String)]) -> (Catalog, Vec<LoadWarning>) {
        let base = Catalog::builtin();
        let mut cat = Catalog {
            base: Some(base),
            ..Catalog::default()
        };
        let mut warnings = Vec::new();
        for (name, text) in files {
            cat.add_user_text(name, text, &mut warnings);
        }
        (cat, warnings)
    }

    fn add_user_text(&mut self, name: &str, text: &str, warnings: &mut Vec<LoadWarning>) {
        let source: Text = Cow::Owned(name.to_string());
        let owned = |s: &str| -> Text { Cow::Owned(s.to_string()) };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let warn = |message: String| LoadWarning {
                path: name.to_string(),
                line: i + 1,
                message,
            };
            if line.trim().is_empty() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(decl) = comment.trim().strip_prefix("complete:") {
                    match Coverage::parse_list(decl, name) {
                        Ok(mut c) => self.coverage.append(&mut c),
                        Err(e) => warnings.push(warn(e)),
                    }
                }
                continue;
            }
            if line.starts_with("symbol\tbody") {
                continue;
            }
            match parse_row(line, TitleKind::Title, &source, owned, true) {
                Ok(mut entry) => {
                    if let Some(base) = self.base {
                        if let Some(b) = base.get_local(&entry.symbol) {
                            let mut merged = b.clone();
                            merge(&mut merged, entry, true);
                            entry = merged;
                        }
                    }
                    self.insert(entry, true);
                }
                Err(e) => warnings.push(warn(e)),
            }
        }
    }

    fn get_local(&self, symbol: &str) -> Option<&Entry> {
        self.index.get(symbol).map(|&i| &self.entries[i as usize])
    }

    /// The entry of a canonical symbol.
    pub fn get(&self, symbol: &str) -> Option<&Entry> {
        self.get_local(symbol)
            .or_else(|| self.base.and_then(|b| b.get_local(symbol)))
    }

    /// Whether the catalogue knows parts of this resolution (`A/RES/57/270`
    /// has `A/RES/57/270 B`).
    pub fn has_parts(&self, symbol: &str) -> bool {
        self.in_parts.contains_key(symbol) || self.base.is_some_and(|b| b.has_parts(symbol))
    }

    /// The Security Council resolution with this number, whatever its year.
    pub fn sc(&self, number: u32) -> Option<&Entry> {
        self.sc_numbers
            .get(&number)
            .map(|&i| &self.entries[i as usize])
            .or_else(|| self.base.and_then(|b| b.sc(number)))
    }

    /// The declaration that covers `body`'s session or year completely.
    pub fn coverage_of(&self, body: Body, session_or_year: u16) -> Option<&Coverage> {
        self.coverage
            .iter()
            .chain(self.base.map(|b| b.coverage.iter()).into_iter().flatten())
            .find(|c| c.body == body && c.first <= session_or_year && session_or_year <= c.last)
    }

    /// Every coverage declaration.
    pub fn coverage(&self) -> impl Iterator<Item = &Coverage> {
        self.coverage
            .iter()
            .chain(self.base.map(|b| b.coverage.iter()).into_iter().flatten())
    }

    /// Every entry, user rows first, each symbol once.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        let base = self
            .base
            .map(|b| b.entries.iter())
            .into_iter()
            .flatten()
            .filter(|e| !self.index.contains_key(&*e.symbol));
        self.entries.iter().chain(base)
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.base.is_none_or(|b| b.entries.is_empty())
    }

    /// Rows per organ.
    pub fn count_by_body(&self) -> Vec<(Body, usize)> {
        let mut counts: HashMap<Body, usize> = HashMap::new();
        for e in self.iter() {
            *counts.entry(e.body).or_default() += 1;
        }
        Body::ALL
            .into_iter()
            .map(|b| (b, counts.get(&b).copied().unwrap_or(0)))
            .collect()
    }

    /// Whether the session of a GA or HRC symbol or the year of an SC or
    /// ECOSOC one lies in a completely covered range.
    pub fn covers(&self, body: Body, session: Session) -> Option<&Coverage> {
        match session {
            Session::Regular(n) | Session::Year(n) => self.coverage_of(body, n),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
