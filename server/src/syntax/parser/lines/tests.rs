//! Tests of the line classifier.

use super::*;

#[test]
fn splits_lsp_line_breaks_only() {
    let l = split_lines("a\r\nb\rc\x0cd\ne");
    let texts: Vec<_> = l.iter().map(|l| l.range()).collect();
    assert_eq!(texts, vec![0..1, 3..4, 5..8, 9..10]);
}

#[test]
fn form_feeds_and_no_break_spaces_alone_are_blank() {
    let l = split_lines("a\n\x0c\n \u{a0}\t\nb");
    assert_eq!(
        l.iter().map(|l| l.blank).collect::<Vec<_>>(),
        [false, true, true, false]
    );
    // The parser takes such lines too (a fuzz finding: it used to panic).
    let doc = crate::syntax::parse("The General Assembly,\n\x0c\n1. Decides;\n\x0c");
    assert_eq!(doc.operative().count(), 1);
}

#[test]
fn a_short_indented_text_is_read_in_the_indented_layout() {
    // Layout finding F7: no paragraph start has a blank line before it.
    let src = " The Security Council,\n Recalling its resolution 661 (1990),\n 1. Decides to remain seized of the matter.\n Annex A\n Textual entries for the Goods Review List\n Chemical Section:\n (1) Quantities of atropine.\n";
    let doc = crate::syntax::parse(src);
    assert_eq!(doc.layout, crate::syntax::Layout::Indented);
    let title = doc
        .blocks
        .iter()
        .filter(|b| b.kind == crate::syntax::BlockKind::AnnexHeading)
        .nth(1)
        .unwrap();
    assert_eq!(title.lines.len(), 1);
}

#[test]
fn recognises_operative_numbers() {
    assert_eq!(op_number("5. Decides"), Some((2, 5, None)));
    assert_eq!(op_number("1. "), Some((2, 1, None)));
    assert_eq!(op_number("1."), Some((2, 1, None)));
    assert_eq!(
        op_number("[5 bis. Decides"),
        Some((7, 5, Some("bis".into())))
    );
    assert_eq!(op_number("80/14. Title"), None);
    assert_eq!(op_number("2006. Text"), None);
}

#[test]
fn recognises_markers_and_footnotes() {
    assert_eq!(sub_marker("(a) To report"), Some((3, "a", SubStyle::Paren)));
    assert_eq!(sub_marker("(iv) To"), Some((4, "iv", SubStyle::Paren)));
    assert_eq!(sub_marker("b. Text"), Some((2, "b", SubStyle::Dot)));
    assert_eq!(sub_marker("i.e. text"), None);
    assert_eq!(pasted_footnote("7 A/66/64-E/2011/77."), Some((7, 1)));
    assert_eq!(pasted_footnote("21 December 2009, 65/141"), None);
    assert_eq!(pasted_footnote("8 and 9 December 2014"), None);
    assert_eq!(draft_footnote("[^12]: See"), Some((12, 5, 7)));
    assert_eq!(roman_value("iv"), Some(4));
    assert_eq!(roman_value("iiii"), None);
}

#[test]
fn recognises_furniture() {
    for t in [
        "25-18301 (E)",
        "25-18301",
        "2/5",
        "*2518301*",
        "A/RES/80/6",
        "S/RES/1454 (2002)",
        "23-02871 2/3",
        "23-02871 (E)    200223",
        "A/ES-11/L.7",
        "- 2 -",
        "-2-",
        "– 12 –",
        "- 2 - A/RES/80/10",
        "A/RES/80/10 - 3 -",
        // The job number and the barcode on one line (pymupdf4llm).
        "25-14604 (E) *2514604*",
        "3/6 25-19824 *2519824*",
    ] {
        assert!(is_furniture(t), "{t}");
    }
    for t in [
        "Recalling",
        "2030 Agenda",
        "1. Decides",
        "- 2 - Recalls",
        "-2-3",
    ] {
        assert!(!is_furniture(t), "{t}");
    }
}

#[test]
fn finished_ignores_trailing_references() {
    assert!(ends_finished("endorsed by the General Assembly,4"));
    assert!(ends_finished("outcome document, 6"));
    assert!(ends_finished("economies;]"));
    assert!(ends_finished("for development”."));
    assert!(ends_finished("paragraph;[^3]"));
    assert!(!ends_finished("paragraph[^3]"));
    assert!(!ends_finished("Outcome,>"));
    assert!(!ends_finished("of the International"));
    assert!(!ends_finished("of 1,000"));
}

#[test]
fn chapeau_names_the_organ() {
    assert_eq!(
        chapeau("The General Assembly,"),
        Some(("General Assembly", true))
    );
    assert_eq!(
        chapeau("The General Assembly"),
        Some(("General Assembly", false))
    );
    assert_eq!(
        chapeau("The Economic and Social Council,"),
        Some(("Economic and Social Council", true))
    );
    assert_eq!(chapeau("The following"), None);
}

