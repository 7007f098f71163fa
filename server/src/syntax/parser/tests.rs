//! Unit tests of the block parser.

use super::*;
use proptest::prelude::*;

#[test]
fn a_text_past_the_limit_is_cut_at_a_character_boundary() {
    assert_eq!(cut_at("Décide", 10), "Décide");
    assert_eq!(cut_at("Décide", 2), "D");
    assert_eq!(cut_at("Décide", 3), "Dé");
    assert_eq!(cut_at("Décide", 0), "");
}

/// `may_be_title_part` refuses only lines that the full test refuses.
fn refuses_only_non_parts(title: &str, t: &str) {
    let title = lines::normalise_words(title);
    let norm = lines::normalise_words(t);
    if norm.len() >= 12 && title.contains(&norm) {
        assert!(
            may_be_title_part(title.as_bytes(), t, 12, false),
            "{t:?} in {title:?}"
        );
    }
    // Spaces not counted: an extraction's space for a no-break hyphen.
    let squeeze = |s: &str| s.split(' ').collect::<String>();
    let (title, norm) = (squeeze(&title), squeeze(&norm));
    if norm.len() >= 12 && title.contains(&norm) {
        assert!(
            may_be_title_part(title.as_bytes(), t, 12, true),
            "{t:?} in {title:?} (squeezed)"
        );
    }
}

#[test]
fn the_running_head_prefilter_keeps_every_running_head() {
    let title = "Agricultural technology for sustainable development";
    for t in [
        "Agricultural technology for",
        "  sustainable   development",
        "A/RES/66/184 Agricultural technology for sustainable development",
        "technology, for sustainable-development",
        "Agricultural technology for sustainable development",
        "Agricultural technologyforsustainable",
        "«technology» for sustainable développement",
    ] {
        refuses_only_non_parts(title, t);
    }
    let title = "Conclusion of effective international arrangements to assure non\u{2011}nuclear-weapon States";
    for t in [
        "non nuclear-weapon States",
        "arrangements to assure non nuclear weapon",
        "to assure non-nuclear-weapon States",
    ] {
        refuses_only_non_parts(title, t);
    }
    assert!(!may_be_title_part(
        lines::normalise_words(title).as_bytes(),
        "Recalling its resolution 64/187",
        12,
        false
    ));
    // Whole lines shorter than 12 bytes once normalised are no running head.
    assert!(!may_be_title_part(
        b"for sustainable",
        "- for - sust -",
        12,
        false
    ));
}

#[test]
fn trim_is_str_trim() {
    for t in [
        "",
        " ",
        "a",
        " a",
        "a ",
        "ab",
        " ab ",
        "\u{a0}a",
        "a\u{a0}",
        "\t",
        "\x0c",
        "\0a",
        "a\0",
        "é",
        "“a”",
        "~",
        "a\u{2003}",
    ] {
        assert_eq!(trim(t), t.trim(), "{t:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
    #[test]
    fn the_running_head_prefilter_refuses_only_non_parts(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Agricultural", "technology", "for", "sustainable", "development", "-",
                ",", "Dével", "é", "2011", " ", "\t", "\u{a0}", "\u{b}", "A/66", "(", "FOR",
            ]),
            0..12,
        ),
        from in 0usize..12,
        len in 0usize..12,
    ) {
        let t: String = words.join(" ");
        let end = (from + len).min(words.len());
        let title: String = words[from.min(end)..end].join(" ");
        refuses_only_non_parts(&title, &t);
        refuses_only_non_parts(&format!("{title} and more words of a title"), &t);
        refuses_only_non_parts(&t, &title);
    }
}
