//! `citation-inconsistent` across the open documents (SPEC sections 3 and 4):
//! one resolution cited with two different dates in two open documents gives
//! the diagnostic in each, pointing at the other document's citation.
//!
//! The index keeps, per open document, its dated citations by symbol (copies:
//! it holds no snapshot, so the next analysis can still take the previous
//! one apart and reuse its parse in place), what converts its ranges, and
//! per symbol the documents that cite it with a date. A new snapshot replaces its document's entry and returns the other
//! documents whose cross-document diagnostics changed because of it: only the
//! documents that cite a symbol whose dated citations changed here are
//! looked at, and only with the citations of the symbols they share, so a
//! keystroke costs the document's own citations plus the shared ones, never
//! all pairs of documents. The check itself is the core's pure
//! [`inconsistent_across`]; ranges into another document are converted with
//! that document's own line index and the position encoding.
//!
//! A document alone in the index has nothing to be compared with: its
//! citations and line index are not kept (a keystroke then costs nothing
//! here, and the next analysis edits the line index in place); they are
//! read from its snapshot, held weakly, when another document is indexed.
//! If that snapshot is being analysed again just then, its document is read
//! when that analysis is indexed, and the documents it affects are
//! published again then.
//!
//! No lock is held across an `.await`: the state calls this under a plain
//! mutex and publishes afterwards.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Weak};

use tower_lsp::lsp_types::{self as lsp, Url};

use super::published::OwnDiagnostics;
use super::snapshot::Snapshot;
use super::to_proto::{self, Positions};
use crate::checks::citations::{inconsistent_across, OtherDocument};
use crate::citations::Citation;
use crate::diagnostic::Severity;

struct Entry {
    /// The snapshot indexed, weakly: to tell whether it is still the
    /// document's newest, without keeping it alive.
    snapshot: Weak<Snapshot>,
    version: i32,
    /// What converts its ranges; `None` while alone (below), so that the
    /// next analysis can edit the snapshot's line index in place.
    positions: Option<Positions>,
    /// The dated, well-formed citations by symbol, in document order;
    /// `None` while the document was the only one indexed (nothing to
    /// compare them with, so a keystroke does not walk every citation), made
    /// from the snapshot when another document comes.
    dated: Option<Dated>,
    /// The document's own diagnostics, converted once per snapshot.
    own: Arc<OwnDiagnostics>,
    /// The cross-document diagnostics last published with them.
    published: Vec<lsp::Diagnostic>,
}

/// What was last indexed for a document, to publish it again.
pub struct Indexed {
    pub snapshot: Weak<Snapshot>,
    pub version: i32,
    pub own: Arc<OwnDiagnostics>,
}

/// What decides the cross-document diagnostics besides the documents: their
/// severity (`None`: turned off) and the workspace root (for the names of
/// documents in messages).
#[derive(Debug, Clone, Copy)]
pub struct CrossSettings<'a> {
    pub severity: Option<Severity>,
    pub root: Option<&'a Path>,
    /// `docs.base`: where the diagnostic pages are.
    pub docs_base: Option<&'a str>,
}

#[derive(Default)]
pub struct CitationIndex {
    docs: HashMap<Url, Entry>,
    by_symbol: HashMap<String, BTreeSet<Url>>,
}

/// Dated citations by symbol (symbols are short: FNV, not SipHash).
type Dated = HashMap<String, Vec<Citation>, rustc_hash::FxBuildHasher>;

