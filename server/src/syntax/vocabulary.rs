//! Clause-opener vocabularies, embedded from `server/data/vocabulary/`.
//!
//! An opener is `[before-adverb] entry [after-adverb] [with-phrase]`, where
//! `entry` comes from `preambular.txt` or `operative.txt` and the adverbs and
//! manner phrases from `adverbs.txt` (`Also notes`, `Recalling further`,
//! `Noting with deep concern`). The first word is matched case-sensitively,
//! as printed; after a before-adverb the entry's first letter is lower case.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::model::OpenerKind;

const PREAMBULAR: &str = include_str!("../../data/vocabulary/preambular.txt");
const OPERATIVE: &str = include_str!("../../data/vocabulary/operative.txt");
const ADVERBS: &str = include_str!("../../data/vocabulary/adverbs.txt");
/// English words in lower case, sorted bytewise (SCOWL): what tells an
/// unlisted opener that is a real word from a likely mistake.
const ENGLISH: &str = include_str!("../../data/vocabulary/english-words.txt");

/// Words that are no participle, adjective or verb, so never an opener
/// (articles, pronouns, prepositions, conjunctions).
const CLOSED_CLASS: &[&str] = &[
    "a", "about", "above", "after", "against", "all", "along", "although", "among", "an", "and",
    "any", "as", "at", "because", "before", "between", "both", "but", "by", "each", "either",
    "for", "from", "he", "her", "his", "i", "if", "in", "into", "it", "its", "my", "neither", "no",
    "nor", "not", "of", "on", "or", "our", "she", "since", "so", "some", "than", "that", "the",
    "their", "these", "they", "this", "those", "though", "through", "to", "under", "unless",
    "until", "upon", "we", "what", "when", "where", "whether", "which", "while", "who", "whose",
    "with", "within", "without", "you", "your",
];

/// The longest entry, in words (`Acting under Chapter VII of the Charter of the United Nations`).
const MAX_WORDS: usize = 16;

/// A fast hash for the short phrases looked up on every line (FxHash: the
/// maps are built from the embedded lists, so no untrusted keys).
type FxBuild = rustc_hash::FxBuildHasher;

/// Phrase → the kind of the entry it is (`None`: only the first words of
/// longer entries), so that matching stops at the first phrase that begins
/// no entry.
type Phrases = HashMap<String, Option<OpenerKind>, FxBuild>;

/// Adds an entry and the phrases of its first words; the first listing of
/// an entry decides its kind.
fn add_phrase(map: &mut Phrases, entry: &str, kind: OpenerKind) {
    for (i, _) in entry.match_indices(' ') {
        map.entry(entry[..i].to_string()).or_insert(None);
    }
    let slot = map.entry(entry.to_string()).or_insert(None);
    if slot.is_none() {
        *slot = Some(kind);
    }
}

pub struct Vocabulary {
    /// Entry text → kind (entries as listed, first letter as printed).
    entries: Phrases,
    /// Entry text with its first letter lowered → kind (after a before-adverb).
    lowered: Phrases,
    before: Vec<Vec<String>>,
    /// After-adverbs and manner phrases, word by word, longest first.
    pub after: Vec<Vec<String>>,
    pub with: Vec<Vec<String>>,
    /// First words that can begin an opener (entries and before-adverbs).
    first_words: HashSet<String, FxBuild>,
    /// All entries of each kind, in file order, for suggestions and completion.
    pub preambular: Vec<String>,
    pub operative: Vec<String>,
    /// For suggestions: the first word of each preambular / operative entry
    /// (in file order, each once), as listed and lowered, with its length
    /// in characters.
    suggestions: [Vec<FirstWord>; 2],
}

struct FirstWord {
    listed: String,
    lowered: String,
    /// Characters of `listed` and of `lowered`.
    chars: usize,
    lowered_chars: usize,
}

fn first_words_of(list: &[String]) -> Vec<FirstWord> {
    let mut seen = HashSet::<&str, FxBuild>::default();
    list.iter()
        .map(|e| e.split(' ').next().unwrap_or(e))
        .filter(|f| seen.insert(f))
        .map(|f| {
            let lowered = lower_first(f);
            FirstWord {
                listed: f.to_string(),
                lowered_chars: lowered.chars().count(),
                lowered,
                chars: f.chars().count(),
            }
        })
        .collect()
}

