#!/usr/bin/env python3
"""Counts how often each clause opener opens a paragraph in real resolutions.

Writes server/data/opener_frequency.tsv, which completion uses to rank openers
(the most used first). Input: resolution texts with one paragraph per line
(the Markdown of the UN Digital Library PDFs that GitHub wannli/railcar
publishes under documents/ga-res-80/ has this form). An opener is matched as
the parser matches it (server/src/syntax/vocabulary.rs): an optional
before-adverb, the longest entry of server/data/vocabulary/{preambular,operative}.txt,
an optional after-adverb and manner phrase (server/data/vocabulary/adverbs.txt).

    python3 scripts/opener_frequency.py DIR_OR_FILE... > server/data/opener_frequency.tsv
"""

import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VOCAB = ROOT / "server" / "data" / "vocabulary"


def entries(name):
    for line in (VOCAB / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield " ".join(line.split())


def adverbs():
    sections = collections.defaultdict(list)
    section = None
    for line in (VOCAB / "adverbs.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        sections[section].append(line.split())
    for words in sections.values():
        words.sort(key=len, reverse=True)
    return sections


def lower_first(s):
    return s[:1].lower() + s[1:]


KINDS = {}
for kind, name in (("preambular", "preambular.txt"), ("operative", "operative.txt")):
    for e in entries(name):
        KINDS.setdefault(e, kind)
LOWERED = {lower_first(e): k for e, k in KINDS.items()}
ADVERBS = adverbs()


def starts_with(words, phrase):
    return words[: len(phrase)] == phrase


def entry_at(words, table):
    found = None
    for i in range(min(len(words), 16)):
        phrase = " ".join(words[: i + 1])
        if phrase in table:
            found = (i + 1, table[phrase])
    return found


def tail(words):
    n = 0
    for a in ADVERBS["after"]:
        if starts_with(words, a):
            n += len(a)
            break
    for w in ADVERBS["with"]:
        if starts_with(words[n:], w):
            n += len(w)
            break
    return n


def opener(text):
    words = [w.strip(",;:") for w in text.split()]
    best = None
    m = entry_at(words, KINDS)
    if m:
        n = m[0] + tail(words[m[0]:])
        best = (n, m[1])
    for adv in ADVERBS["before"]:
        if starts_with(words, adv):
            m = entry_at(words[len(adv):], LOWERED)
            if m:
                n = len(adv) + m[0]
                n += tail(words[n:])
                if not best or n > best[0]:
                    best = (n, m[1])
    if not best:
        return None
    return " ".join(words[: best[0]]), best[1]


NUMBERED = re.compile(r"^\d+\.\s+(.*)")


def paragraphs(text):
    """(expected kind, paragraph text) for each paragraph of the body."""
    body = False
    operative = False
    for line in text.splitlines():
        line = line.strip()
        if re.match(r"^The [A-Z][A-Za-z ]+,?$", line):
            body, operative = True, False
            continue
        if not body or not line:
            continue
        if "plenary meeting" in line or line.startswith("Annex"):
            body = False
            continue
        m = NUMBERED.match(line)
        if m:
            operative = True
            yield "operative", m.group(1)
        elif not operative and line[0].isupper():
            yield "preambular", line


def main(args):
    counts = collections.Counter()
    files = 0
    for arg in args:
        path = pathlib.Path(arg)
        for f in sorted(path.rglob("*") if path.is_dir() else [path]):
            if f.suffix not in (".md", ".txt") or not f.is_file():
                continue
            files += 1
            for kind, text in paragraphs(f.read_text(encoding="utf-8")):
                found = opener(text)
                if found and found[1] == kind:
                    counts[(found[0], kind)] += 1
    print("# How often each opener opens a paragraph of its kind, counted by")
    print(f"# scripts/opener_frequency.py over {files} General Assembly resolutions of the")
    print("# eightieth session (2025; UN Digital Library PDFs as extracted by GitHub")
    print("# wannli/railcar, documents/ga-res-80). Completion ranks openers by it.")
    print("# phrase<TAB>kind<TAB>count")
    for (phrase, kind), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{phrase}\t{kind}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1:])
