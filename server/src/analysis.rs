//! One full analysis of a draft: parse, recognise citations, run every check.
//!
//! After an edit (`reanalyze`) the diagnostics list is not made again: each
//! diagnostic remembers which check made it, and the old list is walked once,
//! keeping (moved by the edit) those of the checks whose input did not change
//! and merging in the diagnostics of the checks that ran again, so that a
//! keystroke in a long draft copies no diagnostic and allocates for the new
//! ones only.

use crate::catalog::Catalog;
use crate::checks::{self, blocks::BlockChecks, blocks::Resumed, blocks::Walked, footnotes};
use crate::citations::{self, Citation};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::{self, Document, EditSpan, ParseCache};
use crate::un::Date;

#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    /// What the parse keeps for the next edit's re-parse to resume from.
    pub(crate) parse_cache: ParseCache,
    pub citations: Vec<Citation>,
    /// Sorted by range start (then end, code, and the check that made it);
    /// severities already follow the config, codes that are turned off
    /// already removed.
    pub diagnostics: Vec<Diagnostic>,
    /// For each diagnostic, the check that made it (for the next edit).
    origins: Vec<Origin>,
    /// For each diagnostic, its index in the previous analysis's list when it
    /// is that one, moved by the edit or made again the same; empty after a
    /// full analysis.
    previous: Vec<Option<u32>>,
    /// The block-by-block checks' walk, for the next edit to resume.
    pub(crate) block_checks: BlockChecks,
    /// The day the citation checks ran on (`cannot exist yet` depends on it).
    today: Date,
    /// The text with its Markdown markup blanked, which the analysis reads
    /// (`syntax::markup`); `None` when the draft has none.
    reading: Option<String>,
}

impl Analysis {
    /// Where the diagnostic at `i` stood in the previous analysis's list when
    /// it is the same diagnostic (same code, severity and messages) moved by
    /// the edit; `None` for a new one and after a full analysis.
    pub fn previous_index(&self, i: usize) -> Option<usize> {
        self.previous.get(i).copied().flatten().map(|k| k as usize)
    }
}

/// Which check made a diagnostic, in the order a full analysis lists those
/// at the same place: the chapeau check, the footnote checks, the checks of
/// one citation alone (by its index in the list), the checks that read the
/// citations together (by the index of the citation they speak of: one
/// cited with another date than before, one listed after a later one),
/// then the block-by-block checks in walk order (the block whose step made
/// it; the block count for those made after the last block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Chapeau,
    Footnotes,
    Cited(u32),
    Inconsistent(u32),
    Ordered(u32),
    Block(u32),
}

/// The order of the diagnostics list.
fn order(d: &Diagnostic, o: Origin) -> (usize, usize, Code, Origin) {
    (d.range.start, d.range.end, d.code, o)
}

pub fn analyze(src: &str, config: &Config, catalog: &Catalog) -> Analysis {
    let reading = syntax::markup::reading(src);
    let src = reading.as_deref().unwrap_or(src);
    let (doc, parse_cache) = syntax::parse_resumable(src);
    let citations = citations::recognise(src, &doc, config);
    let (block_checks, walked) = BlockChecks::run(src, &doc);
    let today = Date::today();
    let run = Rerun {
        footnotes: true,
        cited: 0..citations.len(),
        together: Together::All,
    };
    let made = made(src, &doc, &citations, walked, &run, config, catalog, today);
    let (diagnostics, origins) = made.into_iter().unzip();
    Analysis {
        doc,
        parse_cache,
        citations,
        diagnostics,
        origins,
        previous: Vec::new(),
        block_checks,
        today,
        reading,
    }
}

/// The analysis of `new_src`, which is the text of `prev` with `edit`
/// applied: the parse is redone around the edit only, the checks across the
/// document run again only if what they read changed. Equal to
/// `analyze(new_src, ...)` when `prev` was made with the same settings and
/// catalogue.
pub fn reanalyze(
    prev: &Analysis,
    new_src: &str,
    edit: &EditSpan,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    reanalyze_owned(prev.clone(), new_src, edit, config, catalog)
}

