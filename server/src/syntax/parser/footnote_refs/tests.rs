//! Tests of the footnote reference reader: candidates, the sequence, forms.

mod candidate_forms {
    use super::super::*;
    use proptest::prelude::*;

    /// The candidates as first written: every token of the block examined.
    fn candidates_by_every_token(src: &str, b: &Block, bi: usize) -> Vec<Candidate> {
        let mut cands = Vec::new();
        if !is_text_block(b.kind) {
            return cands;
        }
        let mut tokens: Vec<(usize, &str)> = Vec::new();
        // Tokens that are a number alone on a line after the first.
        let mut alone = Vec::new();
        for (li, r) in b.lines.iter().enumerate() {
            let r = b.text_start(&r)..r.end;
            let line = &src[r.clone()];
            let t = line.trim();
            let by_itself = li > 0 && crate::syntax::parser::lines::footnote_numbers_alone(t);
            for w in line.split_whitespace() {
                let pos = w.as_ptr() as usize - line.as_ptr() as usize;
                tokens.push((r.start + pos, w));
                alone.push(by_itself);
            }
        }
        for (ti, &(start, tok)) in tokens.iter().enumerate() {
            if alone[ti] {
                cands.push(Candidate {
                    number: tok.parse().expect("digits"),
                    range: start..start + tok.len(),
                    block: bi,
                    strength: Strength::Medium,
                });
                continue;
            }
            if !tok.contains(|c: char| c.is_ascii_digit() || superscript_value(c).is_some()) {
                continue;
            }
            let prev = || ti.checked_sub(1).map(|p| tokens[p].1);
            let next = |k: usize| tokens.get(ti + 1 + k).map(|t| t.1);
            token_candidates(tok, start, prev, next, bi, &mut cands);
        }
        cands
    }

    fn same_candidates(src: &str) {
        let doc = crate::syntax::parse(src);
        for (bi, b) in doc.blocks.iter().enumerate() {
            assert_eq!(
                candidates(src, b, bi),
                candidates_by_every_token(src, b, bi),
                "block {bi} ({:?})",
                b.kind
            );
        }
    }

    #[test]
    fn only_tokens_with_digits_are_examined_with_the_same_result() {
        for src in crate::features::testing::every_text() {
            same_candidates(&src);
        }
        same_candidates("Recalling its resolution 66/184,¹ in km² and m³ 2024–\n20243 ⁴⁵\u{a0}12 [^3]\u{2003}7 and\n 5, of 3 December");
    }

    #[test]
    fn eight_bytes_at_a_time_find_every_digit_and_wide_character() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut x = [b'a'; 8];
                x[at] = b;
                let want = b.is_ascii_digit() || b == 0xC2 || b == 0xE2;
                let got = has_digit_or_superscript_lead(u64::from_le_bytes(x));
                assert_eq!(got, want, "{b:#x} at {at}");
                // Around other bytes than `a`, wide characters among them.
                for other in [0u8, 0x80, 0xC1, 0xC3, 0xE1, 0xE3, 0xFF, b'/', b':'] {
                    let mut y = [other; 8];
                    y[at] = b;
                    let want = want || other == 0xC2 || other == 0xE2 || other.is_ascii_digit();
                    let got = has_digit_or_superscript_lead(u64::from_le_bytes(y));
                    assert_eq!(got, want, "{b:#x} at {at} among {other:#x}");
                }
            }
        }
        let t =
            "abcdefghijklmnopqrstuvwxyz 12 abcdefghijklmnop² “abcdefghijk”lmnopqrst⁴ ’’’’’’’’’’¹";
        let hits: Vec<usize> = std::iter::successors(next_pasted_hit(t.as_bytes(), 0), |&p| {
            next_pasted_hit(t.as_bytes(), p + 1)
        })
        .collect();
        let want: Vec<usize> = t
            .char_indices()
            .filter(|&(_, c)| c.is_ascii_digit() || superscript_value(c).is_some())
            .map(|(p, _)| p)
            .collect();
        assert_eq!(hits, want);
    }

    const PIECES: &[&str] = &[
        " ",
        "\n",
        "\n\n",
        "\u{a0}",
        "\u{2003}",
        "\t",
        "1. ",
        "(a) ",
        "Recalling ",
        "Decides ",
        "The General Assembly,\n",
        "text",
        "paragraph ",
        "UN80",
        "COP28 ",
        ",4",
        ", 6",
        "4",
        "12",
        "2024",
        "20243",
        "2024–",
        "²",
        "¹³",
        "¹",
        "⁰",
        "⁴",
        "km²",
        "m³",
        "[^1]",
        "[^2]:",
        "1,000",
        ".",
        ";",
        ")",
        "”",
        "’",
        "5.",
        "ab.3",
        "x.y.7",
        "3 December",
        "-",
        "—",
        "/",
        "A/66/7",
        "é",
        "1 Note.\n",
        "per ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        #[test]
        fn same_candidates_on_any_text(parts in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let src: String = parts.iter().map(|&i| PIECES[i]).collect();
            same_candidates(&src);
        }
    }
}

