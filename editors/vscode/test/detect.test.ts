// Which .txt files open as resolutions: the shared table of first lines
// (editors/detect-cases.txt), every real text of the repository, and text that
// is not a resolution.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIRST_LINE, isFirstLine, textLooksLikeResolution } from "../src/detect";

const ext = path.join(__dirname, "..", "..");
const repo = path.join(ext, "..", "..");

function cases(): { want: boolean; line: string }[] {
  const text = fs.readFileSync(path.join(repo, "editors", "detect-cases.txt"), "utf8");
  return text
    .split("\n")
    .filter((l) => l.startsWith("yes: ") || l.startsWith("no: "))
    .map((l) => ({ want: l.startsWith("yes: "), line: l.slice(l.indexOf(": ") + 2) }));
}

/** Every file under `dir` with one of `exts`. */
function walk(dir: string, exts: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p, exts);
    return exts.some((x) => e.name.endsWith(x)) ? [p] : [];
  });
}

test("package.json's firstLine is the detector's regular expression", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ext, "package.json"), "utf8"));
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === "reso");
  assert.equal(lang.firstLine, FIRST_LINE, "copy src/detect.ts FIRST_LINE into package.json");
  // As VS Code compiles it: no flags, and it must not match the empty line.
  assert.equal(new RegExp(lang.firstLine).test(""), false);
});

test("the shared table of first lines", () => {
  const all = cases();
  assert.ok(all.filter((c) => c.want).length >= 15 && all.filter((c) => !c.want).length >= 15, "table not read");
  const wrong = all.filter((c) => isFirstLine(c.line) !== c.want).map((c) => `${c.want ? "missed" : "matched"}: ${JSON.stringify(c.line)}`);
  assert.deepEqual(wrong, []);
  // The same, as whole texts (the first line, then ordinary prose).
  for (const c of all) {
    assert.equal(textLooksLikeResolution(`${c.line}\n\nSome words of a text.\n`), c.want, c.line);
  }
});

/** Files of the extraction lab that are no resolution text (lists, versions, notes). */
const LAB_NOTES = ["expected.txt", "requirements.txt", "VERSIONS.txt"];

/** tests/extraction: the sources and every tool's extraction of them, as Markdown or text. */
function labTexts(): string[] {
  const dir = path.join(repo, "tests", "extraction");
  return fs.existsSync(dir) ? walk(dir, [".txt"]).filter((f) => !LAB_NOTES.includes(path.basename(f))) : [];
}

test("every real text in tests/fixtures, tests/corpus and tests/extraction is recognised", () => {
  const texts = [
    ...walk(path.join(repo, "tests", "fixtures"), [".txt"]),
    ...walk(path.join(repo, "tests", "corpus"), [".txt"]),
    ...labTexts(),
  ];
  assert.ok(texts.length >= 90, `found only ${texts.length} texts`);
  const missed = texts.filter((f) => !textLooksLikeResolution(fs.readFileSync(f, "utf8")));
  assert.deepEqual(missed.map((f) => path.relative(repo, f)), []);
  // Most are recognised by their first non-blank line alone (VS Code's firstLine
  // sees line 1 only; a .txt starting with a blank line needs the extension's check).
  // Not the lab's converted Word documents and web pages: they start with the
  // emblem's picture, and the extension's check (above) reads past it.
  const pasted = texts.filter((f) => !/[\\/](docx|html)[\\/]/.test(f));
  const byFirst = pasted.filter((f) => {
    const first = fs.readFileSync(f, "utf8").split(/\r?\n/).find((l) => l.trim() !== "");
    return first !== undefined && isFirstLine(first);
  });
  assert.ok(byFirst.length >= pasted.length * 0.95, `${pasted.length - byFirst.length} texts need the chapeau`);
});

test("text that is not a resolution is not taken for one", () => {
  const files = [
    path.join(repo, "Cargo.toml"),
    path.join(repo, "server", "Cargo.toml"),
    path.join(repo, "LICENSE-MIT"),
    path.join(repo, "LICENSE-APACHE"),
    path.join(repo, "CHANGELOG.md"),
    path.join(ext, "package.json"),
    ...walk(path.join(ext, "src"), [".ts"]),
    ...(fs.existsSync(path.join(repo, "tests", "extraction"))
      ? walk(path.join(repo, "tests", "extraction"), [".txt"]).filter((f) => LAB_NOTES.includes(path.basename(f)))
      : []),
  ];
  for (const f of files) {
    assert.equal(textLooksLikeResolution(fs.readFileSync(f, "utf8")), false, path.relative(repo, f));
  }
  const prose = [
    "Minutes\n\nThe General Assembly of the club met on 3 May.\nThe Security Council, as our\nteam is called, ...\n",
    "\uFEFFMeeting notes\r\nUnited Nations Day is on 24 October.\r\n",
    "",
    "\n\n\n",
  ];
  for (const t of prose) assert.equal(textLooksLikeResolution(t), false, JSON.stringify(t));
  // A byte order mark before a UN first line is ignored, as VS Code does.
  assert.equal(textLooksLikeResolution("\uFEFFUnited Nations\nA/RES/80/6\n"), true);
});