/// As `reanalyze`, taking the previous analysis so that its parse and its
/// diagnostics are reused in place instead of copied (the keystroke path of
/// the server).
pub fn reanalyze_owned(
    prev: Analysis,
    new_src: &str,
    edit: &EditSpan,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    // The reading text after the edit: the old one with the edit's lines
    // blanked again, or the text itself while it holds no markup.
    // Where the lines blanked again start (above the edit's line when a
    // line's reading reads the lines below it).
    let mut reblanked = edit.start;
    let reading = match prev.reading {
        Some(mut r) if r.len() == prev_len(edit, new_src) => {
            // Room grows by a sixty-fourth of the text, not by doubling it
            // (nor by copying it at each keystroke that outgrows it).
            let grow = new_src.len().saturating_sub(r.capacity());
            if grow > 0 {
                r.reserve_exact(grow + new_src.len() / 64);
            }
            crate::text::splice(
                &mut r,
                edit.start..edit.old_end,
                &new_src[edit.start..edit.new_end],
            );
            reblanked = syntax::markup::reblank(&mut r, new_src, edit.start..edit.new_end);
            Some(r)
        }
        Some(_) => syntax::markup::reading(new_src),
        None if syntax::markup::lines_hold_markup(new_src, edit.start..edit.new_end) => {
            syntax::markup::reading(new_src)
        }
        None => None,
    };
    // The reading text may break a line where the text as written has none
    // (`markup::reading`: a paragraph joined onto the one before it), and
    // re-blanking a line may add or remove such a break before or after the
    // edit: the parse is then redone over the whole lines the edit touched.
    let widened;
    let edit = match reading {
        Some(_) => {
            widened = whole_lines(edit, new_src, reblanked);
            &widened
        }
        None => edit,
    };
    let new_src = reading.as_deref().unwrap_or(new_src);
    let old_organ = prev.doc.organ.clone();
    let (doc, parse_cache) = syntax::reparse((prev.doc, prev.parse_cache), new_src, edit);
    // A list that lost its origins (taken out by a caller) cannot be
    // walked: every check runs again then.
    let intact = prev.diagnostics.len() == prev.origins.len();
    let (block_checks, walked, resumed) = if intact {
        prev.block_checks
            .after(new_src, &doc, parse_cache.changed())
    } else {
        let (checks, walked) = BlockChecks::run(new_src, &doc);
        (checks, walked, None)
    };
    // The citations of `doc`, re-using the old ones when the re-parse says
    // which blocks changed.
    let (citations, citations_same, respliced, old_symbols) = match parse_cache.changed() {
        Some(changed) if doc.organ == old_organ => {
            citations::recognise_after(prev.citations, new_src, &doc, changed, edit, config)
        }
        _ => (
            citations::recognise(new_src, &doc, config),
            false,
            None,
            Vec::new(),
        ),
    };
    let today = Date::today();
    let today_same = today == prev.today;
    // The citations kept in the list keep their own checks' diagnostics.
    let respliced = respliced.filter(|_| intact && today_same);
    let together = match respliced {
        Some(_) if citations_same => Together::Kept,
        Some(r) => {
            // The resolutions the citations read again cite, before the
            // edit and after it.
            let mut symbols = old_symbols;
            symbols.extend(citations[r.at..r.new_end].iter().map(|c| c.symbol.clone()));
            symbols.sort_unstable();
            symbols.dedup();
            Together::Around {
                order: r.at..r.new_end + 1,
                symbols,
            }
        }
        None => Together::All,
    };
    let run = Rerun {
        // After a full parse (no account of what changed) they run again.
        footnotes: !(intact
            && parse_cache
                .changed()
                .is_some_and(|c| footnotes::same_after(&c.footnotes, edit, &doc))),
        cited: respliced.map_or(0..citations.len(), |r| r.at..r.new_end),
        together,
    };
    let made = made(
        new_src, &doc, &citations, walked, &run, config, catalog, today,
    );
    let old = Old {
        edit,
        citations: &citations,
        changed: parse_cache.changed(),
        resumed,
        respliced,
        run,
    };
    let (diagnostics, origins, previous) = if intact {
        old.merge(prev.diagnostics, prev.origins, made)
    } else {
        let (d, o) = made.into_iter().unzip();
        (d, o, Vec::new())
    };
    Analysis {
        doc,
        parse_cache,
        citations,
        diagnostics,
        origins,
        previous,
        block_checks,
        today,
        reading,
    }
}

/// `edit` grown to the whole lines of `new_src` it touches, and up to the
/// line at `from` when that is above (the same change, described over more
/// of the text).
fn whole_lines(edit: &EditSpan, new_src: &str, from: usize) -> EditSpan {
    let b = new_src.as_bytes();
    let start = memchr::memrchr(b'\n', &b[..edit.start.min(from)]).map_or(0, |i| i + 1);
    let new_end = memchr::memchr(b'\n', &b[edit.new_end..]).map_or(b.len(), |i| edit.new_end + i);
    EditSpan {
        start,
        old_end: edit.old_end + (new_end - edit.new_end),
        new_end,
    }
}