/// `dated`, the previous dated citations by symbol, made those of
/// `citations`: lists are overwritten in place, so that a keystroke copies
/// only the citations that changed. Returns the symbols whose list changed
/// and those that are new.
fn update_dated(dated: &mut Dated, citations: &[Citation]) -> (Vec<String>, Vec<String>) {
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    let mut added = Vec::new();
    // How many of each symbol's citations were seen so far.
    let mut seen: HashMap<&str, usize, rustc_hash::FxBuildHasher> = HashMap::default();
    for c in citations {
        if c.date.is_none() || c.malformed.is_some() {
            continue;
        }
        let n = seen.entry(c.symbol.as_str()).or_insert(0);
        match dated.get_mut(c.symbol.as_str()) {
            Some(list) => match list.get_mut(*n) {
                Some(old) if same_but_symbol(old, c) => debug_assert!(old == c),
                Some(old) => {
                    copy_but_symbol(old, c);
                    debug_assert!(old == c);
                    changed.insert(&c.symbol);
                }
                None => {
                    list.push(c.clone());
                    changed.insert(&c.symbol);
                }
            },
            None => {
                dated.insert(c.symbol.clone(), vec![c.clone()]);
                changed.insert(&c.symbol);
                added.push(c.symbol.clone());
            }
        }
        *n += 1;
    }
    // Lists that grew shorter (or went).
    let mut shorter = Vec::new();
    dated.retain(|symbol, list| {
        let n = seen.get(symbol.as_str()).copied().unwrap_or(0);
        if list.len() != n {
            list.truncate(n);
            if !changed.contains(symbol.as_str()) {
                shorter.push(symbol.clone());
            }
        }
        n > 0
    });
    let mut changed: Vec<String> = changed.into_iter().map(String::from).collect();
    changed.append(&mut shorter);
    (changed, added)
}

/// Equality of two citations of one symbol (a list's), without reading
/// the symbols: after an edit most differ only in their ranges, which are
/// compared first.
fn same_but_symbol(a: &Citation, b: &Citation) -> bool {
    a.range == b.range
        && a.date == b.date
        && a.sc_year == b.sc_year
        && a.unit == b.unit
        && a.group == b.group
        && a.reference() == b.reference()
        && a.malformed == b.malformed
}

/// `old.clone_from(new)` for a citation of the same symbol.
fn copy_but_symbol(old: &mut Citation, new: &Citation) {
    let Citation {
        symbol: _,
        kind,
        body,
        session,
        number,
        part,
        range,
        date,
        sc_year,
        group,
        malformed,
        unit,
    } = new;
    old.kind = *kind;
    old.body = *body;
    old.session = *session;
    old.number = *number;
    old.part = *part;
    old.range.clone_from(range);
    old.date.clone_from(date);
    old.sc_year.clone_from(sc_year);
    old.group = *group;
    old.malformed.clone_from(malformed);
    old.unit = *unit;
}

impl CitationIndex {
    /// Replaces the entry of the snapshot's document (its own diagnostics
    /// already converted) and returns the other documents whose
    /// cross-document diagnostics now differ from what was published.
    pub fn update(
        &mut self,
        snapshot: &Arc<Snapshot>,
        own: Arc<OwnDiagnostics>,
        settings: CrossSettings<'_>,
    ) -> Vec<Url> {
        let uri = snapshot.uri.clone();
        let old = self.docs.remove(&uri);
        let (old_dated, published) = match old {
            Some(e) => (e.dated, e.published),
            None => (None, Vec::new()),
        };
        // Alone, a document's citations are compared with no other's: they
        // are read when another document is indexed.
        let alone = self.docs.is_empty();
        let mut changed = Vec::new();
        let dated = if alone {
            for symbol in old_dated.into_iter().flat_map(HashMap::into_keys) {
                self.unlist(&symbol, &uri);
            }
            None
        } else {
            self.read_deferred();
            let mut dated = old_dated.unwrap_or_default();
            let added;
            (changed, added) = update_dated(&mut dated, &snapshot.analysis.citations);
            for symbol in added {
                self.by_symbol
                    .entry(symbol)
                    .or_default()
                    .insert(uri.clone());
            }
            for symbol in &changed {
                if !dated.contains_key(symbol) {
                    self.unlist(symbol, &uri);
                }
            }
            Some(dated)
        };
        self.docs.insert(
            uri.clone(),
            Entry {
                snapshot: Arc::downgrade(snapshot),
                version: snapshot.version,
                positions: dated.is_some().then(|| snapshot.positions()),
                dated,
                own,
                published,
            },
        );
        self.affected(&uri, &changed, settings)
    }

