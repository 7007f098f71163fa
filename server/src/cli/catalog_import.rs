//! `reso catalog import [--out FILE] [--complete "GA 66"...] FILE.xml`
//! (SPEC section 7): turns a UN Digital Library MARCXML export into a
//! catalogue TSV with the nine columns that `catalog.paths` reads.
//!
//! Fields read: 191 $a (document symbol), 245 $a/$b (title, document type),
//! 269 $a (date, ISO), 993 $a (related documents: for a draft, the
//! resolution it became), 991 $b (agenda item), 001 (record id). A draft
//! gives a row for itself and one for the resolution it became (title from
//! the draft, no date: the export holds the draft's date, not the adoption
//! date). A record without a usable symbol or with a bad date is reported
//! with its record number and skipped.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::PathBuf;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::catalog::Coverage;
use crate::un::symbol::{self, Kind};
use crate::un::{Body, Date};

/// `reso catalog ...`
#[derive(Debug, Clone, clap::Subcommand)]
pub enum CatalogCommand {
    /// Convert a UN Digital Library MARCXML export into a catalogue TSV for `catalog.paths` (exit 0, or 2 for a usage or file problem; bad records are reported and skipped).
    Import(ImportArgs),
}

/// Runs a `reso catalog` subcommand; returns the exit code.
pub fn run_command(command: &CatalogCommand) -> i32 {
    match command {
        CatalogCommand::Import(args) => run(args),
    }
}

/// The arguments of `reso catalog import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// Where to write the catalogue (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Declare a range the file covers completely, as `GA 66` or `ECOSOC
    /// 2011-2013` (repeatable); reso then reports citations in it that the
    /// file lacks.
    #[arg(long, value_name = "RANGE")]
    pub complete: Vec<String>,
    /// The MARCXML file exported from the UN Digital Library.
    pub file: PathBuf,
}

/// A record that was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based position of the record in the file.
    pub record: usize,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}: {}", self.record, self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The catalogue file.
    pub tsv: String,
    pub records: usize,
    pub rows: usize,
    pub skipped: Vec<RecordError>,
}

#[derive(Debug, Default)]
struct Record {
    id: String,
    /// (tag, code, text)
    fields: Vec<(String, char, String)>,
}