/// Each candidate form and each rule of the sequence, on minimal texts.
mod form_tests {
    use super::super::Strength::{self, Medium, Strong, Weak};
    use crate::syntax::parse;

    /// A resolution whose preamble is `body` (one paragraph a line) and
    /// whose footnotes are `[^1]:` to `[^defs]:`, after the meeting line.
    fn text(body: &str, defs: u32) -> String {
        let mut s = String::from("The General Assembly,\n\n");
        for p in body.split('\n') {
            s.push_str(p);
            s.push_str("\n\n");
        }
        s.push_str("1. Decides to remain seized of the matter.\n\n80th plenary meeting\n1 December 2025\n\n");
        for n in 1..=defs {
            s.push_str(&format!("[^{n}]: Document A/80/{n}.\n\n"));
        }
        s
    }

    /// Every candidate of `src`: its number, the text of its range and its
    /// strength.
    fn candidates(src: &str) -> Vec<(u32, String, Strength)> {
        let doc = parse(src);
        (doc.blocks.iter().enumerate())
            .flat_map(|(bi, b)| super::super::candidates(src, b, bi))
            .map(|c| (c.number, src[c.range].to_string(), c.strength))
            .collect()
    }

    /// The references of `src`: number and the text they cover, with ten
    /// characters before.
    fn refs(src: &str) -> Vec<(u32, String)> {
        let doc = parse(src);
        (doc.footnote_refs.iter())
            .map(|r| {
                let mut from = r.range.start.saturating_sub(10);
                while !src.is_char_boundary(from) {
                    from -= 1;
                }
                (r.number, src[from..r.range.end].to_string())
            })
            .collect()
    }

    fn one(body: &str) -> Vec<(u32, String, Strength)> {
        candidates(&text(body, 0))
    }

    fn is(body: &str, n: u32, digits: &str, strength: Strength) {
        assert_eq!(
            one(&format!("Recalling {body},")),
            [(n, digits.to_string(), strength)],
            "{body}"
        );
    }

    fn never(body: &str) {
        assert_eq!(one(&format!("Recalling {body},")), [], "{body}");
    }

    #[test]
    fn strong_forms() {
        is("the Treaty5 and others", 5, "5", Strong);
        is("the “Agenda”3 and others", 3, "3", Strong);
        is("the World Health Organization,8 and", 8, "8", Strong);
        is("the Internet,21", 21, "21", Strong);
        is("national plans,4 and", 4, "4", Strong);
        is("the Treaty (Treaty of Pelindaba),1", 1, "1", Strong);
        is("Development.2 We acknowledge", 2, "2", Strong);
        is("the Court[^4] and", 4, "[^4]", Strong);
        is("the Court¹² and", 12, "¹²", Strong);
        is("the Court,<sup>4</sup> and", 4, "4", Strong);
        assert_eq!(
            one("Recalling the Court<sup>4,5</sup> and,")
                .iter()
                .map(|c| c.0)
                .collect::<Vec<_>>(),
            [4, 5]
        );
    }

