// Run with: node --test grammar/test/
// The drift test: the committed syntax files must be what the vocabulary gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { relative } from "node:path";
import {
  generate,
  outputs,
  parseVocabulary,
  readVocabulary,
  root,
  stale,
  tmLanguage,
} from "../generate.mjs";

test("committed grammar and Vim syntax are generated from the current vocabulary", () => {
  const bad = stale().map((p) => relative(root, p));
  assert.deepEqual(
    bad,
    [],
    `stale: ${bad.join(", ")}; run \`node grammar/generate.mjs\` and commit the result`,
  );
});

test("the drift check notices a file that differs", () => {
  const files = generate();
  files[outputs.vim] += "\n\" hand edit\n";
  assert.deepEqual(stale(files), [outputs.vim]);
});

test("a word added to the vocabulary changes the grammar", () => {
  const vocab = readVocabulary();
  const before = tmLanguage(vocab);
  vocab.operative.push("Zorbles");
  const after = tmLanguage(vocab);
  assert.notEqual(after, before);
  assert.match("Zorbles that", opener(after, "operative-opener"));
});

/** The opener pattern of the generated grammar as a JavaScript regex. */
function opener(grammarText, rule) {
  const grammar = JSON.parse(grammarText);
  return new RegExp(grammar.repository[rule].match, "u");
}

function wholeOpener(grammarText, rule, line) {
  const m = opener(grammarText, rule).exec(line);
  return m ? m[1] : null;
}

test("every vocabulary entry is highlighted as a whole opener of its kind", () => {
  const vocab = readVocabulary();
  const text = tmLanguage(vocab);
  for (const [rule, list] of [
    ["preambular-opener", vocab.preambular],
    ["operative-opener", vocab.operative],
  ]) {
    for (const entry of list) {
      assert.equal(wholeOpener(text, rule, `${entry} zzz,`), entry, `${rule}: ${entry}`);
    }
  }
});

test("adverb forms follow the header rules of adverbs.txt", () => {
  const text = tmLanguage(readVocabulary());
  const pp = (line) => wholeOpener(text, "preambular-opener", line);
  const op = (line) => wholeOpener(text, "operative-opener", line);
  // [before]: the opener loses its capital.
  assert.equal(op("Once again urges all States"), "Once again urges");
  assert.equal(pp("Also recalling its resolution"), "Also recalling");
  assert.equal(op("Also Urges States"), null);
  // [after] and [with]
  assert.equal(pp("Recalling further the outcome"), "Recalling further");
  assert.equal(pp("Noting with deep concern that"), "Noting with deep concern");
  assert.equal(op("Decides further that"), "Decides further");
  // A comma after the opener is not part of it; a longer word is no opener.
  assert.equal(pp("Emphasizing, however, that"), "Emphasizing");
  assert.equal(pp("Recallingly so,"), null);
  assert.equal(op("Sresses that"), null);
});

test("vocabulary parsing rejects an unknown adverb section", () => {
  assert.throws(
    () => parseVocabulary({ preambular: "", operative: "", adverbs: "[sideways]\nup\n" }),
    /unknown section \[sideways\]/,
  );
});
