#!/usr/bin/env python3
"""The extraction lab: typeset each source draft as a UN-style PDF, in several
page styles, read every PDF back with nine common extractors, and write what
they give as fixtures for `server/tests/extraction_lab.rs`.

    python3 tests/extraction/lab.py                  # everything
    python3 tests/extraction/lab.py A-RES-80-24      # some sources only
    python3 tests/extraction/lab.py --keep-pdf       # keep the PDFs in pdf/
    python3 tests/extraction/lab.py --compendium=sc-and-ga=S-RES-242-1967,A-RES-80-14
                                                     # one more compendium, of those sources

Outputs (all under tests/extraction/):
    out/<source>/<variant>/<extractor>.txt   the extracted texts (committed)
    out/<compendium>/MEMBERS                 the sources a compendium holds
    out/VERSIONS.txt                         the extractor versions used
    pdf/<source>-<variant>.pdf               the PDFs (not committed)
"""
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
OUT = os.path.join(HERE, "out")
PDF = os.path.join(HERE, "pdf")

# Page styles.
#   separate:    running head = symbol line, then the short title on its own
#                line(s); foot = page number, job number and barcode on three
#                lines (as PyMuPDF often reads UN PDFs).
#   oneline:     running head `A/RES/80/24 Nuclear disarmament` and foot
#                `3/6 25-19824` each on one baseline.
#   sectiontop:  as `separate`, and every section heading (or, in a text
#                without one, the annex heading and OP 1) starts a new page.
#   compact:     a word processor's page rather than the Secretariat's: 11 pt
#                on narrower margins (so every line and page breaks elsewhere),
#                no space between paragraphs (a preambular paragraph shows only
#                by its first-line indent), the footnote rule drawn as a line
#                (no underscores to read), footnote numbers raised in the notes
#                too, the page number centred at the top (`- 2 -`) beside the
#                symbol, and the job number alone at the foot.
#   docx:        not a PDF: a Word document (word.py), converted to text by
#                pandoc and mammoth (its own extractors, WORD_EXTRACTORS).
#   html:        the Word document as pandoc's web page, read as text by
#                html2text, w3m and lynx (WEB_EXTRACTORS).
#   writer:      the Word document printed as PDF by LibreOffice Writer (no
#                running head or foot), read by the PDF extractors.
VARIANTS = ["separate", "oneline", "sectiontop", "compact", "docx", "html", "writer"]

# Compendia: several sources typeset one after another in one document.
COMPENDIA = {
    "compendium-all": None,  # every source, in name order
}

# Job numbers known from the published PDFs; the others are made up in the
# same form (`25-1xxxx`) from the source's name.
JOBS = {
    "A-RES-80-5": "25-17700",
    "A-RES-80-6": "25-18301",
    "A-RES-80-10": "25-19432",
    "A-RES-80-24": "25-19824",
}

# ---------------------------------------------------------------- fonts

FONT_DIRS = [
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
]


def register_fonts():
    """Liberation Serif (metric-compatible with Times New Roman, the UN's
    font) when installed, else the PDF base-14 Times."""
    for d in FONT_DIRS:
        reg = os.path.join(d, "LiberationSerif-Regular.ttf")
        if os.path.exists(reg):
            for name, file in [
                ("UN", "LiberationSerif-Regular.ttf"),
                ("UN-Italic", "LiberationSerif-Italic.ttf"),
                ("UN-Bold", "LiberationSerif-Bold.ttf"),
                ("UN-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
            ]:
                pdfmetrics.registerFont(TTFont(name, os.path.join(d, file)))
            from reportlab.pdfbase.pdfmetrics import registerFontFamily

            registerFontFamily(
                "UN", normal="UN", bold="UN-Bold", italic="UN-Italic", boldItalic="UN-BoldItalic"
            )
            return "UN", "UN-Italic", "UN-Bold"
    return "Times-Roman", "Times-Italic", "Times-Bold"


FONT, ITALIC, BOLD = register_fonts()

BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=12, alignment=TA_JUSTIFY)
HEAD = ParagraphStyle("head", fontName=FONT, fontSize=10, leading=12, alignment=TA_LEFT)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=13, leading=15, alignment=TA_LEFT)
SECTION = ParagraphStyle("section", fontName=BOLD, fontSize=10, leading=12, alignment=TA_LEFT)
CENTRED = ParagraphStyle("centred", fontName=BOLD, fontSize=11, leading=13, alignment=TA_CENTER)
NOTE = ParagraphStyle(
    "note", fontName=FONT, fontSize=8, leading=9.5, leftIndent=14, bulletIndent=4,
    bulletFontName=FONT, bulletFontSize=8, alignment=TA_LEFT
)