    #[test]
    fn medium_forms() {
        is("its resolution of 22 December 2003,1 and", 1, "1", Medium);
        is("its resolution 79/16,2 and", 2, "2", Medium);
        is("its resolution 79/7;1 and", 1, "1", Medium);
        is("its decision EC-94/DEC.2;22 and", 22, "22", Medium);
        is("resolution 1325 (2000),3 and", 3, "3", Medium);
        is("the report (A/80/1),3 and", 3, "3", Medium);
        // A bare number alone after the paragraph's final punctuation.
        assert_eq!(
            one("Recalling the outcome document, 6"),
            [(6, "6".into(), Medium)]
        );
        assert_eq!(
            one("Recalling its resolution 2024/25; 4"),
            [(4, "4".into(), Medium)]
        );
        assert_eq!(one("Recalling the Pact. 5"), [(5, "5".into(), Medium)]);
        // Between words it is weak.
        is("the outcome document, 6 and the Pact", 6, "6", Weak);
    }

    #[test]
    fn weak_forms() {
        is("the UN80 Initiative", 80, "80", Weak);
        is("the G20 summit", 20, "20", Weak);
        is("the Political Declarations of 20172 and", 2, "2", Weak);
        // Three digits where the notes run across a compendium.
        is(
            "the reports of the Secretary-General of 1990104 and",
            104,
            "104",
            Weak,
        );
        is("the Decade 2014–20243 and", 3, "3", Weak);
        assert_eq!(
            one("Recalling the Decade 2024–\n203412 and the rest,"),
            [(12, "12".into(), Weak)]
        );
        is("the International Criminal Court, 7  and", 7, "7", Weak);
        is("the International Criminal Court 1 reaffirms", 1, "1", Weak);
        is("the Paris Principles. 13 We will", 13, "13", Weak);
        is("the Nuclear Weapons 6and the", 6, "6", Weak);
        is("the Programme of Action 9 and the", 9, "9", Weak);
        is("Sustainable Development Goal 16", 16, "16", Weak);
        is("the reports of 1990 3  and 1995", 3, "3", Weak);
    }

    #[test]
    fn never_references() {
        never("paragraph 3 of its resolution");
        never("paragraphs 4, 5 and 55 of its resolution");
        never("article 5 of the Charter");
        never("No. 5 of the series");
        never("vol. 2 of the series");
        never("chapter 4 and section 3");
        never("its resolution 5 and");
        never("its resolution of 1 December 1999");
        never("its resolutions of 8 and 9 December 2014");
        never("the meeting held from 12 to 14 May");
        never("the COVID-19 pandemic");
        never("the 22-point plan");
        never("the period 1 August 2012–31 July 2013");
        never("the 1,000 participants");
        never("its resolution 60/1 and");
        never("its resolution 57/270 B and");
        never("its resolution GC(69)/RES/9 A.2 and");
        never("the 2.2 billion people");
        never("the publication E.21.II.D.8 and");
        never("the 52nd meeting");
        never("the 5km zone");
        never("the 26 per cent");
        never("document A/66/64-E/2011/77 and");
        never("document A/58/874/Add.1 and");
    }

    #[test]
    fn the_text_of_footnotes_holds_no_reference() {
        let src = text("Recalling the Treaty1 and the Convention,", 1)
            .replace("Document A/80/1.", "Treaty5, Court 2 and Goal,3");
        assert_eq!(refs(&src), [(1, "the Treaty1".into())]);
    }

    #[test]
    fn strong_candidates_are_always_references() {
        // Undefined: still a reference (`footnote-undefined`), also in a
        // text without definitions.
        let src = text("Recalling the Treaty1 and the Internet,21", 1);
        assert_eq!(
            refs(&src),
            [(1, "the Treaty1".into()), (21, " Internet,21".into())]
        );
        assert_eq!(
            refs(&text("Recalling the Internet,21", 0)),
            [(21, " Internet,21".into())]
        );
    }

    #[test]
    fn medium_and_weak_candidates_need_a_definition_and_the_sequence() {
        // No definition: no reference.
        assert_eq!(refs(&text("Recalling its resolution 79/16,2", 1)), []);
        // Not the number expected: `Goal 16` with footnotes 1 and 2.
        let src = text(
            "Recalling Goal 16 and the Treaty,1 and the Court 2 reaffirms",
            2,
        );
        assert_eq!(
            refs(&src),
            [(1, "he Treaty,1".into()), (2, "the Court 2".into())]
        );
        // A number already referenced is not expected again.
        let src = text("Recalling the Treaty,1 and the Court 1 reaffirms", 1);
        assert_eq!(refs(&src), [(1, "he Treaty,1".into())]);
    }

