//! Layout invariance (issue 9, item 2): a resolution reads the same whatever
//! layout PDF extraction gave it.
//!
//! For every text in tests/fixtures, the generator in `relayout` rebuilds a
//! clean canonical text from its parse and re-lays it, from fixed seeds, in
//! each layout of SPEC section 2 (blank-line, line, paragraph, indented). The
//! analysis of every re-laid text must equal the analysis of the canonical one
//! in: the blocks' kinds, parts and order (furniture, blank lines and the
//! position of footnote blocks aside), their markers (OP numbers, sub-paragraph
//! markers), openers and words; the footnote definitions (numbers and words)
//! and references (numbers, in order, and the paragraph that holds each); and
//! the diagnostics by code, paragraph and message. The canonical text is also
//! compared with the fixture as it is.
//!
//! A failure prints the case (fixture, layout, seed), the first difference,
//! and a reproducer reduced by delta debugging over the text's paragraphs,
//! footnotes and page breaks.
//!
//! Environment: `RESO_LAYOUT_CASES=N` runs N seeds per fixture and layout
//! (default 1), `RESO_LAYOUT_SEED=S` changes the base seed, `RESO_LAYOUT_ONLY=s`
//! runs the cases whose name contains `s`, `RESO_LAYOUT_SAVE=1` writes every
//! re-laid text to target/tmp/relayout/ (failing ones are always written). Besides the seeded cases, the
//! `PINNED` cases always run.

mod relayout;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use relayout::{hash_str, relayout, splitmix, Laid, Layout, Model, Stats, Tag};
use reso::analysis::analyze;
use reso::catalog::Catalog;
use reso::config::Config;
use reso::syntax::{BlockKind, Document, MarkerKind, Part};

/// Cases that fail because the parser reads a layout the SPEC describes
/// differently from the canonical text. Each names its finding; a fixed
/// finding becomes a minimal text in tests/fixtures/regressions/ with its
/// expected reading asserted in `parser_regressions.rs` (F1..F7 so far; see
/// docs/ARCHITECTURE.md). A name is the case's (`fixture layout seed`), or
/// `fixture layout *` for every seed. A skipped case that passes fails the
/// test: remove its line when the finding is fixed.
const SKIPS: &[(&str, &str)] = &[];

/// Cases that always run besides the seeded ones: each showed a finding on a
/// seed CI does not draw (`fixture layout seed`). Once the finding is fixed
/// they stay as regression cases.
const PINNED: &[&str] = &[
    "ga80/A-RES-80-6.txt indented 0x142deb7572613c37",
    "ga80/A-RES-80-5.txt line 0xdfa0e554c88c34db",
    "drafts/hrc-negotiation-crlf.reso indented 0xd5b7c769016fd6c6",
    "S-RES-1454-2002.txt line 0x9ef7091d3bf18308",
];

const DEFAULT_CASES: usize = 1;
const DEFAULT_SEED: u64 = 0x5eed_1a70;

// ---------------------------------------------------------------------------
// What must not depend on the layout.

#[derive(Debug, Clone, PartialEq, Eq)]
struct BlockSig {
    kind: BlockKind,
    part: Part,
    marker: Option<String>,
    level: u8,
    parent: Option<usize>,
    opener: Option<String>,
    words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Anchor {
    /// Index in `Summary::blocks`.
    Block(usize),
    Footnote(u32),
    StarNote,
    Furniture,
    Elsewhere,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct DiagSig {
    code: String,
    anchor: Anchor,
    message: String,
}

#[derive(Debug, Clone)]
struct Summary {
    organ: Option<String>,
    blocks: Vec<BlockSig>,
    /// Byte spans of `blocks` in the text (for excerpts).
    spans: Vec<Range<usize>>,
    defs: Vec<(u32, String)>,
    star_notes: Vec<String>,
    refs: Vec<(u32, usize)>,
    diags: Vec<DiagSig>,
}

/// Words joined by single spaces; a hyphen or dash glued to a letter or digit
/// at the end of a word joins the next word (a word broken across lines).
fn words(s: &str) -> String {
    let mut out = String::new();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            let glued = out.ends_with(['-', '–'])
                && out
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| c.is_alphanumeric());
            if !glued {
                out.push(' ');
            }
        }
        out.push_str(w);
    }
    out
}

