//! pdftotext `-layout` keeps the page's indents: every line is indented, a
//! paragraph's continuation lines sit at their own depth (under the text after
//! the number, `     2.    Recalls ...` then eleven spaces), and lines end
//! anywhere, after commas and footnote references too. A line as deep as the
//! one above, or as deep as the text after the marker above, goes on with its
//! paragraph (SPEC section 2: layouts are examples, read by evidence).

mod support;

use reso::syntax::{BlockKind, Layout};
use support::{diagnostics, run};

/// A/RES/80/34 typeset by the extraction lab and read back by `pdftotext
/// -layout`: its 36 operative paragraphs and their lists read as in the
/// source, and nothing is reported (the source has no defect).
#[test]
fn pdftotext_layout_reads_like_its_source() {
    for style in ["oneline", "separate", "sectiontop"] {
        let path = format!(
            "{}/../tests/extraction/out/A-RES-80-34/{style}/pdftotext-layout.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let a = run(&src);
        assert_eq!(a.doc.layout, Layout::Indented, "{style}");
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        let count = |k: BlockKind| a.doc.blocks.iter().filter(|b| b.kind == k).count();
        assert_eq!(
            (count(BlockKind::Preambular), count(BlockKind::Operative)),
            (11, 36),
            "{style}"
        );
    }
}

/// A continuation after a comma that starts with a capital, at the depth of
/// the text after the number above, and one as deep as the line above, go
/// on with their paragraph; a one-space indent still starts one.
#[test]
fn continuations_at_their_own_depth() {
    let src = "The General Assembly,\n\
               \x20Recalling its resolution 79/1,\n\
               \x20    1.    Recalls that article I, paragraph 5, of the Convention on the Development,\n\
               \x20          Production, Stockpiling and Use of Chemical Weapons provides that\n\
               \x20          each State Party undertakes not to use riot control agents;\n\
               \x20    2.    Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let one = (a.doc.blocks.iter())
        .position(|b| b.kind == BlockKind::Operative)
        .unwrap();
    assert_eq!(a.doc.blocks[one].lines.len(), 3);
}
