//! Real text for the benchmarks: the seed and compendiums built by repeating
//! every real resolution of the tests (tests/fixtures/*.txt, ga80/ and the
//! GA 80 corpus in both extractions, tests/corpus/). Built at run time,
//! never committed.

#![allow(dead_code)] // each bench target uses a part

use std::path::PathBuf;

pub const KB: usize = 1024;
pub const MB: usize = 1024 * 1024;

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The seed fixture, A/RES/66/184 (about 20 KB).
pub fn seed() -> String {
    read(fixtures_dir().join("A-RES-66-184.txt"))
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every real published text in the fixtures, in a fixed order (seed first).
pub fn real_texts() -> Vec<(String, String)> {
    let dir = fixtures_dir();
    let mut paths = Vec::new();
    let corpus = dir.join("../corpus");
    for sub in [
        dir.clone(),
        dir.join("ga80"),
        corpus.join("ga80-pymupdf"),
        corpus.join("ga80-md"),
    ] {
        let mut here: Vec<PathBuf> = std::fs::read_dir(&sub)
            .unwrap_or_else(|e| panic!("{}: {e}", sub.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        here.sort();
        paths.extend(here);
    }
    paths.sort_by_key(|p| !p.ends_with("A-RES-66-184.txt"));
    paths
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(p),
            )
        })
        .collect()
}

/// A compendium of at least `size` bytes: the real texts one after another,
/// separated by a blank line, repeated until the size is reached (as a
/// session's resolutions pasted into one file).
pub fn compendium(size: usize) -> String {
    let texts = real_texts();
    let mut out = String::with_capacity(size + 70 * KB);
    'fill: loop {
        for (_, t) in &texts {
            out.push_str(t.trim_end());
            out.push_str("\n\n");
            if out.len() >= size {
                break 'fill;
            }
        }
    }
    out
}

/// The document of a named size: `20KB` is the seed itself, others a compendium.
pub fn document(label: &str) -> String {
    match label {
        "20KB" => seed(),
        _ => compendium(parse_size(label).unwrap_or_else(|| panic!("bad size {label}"))),
    }
}

/// `20KB`, `1MB`, `10MB` (1024-based) in bytes.
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_uppercase();
    let (num, unit) = if let Some(n) = s.strip_suffix("KB") {
        (n, KB)
    } else if let Some(n) = s.strip_suffix("MB") {
        (n, MB)
    } else {
        (s.as_str(), 1)
    };
    num.trim().parse::<usize>().ok().map(|n| n * unit)
}

/// Byte offset where a keystroke at fraction `at` (0.0 = first line, 1.0 =
/// last line) of the document lands: the end of the first non-blank line at
/// or after that point, so the edit sits in the text of a paragraph.
pub fn keystroke_offset(src: &str, at: f64) -> usize {
    let target = ((src.len() as f64) * at) as usize;
    let target = src.floor_char_boundary(target.min(src.len()));
    let mut pos = target;
    // The line holding `target`, or the next non-blank one.
    loop {
        let line_start = src[..pos].rfind('\n').map_or(0, |p| p + 1);
        let line_end = src[pos..].find('\n').map_or(src.len(), |p| pos + p);
        let line = src[line_start..line_end].trim_end_matches('\r');
        if !line.trim().is_empty() {
            return line_start + line.len();
        }
        if line_end >= src.len() {
            break;
        }
        pos = line_end + 1;
    }
    // Only blank lines after `target`: the last non-blank line before it.
    let before = src[..target].trim_end();
    before.len()
}