/// The length of the text before `edit` made `new_src` of it.
fn prev_len(edit: &EditSpan, new_src: &str) -> usize {
    new_src.len() + (edit.old_end - edit.start) - (edit.new_end - edit.start)
}

/// Which of the checks over the whole document run (again).
#[derive(Debug, Clone)]
struct Rerun {
    footnotes: bool,
    /// The citations whose own checks run.
    cited: std::ops::Range<usize>,
    /// The checks that read the citations together.
    together: Together,
}

/// Which of the checks that read the citations together run (again).
#[derive(Debug, Clone)]
enum Together {
    /// None: the citations read again are the old ones moved, in their
    /// old places in the list.
    Kept,
    /// Over every citation.
    All,
    /// `citation-order` for the citations `order` (each against the one
    /// before it), `citation-inconsistent` for the resolutions `symbols`.
    Around {
        order: std::ops::Range<usize>,
        symbols: Vec<String>,
    },
}

/// The diagnostics the checks make anew: the chapeau check's, those of the
/// footnote and citation checks that `run` names, and the block walk's, as
/// the settings keep them, in the list's order.
#[allow(clippy::too_many_arguments)]
fn made(
    src: &str,
    doc: &Document,
    citations: &[Citation],
    walked: Walked,
    run: &Rerun,
    config: &Config,
    catalog: &Catalog,
    today: Date,
) -> Vec<(Diagnostic, Origin)> {
    let mut out = Vec::new();
    let mut ds = Vec::new();
    let mut take = |ds: &mut Vec<Diagnostic>, o: Origin| {
        out.extend(ds.drain(..).map(|d| (d, o)));
    };
    checks::structure::chapeau(src, doc, config, &mut ds);
    take(&mut ds, Origin::Chapeau);
    if run.footnotes {
        footnotes::check(doc, config, &mut ds);
        take(&mut ds, Origin::Footnotes);
    }
    for i in run.cited.clone() {
        checks::citations::check_one(&citations[i], catalog, today, &mut ds);
        take(&mut ds, Origin::Cited(i as u32));
    }
    let mut inconsistent = Vec::new();
    let mut ordered = Vec::new();
    match &run.together {
        Together::Kept => {}
        Together::All => {
            checks::citations::inconsistent_within(citations, None, &mut inconsistent);
            checks::citations::order(citations, 1..citations.len(), catalog, &mut ordered);
        }
        Together::Around { order, symbols } => {
            let only: Vec<&str> = symbols.iter().map(String::as_str).collect();
            checks::citations::inconsistent_within(citations, Some(&only), &mut inconsistent);
            checks::citations::order(citations, order.clone(), catalog, &mut ordered);
        }
    }
    let at = |i: usize| i as u32;
    out.extend(
        inconsistent
            .into_iter()
            .map(|(i, d)| (d, Origin::Inconsistent(at(i)))),
    );
    out.extend(
        ordered
            .into_iter()
            .map(|(i, d)| (d, Origin::Ordered(at(i)))),
    );
    out.extend(
        walked
            .into_iter()
            .map(|(b, d)| (d, Origin::Block(b as u32))),
    );
    out.retain_mut(|(d, _)| match config.severity(d.code) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    out.sort_by_key(|(d, o)| order(d, *o));
    out
}

/// What became of the old diagnostics' checks after an edit.
struct Old<'a> {
    edit: &'a EditSpan,
    /// The new list of citations.
    citations: &'a [Citation],
    /// The re-parse's account of the blocks it changed (`None`: it re-parsed
    /// the whole text).
    changed: Option<&'a syntax::parser::Changed>,
    /// Which old block-check diagnostics stand (`None`: none).
    resumed: Option<Resumed>,
    /// Where the citations kept in the list went (`None`: every citation's
    /// own checks ran again).
    respliced: Option<citations::Respliced>,
    run: Rerun,
}

/// What becomes of one old diagnostic.
enum Fate {
    /// It stands where it was.
    Stays(Origin),
    /// It stands, moved by the edit.
    Moves(Origin),
    /// Its check ran again.
    Replaced,
}