PAGE_W, PAGE_H = A4
LEFT = 30 * mm
RIGHT = PAGE_W - 30 * mm
WIDTH = RIGHT - LEFT
TOP = PAGE_H - 30 * mm
BOTTOM = 30 * mm
GAP = 6  # points between paragraphs
RAISED_NOTE_NUMBERS = False  # footnote numbers raised in the notes (compact)
DRAWN_RULE = False  # the footnote rule drawn as a line, not underscores (compact)


def set_page_style(variant):
    """The geometry and type of a page style (`compact` differs; the others
    share the Secretariat's)."""
    global BODY, HEAD, NOTE, LEFT, RIGHT, WIDTH, TOP, BOTTOM, GAP
    global RAISED_NOTE_NUMBERS, DRAWN_RULE
    compact = variant == "compact"
    size, leading = (11, 13) if compact else (10, 12)
    BODY = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=leading,
                          alignment=TA_JUSTIFY)
    HEAD = ParagraphStyle("head", fontName=FONT, fontSize=size, leading=leading,
                          alignment=TA_LEFT)
    note_size, note_leading = (9, 10.5) if compact else (8, 9.5)
    NOTE = ParagraphStyle(
        "note", fontName=FONT, fontSize=note_size, leading=note_leading,
        leftIndent=0 if compact else 14, bulletIndent=4, bulletFontName=FONT,
        bulletFontSize=note_size, alignment=TA_LEFT
    )
    margin = 25 * mm if compact else 30 * mm
    LEFT, RIGHT = margin, PAGE_W - margin
    WIDTH = RIGHT - LEFT
    TOP = PAGE_H - (28 * mm if compact else 30 * mm)
    BOTTOM = 28 * mm if compact else 30 * mm
    GAP = 0 if compact else 6
    RAISED_NOTE_NUMBERS = DRAWN_RULE = compact

# ---------------------------------------------------------------- reading a source


class Element:
    def __init__(self, kind, text, marker=None, level=0):
        self.kind = kind  # heading title chapeau pp op sub section annex annextitle para meeting star
        self.text = text
        self.marker = marker
        self.level = level