    /// Reads the dated citations of the documents indexed while alone, from
    /// their snapshots. One whose snapshot is being analysed again (taken
    /// apart) is read when that analysis indexes it; its cross-document
    /// diagnostics and the other documents' are published then.
    fn read_deferred(&mut self) {
        for (uri, entry) in &mut self.docs {
            if entry.dated.is_some() {
                continue;
            }
            let Some(snapshot) = entry.snapshot.upgrade() else {
                continue;
            };
            let mut dated = Dated::default();
            let (_, added) = update_dated(&mut dated, &snapshot.analysis.citations);
            for symbol in added {
                self.by_symbol
                    .entry(symbol)
                    .or_default()
                    .insert(uri.clone());
            }
            entry.dated = Some(dated);
            entry.positions = Some(snapshot.positions());
        }
    }

    /// Forgets a closed document; returns the documents whose
    /// cross-document diagnostics now differ from what was published.
    pub fn remove(&mut self, uri: &Url, settings: CrossSettings<'_>) -> Vec<Url> {
        let Some(old) = self.docs.remove(uri) else {
            return Vec::new();
        };
        let changed: Vec<String> = old.dated.into_iter().flat_map(HashMap::into_keys).collect();
        for symbol in &changed {
            self.unlist(symbol, uri);
        }
        self.affected(uri, &changed, settings)
    }

    fn unlist(&mut self, symbol: &str, uri: &Url) {
        if let Some(set) = self.by_symbol.get_mut(symbol) {
            set.remove(uri);
            if set.is_empty() {
                self.by_symbol.remove(symbol);
            }
        }
    }

    /// The documents other than `uri` that cite one of `symbols` with a
    /// date and whose cross-document diagnostics changed.
    fn affected(&self, uri: &Url, symbols: &[String], settings: CrossSettings<'_>) -> Vec<Url> {
        let mut candidates: BTreeSet<&Url> = BTreeSet::new();
        for s in symbols {
            if let Some(set) = self.by_symbol.get(s) {
                candidates.extend(set.iter().filter(|u| *u != uri));
            }
        }
        candidates
            .into_iter()
            .filter(|u| {
                let published = self.docs.get(*u).map(|e| &e.published);
                self.cross(u, settings).as_ref() != published
            })
            .cloned()
            .collect()
    }

    /// The cross-document diagnostics of an indexed document, as they are
    /// now (`None` for a document not indexed).
    pub fn cross(&self, uri: &Url, settings: CrossSettings<'_>) -> Option<Vec<lsp::Diagnostic>> {
        let entry = self.docs.get(uri)?;
        let Some(severity) = settings.severity else {
            return Some(Vec::new());
        };
        // This document's citations of the symbols another document cites,
        // and those other citations, per document (in URI order).
        let mut mine: Vec<Citation> = Vec::new();
        let mut others: std::collections::BTreeMap<&Url, Vec<Citation>> = Default::default();
        for (symbol, list) in entry.dated.iter().flatten() {
            let Some(set) = self.by_symbol.get(symbol) else {
                continue;
            };
            if set.len() < 2 {
                continue;
            }
            mine.extend(list.iter().cloned());
            for other in set.iter().filter(|u| *u != uri) {
                if let Some(list) = self
                    .docs
                    .get(other)
                    .and_then(|o| o.dated.as_ref()?.get(symbol))
                {
                    others
                        .entry(other)
                        .or_default()
                        .extend(list.iter().cloned());
                }
            }
        }
        let (true, Some(here)) = (!mine.is_empty(), &entry.positions) else {
            return Some(Vec::new());
        };
        // In document order, as the core reports within a document.
        mine.sort_by_key(|c| c.range.start);
        for list in others.values_mut() {
            list.sort_by_key(|c| c.range.start);
        }
        let other_docs: Vec<OtherDocument<'_>> = others
            .iter()
            .map(|(u, list)| OtherDocument {
                document: u.as_str(),
                citations: list,
            })
            .collect();
        let found = inconsistent_across(&mine, &other_docs);
        let mut lookup = |doc: &str| {
            let u = Url::parse(doc).ok()?;
            self.docs.get(&u).and_then(|e| e.positions.clone())
        };
        let mut out: Vec<lsp::Diagnostic> = found
            .into_iter()
            .map(|mut d| {
                d.severity = severity;
                // The message names the other document as a drafter knows it.
                for u in others.keys() {
                    if d.message.contains(u.as_str()) {
                        d.message = d
                            .message
                            .replace(u.as_str(), &display_name(u, settings.root));
                    }
                }
                to_proto::diagnostic(here, &d, settings.docs_base, &mut lookup)
            })
            .collect();
        out.sort_by_key(|d| (d.range.start, d.range.end));
        Some(out)
    }

