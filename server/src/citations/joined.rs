//! The text of one block as one line: its lines trimmed and joined with a
//! single space, footnote references cut out, with a map back to document
//! byte offsets. Citations wrap across lines (`64/187 of` / `21 December
//! 2009`) and footnote references stick to years (`20242`): the recogniser
//! reads this text and reports document ranges.

use std::ops::Range;

#[derive(Debug, Clone, Copy)]
struct Seg {
    /// Start in the joined text.
    joined: usize,
    /// Start in the document.
    doc: usize,
    len: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Joined {
    pub text: String,
    segs: Vec<Seg>,
    /// The excluded ranges of the last line pushed (their address and
    /// length) and the index of the first that ended after its start: lines
    /// come in text order, so the next search starts there.
    hint: (usize, usize, usize),
}

impl Joined {
    pub fn clear(&mut self) {
        self.text.clear();
        self.segs.clear();
    }

    /// Appends `src[r]` with every run of blanks shown as one space: the
    /// spaces a justified line's extraction widens (`70/52  of  7  December`)
    /// must not break a citation that one space would not.
    fn push_piece(&mut self, src: &str, r: Range<usize>) {
        let b = src.as_bytes();
        // A single space is copied with its neighbours; any other run of
        // blanks ends the segment and is written as one space, or as none
        // after a space already written.
        let plain = |text: &str, at: usize| {
            b[at] == b' '
                && !(at + 1 < r.end && is_blank(b[at + 1]))
                && (at > r.start || !text.ends_with(' '))
        };
        let mut from = r.start;
        while from < r.end {
            let mut end = from;
            while end < r.end && (!is_blank(b[end]) || plain(&self.text, end)) {
                end += 1;
            }
            if end > from {
                self.segs.push(Seg {
                    joined: self.text.len(),
                    doc: from,
                    len: end - from,
                });
                self.text.push_str(&src[from..end]);
            }
            let word = end + b[end..r.end].iter().take_while(|c| is_blank(**c)).count();
            if word > end && !self.text.is_empty() && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
            from = word;
        }
    }

    /// Appends a line of the document, trimmed, without the bytes of
    /// `exclude` (sorted, non-overlapping ranges, e.g. footnote references).
    pub fn push_line(&mut self, src: &str, line: Range<usize>, exclude: &[Range<usize>]) {
        let text = &src[line.clone()];
        let start = line.start + (text.len() - text.trim_start().len());
        let end = line.start + text.trim_end().len();
        if start >= end {
            return;
        }
        // A symbol wrapped after a slash (`A/CONF.192/`, then `15)`: text
        // wrapped at a width, as `w3m` and `lynx` do) goes on without a space.
        let wrapped = self.text.ends_with('/')
            && (self.text.as_bytes().iter().rev().nth(1)).is_some_and(u8::is_ascii_alphanumeric)
            && src.as_bytes()[start].is_ascii_alphanumeric();
        if !self.text.is_empty() && !wrapped {
            self.text.push(' ');
        }
        // The excluded ranges that overlap this line.
        let first = self.first_after(exclude, start);
        let mut pos = start;
        for r in &exclude[first..] {
            if r.start >= end {
                break;
            }
            let cut_start = r.start.max(pos);
            if cut_start > pos && src.is_char_boundary(cut_start) {
                self.push_piece(src, pos..cut_start);
            }
            pos = pos.max(r.end.min(end));
        }
        if pos < end && src.is_char_boundary(pos) {
            self.push_piece(src, pos..end);
        }
    }

    /// The index of the first range of `exclude` that ends after `start`
    /// (`partition_point`), searched from where the last line's search
    /// ended when the same ranges are passed and that is still below it.
    fn first_after(&mut self, exclude: &[Range<usize>], start: usize) -> usize {
        let (addr, len, h) = self.hint;
        let same = addr == exclude.as_ptr() as usize && len == exclude.len();
        let first = if same && h <= len && (h == 0 || exclude[h - 1].end <= start) {
            // Gallop: everything before `lo` ends at or before `start`.
            let (mut lo, mut hi, mut step) = (h, h, 1);
            while hi < len && exclude[hi].end <= start {
                lo = hi + 1;
                hi += step;
                step *= 2;
            }
            let hi = hi.min(len);
            lo + exclude[lo..hi].partition_point(|r| r.end <= start)
        } else {
            exclude.partition_point(|r| r.end <= start)
        };
        self.hint = (exclude.as_ptr() as usize, exclude.len(), first);
        first
    }