def parse_source(text):
    """The draft's blocks, as the typesetter needs them (the source drafts
    are clean: one block per paragraph, blank lines between)."""
    body, notes = [], {}
    blocks = [b for b in re.split(r"\n[ \t]*\n", text.strip("\n")) if b.strip()]
    seen_chapeau = in_annex = False
    after_annex = False
    last_letter = None
    heading_blocks = []
    for b in blocks:
        m = re.match(r"\[\^(\d+)\]:\s*(.*)", b, re.S)
        if m:
            notes[int(m.group(1))] = " ".join(m.group(2).split())
            continue
        one = " ".join(b.split())
        if not seen_chapeau:
            if re.match(r"The (General Assembly|Security Council|[A-Z][\w ]+ Council)\b", one):
                seen_chapeau = True
                body.extend(heading_blocks_to_elements(heading_blocks))
                body.append(Element("chapeau", one))
            else:
                heading_blocks.append(b)
            continue
        if after_annex:
            body.append(Element("annextitle", one))
            after_annex = False
            continue
        if re.match(r"\d+(st|nd|rd|th) plenary meeting\b|Adopted (unanimously )?at\b", one):
            body.append(Element("meeting", b))  # keep its line break
            continue
        if re.match(r"Annex\b", one):
            body.append(Element("annex", one))
            in_annex = after_annex = True
            continue
        m = re.match(r"(\[?\d+(?: (?:bis|ter|quater))?\.)\s+(.*)", one)
        if m:
            body.append(Element("op", m.group(2), m.group(1)))
            last_letter = None
            continue
        m = re.match(r"(\[?\(([a-z]+)\))\s+(.*)", one)
        if m:
            letter = m.group(2)
            roman = re.fullmatch(r"[ivxl]+", letter) and not (
                letter == "i" and last_letter == "h"
            ) and not (letter in ("v", "x", "l") and last_letter in ("u", "w", "k"))
            if roman:
                body.append(Element("sub", m.group(3), m.group(1), 2))
            else:
                last_letter = letter
                body.append(Element("sub", m.group(3), m.group(1), 1))
            continue
        if not re.search(r"[,;:.]\]?(\[\^\d+\])?$", one) and len(one) < 120:
            body.append(Element("section", one))
            continue
        if in_annex:
            body.append(Element("para", one))
        elif any(e.kind == "op" for e in body):
            # An unnumbered paragraph in the operative part (the single
            # operative paragraph of 80/5, items of a list that lost markers).
            body.append(Element("para", one))
        elif body and body[-1].kind == "chapeau" and not body[-1].text.endswith(","):
            body.append(Element("para", one))
        else:
            body.append(Element("pp", one))
    return body, notes


def heading_blocks_to_elements(blocks):
    out = []
    for i, b in enumerate(blocks):
        one = " ".join(b.split())
        if i == len(blocks) - 1:
            out.append(Element("title", b))
        elif one.startswith("* "):
            out.append(Element("star", one[2:]))
        else:
            out.append(Element("heading", b))
    return out


def symbol_and_title(body, name):
    """The symbol and the short title for the running head."""
    title = next((e.text for e in body if e.kind == "title"), name)
    title = " ".join(title.split())
    m = re.match(r"(\d+)/(\d+)\. (.*)", title)
    if m:
        return "A/RES/%s/%s" % (m.group(1), m.group(2)), m.group(3)
    heads = " ".join(e.text for e in body if e.kind == "heading")
    m = re.search(r"Resolution (\d+) \((\d{4})\)", heads + " " + title)
    if m:
        return "S/RES/%s (%s)" % (m.group(1), m.group(2)), title
    m = re.search(r"\b([AES]/[A-Z0-9./-]+/L\.\d+)", heads)
    if m:
        return m.group(1), title
    return name, title


def job_number(name):
    if name in JOBS:
        return JOBS[name]
    h = int(hashlib.sha1(name.encode()).hexdigest(), 16)
    return "25-1%04d" % (h % 10000)


# ---------------------------------------------------------------- markup

OPENER_TAIL = {
    "also", "further", "again", "furthermore", "in", "mind", "with", "deep", "grave",
    "serious", "concern", "appreciation", "satisfaction", "note", "regret", "alarm",
}


def markup(text, italic_opener=False):
    """Escape the text, turn `[^N]` into superscripts and put the opener in
    italics."""
    parts = re.split(r"(\[\^\d+\])", text)
    out = []
    first = True
    for p in parts:
        m = re.fullmatch(r"\[\^(\d+)\]", p)
        if m:
            out.append("<super>%s</super>" % m.group(1))
            continue
        # Liberation Serif has no glyph for the non-breaking hyphen (U+2011)
        # that UN texts use; Word's PDFs show it as a hyphen too.
        s = html.escape(p.replace("\u2011", "-"), quote=False)
        if first and italic_opener:
            words = s.split(" ")
            k = 1
            while k < len(words) and words[k].rstrip(",") in OPENER_TAIL:
                k += 1
            # `Bearing in mind`, `Taking note`: two-word openers.
            if k == 1 and len(words) > 2 and words[1] in ("in", "note") :
                k = 2
            lead = " ".join(words[:k])
            rest = " ".join(words[k:])
            s = "<i>%s</i>%s%s" % (lead, " " if rest else "", rest)
        first = False
        out.append(s)
    return "".join(out)