/// The regexes the hand-written and prefiltered recognisers replace.
fn op_number_by_regex(t: &str) -> Option<(usize, u32, Option<String>)> {
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == '[') {
        return None;
    }
    let re = regex!(
        r"^\[?(\d{1,3})(?:\s+(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.\]?(?:\s|$)"
    );
    let c = re.captures(t)?;
    let n: u32 = c[1].parse().ok()?;
    let whole = c.get(0)?;
    let len = whole.as_str().trim_end().len();
    Some((len, n, c.get(2).map(|m| m.as_str().to_string())))
}

fn furniture_by_regex(t: &str) -> bool {
    if let Some(c) =
        regex!(r"^[-–]\s?\d{1,3}\s?[-–](?:\s+(.*)|$)|^(.*?)\s+[-–]\s?\d{1,3}\s?[-–]$").captures(t)
    {
        // (Only whitespace beside the page number: nothing else is there.)
        return match c.get(1).or(c.get(2)) {
            None => true,
            Some(rest) => rest.as_str().is_empty() || piece_by_regex(rest.as_str()),
        };
    }
    piece_by_regex(t)
}

fn piece_by_regex(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '*' | 'A' | 'S' | 'E'))
        && regex!(
            r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?(?:\s+\d{6})?(?:\s+\*\d{6,}\*)?|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)?(?:\s+\*\d{6,}\*)?|\*\d{6,}\*|(?:A|S|E)/[A-Z0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?)$"
        )
        .is_match(t)
}

fn meeting_by_regex(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit() || c == 'A')
        && regex!(
            r"^(?:\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|Adopted\s+(?:unanimously\s+|without a vote\s+)?(?:at|by)\b)"
        )
        .is_match(t)
}

fn split_lines_byte_by_byte(src: &str) -> Vec<(std::ops::Range<usize>, usize, bool)> {
    let bytes = src.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    let mut push = |start: usize, end: usize| {
        let text = &src[start..end];
        let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
        lines.push((start..end, indent, text.trim().is_empty()));
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(start, i);
                i += 1;
                start = i;
            }
            b'\r' => {
                push(start, i);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    lines
}

fn same_as_the_regexes(t: &str) {
    assert_eq!(op_number(t), op_number_by_regex(t), "{t:?}");
    assert_eq!(is_furniture(t), furniture_by_regex(t), "{t:?}");
    assert_eq!(is_meeting_line(t), meeting_by_regex(t), "{t:?}");
}

fn same_lines(src: &str) {
    let got: Vec<_> = split_lines(src)
        .into_iter()
        .map(|l| (l.range(), l.indent as usize, l.blank))
        .collect();
    assert_eq!(got, split_lines_byte_by_byte(src), "{src:?}");
}

#[test]
fn hand_written_recognisers_agree_with_the_regexes_on_real_text() {
    let mut n = 0;
    for src in crate::features::testing::every_text() {
        same_lines(&src);
        for l in split_lines(&src) {
            same_as_the_regexes(src[l.range()].trim());
            n += 1;
        }
    }
    assert!(n > 1000, "{n} lines");
    for t in [
        "5 bis. Decides",
        "[5 ter.] Decides",
        "5 bis.",
        "5 bis.x",
        "5.]x",
        "5.] x",
        "12٣. Decides",
        "1234. Decides",
        "5 \u{a0}quater. x",
        "5 bisx.",
        "1.\u{2003}Decides",
        "52nd plenary meeting",
        "1٣th meeting",
        "Adopted at the 4683rd meeting",
        "Adopted without a vote by",
        "2/5",
        "25-18301 (E)",
        "1٣/5",
        "*2518301*",
        "S/RES/1454 (2002)",
        "A/",
    ] {
        same_as_the_regexes(t);
    }
}

const PIECES: &[&str] = &[
    "1",
    "5",
    "12",
    "٣",
    "[",
    "]",
    ".",
    " ",
    "\t",
    "\u{a0}",
    "bis",
    "quater",
    "ter",
    "x",
    "Decides",
    "-",
    "/",
    "18301",
    "(E)",
    "*",
    "A",
    "S",
    "E",
    "RES",
    "(2002)",
    "st",
    "th",
    "plenary",
    "meeting",
    "Adopted",
    "at",
    "by",
    "unanimously",
    "\n",
    "\r",
    "\r\n",
    "\u{c}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 3000,
        ..proptest::prelude::ProptestConfig::default()
    })]
    #[test]
    fn hand_written_recognisers_agree_with_the_regexes(
        parts in proptest::collection::vec(0..PIECES.len(), 0..10)
    ) {
        let t: String = parts.iter().map(|&i| PIECES[i]).collect();
        same_lines(&t);
        same_as_the_regexes(&t);
        same_as_the_regexes(t.trim());
    }
}