fn ignored(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Blank | BlockKind::Furniture | BlockKind::FootnoteDef | BlockKind::StarNote
    )
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The analysis of `src`, or the message of the panic it caused (a panic is
/// a failure of its own: the parser must never fail).
fn summarize(src: &str) -> Result<Summary, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                prev(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(|| {
        let a = analyze(src, &Config::default(), Catalog::builtin());
        summarize_doc(src, &a.doc, &a.diagnostics)
    });
    QUIET.with(|q| q.set(false));
    r.map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

fn summarize_doc(src: &str, doc: &Document, diags: &[reso::diagnostic::Diagnostic]) -> Summary {
    let mut sig_of = vec![None; doc.blocks.len()];
    let mut blocks = Vec::new();
    let mut spans = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if ignored(b.kind) {
            continue;
        }
        sig_of[i] = Some(blocks.len());
        blocks.push(BlockSig {
            kind: b.kind,
            part: b.part,
            marker: b.marker.as_ref().map(|m| {
                let kind = match &m.kind {
                    MarkerKind::Number { n, suffix } => {
                        format!("number {n}{}", suffix.as_deref().unwrap_or(""))
                    }
                    MarkerKind::Sub { level, ordinal } => format!("sub {level}.{ordinal}"),
                };
                format!("{kind} `{}`", &src[b.marker_range().unwrap_or_default()])
            }),
            level: b.level,
            parent: b.parent(),
            opener: b.opener.as_ref().map(|o| {
                format!(
                    "{}{}",
                    words(&o.phrase),
                    match o.kind {
                        Some(k) => format!(" ({k:?})"),
                        None => " (unknown)".into(),
                    }
                )
            }),
            words: words(&doc.block_text(src, i)),
        });
        spans.push(b.span());
    }
    for s in &mut blocks {
        s.parent = s.parent.and_then(|p| sig_of.get(p).copied().flatten());
    }
    let defs = doc
        .footnote_defs
        .iter()
        .map(|d| {
            let text: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
            (d.number, words(&text.join(" ")))
        })
        .collect();
    let star_notes = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::StarNote)
        .map(|(i, _)| words(&doc.block_text(src, i)))
        .collect();
    let anchor_of = |offset: usize| -> Anchor {
        match doc.block_at(offset) {
            Some(b) => match (sig_of[b], doc.blocks[b].kind) {
                (Some(s), _) => Anchor::Block(s),
                (None, BlockKind::FootnoteDef) => doc
                    .footnote_defs
                    .iter()
                    .find(|d| d.block == b)
                    .map_or(Anchor::Elsewhere, |d| Anchor::Footnote(d.number)),
                (None, BlockKind::StarNote) => Anchor::StarNote,
                (None, BlockKind::Furniture) => Anchor::Furniture,
                _ => Anchor::Elsewhere,
            },
            None => Anchor::Elsewhere,
        }
    };
    let refs = doc
        .footnote_refs
        .iter()
        .map(|r| (r.number, sig_of[r.block].unwrap_or(usize::MAX)))
        .collect();
    let mut diag_sigs: Vec<DiagSig> = diags
        .iter()
        .map(|d| DiagSig {
            code: d.code.as_str().to_string(),
            anchor: anchor_of(d.range.start),
            message: d.message.clone(),
        })
        .collect();
    diag_sigs.sort();
    Summary {
        organ: doc.organ.as_ref().map(|o| o.name().to_string()),
        blocks,
        spans,
        defs,
        star_notes,
        refs,
        diags: diag_sigs,
    }
}

#[derive(Debug, Clone)]
struct Difference {
    what: String,
    key: String,
    canonical: String,
    relaid: String,
    /// Where the re-laid text shows it.
    span: Option<Range<usize>>,
}