def refs_in(text):
    return [int(n) for n in re.findall(r"\[\^(\d+)\]", text)]


# ---------------------------------------------------------------- layout


class Item:
    """One paragraph to place: its flowable, the footnotes it references,
    space before, and whether it must start a page."""

    def __init__(self, flow, refs, before=None, new_page=False, keep_with_next=False):
        self.flow = flow
        self.refs = refs
        self.before = GAP if before is None else before
        self.new_page = new_page
        self.keep = keep_with_next


def items_for(body, notes, variant):
    items = []
    sections = [e for e in body if e.kind == "section"]
    ops = [e for e in body if e.kind == "op"]
    for e in body:
        new_page = False
        if variant == "sectiontop":
            if e.kind == "section" or e.kind == "annex":
                new_page = True
            elif not sections and ops and e is ops[len(ops) // 2]:
                new_page = True
        if e.kind == "heading":
            for line in e.text.split("\n"):
                items.append(Item(Paragraph(markup(line), HEAD), [], before=2))
        elif e.kind == "star":
            continue  # the sponsors' note goes to the foot of page 1 (layout)
        elif e.kind == "title":
            items.append(Item(Paragraph(markup(e.text).replace("\n", "<br/>"), TITLE), [], before=14))
        elif e.kind == "chapeau":
            items.append(Item(Paragraph("<i>%s</i>" % markup(e.text), BODY), [], before=14))
        elif e.kind == "pp":
            style = ParagraphStyle("pp", parent=BODY, firstLineIndent=36)
            items.append(Item(Paragraph(markup(e.text, True), style), refs_in(e.text), new_page=new_page))
        elif e.kind == "op":
            style = ParagraphStyle("op", parent=BODY, leftIndent=36, bulletIndent=14, bulletFontName=FONT)
            items.append(
                Item(
                    Paragraph(markup(e.text, True), style, bulletText=e.marker),
                    refs_in(e.text),
                    new_page=new_page,
                )
            )
        elif e.kind == "sub":
            indent = 36 + 28 * e.level
            style = ParagraphStyle(
                "sub", parent=BODY, leftIndent=indent, bulletIndent=indent - 26, bulletFontName=FONT
            )
            items.append(
                Item(Paragraph(markup(e.text), style, bulletText=e.marker), refs_in(e.text))
            )
        elif e.kind == "para":
            style = ParagraphStyle("para", parent=BODY, firstLineIndent=36)
            items.append(Item(Paragraph(markup(e.text), style), refs_in(e.text)))
        elif e.kind == "section":
            items.append(
                Item(Paragraph(markup(e.text), SECTION), refs_in(e.text), before=12,
                     new_page=new_page, keep_with_next=True)
            )
        elif e.kind == "annex":
            items.append(Item(Paragraph(markup(e.text), CENTRED), [], before=18, new_page=True,
                              keep_with_next=True))
        elif e.kind == "annextitle":
            items.append(Item(Paragraph(markup(e.text), CENTRED), refs_in(e.text), before=8,
                              keep_with_next=True))
        elif e.kind == "meeting":
            style = ParagraphStyle("meeting", parent=HEAD, alignment=TA_CENTER if False else TA_LEFT,
                                   leftIndent=WIDTH * 0.55)
            items.append(Item(Paragraph(markup(e.text).replace("\n", "<br/>"), style), [], before=18))
    return items


def note_flow(n, notes):
    text = notes.get(n, "")
    if RAISED_NOTE_NUMBERS:
        return Paragraph("<super>%d</super> %s" % (n, markup(text)), NOTE)
    return Paragraph(markup(text), NOTE, bulletText=str(n))


class Page:
    def __init__(self, res):
        self.res = res  # (symbol, title, job) of the resolution this page belongs to
        self.placed = []  # (flowable, y_top)
        self.notes = []  # flowables
        self.notes_h = 0.0
        self.y = TOP
        self.first = False


def notes_height(flows):
    h = 0.0
    for f in flows:
        _, fh = f.wrap(WIDTH, PAGE_H)
        h += fh + 1
    return h + (10 if flows else 0)  # the rule and its space


def layout(resolutions, variant):
    """Pages for the resolutions (each a (body, notes, symbol, title, job))."""
    pages = []
    for body, notes, symbol, title, job in resolutions:
        items = items_for(body, notes, variant)
        page = Page((symbol, title, job))
        page.first = True
        pages.append(page)
        star = [e.text for e in body if e.kind == "star"]
        if star:
            # The sponsors' note of a draft: at the foot of the first page.
            page.notes.append(Paragraph(markup("* " + star[0]), NOTE))
            page.notes_h = notes_height(page.notes)
        referenced = set()
        queue = list(items)
        i = 0
        while i < len(queue):
            it = queue[i]
            new_refs = [n for n in it.refs if n not in referenced and n in notes]
            new_notes = [note_flow(n, notes) for n in dict.fromkeys(new_refs)]
            if it.new_page and page.placed:
                page = Page((symbol, title, job))
                pages.append(page)
                it.new_page = False
            _, h = it.flow.wrap(WIDTH, PAGE_H)
            before = it.before if page.placed else 0
            extra = 0.0
            if it.keep and i + 1 < len(queue):
                _, extra = queue[i + 1].flow.wrap(WIDTH, PAGE_H)
                extra = min(extra, 40) + GAP
            room = page.y - BOTTOM - notes_height(page.notes + new_notes)
            if before + h + extra <= room:
                page.placed.append((it.flow, page.y - before))
                page.y -= before + h
                page.notes.extend(new_notes)
                referenced.update(new_refs)
                i += 1
                continue
            # Split the paragraph: the first part on this page, the rest on
            # the next; the notes go where their reference lands.
            room_plain = page.y - BOTTOM - notes_height(page.notes) - before
            parts = []
            if not it.keep and room_plain > 30:
                for cut in range(int(room_plain), 24, -12):
                    parts = it.flow.split(WIDTH, cut)
                    if len(parts) == 2:
                        first_refs = [n for n in refs_of_flow(parts[0]) if n in new_refs]
                        first_notes = [note_flow(n, notes) for n in dict.fromkeys(first_refs)]
                        _, h1 = parts[0].wrap(WIDTH, PAGE_H)
                        if before + h1 <= page.y - BOTTOM - notes_height(page.notes + first_notes):
                            break
                    parts = []
            if len(parts) == 2:
                first_refs = [n for n in refs_of_flow(parts[0]) if n in new_refs]
                _, h1 = parts[0].wrap(WIDTH, PAGE_H)
                page.placed.append((parts[0], page.y - before))
                page.y -= before + h1
                page.notes.extend(note_flow(n, notes) for n in dict.fromkeys(first_refs))
                referenced.update(first_refs)
                rest = Item(parts[1], [n for n in it.refs if n not in first_refs], before=0)
                queue[i] = rest
            elif not page.placed:
                # Taller than a page and cannot split: place it anyway.
                page.placed.append((it.flow, page.y))
                page.y -= h
                page.notes.extend(new_notes)
                referenced.update(new_refs)
                i += 1
                continue
            page = Page((symbol, title, job))
            pages.append(page)
    return pages


def refs_of_flow(p):
    """The footnote numbers set as superscripts in a (split) paragraph."""
    p.wrap(WIDTH, PAGE_H)
    bl = getattr(p, "blPara", None)
    out = []
    if bl is None or getattr(bl, "kind", 0) != 1:
        return out  # one font, no markup: no superscript
    for line in bl.lines:
        for f in getattr(line, "words", []):
            if getattr(f, "rise", 0) and str(getattr(f, "text", "")).strip().isdigit():
                out.append(int(f.text.strip()))
    return out


def draw(pages, path, variant):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(os.path.basename(path))
    # Page numbers count within each resolution.
    counts = {}
    for p in pages:
        counts[p.res] = counts.get(p.res, 0) + 1
    k = {}
    for p in pages:
        symbol, title, job = p.res
        n = k[p.res] = k.get(p.res, 0) + 1
        total = counts[p.res]
        barcode = "*%s*" % job.replace("-", "")
        even = n % 2 == 0
        c.setFont(FONT, 10)
        if p.first:
            # The heading lines (`United Nations`, `General Assembly Distr.:
            # General ...`) are the source's own; the symbol stands above them.
            c.setFont(BOLD, 14)
            c.drawRightString(RIGHT, PAGE_H - 18 * mm, symbol)
            c.setLineWidth(0.6)
            c.line(LEFT, PAGE_H - 21 * mm, RIGHT, PAGE_H - 21 * mm)
            c.setFont(FONT, 8)
            c.drawString(LEFT, 16 * mm, "%s (E)" % job)
            c.setFont(FONT, 14)
            c.drawString(LEFT, 10 * mm, barcode)
        elif variant == "compact":
            c.setFont(FONT, 10)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 16 * mm, "- %d -" % n)
            c.drawRightString(RIGHT, PAGE_H - 16 * mm, symbol)
            c.setFont(FONT, 8)
            c.drawString(LEFT, 14 * mm, job)
        else:
            short = title if len(title) <= 70 else title[:70].rsplit(" ", 1)[0]
            x_sym = RIGHT if not even else LEFT
            if variant == "oneline":
                c.setFont(BOLD, 9)
                line = "%s %s" % (symbol, short) if even else "%s %s" % (short, symbol)
                c.setFont(FONT, 9)
                if even:
                    c.drawString(LEFT, PAGE_H - 18 * mm, symbol)
                    c.drawString(LEFT + pdfmetrics.stringWidth(symbol + "  ", FONT, 9),
                                 PAGE_H - 18 * mm, short)
                else:
                    w = pdfmetrics.stringWidth(symbol, FONT, 9)
                    c.drawRightString(RIGHT, PAGE_H - 18 * mm, symbol)
                    c.drawRightString(RIGHT - w - pdfmetrics.stringWidth("  ", FONT, 9),
                                      PAGE_H - 18 * mm, short)
                del line
            else:
                c.setFont(BOLD, 9)
                draw_x = c.drawString if even else c.drawRightString
                draw_x(x_sym, PAGE_H - 15 * mm, symbol)
                c.setFont(FONT, 9)
                y = PAGE_H - 19 * mm
                for seg in wrap_words(title, 60)[:3]:
                    draw_x(x_sym, y, seg)
                    y -= 10
            c.setLineWidth(0.4)
            c.line(LEFT, PAGE_H - 25 * mm if variant != "oneline" else PAGE_H - 20 * mm,
                   RIGHT, PAGE_H - 25 * mm if variant != "oneline" else PAGE_H - 20 * mm)
            page_no = "%d/%d" % (n, total)
            if variant == "oneline":
                c.setFont(FONT, 8)
                if even:
                    c.drawString(LEFT, 15 * mm, page_no)
                    c.drawString(LEFT + pdfmetrics.stringWidth(page_no + "  ", FONT, 8), 15 * mm, job)
                else:
                    w = pdfmetrics.stringWidth(page_no, FONT, 8)
                    c.drawRightString(RIGHT, 15 * mm, page_no)
                    c.drawRightString(RIGHT - w - pdfmetrics.stringWidth("  ", FONT, 8), 15 * mm, job)
            else:
                c.setFont(FONT, 8)
                if even:
                    c.drawString(LEFT, 18 * mm, page_no)
                    c.drawRightString(RIGHT, 18 * mm, job)
                else:
                    c.drawString(LEFT, 18 * mm, job)
                    c.drawRightString(RIGHT, 18 * mm, page_no)
                c.setFont(FONT, 12)
                (c.drawString if even else c.drawRightString)(LEFT if even else RIGHT, 11 * mm, barcode)
        for flow, y_top in p.placed:
            _, h = flow.wrap(WIDTH, PAGE_H)
            flow.drawOn(c, LEFT, y_top - h)
        if p.notes:
            y = BOTTOM + notes_height(p.notes) - 4
            # The rule is text, as in the Secretariat's PDFs (made by Word),
            # which extractors read as a line of underscores.
            if DRAWN_RULE:
                c.setLineWidth(0.5)
                c.line(LEFT, y + 2, LEFT + 40 * mm, y + 2)
            else:
                c.setFont(FONT, 8)
                c.drawString(LEFT, y, "_" * 18)
            y -= 6
            for f in p.notes:
                _, h = f.wrap(WIDTH, PAGE_H)
                f.drawOn(c, LEFT, y - h)
                y -= h + 1
        c.showPage()
    c.save()