impl Old<'_> {
    fn fate(&self, o: Origin) -> Fate {
        match o {
            Origin::Chapeau => Fate::Replaced,
            Origin::Footnotes if !self.run.footnotes => Fate::Moves(o),
            Origin::Footnotes => Fate::Replaced,
            Origin::Inconsistent(i) | Origin::Ordered(i) => self.together_fate(o, i as usize),
            Origin::Cited(i) => match self.respliced.and_then(|r| r.new_index(i as usize)) {
                Some(j) => Fate::Moves(Origin::Cited(j as u32)),
                None => Fate::Replaced,
            },
            Origin::Block(j) => match (self.resumed, self.changed) {
                (Some(r), _) if (j as usize) < r.from => Fate::Stays(o),
                (Some(Resumed { met: Some(at), .. }), Some(c)) if j as usize >= at => Fate::Moves(
                    Origin::Block((j as usize).wrapping_add_signed(c.block_delta) as u32),
                ),
                _ => Fate::Replaced,
            },
        }
    }

    /// The fate of a diagnostic of the checks that read the citations
    /// together, about old citation `i`.
    fn together_fate(&self, o: Origin, i: usize) -> Fate {
        let (r, symbols) = match (&self.run.together, self.respliced) {
            // The same citations in the same places: nothing to renumber.
            (Together::Kept, _) => return Fate::Moves(o),
            (Together::Around { symbols, .. }, Some(r)) => (r, symbols),
            _ => return Fate::Replaced,
        };
        let Some(j) = r.new_index(i) else {
            return Fate::Replaced;
        };
        match o {
            // A citation kept after those read again is compared with a new
            // one when it follows them at once.
            Origin::Ordered(_) if i == r.old_end => Fate::Replaced,
            Origin::Ordered(_) => Fate::Moves(Origin::Ordered(j as u32)),
            _ if symbols.binary_search(&self.citations[j].symbol).is_ok() => Fate::Replaced,
            _ => Fate::Moves(Origin::Inconsistent(j as u32)),
        }
    }

    /// Where old byte offset `at` lies after the edit (where the edit began
    /// for one inside the text it replaced).
    fn moved(&self, o: Origin, at: usize) -> usize {
        match (o, self.changed) {
            (Origin::Block(_), Some(c)) => c.new_offset(at),
            _ => self.edit.map_offset(at).unwrap_or(at),
        }
    }

    /// The new list: the old diagnostics that stand (moved) and `made`
    /// (sorted), merged in one walk of the old list, which it consumes. A
    /// made diagnostic that equals a replaced old one moved is noted as that
    /// one in the third list.
    ///
    /// The walk moves the old diagnostics in place and only plans the
    /// merge; the list is then edited where the plan departs from it (the
    /// replaced diagnostics out, the made ones in), so that the thousands
    /// of diagnostics that stand are neither copied nor moved one by one.
    fn merge(
        &self,
        mut old: Vec<Diagnostic>,
        mut origins: Vec<Origin>,
        made: Vec<(Diagnostic, Origin)>,
    ) -> (Vec<Diagnostic>, Vec<Origin>, Vec<Option<u32>>) {
        let n_old = old.len();
        // The new list in order: an old diagnostic by its index, a made
        // one by its index in `made`.
        let mut plan: Vec<Pick> = Vec::with_capacity(n_old + made.len());
        // Whether the list comes out in order, seen as it is planned (the
        // last one planned is at hand; a second walk over the whole list
        // after it was a fortieth of a keystroke on a long draft).
        let mut sorted = true;
        let mut last: Option<(usize, usize, Code, Origin)> = None;
        let mut note = |plan: &mut Vec<Pick>, pick: Pick, at: (usize, usize, Code, Origin)| {
            if let Some(l) = last {
                sorted &= l <= at;
            }
            last = Some(at);
            plan.push(pick);
        };
        // Which old diagnostic each made one equals (by its index in `made`).
        let mut was: Vec<Option<u32>> = vec![None; made.len()];
        let mut emitted = 0;
        for k in 0..n_old {
            let o = origins[k];
            let d = &mut old[k];
            let o = match self.fate(o) {
                Fate::Stays(o) => o,
                Fate::Moves(new) => {
                    d.map_offsets(|at| self.moved(o, at));
                    new
                }
                Fate::Replaced => {
                    // Moved as its check would have made it again, it can
                    // be compared with what the check made.
                    d.map_offsets(|at| self.moved(o, at));
                    let key = (d.range.start, d.range.end, d.code);
                    let left = &made[emitted..];
                    let from =
                        left.partition_point(|(m, _)| (m.range.start, m.range.end, m.code) < key);
                    let twin = left[from..]
                        .iter()
                        .enumerate()
                        .take_while(|(_, (m, _))| (m.range.start, m.range.end, m.code) == key)
                        .find(|(j, (m, mo))| {
                            was[emitted + from + j].is_none()
                                && std::mem::discriminant(mo) == std::mem::discriminant(&o)
                                && m == d
                        });
                    if let Some((j, _)) = twin {
                        was[emitted + from + j] = Some(k as u32);
                    }
                    continue;
                }
            };
            origins[k] = o;
            let at = order(d, o);
            while made.get(emitted).is_some_and(|(m, mo)| order(m, *mo) < at) {
                let (m, mo) = &made[emitted];
                note(&mut plan, Pick::Made(emitted), order(m, *mo));
                emitted += 1;
            }
            note(&mut plan, Pick::Old(k), at);
        }
        for (j, (m, mo)) in made.iter().enumerate().skip(emitted) {
            note(&mut plan, Pick::Made(j), order(m, *mo));
        }
        let previous: Vec<Option<u32>> = plan
            .iter()
            .map(|p| match *p {
                Pick::Old(k) => Some(k as u32),
                Pick::Made(j) => was[j],
            })
            .collect();
        let mut made: Vec<Option<(Diagnostic, Origin)>> = made.into_iter().map(Some).collect();
        let mut take_made = |j: usize| made[j].take().expect("each made diagnostic planned once");
        // Where the plan departs from the old list: the old diagnostics
        // `removed` give way to the made ones `inserted`.
        struct Gap {
            removed: std::ops::Range<usize>,
            inserted: Vec<usize>,
        }
        let mut gaps: Vec<Gap> = Vec::new();
        let mut next_old = 0;
        for pick in &plan {
            match *pick {
                Pick::Old(k) => {
                    if k != next_old {
                        match gaps.last_mut() {
                            Some(g) if g.removed.end == next_old => g.removed.end = k,
                            _ => gaps.push(Gap {
                                removed: next_old..k,
                                inserted: Vec::new(),
                            }),
                        }
                    }
                    next_old = k + 1;
                }
                Pick::Made(j) => match gaps.last_mut() {
                    Some(g) if g.removed.end == next_old => g.inserted.push(j),
                    _ => gaps.push(Gap {
                        removed: next_old..next_old,
                        inserted: vec![j],
                    }),
                },
            }
        }
        if next_old != n_old {
            match gaps.last_mut() {
                Some(g) if g.removed.end == next_old => g.removed.end = n_old,
                _ => gaps.push(Gap {
                    removed: next_old..n_old,
                    inserted: Vec::new(),
                }),
            }
        }
        // An edit can make two old places one, and the order of what stood
        // there then follows the rest of the key: the rare list that came
        // out of order (or one changed in many places) is made afresh.
        if !sorted || gaps.len() > 8 {
            let mut slots: Vec<Option<Diagnostic>> = old.into_iter().map(Some).collect();
            let mut all: Vec<((Diagnostic, Origin), Option<u32>)> = plan
                .iter()
                .zip(previous)
                .map(|(pick, p)| match *pick {
                    Pick::Old(k) => (
                        (
                            slots[k].take().expect("each old diagnostic planned once"),
                            origins[k],
                        ),
                        p,
                    ),
                    Pick::Made(j) => (take_made(j), p),
                })
                .collect();
            if !sorted {
                all.sort_by_key(|((d, o), _)| order(d, *o));
            }
            let (mut d, mut o, mut p) = (
                Vec::with_capacity(all.len()),
                Vec::with_capacity(all.len()),
                Vec::with_capacity(all.len()),
            );
            for ((dd, oo), pp) in all {
                d.push(dd);
                o.push(oo);
                p.push(pp);
            }
            return (d, o, p);
        }
        // From the last gap to the first, so that the places of the
        // earlier ones hold.
        for g in gaps.into_iter().rev() {
            let mut ds = Vec::with_capacity(g.inserted.len());
            let mut os = Vec::with_capacity(g.inserted.len());
            for j in g.inserted {
                let (d, o) = take_made(j);
                ds.push(d);
                os.push(o);
            }
            old.splice(g.removed.clone(), ds);
            origins.splice(g.removed, os);
        }
        debug_assert_eq!(old.len(), previous.len());
        (old, origins, previous)
    }
}

/// One diagnostic of the merged list: an old one, by its index in the old
/// list, or a made one, by its index in the made list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Old(usize),
    Made(usize),
}

/// 1-based line and character column of a byte offset (as `reso check` and
/// rustc count them).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = src.floor_char_boundary(offset.min(src.len()));
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Diagnostics as a reader sees them, one a line:
/// `316:14-316:16 error[footnote-undefined] footnote 21 is referenced but never defined`.
pub fn render_diagnostics(src: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (l1, c1) = line_col(src, d.range.start);
        let (l2, c2) = line_col(src, d.range.end);
        out.push_str(&format!(
            "{l1}:{c1}-{l2}:{c2} {}[{}] {}\n",
            d.severity, d.code, d.message
        ));
    }
    out
}

#[cfg(test)]
mod tests;
