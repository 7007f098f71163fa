"""The Word route of the extraction lab: each source as a Word document (.docx)
laid out as the Secretariat's Word files are (the emblem as a picture, the
symbol and distribution in a table, the OP numbers and sub-paragraph markers
typed before a tab, openers in italics, real footnotes), then converted to
text by the converters a drafter uses on a .docx: pandoc (to its Markdown, to
GitHub Markdown, to CommonMark without footnotes, to plain text) and mammoth
(to Markdown).

The document is written by pandoc itself from a Markdown description in which
every number and marker is escaped, so that Word holds them as typed text, as
in the Secretariat's files, not as a numbered list.
"""
import os
import re
import struct
import subprocess
import zlib

TAB = "`<w:r><w:tab/></w:r>`{=openxml}"
PAGE_BREAK = '```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```'

# An opener's first word that the italics carry on to the next (`Also
# welcomes`, `Strongly condemns`).
LEADING_ADVERBS = {
    "Also", "Further", "Again", "Strongly", "Once", "Firmly", "Deeply", "Furthermore",
    "Urgently", "Repeatedly", "Fully",
}


def pandoc():
    import pypandoc

    return pypandoc.get_pandoc_path()


def esc(s):
    """Markdown-escape a source text, keeping its `[^N]` references."""
    s = s.replace("\\", "\\\\")
    for ch in "*_`<>#[]|$^~@":
        s = s.replace(ch, "\\" + ch)
    return re.sub(r"\\\[\\\^(\d+)\\\]", r"[^\1]", s)


def with_opener(text, markup):
    """The paragraph with its opener in italics (`markup` is the lab's PDF
    markup, which knows where an opener ends)."""
    m = re.match(r"<i>(.*?)</i>", markup(text, italic_opener=True))
    if not m:
        return esc(text)
    lead = m.group(1)
    words = text.split(" ")
    if words[0] in LEADING_ADVERBS and len(lead.split(" ")) == 1 and len(words) > 1:
        lead = " ".join(words[:2])
    lead = lead.replace("&amp;", "&")
    if not text.startswith(lead):
        return esc(text)
    return "*" + esc(lead) + "*" + esc(text[len(lead):])


def resolution_md(body, notes, symbol, markup):
    out = ["![](emblem.png){width=\"0.6in\"}"]
    rows = [["United Nations", esc(symbol)]]
    for e in body:
        t = " ".join(e.text.split())
        if e.kind == "heading":
            m = re.match(r"(General Assembly|Security Council)\s+(Distr\..*)", t)
            if m and len(rows) == 1:
                rows.append([m.group(1), esc(m.group(2))])
                out.append("|   |   |\n|---|---|\n" + "\n".join("| %s | %s |" % tuple(r) for r in rows))
                continue
            if t == "United Nations":
                continue
            out.append(esc(t))
        elif e.kind in ("title", "section", "annex", "annextitle"):
            out.append("**" + esc(t) + "**")
        elif e.kind == "star":
            out.append("\\* " + esc(t))
        elif e.kind == "pp":
            out.append(with_opener(t, markup))
        elif e.kind == "op":
            out.append(esc(e.marker).replace(".", "\\.") + TAB + with_opener(t, markup))
        elif e.kind == "sub":
            out.append(esc(e.marker).replace("(", "\\(") + TAB + esc(t))
        elif e.kind == "meeting":
            out.append("\\\n".join(esc(l.strip()) for l in e.text.split("\n") if l.strip()))
        else:
            out.append(esc(t))
    # Footnote labels are the resolution's own numbers; in a compendium they
    # repeat, so pandoc gets labels that are unique and numbers them itself.
    return out, notes


def emblem(path):
    """A small picture where the UN emblem is."""
    raw = b"".join(b"\x00" + b"\x1f\x5a\x9c" * 8 for _ in range(8))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_docx(resolutions, path, markup):
    """One .docx holding `resolutions` ((body, notes, symbol) each), each
    from a new page."""
    tmp = os.path.dirname(path)
    emblem(os.path.join(tmp, "emblem.png"))
    parts, defs = [], []
    for k, (body, notes, symbol) in enumerate(resolutions):
        md, notes = resolution_md(body, notes, symbol, markup)
        text = "\n\n".join(md)
        # `[^N]` -> `[^rK-N]`: labels unique across the document.
        text = re.sub(r"\[\^(\d+)\]", lambda m: "[^r%d-%s]" % (k, m.group(1)), text)
        for n in sorted(notes):
            defs.append("[^r%d-%d]: %s" % (k, n, esc(notes[n])))
        if k:
            parts.append(PAGE_BREAK)
        parts.append(text)
    src = os.path.join(tmp, "doc.md")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts + defs) + "\n")
    subprocess.run([pandoc(), "-f", "markdown", "-o", path, src], check=True, cwd=tmp)


def ex_pandoc(path, to):
    return subprocess.run(
        [pandoc(), "-f", "docx", "-t", to, path], check=True, capture_output=True
    ).stdout.decode("utf-8")


def ex_mammoth(path):
    import mammoth

    with open(path, "rb") as f:
        return mammoth.convert_to_markdown(f).value


WORD_EXTRACTORS = {
    "pandoc-markdown": lambda p: ex_pandoc(p, "markdown"),
    "pandoc-gfm": lambda p: ex_pandoc(p, "gfm"),
    "pandoc-commonmark": lambda p: ex_pandoc(p, "commonmark"),
    "pandoc-plain": lambda p: ex_pandoc(p, "plain"),
    "mammoth": ex_mammoth,
}


def make_html(docx, path):
    """The Word document as a web page (pandoc's standalone HTML: footnotes
    as a numbered list after a rule, each with a back-link arrow)."""
    subprocess.run([pandoc(), "-f", "docx", "-t", "html", "-s", "-o", path, docx], check=True,
                   capture_output=True)


def make_writer_pdf(docx, outdir):
    """The PDF LibreOffice Writer prints of the Word document (as Word's
    "Save as PDF" would: footnotes at the page's foot under a drawn rule, no
    running head or foot, the page turning with nothing printed to show it).
    Returns its path."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, docx],
                   check=True, capture_output=True)
    return os.path.splitext(docx)[0] + ".pdf"


def ex_html2text(path):
    import html2text

    with open(path, encoding="utf-8") as f:
        return html2text.html2text(f.read())


def ex_browser(path, *cmd):
    return subprocess.run([*cmd, path], check=True, capture_output=True).stdout.decode("utf-8")


# A web page read as text: html2text (Markdown-like, as LLM and scraping
# pipelines use it), and the text browsers' dumps (superscripts as `^1`,
# lines wrapped at 80 columns, lynx indenting every line).
WEB_EXTRACTORS = {
    "html2text": ex_html2text,
    "w3m": lambda p: ex_browser(p, "w3m", "-dump", "-cols", "80", "-T", "text/html"),
    "lynx": lambda p: ex_browser(p, "lynx", "-dump", "-nolist", "-width=80", "-display_charset=utf-8"),
}


def versions():
    from importlib.metadata import version

    v = subprocess.run([pandoc(), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    w3m = subprocess.run(["w3m", "-version"], capture_output=True, text=True).stdout.split(",")[0]
    lynx = subprocess.run(["lynx", "-version"], capture_output=True, text=True).stdout.split("\n")[0]
    return ["pypandoc_binary %s (%s)" % (version("pypandoc_binary"), v), "mammoth %s" % version("mammoth"),
            "html2text %s" % version("html2text"), w3m.strip(), lynx.strip(),
            subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()]