    fn seg_for(&self, j: usize) -> Option<&Seg> {
        let i = self.segs.partition_point(|s| s.joined <= j);
        i.checked_sub(1).map(|i| &self.segs[i])
    }

    /// The document offset of joined offset `j` (a start position).
    pub fn doc(&self, j: usize) -> usize {
        match self.seg_for(j) {
            Some(s) if j < s.joined + s.len => s.doc + (j - s.joined),
            Some(s) => s.doc + s.len,
            None => self.segs.first().map(|s| s.doc).unwrap_or(0),
        }
    }

    /// The document range of a joined range.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.doc(r.start);
        if r.end <= r.start {
            return start..start;
        }
        let last = r.end - 1;
        let end = match self.seg_for(last) {
            Some(s) if last < s.joined + s.len => s.doc + (last - s.joined) + 1,
            Some(s) => s.doc + s.len,
            None => start,
        };
        start..end.max(start)
    }
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_and_maps_back() {
        let src = "Recalling its resolution 64/187 of\n  21 December 2009,\n";
        let mut j = Joined::default();
        j.push_line(src, 0..34, &[]);
        j.push_line(src, 35..54, &[]);
        assert_eq!(
            j.text,
            "Recalling its resolution 64/187 of 21 December 2009,"
        );
        let at = j.text.find("21 December").unwrap();
        let r = j.doc_range(at..at + "21 December 2009".len());
        assert_eq!(&src[r], "21 December 2009");
        let at = j.text.find("of 21").unwrap();
        let r = j.doc_range(at..at + 5);
        assert_eq!(&src[r], "of\n  21");
    }

    #[test]
    fn the_search_from_the_last_line_finds_what_a_full_search_finds() {
        let exclude: Vec<Range<usize>> = (0..200).map(|k| k * 10 + 3..k * 10 + 5).collect();
        let mut j = Joined::default();
        // Forward in small and large steps, then backward, then other ranges.
        let starts = (0..2100)
            .step_by(7)
            .chain((0..2100).step_by(450))
            .chain((0..2100).rev().step_by(13));
        for start in starts {
            let want = exclude.partition_point(|r| r.end <= start);
            assert_eq!(j.first_after(&exclude, start), want, "{start}");
            assert_eq!(
                j.first_after(&exclude[..50], start),
                want.min(50),
                "{start}"
            );
        }
        assert_eq!(j.first_after(&[], 5), 0);
    }

    #[test]
    fn runs_of_blanks_read_as_one_space() {
        // pdfminer widens the spaces of a justified line; a reference cut
        // out between two blanks leaves one space too.
        let src = "resolutions  70/52  of  7\tDecember  2015, Treaty4  that";
        let refpos = src.find("Treaty4").unwrap() + 6;
        let mut j = Joined::default();
        let cut = refpos..refpos + 1;
        j.push_line(src, 0..src.len(), std::slice::from_ref(&cut));
        assert_eq!(j.text, "resolutions 70/52 of 7 December 2015, Treaty that");
        let at = j.text.find("of 7 December").unwrap();
        assert_eq!(&src[j.doc_range(at..at + 13)], "of  7\tDecember");
        let at = j.text.find("70/52").unwrap();
        assert_eq!(&src[j.doc_range(at..at + 5)], "70/52");
        let at = j.text.find("that").unwrap();
        assert_eq!(&src[j.doc_range(at..at + 4)], "that");
    }

    #[test]
    fn cuts_out_excluded_ranges() {
        let src = "adopted on 25 November 20242 and";
        let refpos = src.find("20242").unwrap() + 4;
        let mut j = Joined::default();
        let cut = refpos..refpos + 1;
        j.push_line(src, 0..src.len(), std::slice::from_ref(&cut));
        assert_eq!(j.text, "adopted on 25 November 2024 and");
        let at = j.text.find("2024").unwrap();
        assert_eq!(&src[j.doc_range(at..at + 4)], "2024");
        assert_eq!(j.doc(at + 4), refpos + 1);
    }
}