    /// Records what was published for a document: its cross-document
    /// diagnostics (for the next comparison).
    pub fn set_published(&mut self, uri: &Url, cross: Vec<lsp::Diagnostic>) {
        if let Some(e) = self.docs.get_mut(uri) {
            e.published = cross;
        }
    }

    /// The cross-document diagnostics last published for a document.
    pub fn published(&self, uri: &Url) -> Option<&Vec<lsp::Diagnostic>> {
        self.docs.get(uri).map(|e| &e.published)
    }

    /// What was last indexed for a document.
    pub fn indexed(&self, uri: &Url) -> Option<Indexed> {
        self.docs.get(uri).map(|e| Indexed {
            snapshot: e.snapshot.clone(),
            version: e.version,
            own: e.own.clone(),
        })
    }
}

/// How a message names another document: its path under the workspace root,
/// else its file name; a URI that is no file path as it is.
pub fn display_name(uri: &Url, root: Option<&Path>) -> String {
    let Some(path) = to_proto::file_path(uri) else {
        return uri.to_string();
    };
    if let Some(rel) = root.and_then(|r| path.strip_prefix(r).ok()) {
        if !rel.as_os_str().is_empty() {
            return rel.display().to_string();
        }
    }
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| uri.to_string())
}

#[cfg(test)]
mod tests {
    use super::{display_name, update_dated, Dated};
    use crate::features::testing::analysis;
    use std::path::Path;
    use tower_lsp::lsp_types::Url;

    #[test]
    fn documents_are_named_as_a_drafter_knows_them() {
        let u = |s: &str| Url::parse(s).unwrap();
        let root = Some(Path::new("/work/drafts"));
        assert_eq!(
            display_name(&u("file:///work/drafts/ga/b%20c.reso"), root),
            "ga/b c.reso"
        );
        assert_eq!(display_name(&u("file:///elsewhere/a.reso"), root), "a.reso");
        assert_eq!(display_name(&u("file:///elsewhere/a.reso"), None), "a.reso");
        assert_eq!(
            display_name(&u("untitled:Untitled-1"), root),
            "untitled:Untitled-1"
        );
    }

    /// The dated citations kept by symbol, updated in place after an edit,
    /// equal those made afresh, and the symbols said to have changed are
    /// exactly those whose citations differ.
    #[test]
    fn dated_citations_updated_in_place_equal_fresh_ones() {
        let text = include_str!("../../../tests/fixtures/A-RES-66-184.txt");
        let edits: Vec<String> = vec![
            // Typing before every citation: every list moves.
            format!("x{text}"),
            // A date changed, a citation added, one removed.
            text.replacen(
                "65/141 of 20 December 2010",
                "65/141 of 21 December 2010",
                1,
            ),
            text.replacen(
                "Recalling",
                "Recalling its resolution 60/1 of 16 September 2005,\n\nRecalling",
                1,
            ),
            text.replacen("59/220 of 22 December 2004, ", "", 1),
            // Typing after the last citation: nothing changes.
            format!("{text}x"),
        ];
        let fresh = |src: &str| {
            let mut d = Dated::default();
            update_dated(&mut d, &analysis(src).citations);
            d
        };
        let before = fresh(text);
        assert!(
            before.len() > 5,
            "the seed cites {} dated symbols",
            before.len()
        );
        for (k, next) in edits.iter().enumerate() {
            assert_ne!(next, text, "edit {k} changes nothing");
            let mut dated = before.clone();
            let (mut changed, _) = update_dated(&mut dated, &analysis(next).citations);
            let after = fresh(next);
            assert_eq!(dated, after, "edit {k}");
            let mut expected: Vec<String> = before
                .keys()
                .chain(after.keys())
                .filter(|s| before.get(*s) != after.get(*s))
                .cloned()
                .collect();
            expected.sort();
            expected.dedup();
            changed.sort();
            assert_eq!(changed, expected, "edit {k}");
            assert_eq!(changed.is_empty(), k == 4, "edit {k}");
        }
    }
}