def wrap_words(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    if cur:
        lines.append(cur)
    return lines


# ---------------------------------------------------------------- extractors


def ex_pymupdf(path):
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def ex_pymupdf_blocks(path):
    import pymupdf

    out = []
    with pymupdf.open(path) as doc:
        for page in doc:
            for b in page.get_text("blocks"):
                if b[6] == 0:  # text blocks
                    out.append(b[4].rstrip("\n"))
    return "\n\n".join(out) + "\n"


def ex_pymupdf4llm(path):
    import pymupdf4llm

    return pymupdf4llm.to_markdown(path)


def ex_pdfminer(path):
    from pdfminer.high_level import extract_text

    return extract_text(path)


def ex_pypdf(path):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def ex_pdfplumber(path):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def ex_pdftotext(path, *args):
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, path, "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")


def ex_pdfium(path):
    """PDFium, the engine of Chrome's PDF viewer: what a drafter gets by
    selecting all and copying there."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def ex_pdfjs(path, mode):
    """pdf.js, the engine of Firefox's PDF viewer (tools/pdfjs.mjs, with
    `npm install` run here)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.run(
        ["node", os.path.join(here, "tools", "pdfjs.mjs"), path, mode],
        check=True, capture_output=True, cwd=here,
    ).stdout.decode("utf-8")