fn show_block(s: &Summary, i: usize) -> String {
    match s.blocks.get(i) {
        None => "(no block)".into(),
        Some(b) => {
            let mut t = format!("#{i} {:?} {:?}", b.kind, b.part);
            if let Some(m) = &b.marker {
                let _ = write!(t, " marker {m}");
            }
            if b.level > 0 {
                let _ = write!(t, " level {} parent {:?}", b.level, b.parent);
            }
            if let Some(o) = &b.opener {
                let _ = write!(t, " opener {o}");
            }
            let w: String = b.words.chars().take(160).collect();
            let more = if b.words.chars().count() > 160 {
                " …"
            } else {
                ""
            };
            let _ = write!(t, " | {w}{more}");
            t
        }
    }
}

fn compare(c: &Result<Summary, String>, r: &Result<Summary, String>) -> Vec<Difference> {
    match (c, r) {
        (Ok(c), Ok(r)) => compare_ok(c, r),
        (Err(a), Err(b)) if a == b => Vec::new(),
        _ => vec![Difference {
            what: "a panic of the analysis".into(),
            canonical: c.as_ref().err().cloned().unwrap_or("no panic".into()),
            relaid: r.as_ref().err().cloned().unwrap_or("no panic".into()),
            span: None,
            key: "panic".into(),
        }],
    }
}

/// Which fields of two block signatures differ.
fn block_key(c: Option<&BlockSig>, r: Option<&BlockSig>) -> String {
    match (c, r) {
        (Some(c), Some(r)) => {
            let mut fields = Vec::new();
            for (name, differs) in [
                ("kind", c.kind != r.kind),
                ("part", c.part != r.part),
                ("marker", c.marker != r.marker),
                ("level", c.level != r.level),
                ("parent", c.parent != r.parent),
                ("opener", c.opener != r.opener),
                ("words", c.words != r.words),
            ] {
                if differs {
                    fields.push(name);
                }
            }
            format!("blocks {:?}/{:?} {}", c.kind, r.kind, fields.join(","))
        }
        (Some(c), None) => format!("blocks {:?}/missing", c.kind),
        (None, Some(r)) => format!("blocks extra/{:?}", r.kind),
        (None, None) => "blocks".into(),
    }
}

/// The words of two texts from a little before the first place they differ.
fn word_diff(a: &str, b: &str) -> (String, String) {
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let common = (0..=common)
        .rev()
        .find(|&i| a.is_char_boundary(i) && b.is_char_boundary(i))
        .unwrap_or(0);
    let from = a[..common]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let cut = |s: &str| -> String {
        let tail: String = s[common..].chars().take(70).collect();
        let more = if s[common..].chars().count() > 70 {
            "…"
        } else {
            ""
        };
        format!("…{}⟦{tail}{more}⟧", &s[from..common])
    };
    (cut(a), cut(b))
}

