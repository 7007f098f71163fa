#!/usr/bin/env python3
"""The module graph of the `reso` crate, as text: one line `module -> imports`.

Reads the sources under server/src (of the work tree, or of a git revision
with --rev) and follows every `crate::` and `super::` path outside comments,
string literals and `#[cfg(test)]` items (test code may use any layer). A
module is a top-level module of the crate (`--depth 1`, the default) or a
module one level below (`--depth 2`: `lsp::transport`, `citations::scan`;
other top-level modules are then named as a whole).

    scripts/module_graph.py                 # the work tree
    scripts/module_graph.py --rev 065d70d   # main before issue 19
    scripts/module_graph.py --depth 2 --only lsp   # inside lsp/

server/tests/architecture.rs reads the sources the same way and enforces the
layers; this script only prints.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = "server/src"


def sources(rev):
    """{path relative to server/src: text}"""
    out = {}
    if rev:
        names = subprocess.run(
            ["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", rev, SRC],
            check=True, capture_output=True, text=True).stdout.split()
        for n in names:
            if n.endswith(".rs"):
                out[n[len(SRC) + 1:]] = subprocess.run(
                    ["git", "-C", str(ROOT), "show", f"{rev}:{n}"],
                    check=True, capture_output=True, text=True).stdout
    else:
        for p in sorted((ROOT / SRC).rglob("*.rs")):
            out[p.relative_to(ROOT / SRC).as_posix()] = p.read_text()
    return out


def clean(text):
    """Blanks out comments and the contents of string and char literals."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            close = '"' + m.group(1)
            j = text.find(close, i + len(m.group(0)))
            j = n if j < 0 else j + len(close)
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append('"' + re.sub(r"[^\n]", " ", text[i + 1:j - 1]) + '"')
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:], re.S)
            if m:
                out.append("' '" + " " * (len(m.group(0)) - 3))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching(text, i):
    """Index after the brace group that opens at text[i] == '{'."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(text)


def strip_tests(text):
    """Blanks out `#[cfg(test)]` items; returns (text, names of `mod x;` so cut)."""
    test_mods = []
    while True:
        m = re.search(r"#\[cfg\(test\)\]", text)
        if not m:
            return text, test_mods
        j = m.end()
        while True:  # further attributes
            k = re.match(r"\s*#\[[^\]]*\]", text[j:])
            if not k:
                break
            j += k.end()
        semi, brace = text.find(";", j), text.find("{", j)
        if semi >= 0 and (brace < 0 or semi < brace):
            end = semi + 1
            mm = re.search(r"\bmod\s+(\w+)\s*$", text[j:semi])
            if mm:
                test_mods.append(mm.group(1))
        else:
            end = matching(text, brace)
        text = text[:m.start()] + re.sub(r"[^\n]", " ", text[m.start():end]) + text[end:]


def module_path(rel):
    parts = rel[:-3].split("/")
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    if parts == ["main"]:
        return None
    return parts


def paths_at(text, i):
    """The paths that start at text[i] (after `crate::` or `super::`)."""
    m = re.match(r"\s*\{", text[i:])
    if m:
        j = i + m.end() - 1
        end = matching(text, j)
        inner = text[j + 1:end - 1]
        out, depth, start = [], 0, 0
        for k, ch in enumerate(inner + ","):
            if ch in "{(":
                depth += 1
            elif ch in "})":
                depth -= 1
            elif ch == "," and depth == 0:
                item = inner[start:k].strip()
                start = k + 1
                if item:
                    for p in paths_at(item, 0):
                        out.append(p)
        return out
    m = re.match(r"\s*(\w+)", text[i:])
    if not m:
        return []
    head = m.group(1)
    rest = i + m.end()
    if text.startswith("::", rest):
        return [[head] + p for p in paths_at(text, rest + 2)] or [[head]]
    return [[head]]


def edges(files, depth):
    modules = {tuple(p) for r in files if (p := module_path(r))}
    graph = {}
    skipped = set()
    for rel, text in sorted(files.items()):
        here = module_path(rel)
        if here is None or not here:
            continue
        if tuple(here) in skipped or any(tuple(here[:k]) in skipped for k in range(len(here))):
            continue
        text, test_mods = strip_tests(clean(text))
        for t in test_mods:
            skipped.add(tuple(here + [t]))
        me = tuple(here[:depth])
        graph.setdefault(me, set())
        found = []
        for m in re.finditer(r"(?<![\w$:])(crate|super|self)\s*::", text):
            found += [(m.group(1), p) for p in paths_at(text, m.end())]
        # `use child::...` where `child` is a module declared here
        for m in re.finditer(r"\buse\s+(?=\w)(?!crate\b|super\b|self\b)", text):
            found += [("self", p) for p in paths_at(text, m.end())]
        for kind, p in found:
            if True:
                if kind == "self":
                    full = list(here) + p
                elif kind == "super":
                    # `super::` from a/b/c.rs (module a::b::c) is a::b; chained supers
                    up = list(here)
                    q = ["super"] + p
                    while q and q[0] == "super":
                        up = up[:-1]
                        q = q[1:]
                    full = up + q
                else:
                    full = p
                # keep the longest prefix that is a module
                target = []
                for k in range(1, len(full) + 1):
                    if tuple(full[:k]) in modules:
                        target = full[:k]
                if not target:
                    continue
                # another top-level module is named as a whole
                them = tuple(target[:depth] if target[0] == me[0] else target[:1])
                if them != me:
                    graph[me].add(them)
    return graph


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", help="a git revision instead of the work tree")
    ap.add_argument("--depth", type=int, default=1)
    ap.add_argument("--only", help="print only the modules under this one (`lsp`)")
    a = ap.parse_args()
    g = edges(sources(a.rev), a.depth)
    for m in sorted(g):
        if a.only and m[0] != a.only:
            continue
        deps = ", ".join(sorted("::".join(d) for d in g[m]))
        print(f"{'::'.join(m)} -> {deps}" if deps else f"{'::'.join(m)} ->")


if __name__ == "__main__":
    sys.exit(main())