EXTRACTORS = {
    "pymupdf": ex_pymupdf,
    "pymupdf-blocks": ex_pymupdf_blocks,
    "pymupdf4llm": ex_pymupdf4llm,
    "pdfminer": ex_pdfminer,
    "pypdf": ex_pypdf,
    "pdfplumber": ex_pdfplumber,
    "pdftotext": lambda p: ex_pdftotext(p),
    "pdftotext-layout": lambda p: ex_pdftotext(p, "-layout"),
    "pdfium": ex_pdfium,
    "pdfjs": lambda p: ex_pdfjs(p, "eol"),
    "pdfjs-lines": lambda p: ex_pdfjs(p, "lines"),
}


def versions():
    from importlib.metadata import version

    lines = []
    for pkg in ["reportlab", "pymupdf", "pymupdf4llm", "pdfminer.six", "pypdf", "pdfplumber",
                "pypdfium2"]:
        lines.append("%s %s" % (pkg, version(pkg)))
    v = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    lines.append("poppler-utils pdftotext %s" % (v.stderr or v.stdout).split("\n")[0].split()[-1])
    with open(os.path.join(HERE, "node_modules", "pdfjs-dist", "package.json")) as f:
        lines.append("pdfjs-dist %s" % json.load(f)["version"])
    lines.append("font %s" % ("Liberation Serif" if FONT == "UN" else "Times-Roman (base 14)"))
    import word

    lines.extend(word.versions())
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main