fn compare_ok(c: &Summary, r: &Summary) -> Vec<Difference> {
    let mut out = Vec::new();
    if c.organ != r.organ {
        out.push(Difference {
            what: "organ".into(),
            canonical: format!("{:?}", c.organ),
            relaid: format!("{:?}", r.organ),
            span: None,
            key: "organ".into(),
        });
    }
    if c.blocks != r.blocks {
        let i = (0..c.blocks.len().max(r.blocks.len()))
            .find(|&i| c.blocks.get(i) != r.blocks.get(i))
            .unwrap_or(0);
        let (cb, rb) = (c.blocks.get(i), r.blocks.get(i));
        let (mut cs, mut rs) = (show_block(c, i), show_block(r, i));
        if let (Some(x), Some(y)) = (cb, rb) {
            if x.words != y.words {
                let (a, b) = word_diff(&x.words, &y.words);
                cs = format!("{cs}\n      words: {a}");
                rs = format!("{rs}\n      words: {b}");
            }
        }
        out.push(Difference {
            what: format!(
                "blocks (canonical {}, re-laid {}; first difference at block {i})",
                c.blocks.len(),
                r.blocks.len()
            ),
            canonical: cs,
            relaid: rs,
            span: r.spans.get(i).cloned(),
            key: block_key(cb, rb),
        });
        // Blocks decide everything else: report the rest only when they agree.
        return out;
    }
    if c.defs != r.defs {
        let i = (0..c.defs.len().max(r.defs.len()))
            .find(|&i| c.defs.get(i) != r.defs.get(i))
            .unwrap_or(0);
        out.push(Difference {
            what: format!(
                "footnote definitions (canonical {}, re-laid {})",
                c.defs.len(),
                r.defs.len()
            ),
            canonical: format!("{:?}", c.defs.get(i)),
            relaid: format!("{:?}", r.defs.get(i)),
            span: None,
            key: "footnote definitions".into(),
        });
    }
    if c.star_notes != r.star_notes {
        out.push(Difference {
            what: "star notes".into(),
            canonical: format!("{:?}", c.star_notes),
            relaid: format!("{:?}", r.star_notes),
            span: None,
            key: "star notes".into(),
        });
    }
    if c.refs != r.refs {
        let i = (0..c.refs.len().max(r.refs.len()))
            .find(|&i| c.refs.get(i) != r.refs.get(i))
            .unwrap_or(0);
        let show = |s: &Summary| match s.refs.get(i) {
            Some((n, b)) => format!("reference {n} in {}", show_block(s, *b)),
            None => "(none)".into(),
        };
        out.push(Difference {
            what: format!(
                "footnote references (canonical {:?}, re-laid {:?})",
                c.refs.iter().map(|r| r.0).collect::<Vec<_>>(),
                r.refs.iter().map(|r| r.0).collect::<Vec<_>>()
            ),
            canonical: show(c),
            relaid: show(r),
            span: r.refs.get(i).and_then(|(_, b)| r.spans.get(*b).cloned()),
            key: "footnote references".into(),
        });
    }
    if c.diags != r.diags {
        let cs: HashSet<&DiagSig> = c.diags.iter().collect();
        let rs: HashSet<&DiagSig> = r.diags.iter().collect();
        let missing: Vec<&&DiagSig> = cs.difference(&rs).collect();
        let extra: Vec<&&DiagSig> = rs.difference(&cs).collect();
        let show = |d: &DiagSig, s: &Summary| {
            let at = match d.anchor {
                Anchor::Block(b) => show_block(s, b),
                ref a => format!("{a:?}"),
            };
            format!("{}: {} — at {at}", d.code, d.message)
        };
        let span = extra.first().and_then(|d| match d.anchor {
            Anchor::Block(b) => r.spans.get(b).cloned(),
            _ => None,
        });
        let code = missing
            .first()
            .or(extra.first())
            .map_or(String::new(), |d| d.code.clone());
        out.push(Difference {
            what: format!("diagnostics ({code})"),
            canonical: missing
                .iter()
                .map(|d| show(d, c))
                .collect::<Vec<_>>()
                .join("\n      "),
            relaid: extra
                .iter()
                .map(|d| show(d, r))
                .collect::<Vec<_>>()
                .join("\n      "),
            span,
            key: format!("diagnostics {code}"),
        });
    }
    out
}

/// What a reduced case must still show to count as the same failure: the
/// kind of difference and, for blocks, the kinds of the two blocks and the
/// fields that differ; for diagnostics, the code.
fn category(d: &Difference) -> String {
    d.key.clone()
}

// ---------------------------------------------------------------------------
// Reducing a failure to a small reproducer.

struct Reduced {
    canonical: String,
    relaid: String,
    diffs: Vec<Difference>,
}

