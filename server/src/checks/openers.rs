//! `opener-unknown` and `opener-misplaced`: a paragraph starts with a known
//! opener of its own kind.

use crate::diagnostic::{Code, Diagnostic, TextEdit};
use crate::syntax::vocabulary::Vocabulary;
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