def load(name):
    with open(os.path.join(SOURCES, name + ".txt"), encoding="utf-8") as f:
        text = f.read()
    body, notes = parse_source(text)
    symbol, title = symbol_and_title(body, name)
    return body, notes, symbol, title, job_number(name)


def clean(text):
    # Fixtures are text files: no form feeds, LF line ends, one final newline.
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    return text.rstrip("\n") + "\n"


def run(name, members, keep_pdf, variants, extractors):
    resolutions = [load(m) for m in members]
    os.makedirs(os.path.join(OUT, name), exist_ok=True)
    if len(members) > 1:
        with open(os.path.join(OUT, name, "MEMBERS"), "w") as f:
            f.write("\n".join(members) + "\n")
        # The compendium's own text: its sources one after another.
        texts = []
        for m in members:
            with open(os.path.join(SOURCES, m + ".txt"), encoding="utf-8") as f:
                texts.append(f.read().strip("\n"))
        with open(os.path.join(OUT, name, "source.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(texts) + "\n")
    for variant in variants:
        if variant in ("docx", "html", "writer"):
            run_docx(name, members, keep_pdf, extractors, variant)
            continue
        set_page_style(variant)
        pages = layout(resolutions, variant)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, "%s-%s.pdf" % (name, variant))
            draw(pages, pdf, variant)
            outdir = os.path.join(OUT, name, variant)
            os.makedirs(outdir, exist_ok=True)
            for ex, fn in EXTRACTORS.items():
                if ex not in extractors:
                    continue
                with open(os.path.join(outdir, ex + ".txt"), "w", encoding="utf-8") as f:
                    f.write(clean(fn(pdf)))
            if keep_pdf:
                os.makedirs(PDF, exist_ok=True)
                shutil.copy(pdf, os.path.join(PDF, os.path.basename(pdf)))
        print("%s %s: %d pages" % (name, variant, len(pages)), flush=True)


def run_docx(name, members, keep_pdf, extractors, variant):
    """The Word route (word.py): the sources as one .docx, converted to text
    (`docx`), or as the web page pandoc makes of it, read as text (`html`),
    or as the PDF a word processor (LibreOffice Writer) prints of it, read
    by the PDF extractors (`writer`)."""
    import word

    resolutions = []
    for m in members:
        body, notes, symbol, _, _ = load(m)
        resolutions.append((body, notes, symbol))
    with tempfile.TemporaryDirectory() as tmp:
        docx = os.path.join(tmp, "%s.docx" % name)
        word.make_docx(resolutions, docx, markup)
        source, table = docx, word.WORD_EXTRACTORS
        if variant == "html":
            source, table = os.path.join(tmp, "%s.html" % name), word.WEB_EXTRACTORS
            word.make_html(docx, source)
        if variant == "writer":
            source, table = word.make_writer_pdf(docx, tmp), EXTRACTORS
        outdir = os.path.join(OUT, name, variant)
        os.makedirs(outdir, exist_ok=True)
        for ex, fn in table.items():
            if ex not in extractors:
                continue
            with open(os.path.join(outdir, ex + ".txt"), "w", encoding="utf-8") as f:
                f.write(clean(fn(source)))
        if keep_pdf:
            os.makedirs(PDF, exist_ok=True)
            shutil.copy(source, os.path.join(PDF, os.path.basename(source)))
    print("%s %s" % (name, variant), flush=True)


def main(argv):
    keep_pdf = "--keep-pdf" in argv
    # `--compendium NAME=A,B,C`: one more compendium of those sources.
    for a in argv:
        if a.startswith("--compendium="):
            name, _, members = a[len("--compendium="):].partition("=")
            COMPENDIA[name] = members.split(",")
    # `--variants=A,B` and `--extractors=X,Y`: only those (the other fixtures
    # are left as they are).
    import word

    variants = VARIANTS
    extractors = list(EXTRACTORS) + list(word.WORD_EXTRACTORS) + list(word.WEB_EXTRACTORS)
    for a in argv:
        if a.startswith("--variants="):
            variants = a[len("--variants="):].split(",")
        if a.startswith("--extractors="):
            extractors = a[len("--extractors="):].split(",")
    only = [a for a in argv if not a.startswith("--")]
    only += [a[len("--compendium="):].partition("=")[0] for a in argv if a.startswith("--compendium=")]
    names = sorted(f[:-4] for f in os.listdir(SOURCES) if f.endswith(".txt"))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "VERSIONS.txt"), "w") as f:
        f.write(versions())
    for name in names:
        if not only or name in only:
            run(name, [name], keep_pdf, variants, extractors)
    for comp, members in COMPENDIA.items():
        if not only or comp in only:
            run(comp, members or names, keep_pdf, variants, extractors)


if __name__ == "__main__":
    main(sys.argv[1:])