fn reduce(model: &Model, laid: &Laid, want: &str) -> Option<Reduced> {
    let canonical = model.canonical();
    let mut units: Vec<Tag> = Vec::new();
    for (_, t) in &laid.lines {
        if !matches!(t, Tag::Blank | Tag::Chapeau) && !units.contains(t) {
            units.push(*t);
        }
    }
    let checks = std::cell::Cell::new(0usize);
    let collapse = std::cell::Cell::new(true);
    let attempt = |keep: &[Tag]| -> Option<Reduced> {
        checks.set(checks.get() + 1);
        let set: HashSet<Tag> = keep.iter().copied().collect();
        let keep_fn = |t: Tag| set.contains(&t);
        let c = canonical.text_filtered(&keep_fn, collapse.get());
        let r = laid.text_filtered(&keep_fn, collapse.get());
        let diffs = compare(&summarize(&c), &summarize(&r));
        (diffs.first().is_some_and(|d| category(d) == want)).then_some(Reduced {
            canonical: c,
            relaid: r,
            diffs,
        })
    };
    // Runs of blank lines collapsed, unless the failure needs them.
    let mut best = match attempt(&units) {
        Some(b) => b,
        None => {
            collapse.set(false);
            attempt(&units)?
        }
    };
    let mut n = 2usize;
    while units.len() >= 2 && checks.get() < 1500 {
        let chunk = units.len().div_ceil(n);
        let mut removed = false;
        for start in (0..units.len()).step_by(chunk) {
            let keep: Vec<Tag> = units
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < start || *i >= start + chunk)
                .map(|(_, t)| *t)
                .collect();
            if let Some(r) = attempt(&keep) {
                units = keep;
                best = r;
                removed = true;
                break;
            }
        }
        if removed {
            n = (n - 1).max(2);
        } else if n >= units.len() {
            break;
        } else {
            n = (n * 2).min(units.len());
        }
    }
    Some(best)
}

fn numbered(text: &str, mark: Option<Range<usize>>) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let l = line.trim_end_matches(['\n', '\r']);
        let hit = mark
            .as_ref()
            .is_some_and(|m| m.start < pos + line.len() && pos <= m.end);
        let _ = writeln!(out, "  {}{:>4} |{l}", if hit { '>' } else { ' ' }, i + 1);
        pos += line.len();
    }
    out
}

fn excerpt(text: &str, span: &Range<usize>, context: usize) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut pos = 0;
    let (mut first, mut last) = (None, 0);
    for (i, l) in lines.iter().enumerate() {
        if span.start < pos + l.len() && pos <= span.end {
            first.get_or_insert(i);
            last = i;
        }
        pos += l.len();
    }
    let first = first.unwrap_or(0);
    let from = first.saturating_sub(context);
    let to = (last + context + 1).min(lines.len());
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        let mark = if (first..=last).contains(&i) {
            '>'
        } else {
            ' '
        };
        let _ = writeln!(
            out,
            "  {mark}{:>4} |{}",
            i + 1,
            l.trim_end_matches(['\n', '\r'])
        );
    }
    out
}

// ---------------------------------------------------------------------------
// The cases.

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Every resolution text under tests/fixtures (`.txt` and `.reso`), but
/// the compendia: the re-layout puts one title in the running head of every
/// page, where a compendium's pages repeat the title of their own resolution
/// (`tests/compendium.rs` holds what a compendium must read as).
fn fixtures() -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("compendium") {
                    walk(&p, base, out);
                }
            } else if p.extension().is_some_and(|x| x == "txt" || x == "reso") {
                if let Ok(rel) = p.strip_prefix(base) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    let base = fixtures_dir();
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    out.sort();
    out
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.trim().parse().ok()
}

fn env_seed() -> u64 {
    std::env::var("RESO_LAYOUT_SEED")
        .ok()
        .and_then(|s| {
            let s = s.trim();
            match s.strip_prefix("0x") {
                Some(h) => u64::from_str_radix(h, 16).ok(),
                None => s.parse().ok(),
            }
        })
        .unwrap_or(DEFAULT_SEED)
}

struct Case {
    name: String,
    fixture: String,
    layout: Layout,
    seed: u64,
}

fn cases_for(fixture: &str, per_layout: usize, base: u64) -> Vec<Case> {
    let mut out = Vec::new();
    for layout in Layout::ALL {
        for i in 0..per_layout {
            let seed = splitmix(
                base ^ hash_str(fixture) ^ hash_str(layout.name()).rotate_left(17) ^ i as u64,
            );
            out.push(Case {
                name: format!("{fixture} {} {seed:#018x}", layout.name()),
                fixture: fixture.to_string(),
                layout,
                seed,
            });
        }
    }
    out
}

