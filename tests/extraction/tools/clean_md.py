#!/usr/bin/env python3
"""Turn a markdown-like extraction of a published resolution (one paragraph a
line, page breaks as blank lines inside paragraphs, `[^N]:` definitions at the
end, references in mixed forms) into reso's draft form: paragraphs joined,
every reference written `[^N]`, definitions at the end.  A first pass for a
human to review: it prints the context of each reference it chose on stderr,
and the result is checked by hand before it goes into sources/.

    python3 clean_md.py IN.txt > OUT.txt 2> OUT.review
"""
import re
import sys

END = re.compile(r"[,;:.]\]?(\[\^\d+\])?$|[,;:.]\d{1,2}$")
STARTS_PARA = re.compile(r"^(\d+\.\s|\([a-z]+\)\s|\[?\d+ (bis|ter)|Annex\b|[A-Z])")


def main(path):
    text = open(path, encoding="utf-8").read()
    body, _, notes = text.partition("\n---\n")
    paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    paras = [re.sub(r"\s*\n\s*", " ", p) for p in paras]
    joined = []
    in_body = False
    for p in paras:
        if re.match(r"^The (General Assembly|Security Council)", p):
            in_body = True
        if (
            in_body
            and joined
            and not END.search(joined[-1])
            and not re.match(r"^\d+\.\s|^\([a-z]+\)\s|^Annex|^\d+(st|nd|rd|th) plenary|^The (General Assembly|Security Council)", p)
            and (p[0].islower() or p[0].isdigit() or p[0] in "(“"
                 or re.search(r"\b[a-z]+$", joined[-1]))
        ):
            joined[-1] += " " + p
        else:
            joined.append(p)
    out = "\n\n".join(joined)
    # The meeting line and its date on two lines, as the PDF prints them.
    out = re.sub(r"^(\d+(?:st|nd|rd|th) plenary meeting) (\d)", r"\1\n\2", out, flags=re.M)
    # `Nuclear- Weapon` (a line-end hyphen the extraction kept with a space).
    out = re.sub(r"(\w)([-\u2011]) (?!and |or |to |as )(\w)", r"\1\2\3", out)
    defs = {}
    for m in re.finditer(r"^\[\^(\d+)\]:\s*(.*(?:\n[ \t]+\S.*)*)", notes, re.M):
        defs[int(m.group(1))] = re.sub(r"\s*\n\s*", " ", m.group(2)).strip()
    pos = 0
    for n in sorted(defs):
        s = str(n)
        pats = [
            r"\[\^%s\]" % s,
            r"(?<=[A-Za-z\)\]”’,.;:])%s(?!\d)" % s,
            r"(?<=\b(?:19|20)\d\d)%s(?!\d)" % s,
            r"(?<=[,;.] )%s(?= |\n|$)" % s,
            r"(?<=[A-Za-z] )%s(?= [a-z])" % s,
        ]
        best = None
        for k, pat in enumerate(pats):
            m = re.compile(pat).search(out, pos)
            if m and (best is None or m.start() < best[0].start()):
                best = (m, k)
        if best is None:
            print(f"!! {n}: no candidate", file=sys.stderr)
            continue
        m, k = best
        start, end = m.start(), m.end()
        if k >= 3:
            start -= 1  # the space before a bare number
        print(f"{n} [{k}]: ...{out[max(0, start-50):start]}<<{out[start:end]}>>{out[end:end+20]}...",
              file=sys.stderr)
        out = out[:start] + "[^%d]" % n + out[end:]
        pos = start + len("[^%d]" % n)
    out += "\n\n" + "\n\n".join("[^%d]: %s" % (n, t) for n, t in sorted(defs.items())) + "\n"
    for p in out.split("\n\n"):
        if not END.search(p) and not p.startswith("[^"):
            print("?? unfinished: " + p[-80:], file=sys.stderr)
    sys.stdout.write(out)


main(sys.argv[1])