    #[test]
    fn a_lost_reference_lets_the_sequence_jump() {
        // Reference 2 lost in extraction: the medium 3 is taken, since
        // nothing later can be 2's reference.
        let src = text(
            "Recalling the Treaty,1 the Pact and the outcome document, 3",
            3,
        );
        assert_eq!(
            refs(&src),
            [(1, "he Treaty,1".into()), (3, "document, 3".into())]
        );
        // But not while a later candidate can still be reference 2.
        let src = text(
            "Recalling the Treaty,1 the Pact and the outcome document, 3\nNoting the Court 2 and the Pact 3 reaffirms",
            3,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "he Treaty,1".into()),
                (2, "the Court 2".into()),
                (3, " the Pact 3".into())
            ]
        );
        // Nor over a number without a definition.
        let src = text("Recalling the Treaty,1 and the outcome document, 3", 1)
            .replace("[^1]: Document A/80/1.", "[^1]: A.\n\n[^3]: B.");
        assert_eq!(refs(&src), [(1, "he Treaty,1".into())]);
    }

    #[test]
    fn a_stronger_candidate_for_the_number_comes_first() {
        // The strong 1 comes before any candidate for 2: the weak 1 is none.
        let src = text(
            "Recalling the Court 1 reaffirms the Treaty1 and the Pact,2",
            2,
        );
        assert_eq!(
            refs(&src),
            [(1, "the Treaty1".into()), (2, " the Pact,2".into())]
        );
        // A medium candidate beats a weak one.
        let src = text(
            "Recalling the Court 1 reaffirms its resolution 79/16,1 and",
            1,
        );
        assert_eq!(refs(&src), [(1, "ion 79/16,1".into())]);
        // After the first candidate for the next defined number, a stronger
        // one no longer decides: the weak 1 is the reference, the strong 1
        // a repeated one.
        let src = text(
            "Recalling the Court 1 reaffirms the Pact 2 and the Treaty1",
            2,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "the Court 1".into()),
                (2, " the Pact 2".into()),
                (1, "the Treaty1".into())
            ]
        );
        // Nor after a strong candidate for a higher number.
        let src = text(
            "Recalling the Court 1 reaffirms the Pact[^3] and the Treaty1",
            3,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "the Court 1".into()),
                (3, "s the Pact[^3]".into()),
                (1, "the Treaty1".into())
            ]
        );
    }

    #[test]
    fn one_paragraph_may_mix_every_form() {
        let src = text(
            "Recalling the Treaty on the Prohibition of Nuclear Weapons[^1] and the International Court,2 the Court, 3  and the Pact¹ and the Summit<sup>4</sup>",
            4,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "ar Weapons[^1]".into()),
                (2, "nal Court,2".into()),
                (3, "he Court, 3".into()),
                (1, "d the Pact¹".into()),
                (4, "ummit<sup>4".into())
            ]
        );
    }

    /// The definitions of `src`: number and first line of text.
    fn defs(src: &str) -> Vec<(u32, String)> {
        let doc = parse(src);
        (doc.footnote_defs.iter())
            .map(|d| {
                let text: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
                (d.number, text.join(" / "))
            })
            .collect()
    }

    #[test]
    fn a_converted_wrapped_line_continues_its_footnote() {
        let body = "Recalling the Treaty,1 the Pact,2 the Court,3 and the Summit,4";
        let src = text(body, 0)
            + "[^1]: S/PRST/2013/2; see Resolutions, 1 August 2012–31 July\n[^2013]: (S/INF/68).\n\n"
            + "[^2]: The Committee was redesignated as from\n[^7]: February 1984.\n\n"
            + "[^3]: A/80/3.\n\n[^4]: A/80/4.\n\n[^5]: A/80/5.\n\n[^6]: A/80/6.\n\n[^7]: A/80/7.\n";
        assert_eq!(
            defs(&src),
            [
                (
                    1,
                    "S/PRST/2013/2; see Resolutions, 1 August 2012–31 July / [^2013]: (S/INF/68)."
                        .into()
                ),
                (
                    2,
                    "The Committee was redesignated as from / [^7]: February 1984.".into()
                ),
                (3, "A/80/3.".into()),
                (4, "A/80/4.".into()),
                (5, "A/80/5.".into()),
                (6, "A/80/6.".into()),
                (7, "A/80/7.".into()),
            ]
        );
        // The next number always starts a footnote: `[^3]:` twice in a row
        // is a duplicate.
        let src = text(body, 0) + "[^1]: A.\n[^2]: B.\n[^3]: C.\n[^3]: D.\n";
        assert_eq!(
            defs(&src).iter().map(|d| d.0).collect::<Vec<_>>(),
            [1, 2, 3, 3]
        );
    }

    #[test]
    fn definitions_of_both_forms_in_one_text() {
        let src = "The General Assembly,\n\nRecalling the Treaty,1 and the Court,2\n\n1 A/80/1.\n\n1. Decides to remain seized of the matter.\n\n[^2]: A/80/2.\n";
        assert_eq!(defs(src), [(1, "A/80/1.".into()), (2, "A/80/2.".into())]);
        assert_eq!(
            refs(src),
            [(1, "he Treaty,1".into()), (2, "the Court,2".into())]
        );
    }
}

