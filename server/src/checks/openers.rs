//! `opener-unknown` and `opener-misplaced`: a paragraph starts with a known
//! opener of its own kind.

use crate::diagnostic::{Code, Diagnostic, TextEdit};
use crate::syntax::vocabulary::{is_closed_class, is_english_word, Vocabulary};
use crate::syntax::{Block, BlockKind, OpenerKind, Part};

fn kind_name(k: OpenerKind) -> &'static str {
    match k {
        OpenerKind::Preambular => "preambular",
        OpenerKind::Operative => "operative",
    }
}

fn with_article(k: OpenerKind) -> &'static str {
    match k {
        OpenerKind::Preambular => "a preambular",
        OpenerKind::Operative => "an operative",
    }
}

/// The opener of one block.
pub fn block(src: &str, b: &Block, out: &mut Vec<Diagnostic>) {
    let expected = match (b.kind, b.part) {
        (BlockKind::Preambular, Part::Preamble) => OpenerKind::Preambular,
        (BlockKind::Operative, Part::Operative | Part::Preamble) => OpenerKind::Operative,
        _ => return,
    };
    let (Some(o), Some(o_range)) = (&b.opener, b.opener_range()) else {
        return;
    };
    let vocab = Vocabulary::get();
    match o.kind {
        Some(k) if k == expected => {}
        Some(k) => out.push(Diagnostic::new(
            Code::OpenerMisplaced,
            o_range.clone(),
            format!(
                "`{}` is {} opener, but opens {} paragraph",
                o.phrase,
                with_article(k),
                with_article(expected)
            ),
        )),
        None => {
            // After a before-adverb (`Also sresses`), suggest for the verb.
            let text = &src[o_range.start..b.span().end.max(o_range.end)];
            let words: Vec<&str> = text.split_whitespace().take(4).collect();
            let adverb = vocab.before_adverb_len(&words);
            let (word, range, lowered) = if adverb > 0 && words.len() > adverb {
                let w = words[adverb].trim_end_matches([',', ':', ';']);
                let start = o_range.start + text.find(words[adverb]).unwrap_or(0);
                (w, start..start + w.len(), true)
            } else {
                (o.phrase.as_str(), o_range.clone(), false)
            };
            if !likely_mistake(word, expected) {
                return;
            }
            let mut suggestions = vocab.suggestions(word, expected, lowered);
            // Only one clear suggestion is safe to apply unseen (`--fix`).
            let clear = suggestions.len() == 1;
            let mut msg = format!("`{word}` is not a known {} opener", kind_name(expected));
            let mut d;
            if !suggestions.is_empty() {
                let s = suggestions.swap_remove(0);
                msg.push_str(&format!("; did you mean `{s}`?"));
                d = Diagnostic::new(Code::OpenerUnknown, range.clone(), msg);
                let title = format!("Replace with `{s}`");
                let edits = vec![TextEdit { range, new_text: s }];
                d = if clear {
                    d.with_safe_fix(title, edits)
                } else {
                    d.with_fix(title, edits)
                };
            } else {
                d = Diagnostic::new(Code::OpenerUnknown, range, msg);
            }
            out.push(d);
        }
    }
}

/// Is an unlisted first word a likely mistake rather than an opener the
/// lists lack? The lists are not closed (`Continuing to take the view`,
/// `Recognises`), so a real English word of the right form is no mistake;
/// a word that is no English word (`Sresses`), or one that cannot open a
/// paragraph of this kind (an article or preposition; in the operative part
/// a word that is no verb in the third person, such as `Decide`), is.
fn likely_mistake(word: &str, expected: OpenerKind) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphabetic());
    if bare.is_empty() {
        return true;
    }
    if is_closed_class(bare) || !is_english_word(bare) {
        return true;
    }
    let w = bare.to_lowercase();
    // An adverb may come first (`Deeply`, `Strongly`).
    if w.ends_with("ly") {
        return false;
    }
    match expected {
        // A participle or an adjective.
        OpenerKind::Preambular => {
            !(PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
                || ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
                || ADJECTIVES.contains(&w.as_str()))
        }
        // A verb in the third person.
        OpenerKind::Operative => !w.ends_with('s'),
    }
}

const PARTICIPLE_ENDINGS: &[&str] = &["ing", "ed", "en", "wn"];
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ful", "ous", "ive", "ent", "ant", "al", "ible", "able", "ic", "ary", "ory", "less", "ile",
];
/// Adjectives that open preambles without a telling ending.
const ADJECTIVES: &[&str] = &["aware", "keen", "firm", "sure", "certain", "alert", "bound"];