/// A case from its name, `fixture layout seed`.
fn case_named(name: &str) -> Option<Case> {
    let mut parts = name.rsplitn(3, ' ');
    let seed = u64::from_str_radix(parts.next()?.strip_prefix("0x")?, 16).ok()?;
    let layout_name = parts.next()?;
    let fixture = parts.next()?;
    let layout = Layout::ALL.into_iter().find(|l| l.name() == layout_name)?;
    Some(Case {
        name: name.to_string(),
        fixture: fixture.to_string(),
        layout,
        seed,
    })
}

fn skip_of(name: &str) -> Option<&'static str> {
    SKIPS.iter().find_map(|(pat, finding)| {
        let hit = match pat.strip_suffix(" *") {
            Some(prefix) => name.starts_with(&format!("{prefix} ")),
            None => *pat == name,
        };
        hit.then_some(*finding)
    })
}

struct Loaded {
    model: Model,
    canonical: String,
    summary: Result<Summary, String>,
}

fn load_model(fixture: &str) -> (String, Model) {
    let path = fixtures_dir().join(fixture);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let doc = reso::syntax::parse(&src);
    let model = Model::from_parse(&src, &doc, fixture);
    (src, model)
}

fn load(fixture: &str) -> (String, Loaded) {
    let (src, model) = load_model(fixture);
    let canonical = model.canonical().text();
    let summary = summarize(&canonical);
    (
        src,
        Loaded {
            model,
            canonical,
            summary,
        },
    )
}

fn report(case: &str, layout: &str, seed: Option<u64>, diffs: &[Difference], text: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n=== {case}");
    let _ = writeln!(
        out,
        "layout {layout}{}",
        seed.map_or(String::new(), |s| format!(", seed {s:#018x}"))
    );
    for d in diffs {
        let _ = writeln!(out, "  differs in {}", d.what);
        let _ = writeln!(out, "    canonical: {}", d.canonical);
        let _ = writeln!(out, "    re-laid:   {}", d.relaid);
        if let Some(span) = &d.span {
            let _ = writeln!(out, "    where (re-laid text):");
            out.push_str(&excerpt(text, span, 3));
        }
    }
    out
}

fn save(name: &str, text: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("relayout");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(
        name.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
            + ".txt",
    );
    let _ = std::fs::write(&file, text);
    file.display().to_string()
}