/// `resolve` against the rules of SPEC section 2 written out plainly (every
/// look-ahead a scan), on random sequences of candidates and definitions.
mod sequence_oracle {
    use super::super::{resolve, Candidate, Strength};
    use crate::syntax::model::FootnoteDef;
    use proptest::prelude::*;

    fn naive(cands: &[Candidate], defined: &[u32]) -> Vec<usize> {
        let def = |n: u32| defined.contains(&n);
        // The sequence starts at the first definition (a resolution of a
        // document that numbers its notes across starts above 1).
        let mut highest = defined.iter().min().map_or(0, |&m| m - 1);
        let mut out = Vec::new();
        for (i, c) in cands.iter().enumerate() {
            let is_ref = c.strength == Strength::Strong || {
                let n = c.number;
                let later = &cands[i + 1..];
                let expected = n == highest + 1
                    || (n > highest + 1
                        && (highest + 1..n).all(|k| def(k) && later.iter().all(|l| l.number != k)));
                let next = (n + 1..=64).find(|&k| def(k));
                let window_end = later
                    .iter()
                    .position(|l| {
                        Some(l.number) == next || (l.strength == Strength::Strong && l.number > n)
                    })
                    .unwrap_or(later.len());
                let stronger = later[..window_end]
                    .iter()
                    .any(|l| l.number == n && l.strength > c.strength);
                n > highest && def(n) && expected && !stronger
            };
            if is_ref {
                if def(c.number) {
                    highest = highest.max(c.number);
                }
                out.push(i);
            }
        }
        out
    }

    fn strength() -> impl Strategy<Value = Strength> {
        prop_oneof![
            Just(Strength::Weak),
            Just(Strength::Medium),
            Just(Strength::Strong)
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn resolve_follows_the_rules(
            seq in proptest::collection::vec((1u32..10, strength()), 0..40),
            defined in proptest::collection::btree_set(1u32..10, 0..9),
        ) {
            let cands: Vec<Candidate> = seq
                .iter()
                .enumerate()
                .map(|(i, &(number, strength))| Candidate {
                    number,
                    range: 10 * i..10 * i + 1,
                    block: 0,
                    strength,
                })
                .collect();
            let defined: Vec<u32> = defined.into_iter().collect();
            let defs: Vec<FootnoteDef> = defined
                .iter()
                .map(|&number| FootnoteDef { number, number_range: 0..1, block: 0, text: Vec::new() })
                .collect();
            let got: Vec<usize> = resolve(&cands, &defs)
                .iter()
                .map(|r| r.range.start / 10)
                .collect();
            prop_assert_eq!(got, naive(&cands, &defined));
        }
    }
}
