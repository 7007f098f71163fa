// The TextMate grammar run through VS Code's own engine (vscode-textmate with the
// Oniguruma regex library) on the seed fixture: what a drafter sees before the
// server's semantic tokens arrive.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const repo = path.join(__dirname, "..", "..", "..", "..");
let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "text.reso"
        ? textmate.parseRawGrammar(
            fs.readFileSync(path.join(repo, "grammar", "reso.tmLanguage.json"), "utf8"),
            "reso.tmLanguage.json",
          )
        : null,
  });
  const g = await registry.loadGrammar("text.reso");
  assert.ok(g, "grammar did not load");
  grammar = g;
});

interface Token {
  text: string;
  scope: string;
}

/** Tokens of each line, with their innermost scope (`text.reso` when plain). */
function tokenize(text: string): Token[][] {
  let stack = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scope: t.scopes[t.scopes.length - 1] ?? "",
    }));
  });
}

/** Highlighted: not plain text and not just inside a `meta.` region. */
function plainless(t: Token): boolean {
  return t.scope !== "text.reso" && !t.scope.startsWith("meta.") && t.text.trim() !== "";
}

/** The non-plain tokens of a line, as `text=scope` (scope without `.reso`). */
function marked(line: string): string[] {
  return tokenize(line)[0]!
    .filter((t) => plainless(t))
    .map((t) => `${t.text}=${t.scope.replace(/\.reso$/, "")}`);
}

test("the seed fixture: chapeau, openers, citations, dates, pasted footnotes", () => {
  const lines = fs.readFileSync(path.join(repo, "tests", "fixtures", "A-RES-66-184.txt"), "utf8").split(/\r?\n/);
  const tokens = tokenize(lines.join("\n"));
  const find = (re: RegExp) => {
    const i = lines.findIndex((l) => re.test(l));
    assert.ok(i >= 0, `no line matches ${re}`);
    return tokens[i]!.filter((t) => plainless(t)).map((t) => `${t.text}=${t.scope.replace(/\.reso$/, "")}`);
  };

  assert.deepEqual(find(/^The General Assembly,$/), ["The General Assembly=markup.heading.chapeau", ",=punctuation.separator.chapeau"]);
  assert.deepEqual(find(/^Recalling its resolutions 56\/183/), [
    "Recalling=keyword.other.opener.preambular",
    "56/183=string.other.link.citation.resolution",
    "21 December 2001=constant.other.date",
    "57/238=string.other.link.citation.resolution",
    "20 December=constant.other.date",
  ]);
  assert.deepEqual(find(/^10 to 12 December 2003,1 and endorsed/), [
    "10 to 12 December 2003=constant.other.date",
    "1=constant.other.reference.footnote",
    "2=constant.other.reference.footnote",
  ]);
  assert.deepEqual(find(/^1 See A\/C\.2\/59\/3, annex\.$/), [
    "1=constant.other.reference.footnote.definition",
    "A/C.2/59/3=string.other.link.citation.document",
  ]);
  assert.deepEqual(find(/^ Recalling further the High-level/), ["Recalling further=keyword.other.opener.preambular"]);
  // OP 4 opens with a misspelt verb: the number is highlighted, the verb is not.
  assert.deepEqual(find(/^4\.\s+Sresses that/), ["4=constant.numeric.paragraph", ".=punctuation.separator.paragraph"]);
  assert.deepEqual(find(/^5\.\s+Also stresses/).slice(0, 3), [
    "5=constant.numeric.paragraph",
    ".=punctuation.separator.paragraph",
    "Also stresses=keyword.control.opener.operative",
  ]);
});

test("draft form: OP numbers with bis, sub-paragraph markers, bracket footnotes", () => {
  assert.deepEqual(marked("[5 bis. Further requests the Secretary-General[^2];]"), [
    "[=punctuation.definition.bracket",
    "5=constant.numeric.paragraph",
    "bis=constant.numeric.paragraph.suffix",
    ".=punctuation.separator.paragraph",
    "Further requests=keyword.control.opener.operative",
    "[^=punctuation.definition.footnote",
    "2=constant.other.reference.footnote",
    "]=punctuation.definition.footnote",
  ]);
  assert.deepEqual(marked("    (ii) To convene a meeting in March 2026;"), [
    "(=punctuation.definition.list.begin",
    "ii=constant.numeric.subparagraph",
    ")=punctuation.definition.list.end",
    "March 2026=constant.other.date",
  ]);
  assert.deepEqual(marked("[^1]: See A/66/64-E/2011/77."), [
    "[^=punctuation.definition.footnote",
    "1=constant.other.reference.footnote.definition",
    "]:=punctuation.definition.footnote",
    "A/66/64-E/2011/77=string.other.link.citation.document",
  ]);
  assert.deepEqual(marked("Noting with deep concern that 1,000 people, 2.2 per cent,"), [
    "Noting with deep concern=keyword.other.opener.preambular",
  ]);
  assert.deepEqual(marked("Recalling Security Council resolution 1325 (2000) and resolution 2625 (XXV),"), [
    "Recalling=keyword.other.opener.preambular",
    "1325 (2000)=string.other.link.citation.resolution",
    "2625 (XXV)=string.other.link.citation.resolution",
  ]);
  assert.deepEqual(marked("Adopts the outcome document of the Conference¹²,"), [
    "Adopts=keyword.control.opener.operative",
    "¹²=constant.other.reference.footnote",
  ]);
});

test("words that only look like footnotes or paragraphs stay plain", () => {
  assert.deepEqual(marked("including COVID-19 and the G20, in 2015 and 1,000 cases"), []);
  assert.deepEqual(marked("21 December 2009, 65/141 of 20 December 2010"), [
    "21 December 2009=constant.other.date",
    "65/141=string.other.link.citation.resolution",
    "20 December 2010=constant.other.date",
  ]);
  assert.deepEqual(marked("Sresses the need"), []);
});