/// A matched opener: how many words it spans and the phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenerMatch {
    pub words: usize,
    pub kind: OpenerKind,
    /// The entry of the vocabulary that matched (without adverbs).
    pub entry: String,
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Vocabulary {
    pub fn get() -> &'static Vocabulary {
        static V: OnceLock<Vocabulary> = OnceLock::new();
        V.get_or_init(Vocabulary::load)
    }

    fn load() -> Vocabulary {
        let mut entries = Phrases::default();
        let mut lowered = Phrases::default();
        let mut preambular = Vec::new();
        let mut operative = Vec::new();
        for (text, kind) in [
            (PREAMBULAR, OpenerKind::Preambular),
            (OPERATIVE, OpenerKind::Operative),
        ] {
            for e in list(text) {
                let e = e.split_whitespace().collect::<Vec<_>>().join(" ");
                add_phrase(&mut entries, &e, kind);
                add_phrase(&mut lowered, &lower_first(&e), kind);
                match kind {
                    OpenerKind::Preambular => preambular.push(e),
                    OpenerKind::Operative => operative.push(e),
                }
            }
        }
        let (mut before, mut after, mut with) = (Vec::new(), Vec::new(), Vec::new());
        let mut section = "";
        for line in ADVERBS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let w = words_of(line);
            match section {
                "[before]" => before.push(w),
                "[after]" => after.push(w),
                "[with]" => with.push(w),
                _ => {}
            }
        }
        // Longest first, so that `Once again` wins over `Once`.
        for l in [&mut before, &mut after, &mut with] {
            l.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        let first_words = entries
            .iter()
            .filter(|(_, k)| k.is_some())
            .map(|(e, _)| e)
            .chain(before.iter().map(|w| &w[0]))
            .filter_map(|e| e.split(' ').next())
            .map(str::to_string)
            .collect();
        let suggestions = [first_words_of(&preambular), first_words_of(&operative)];
        Vocabulary {
            suggestions,
            first_words,
            entries,
            lowered,
            before,
            after,
            with,
            preambular,
            operative,
        }
    }

    /// Is `word` (as printed) the first word of some opener or before-adverb?
    pub fn is_known(&self, phrase: &str) -> Option<OpenerKind> {
        self.entries.get(phrase).copied().flatten()
    }

    /// The kind of opener a trimmed line starts with, if any. Most lines are
    /// turned away by their first word alone.
    pub fn line_opener(&self, line: &str) -> Option<OpenerKind> {
        let first = line
            .split_whitespace()
            .next()?
            .trim_end_matches([',', ':', ';']);
        if !self.first_words.contains(first) {
            return None;
        }
        let mut words = [""; MAX_WORDS];
        let mut n = 0;
        for w in line.split_whitespace().take(MAX_WORDS) {
            words[n] = w.trim_end_matches([',', ':', ';']);
            n += 1;
        }
        self.match_words(&words[..n]).map(|m| m.kind)
    }

    /// Matches the longest opener at the start of `words` (punctuation such as
    /// a trailing comma already stripped from each word).
    pub fn match_words(&self, words: &[&str]) -> Option<OpenerMatch> {
        let mut best: Option<OpenerMatch> = None;
        let mut consider = |m: OpenerMatch| {
            if best.as_ref().is_none_or(|b| m.words > b.words) {
                best = Some(m);
            }
        };
        // Without a before-adverb.
        if let Some((n, kind, entry)) = self.match_entry(words, false) {
            consider(OpenerMatch {
                words: n + self.match_tail(&words[n..]),
                kind,
                entry,
            });
        }
        for adv in &self.before {
            if starts_with_words(words, adv) {
                let rest = &words[adv.len()..];
                if let Some((n, kind, entry)) = self.match_entry(rest, true) {
                    let total = adv.len() + n;
                    consider(OpenerMatch {
                        words: total + self.match_tail(&words[total..]),
                        kind,
                        entry,
                    });
                }
            }
        }
        best
    }

    fn match_entry(&self, words: &[&str], lowered: bool) -> Option<(usize, OpenerKind, String)> {
        let map = if lowered {
            &self.lowered
        } else {
            &self.entries
        };
        let max = words.len().min(MAX_WORDS);
        let mut phrase = String::with_capacity(64);
        let mut found = None;
        for (i, w) in words[..max].iter().enumerate() {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
            match map.get(&phrase) {
                // No entry begins with these words.
                None => break,
                Some(None) => {}
                Some(&Some(k)) => found = Some((i + 1, k, phrase.clone())),
            }
        }
        found
    }

    /// Words of an after-adverb and a with-phrase that follow an entry.
    fn match_tail(&self, words: &[&str]) -> usize {
        let mut n = 0;
        if let Some(a) = self.after.iter().find(|a| starts_with_words(words, a)) {
            n += a.len();
        }
        if let Some(w) = self.with.iter().find(|w| starts_with_words(&words[n..], w)) {
            n += w.len();
        }
        n
    }

    /// The operative opener that `words` (in lower case, as after an
    /// introductory phrase: `urges`, `also requests`) start with.
    pub fn match_lowered(&self, words: &[&str]) -> Option<OpenerMatch> {
        let (n, kind, entry) = self.match_entry(words, true)?;
        Some(OpenerMatch {
            words: n + self.match_tail(&words[n..]),
            kind,
            entry,
        })
    }

    /// The before-adverb at the start of `words`, if any, in words.
    pub fn before_adverb_len(&self, words: &[&str]) -> usize {
        self.before
            .iter()
            .find(|a| starts_with_words(words, a))
            .map_or(0, |a| a.len())
    }

    /// The closest entry of `kind` to `word` (the paragraph's first word), when
    /// it is close enough to be a misspelling.
    pub fn suggest(&self, word: &str, kind: OpenerKind, lowered: bool) -> Option<String> {
        self.suggestions(word, kind, lowered).into_iter().next()
    }

    /// Every entry of `kind` at the smallest distance from `word`, when that
    /// is close enough to be a misspelling, each once, in file order (the
    /// first is `suggest`'s). One entry is a clear suggestion: `reso check
    /// --fix` applies only those.
    pub fn suggestions(&self, word: &str, kind: OpenerKind, lowered: bool) -> Vec<String> {
        let list = match kind {
            OpenerKind::Preambular => &self.suggestions[0],
            OpenerKind::Operative => &self.suggestions[1],
        };
        let word_len = word.chars().count();
        if word_len < 3 {
            return Vec::new();
        }
        let limit = if word_len <= 5 { 1 } else { 2 };
        // First words repeat across entries: each is kept once.
        let mut best_d = limit + 1;
        let mut best: Vec<&str> = Vec::new();
        for f in list {
            let (cand, chars) = if lowered {
                (&f.lowered, f.lowered_chars)
            } else {
                (&f.listed, f.chars)
            };
            // Farther apart in length than `limit`: too far.
            if chars.abs_diff(word_len) > limit || cand == word {
                continue;
            }
            let d = levenshtein(word, cand, limit + 1);
            if d > limit || d > best_d {
                continue;
            }
            if d < best_d {
                best_d = d;
                best.clear();
            }
            if !best.contains(&cand.as_str()) {
                best.push(cand);
            }
        }
        best.into_iter().map(str::to_string).collect()
    }
}