#[test]
fn analysis_is_the_same_in_every_layout() {
    let per_layout = env_usize("RESO_LAYOUT_CASES").unwrap_or(DEFAULT_CASES);
    let base = env_seed();
    let only = std::env::var("RESO_LAYOUT_ONLY").ok();
    let save_all = std::env::var_os("RESO_LAYOUT_SAVE").is_some();
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    let (mut passed, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    for fixture in fixtures() {
        let source_name = format!("{fixture} source");
        let mut cases = cases_for(&fixture, per_layout, base);
        for pinned in PINNED {
            let case = case_named(pinned).unwrap_or_else(|| panic!("bad pinned case {pinned}"));
            if case.fixture == fixture && !cases.iter().any(|c| c.name == case.name) {
                cases.push(case);
            }
        }
        if !wanted(&source_name) && !cases.iter().any(|c| wanted(&c.name)) {
            continue;
        }
        cases.retain(|c| wanted(&c.name));
        let (src, l) = load(&fixture);

        // The fixture as it is, against its canonical text.
        if wanted(&source_name) {
            let diffs = compare(&l.summary, &summarize(&src));
            match (skip_of(&source_name), diffs.is_empty()) {
                (Some(f), true) => stale.push(format!("{source_name} (finding {f})")),
                (Some(_), false) => skipped += 1,
                (None, true) => passed += 1,
                (None, false) => failures.push(report(
                    &source_name,
                    "as in the fixture",
                    None,
                    &diffs,
                    &src,
                )),
            }
        }

        for case in cases {
            let (laid, _) = relayout(&l.model, case.layout, case.seed);
            let text = laid.text();
            if save_all {
                save(&case.name, &text);
                save(&format!("{} canonical", case.fixture), &l.canonical);
            }
            let diffs = compare(&l.summary, &summarize(&text));
            match (skip_of(&case.name), diffs.is_empty()) {
                (Some(f), true) => stale.push(format!("{} (finding {f})", case.name)),
                (Some(_), false) => skipped += 1,
                (None, true) => passed += 1,
                (None, false) => {
                    let mut r = report(
                        &case.name,
                        case.layout.name(),
                        Some(case.seed),
                        &diffs,
                        &text,
                    );
                    let full = save(&case.name, &text);
                    let _ = save(&format!("{} canonical", case.fixture), &l.canonical);
                    if let Some(red) = reduce(&l.model, &laid, &category(&diffs[0])) {
                        let _ = writeln!(r, "  reduced re-laid text:");
                        let mark = red.diffs.first().and_then(|d| d.span.clone());
                        r.push_str(&numbered(&red.relaid, mark));
                        let _ = writeln!(r, "  reduced canonical text:");
                        r.push_str(&numbered(&red.canonical, None));
                        for d in &red.diffs {
                            let _ = writeln!(r, "  reduced case differs in {}", d.what);
                            let _ = writeln!(r, "    canonical: {}", d.canonical);
                            let _ = writeln!(r, "    re-laid:   {}", d.relaid);
                        }
                    }
                    let _ = writeln!(r, "  full re-laid text: {full}");
                    let _ = writeln!(
                        r,
                        "  rerun: RESO_LAYOUT_ONLY='{}' cargo test --test prop_layout -- --nocapture",
                        case.name
                    );
                    failures.push(r);
                }
            }
        }
    }
    eprintln!(
        "layout invariance: {passed} cases pass, {skipped} skipped (known parser findings), {} fail, {} stale skips",
        failures.len(),
        stale.len()
    );
    let mut msg = String::new();
    for f in &failures {
        msg.push_str(f);
    }
    if !stale.is_empty() {
        let _ = writeln!(
            msg,
            "\nThese skipped cases pass now: remove them from SKIPS in server/tests/prop_layout.rs:"
        );
        for s in &stale {
            let _ = writeln!(msg, "  {s}");
        }
    }
    assert!(
        failures.is_empty() && stale.is_empty(),
        "{} cases differ from their canonical text:{msg}",
        failures.len()
    );
}

/// The generator keeps every word, and lays out what the property is about:
/// pages, paragraphs split across them, footnotes in mid-paragraph, operative
/// numbers alone, running heads.
#[test]
fn the_generator_keeps_the_text_and_makes_real_layouts() {
    let mut total = Stats::default();
    for fixture in fixtures() {
        let (_, model) = load_model(&fixture);
        for case in cases_for(&fixture, DEFAULT_CASES, DEFAULT_SEED) {
            let (laid, st) = relayout(&model, case.layout, case.seed);
            for (i, p) in model.paras.iter().enumerate() {
                let got: Vec<&str> = laid
                    .lines
                    .iter()
                    .filter(|(_, t)| *t == Tag::Para(i))
                    .map(|(s, _)| s.as_str())
                    .collect();
                assert_eq!(
                    words(&got.join(" ")),
                    words(&p.text),
                    "{}: paragraph {i}",
                    case.name
                );
            }
            for i in 0..model.notes.len() {
                let got: Vec<&str> = laid
                    .lines
                    .iter()
                    .filter(|(_, t)| *t == Tag::Note(i))
                    .map(|(s, _)| s.as_str())
                    .collect();
                assert_eq!(
                    words(&got.join(" ")),
                    words(&model.note_line(i)),
                    "{}: note {i}",
                    case.name
                );
            }
            total.pages += st.pages;
            total.split_paragraphs += st.split_paragraphs;
            total.notes_mid_paragraph += st.notes_mid_paragraph;
            total.numbers_alone += st.numbers_alone;
            total.running_heads += st.running_heads;
            total.digit_continuations += st.digit_continuations;
        }
    }
    eprintln!("generator: {total:?}");
    assert!(total.pages > 100, "{total:?}");
    assert!(total.split_paragraphs > 20, "{total:?}");
    assert!(total.notes_mid_paragraph > 5, "{total:?}");
    assert!(total.numbers_alone > 20, "{total:?}");
    assert!(total.running_heads > 20, "{total:?}");
}