impl Record {
    fn all<'a>(&'a self, tag: &'a str, code: char) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(t, c, _)| t == tag && *c == code)
            .map(|(_, _, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    fn first<'a>(&'a self, tag: &'a str, code: char) -> Option<&'a str> {
        self.all(tag, code).next()
    }
}

#[derive(Debug, Clone)]
struct Row {
    symbol: String,
    body: Body,
    session: String,
    number: String,
    date: Option<Date>,
    title: String,
    note: String,
}

fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Promotion and protection ... :` → without the ISBD punctuation.
fn strip_isbd(s: &str) -> String {
    clean(s.trim().trim_end_matches([':', '/', ';', ',', '=']).trim())
}

/// Reads the records of a MARCXML collection. Stops at the first XML error,
/// which is reported for the record being read.
fn read_records(xml: &str) -> (Vec<Record>, Option<RecordError>) {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut records = Vec::new();
    let mut current: Option<Record> = None;
    let mut tag = String::new();
    let mut code: Option<char> = None;
    let mut control: Option<String> = None;
    let mut text = String::new();
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let record = records.len() + 1;
                return (
                    records,
                    Some(RecordError {
                        record,
                        message: format!(
                            "not well-formed XML at byte {}: {e}; the rest of the file is skipped",
                            reader.buffer_position()
                        ),
                    }),
                );
            }
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                let attr = |key: &[u8]| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                match name.as_ref() {
                    b"record" => current = Some(Record::default()),
                    b"datafield" => tag = attr(b"tag").unwrap_or_default(),
                    b"subfield" => {
                        code = attr(b"code").and_then(|c| c.chars().next());
                        text.clear();
                    }
                    b"controlfield" => {
                        control = attr(b"tag");
                        text.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Ok(s) = t.unescape() {
                    text.push_str(&s);
                }
            }
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => match e.local_name().as_ref() {
                b"record" => {
                    if let Some(r) = current.take() {
                        records.push(r);
                    }
                }
                b"subfield" => {
                    if let (Some(r), Some(c)) = (current.as_mut(), code.take()) {
                        r.fields.push((tag.clone(), c, text.clone()));
                    }
                }
                b"controlfield" => {
                    if let (Some(r), Some("001")) = (current.as_mut(), control.as_deref()) {
                        r.id = text.trim().to_string();
                    }
                    control = None;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (records, None)
}

fn row_of(record: &Record) -> Result<(Row, Vec<Row>), String> {
    let symbol_text = record
        .first("191", 'a')
        .ok_or("no document symbol (field 191 $a)")?;
    let parsed = symbol::parse(symbol_text).map_err(|e| format!("bad symbol: {e}"))?;
    let body = parsed.reference.body.ok_or_else(|| {
        format!(
            "{symbol_text} is not a symbol of the General Assembly, Security Council, Economic and Social Council or Human Rights Council"
        )
    })?;
    let date = match record.first("269", 'a') {
        None => None,
        Some(d) => {
            let iso = if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) {
                format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8])
            } else {
                d.to_string()
            };
            Some(Date::parse_iso(&iso).ok_or_else(|| format!("bad date `{d}` in field 269 $a"))?)
        }
    };
    let title = record.first("245", 'a').map(strip_isbd).unwrap_or_default();
    let doc_type = record.first("245", 'b').map(strip_isbd).unwrap_or_default();
    let became: Vec<symbol::Parsed> = record
        .all("993", 'a')
        .filter_map(|s| symbol::parse(s).ok())
        .filter(|p| p.reference.kind == Kind::Resolution && p.canonical != parsed.canonical)
        .collect();
    let agenda: Vec<&str> = record.all("991", 'b').collect();
    let library = if record.id.is_empty() {
        String::new()
    } else {
        format!("UN Digital Library record {}", record.id)
    };

    let reference = &parsed.reference;
    let (session, number) = match (reference.kind, reference.session, reference.number) {
        (Kind::Document, _, _) => (
            record.first("191", 'c').map(clean).unwrap_or_default(),
            String::new(),
        ),
        (_, Some(s), Some(n)) => (
            s.label(),
            match reference.part {
                Some(p) => format!("{n} {p}"),
                None => n.to_string(),
            },
        ),
        _ => (String::new(), String::new()),
    };
    let mut note = Vec::new();
    if !doc_type.is_empty() {
        note.push(doc_type.clone());
    }
    if !became.is_empty() {
        let names: Vec<&str> = became.iter().map(|p| p.canonical.as_str()).collect();
        note.push(format!("became {}", names.join(", ")));
    }
    if let Some(a) = agenda.first() {
        note.push(format!("agenda item {a}"));
    }
    if !library.is_empty() {
        note.push(library.clone());
    }
    let main = Row {
        symbol: parsed.canonical.clone(),
        body,
        session,
        number,
        date,
        title: title.clone(),
        note: clean(&note.join("; ")),
    };
    let is_draft = reference.kind == Kind::Document
        && doc_type.contains("draft resolution")
        && !doc_type.contains("amendment");
    let mut extra = Vec::new();
    if is_draft {
        for p in became {
            let r = &p.reference;
            let (Some(b), Some(s), Some(n)) = (r.body, r.session, r.number) else {
                continue;
            };
            extra.push(Row {
                symbol: p.canonical.clone(),
                body: b,
                session: s.label(),
                number: match r.part {
                    Some(part) => format!("{n} {part}"),
                    None => n.to_string(),
                },
                date: None,
                title: title.clone(),
                note: clean(&format!(
                    "title from draft {} ({library}); the export gives no adoption date",
                    parsed.canonical
                )),
            });
        }
    }
    Ok((main, extra))
}

/// Converts a MARCXML export into a catalogue TSV. `source` names the file in
/// the header comment; `complete` holds coverage declarations (`GA 66`).
/// `Err` when nothing usable was found or a coverage declaration is bad.
pub fn import_marcxml(
    xml: &str,
    source: &str,
    complete: &[String],
) -> Result<ImportReport, String> {
    let mut coverage = Vec::new();
    for c in complete {
        coverage
            .extend(Coverage::parse_list(c, "--complete").map_err(|e| format!("--complete: {e}"))?);
    }
    let (records, xml_error) = read_records(xml);
    if records.is_empty() {
        return Err(match xml_error {
            Some(e) => format!("{source}: {}", e.message),
            None => format!(
                "{source}: no MARC records found (expected a MARCXML <collection> of <record>s)"
            ),
        });
    }
    let mut skipped = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // Rows derived from drafts, added unless the file has the record itself.
    let mut derived: Vec<Row> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        match row_of(record) {
            Ok((main, extra)) => {
                rows.push(main);
                derived.extend(extra);
            }
            Err(message) => skipped.push(RecordError {
                record: i + 1,
                message,
            }),
        }
    }
    skipped.extend(xml_error);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out_rows: Vec<Row> = Vec::new();
    for r in rows {
        match seen.get(&r.symbol) {
            Some(&i) => {
                let prev = &mut out_rows[i];
                if prev.date.is_none() {
                    prev.date = r.date;
                }
                if !r.note.is_empty() && !prev.note.contains(&r.note) {
                    prev.note = format!("{}; {}", prev.note, r.note);
                }
            }
            None => {
                seen.insert(r.symbol.clone(), out_rows.len());
                out_rows.push(r);
            }
        }
    }
    for r in derived {
        if let Some(&i) = seen.get(&r.symbol) {
            let prev = &mut out_rows[i];
            if prev.title.is_empty() {
                prev.title = r.title;
            }
            continue;
        }
        seen.insert(r.symbol.clone(), out_rows.len());
        out_rows.push(r);
    }
    let mut tsv = String::new();
    tsv.push_str(&format!(
        "# reso catalogue imported by `reso catalog import` from {} ({} records, {} rows)\n",
        clean(source),
        records.len(),
        out_rows.len()
    ));
    for c in &coverage {
        tsv.push_str(&format!("# complete: {}\n", c.describe()));
    }
    tsv.push_str("symbol\tbody\tsession\tnumber\tdate\ttitle\tmeeting\tvote\tnote\n");
    for r in &out_rows {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t\t\t{}\n",
            r.symbol,
            r.body,
            r.session,
            r.number,
            r.date.map(|d| d.iso()).unwrap_or_default(),
            r.title,
            r.note
        ));
    }
    Ok(ImportReport {
        tsv,
        records: records.len(),
        rows: out_rows.len(),
        skipped,
    })
}

/// Runs the subcommand: reads the file, writes the catalogue to `--out` or
/// standard output, reports skipped records on standard error. Returns the
/// exit code (0, or 2 for a usage or I/O problem).
pub fn run(args: &ImportArgs) -> i32 {
    let path = args.file.display().to_string();
    let xml = match std::fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => {
                eprintln!("reso: {path}: not UTF-8 text");
                return 2;
            }
        },
        Err(e) => {
            eprintln!("reso: {path}: {e}");
            return 2;
        }
    };
    let report = match import_marcxml(&xml, &path, &args.complete) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("reso: {e}");
            return 2;
        }
    };
    for s in &report.skipped {
        eprintln!("reso: {path}: {s}; skipped");
    }
    let written = match &args.out {
        Some(out) => {
            std::fs::write(out, &report.tsv).map_err(|e| format!("{}: {e}", out.display()))
        }
        None => std::io::stdout()
            .lock()
            .write_all(report.tsv.as_bytes())
            .map_err(|e| format!("standard output: {e}")),
    };
    if let Err(e) = written {
        eprintln!("reso: {e}");
        return 2;
    }
    if let Some(out) = &args.out {
        eprintln!(
            "reso: wrote {} rows from {} records to {}{}",
            report.rows,
            report.records,
            out.display(),
            if report.skipped.is_empty() {
                String::new()
            } else {
                format!(" ({} records skipped)", report.skipped.len())
            }
        );
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, TitleKind};

    fn sample() -> String {
        let path = format!(
            "{}/../tests/fixtures/catalog/undl-marcxml-A-C.3-78-drafts.xml",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn imports_the_real_sample() {
        let r = import_marcxml(&sample(), "drafts.xml", &["GA 78".into()]).unwrap();
        assert_eq!(r.records, 94);
        assert_eq!(r.skipped, vec![]);
        let lines: Vec<&str> = r.tsv.lines().collect();
        assert!(lines[0].starts_with("# reso catalogue imported"));
        assert_eq!(lines[1], "# complete: GA 78");
        assert_eq!(
            lines[2],
            "symbol\tbody\tsession\tnumber\tdate\ttitle\tmeeting\tvote\tnote"
        );
        let row = |sym: &str| {
            lines
                .iter()
                .find(|l| l.split('\t').next() == Some(sym))
                .unwrap_or_else(|| panic!("no row {sym}"))
                .split('\t')
                .collect::<Vec<_>>()
        };
        // The first record: a revised draft that became A/RES/78/213.
        let d = row("A/C.3/78/L.49/Rev.1");
        assert_eq!(
            &d[1..6],
            [
                "GA",
                "78",
                "",
                "2023-11-08",
                "Promotion and protection of human rights in the context of digital technologies"
            ]
        );
        assert_eq!(d[8], "revised draft resolution; became A/RES/78/213; agenda item 71b; UN Digital Library record 4026910");
        let res = row("A/RES/78/213");
        assert_eq!(
            &res[1..6],
            [
                "GA",
                "78",
                "213",
                "",
                "Promotion and protection of human rights in the context of digital technologies"
            ]
        );
        assert!(res[8].starts_with("title from draft A/C.3/78/L.49/Rev.1"));
        // An amendment gives no resolution row of its own.
        let am = row("A/C.3/78/L.67");
        assert!(am[8].starts_with("amendment to draft resolution A/C.3/78/L.51"));
        assert_eq!(r.rows, lines.len() - 3);
        // Every row loads back without a warning.
        let (cat, w) = Catalog::with_texts(&[("imported.tsv".into(), r.tsv.clone())]);
        assert_eq!(w, vec![]);
        let e = cat.get("A/RES/78/213").unwrap();
        assert_eq!(e.title_kind, TitleKind::Title);
        assert!(e.date.is_none());
        assert!(cat.get("A/C.3/78/L.49/Rev.1").unwrap().date.is_some());
        assert!(cat.covers(Body::GA, symbol::Session::Regular(78)).is_some());
    }

    #[test]
    fn bad_records_are_reported_and_skipped() {
        let xml = sample();
        // Record 2 loses its symbol, record 3 gets a bad date.
        let mut recs: Vec<&str> = xml.split("<ns0:record ").collect();
        let r2 = recs[2].replace("<ns0:datafield tag=\"191\"", "<ns0:datafield tag=\"190\"");
        let r3 = recs[3].replace("2023-10-31", "2023-13-31");
        recs[2] = &r2;
        recs[3] = &r3;
        let broken = recs.join("<ns0:record ");
        let r = import_marcxml(&broken, "x.xml", &[]).unwrap();
        assert_eq!(r.records, 94);
        let msgs: Vec<String> = r.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "record 2: no document symbol (field 191 $a)",
                "record 3: bad date `2023-13-31` in field 269 $a"
            ]
        );
        assert!(!r.tsv.contains("A/C.3/78/L.67\t"));
        assert!(!r.tsv.contains("A/C.3/78/L.47\t"));
        assert!(r.tsv.contains("A/C.3/78/L.62\t"));
        // A file broken in the middle keeps the records before the break and
        // says where it stopped.
        let at = xml.len() / 2 + xml[xml.len() / 2..].find("<ns0:record ").unwrap();
        let broken = format!("{}</ns0:oops>{}", &xml[..at], &xml[at..]);
        let r = import_marcxml(&broken, "cut.xml", &[]).unwrap();
        assert!(r.records > 10 && r.records < 94, "{}", r.records);
        let last = r.skipped.last().unwrap();
        assert_eq!(last.record, r.records + 1);
        assert!(
            last.message.starts_with("not well-formed XML at byte"),
            "{}",
            last.message
        );
    }

    #[test]
    fn usage_errors() {
        assert!(import_marcxml("not xml at all", "a.txt", &[])
            .unwrap_err()
            .contains("no MARC records"));
        assert!(import_marcxml(&sample(), "s.xml", &["GA sixty".into()])
            .unwrap_err()
            .starts_with("--complete:"));
    }
}