/// Is `word` (any case) an English word (SCOWL's lists)?
pub fn is_english_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let list = english_words();
    list.binary_search(&lower.as_str()).is_ok()
}

/// Is `word` (any case) an article, pronoun, preposition or conjunction?
pub fn is_closed_class(word: &str) -> bool {
    CLOSED_CLASS.contains(&word.to_lowercase().as_str())
}

fn english_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut v: Vec<&str> = ENGLISH
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        v.sort_unstable();
        v
    })
}

fn starts_with_words(words: &[&str], phrase: &[String]) -> bool {
    words.len() >= phrase.len() && phrase.iter().zip(words).all(|(p, w)| p == w)
}

/// Edit distance, giving up (returning `cap`) once it exceeds `cap`.
pub fn levenshtein(a: &str, b: &str, cap: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return edit_distance(a.as_bytes(), b.as_bytes(), cap);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    edit_distance(&a, &b, cap)
}

fn edit_distance<T: PartialEq>(a: &[T], b: &[T], cap: usize) -> usize {
    if a.len().abs_diff(b.len()) >= cap {
        return cap;
    }
    // Two rows; on the stack for words of up to 63 characters.
    const STACK: usize = 64;
    let mut heap = Vec::new();
    let mut stack = [0usize; 2 * STACK];
    let rows: &mut [usize] = if b.len() < STACK {
        &mut stack[..2 * (b.len() + 1)]
    } else {
        heap.resize(2 * (b.len() + 1), 0);
        &mut heap
    };
    let (mut prev, mut cur) = rows.split_at_mut(b.len() + 1);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min >= cap {
            return cap;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(usize, OpenerKind)> {
        let words: Vec<&str> = s.split_whitespace().collect();
        Vocabulary::get()
            .match_words(&words)
            .map(|m| (m.words, m.kind))
    }

    #[test]
    fn lists_are_broad() {
        let v = Vocabulary::get();
        assert!(v.preambular.len() > 100, "{}", v.preambular.len());
        assert!(v.operative.len() > 100, "{}", v.operative.len());
    }

    #[test]
    fn matches_openers_with_adverbs() {
        use OpenerKind::*;
        assert_eq!(m("Recalling its resolution"), Some((1, Preambular)));
        assert_eq!(m("Recalling also Economic"), Some((2, Preambular)));
        assert_eq!(m("Also noting the"), Some((2, Preambular)));
        assert_eq!(m("Noting with deep concern that"), Some((4, Preambular)));
        assert_eq!(m("Bearing in mind that"), Some((3, Preambular)));
        assert_eq!(m("Further requests the"), Some((2, Operative)));
        assert_eq!(m("Once again expresses its concern"), Some((5, Operative)));
        assert_eq!(m("Strongly urges all"), Some((2, Operative)));
        assert_eq!(m("Decides to remain seized of"), Some((4, Operative)));
        assert_eq!(m("Takes note of the report"), Some((3, Operative)));
    }

    #[test]
    fn first_word_is_case_sensitive() {
        assert_eq!(m("recalling its resolution"), None);
        assert_eq!(m("Sresses that"), None);
        assert_eq!(m("The General Assembly"), None);
    }

    #[test]
    fn suggests_close_openers_only() {
        let v = Vocabulary::get();
        assert_eq!(
            v.suggest("Sresses", OpenerKind::Operative, false)
                .as_deref(),
            Some("Stresses")
        );
        assert_eq!(v.suggest("Banana", OpenerKind::Operative, false), None);
        assert_eq!(
            v.suggest("Recallign", OpenerKind::Preambular, false)
                .as_deref(),
            Some("Recalling")
        );
    }

    /// `suggest` as first written: every entry, its first word made anew.
    fn suggest_over_every_entry(word: &str, kind: OpenerKind, lowered: bool) -> Option<String> {
        let v = Vocabulary::get();
        let list = match kind {
            OpenerKind::Preambular => &v.preambular,
            OpenerKind::Operative => &v.operative,
        };
        let word_len = word.chars().count();
        if word_len < 3 {
            return None;
        }
        let limit = if word_len <= 5 { 1 } else { 2 };
        let mut best: Option<(usize, &str)> = None;
        for e in list {
            let first = e.split(' ').next().unwrap_or(e);
            let cand = if lowered {
                lower_first(first)
            } else {
                first.to_string()
            };
            if cand == word {
                continue;
            }
            let d = levenshtein(word, &cand, limit + 1);
            if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, first));
            }
        }
        best.map(|(_, f)| {
            if lowered {
                lower_first(f)
            } else {
                f.to_string()
            }
        })
    }

    #[test]
    fn suggestions_are_those_of_every_entry() {
        let v = Vocabulary::get();
        let mut words: Vec<String> = vec!["Sresses".into(), "Banana".into(), "Noté".into()];
        for e in v.preambular.iter().chain(&v.operative).step_by(7) {
            let f: Vec<char> = e.split(' ').next().unwrap().chars().collect();
            for k in 0..f.len() {
                let mut dropped = f.clone();
                dropped.remove(k);
                words.push(dropped.iter().collect());
                let mut changed = f.clone();
                changed[k] = if f[k] == 'é' { 'e' } else { 'é' };
                words.push(changed.iter().collect());
            }
            words.push(f.iter().collect());
        }
        for w in &words {
            for kind in [OpenerKind::Preambular, OpenerKind::Operative] {
                for lowered in [false, true] {
                    let w = if lowered { lower_first(w) } else { w.clone() };
                    assert_eq!(
                        v.suggest(&w, kind, lowered),
                        suggest_over_every_entry(&w, kind, lowered),
                        "{w} {kind:?} {lowered}"
                    );
                }
            }
        }
    }

    #[test]
    fn edit_distance_on_bytes_and_characters() {
        assert_eq!(levenshtein("Recallign", "Recalling", 3), 2);
        assert_eq!(levenshtein("Notéd", "Noted", 3), 1);
        assert_eq!(levenshtein("a", "abcdef", 3), 3);
        let long = "x".repeat(70);
        assert_eq!(levenshtein(&long, &format!("{long}y"), 3), 1);
    }
}
