#!/usr/bin/env node
// Generates the editors' syntax files from the opener vocabulary, so that the
// highlighting and the server's parser read one list:
//
//   server/data/vocabulary/{preambular,operative,adverbs}.txt   (input, owned by core)
//   grammar/reso.tmLanguage.json                            (VS Code, TextMate)
//   editors/neovim/syntax/reso.vim                          (Vim/Neovim syntax)
//
// Usage:
//   node grammar/generate.mjs          rewrite both files
//   node grammar/generate.mjs --check  exit 1 (and say which) when a file is stale
//
// The patterns themselves are described in grammar/FORMAT.md.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..");
export const outputs = {
  tmLanguage: join(root, "grammar", "reso.tmLanguage.json"),
  vim: join(root, "editors", "neovim", "syntax", "reso.vim"),
};

// ---------------------------------------------------------------- vocabulary

/** Lines of a vocabulary file, without comments and blank lines. */
function entries(text) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Parses the three vocabulary files into lists of phrases. */
export function parseVocabulary({ preambular, operative, adverbs }) {
  const sections = { before: [], after: [], with: [] };
  let current = null;
  for (const line of entries(adverbs)) {
    const m = /^\[(\w+)\]$/.exec(line);
    if (m) {
      if (!(m[1] in sections)) throw new Error(`adverbs.txt: unknown section [${m[1]}]`);
      current = m[1];
    } else if (current === null) {
      throw new Error(`adverbs.txt: "${line}" comes before any [section]`);
    } else {
      sections[current].push(line);
    }
  }
  return {
    preambular: uniq(entries(preambular)),
    operative: uniq(entries(operative)),
    before: uniq(sections.before),
    // [after] and [with] both follow the opener; highlighting treats them alike.
    after: uniq([...sections.after, ...sections.with]),
  };
}

export function readVocabulary(dir = join(root, "server", "data", "vocabulary")) {
  const read = (name) => readFileSync(join(dir, name), "utf8");
  return parseVocabulary({
    preambular: read("preambular.txt"),
    operative: read("operative.txt"),
    adverbs: read("adverbs.txt"),
  });
}

function uniq(list) {
  return [...new Set(list)];
}

/** Longest first, so that an alternation prefers `Bearing in mind also` to `Bearing in mind`. */
function longestFirst(list) {
  return [...list].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function lowerFirst(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// ---------------------------------------------------------- regex dialects
// Oniguruma (TextMate) and JavaScript share the subset used here; the grammar's
// test compiles these patterns as JavaScript regexes, the VS Code extension's
// tests run them through Oniguruma itself.

function escapeOnig(phrase) {
  return phrase
    .replace(/[\\^$.|?*+()[\]{}\/]/g, "\\$&")
    .replace(/ +/g, "\\s+");
}

function escapeVim(phrase) {
  // Very magic mode: every ASCII character except letters, digits and `_` is special.
  return phrase.replace(/[^A-Za-z0-9_ ]/g, (c) => {
    if (c === "-" || c === "'" || c === "." || c === ",") return `[${c}]`;
    throw new Error(`vocabulary: no Vim escape for ${JSON.stringify(c)} in "${phrase}"`);
  }).replace(/ +/g, "\\s+");
}

/**
 * The alternation that matches an opener of one kind, with its adverbs:
 * `Recalling`, `Also recalling`, `Recalling further`, `Noting with deep concern`.
 */
function openerAlternation(openers, vocab, dialect) {
  const esc = dialect === "vim" ? escapeVim : escapeOnig;
  const group = dialect === "vim" ? (s) => `%(${s})` : (s) => `(?:${s})`;
  const alt = (list) => group(longestFirst(list).map(esc).join("|"));
  const ws = "\\s+";
  const capital = alt(openers);
  const lower = alt(openers.map(lowerFirst));
  const before = alt(vocab.before);
  const after = alt(vocab.after);
  // "Emphasizing, however, that" is not an adverb form: only `,?` before an [after] word.
  const comma = dialect === "vim" ? ",=" : ",?";
  return group(`${group(`${before}${ws}${lower}|${capital}`)}${group(`${comma}${ws}${after}`)}${dialect === "vim" ? "=" : "?"}`);
}

// ------------------------------------------------------------ shared pieces

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies";
const ORGANS =
  "General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council|Conference of the Parties";

// --------------------------------------------------------------- TextMate

export function tmLanguage(vocab) {
  const pp = openerAlternation(vocab.preambular, vocab, "onig");
  const op = openerAlternation(vocab.operative, vocab, "onig");
  const end = "(?![\\w\\-’'])"; // an opener ends at a word boundary
  const month = `(?:${MONTHS})`;

  const inline = [
    { include: "#footnote-reference" },
    { include: "#citation" },
    { include: "#date" },
  ];

  const grammar = {
    information_for_contributors: [
      "Generated by grammar/generate.mjs from server/data/vocabulary/*.txt: do not edit by hand.",
      "Run `node grammar/generate.mjs` after changing the vocabulary or the generator; see grammar/FORMAT.md.",
    ],
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "reso",
    scopeName: "text.reso",
    fileTypes: ["reso"],
    patterns: [
      { include: "#footnote-definition" },
      { include: "#chapeau" },
      { include: "#operative-paragraph" },
      { include: "#subparagraph" },
      { include: "#preambular-opener" },
      { include: "#operative-opener" },
      { include: "#annex" },
      { include: "#meeting" },
      ...inline,
    ],
    repository: {
      chapeau: {
        comment: "`The General Assembly,` alone on its line; without the comma only for a known organ.",
        match: `^\\s*(The\\s+(?:(?:${ORGANS})(?=\\s*,?\\s*$)|[A-Z][\\w’'\\-]*(?:\\s+(?:of|on|for|and|the|[A-Z][\\w’'\\-]*))*(?=\\s*,\\s*$)))\\s*(,)?\\s*$`,
        captures: {
          1: { name: "markup.heading.chapeau.reso" },
          2: { name: "punctuation.separator.chapeau.reso" },
        },
      },
      "operative-paragraph": {
        comment: "`4.`, `[5 bis.`, then an operative opener when it is a known one.",
        match: `^\\s*(\\[)?(\\d{1,3})(?:\\s+(${SUFFIXES}))?(\\.)(?=\\s|$)(?:\\s+(${op})${end})?`,
        captures: {
          1: { name: "punctuation.definition.bracket.reso" },
          2: { name: "constant.numeric.paragraph.reso" },
          3: { name: "constant.numeric.paragraph.suffix.reso" },
          4: { name: "punctuation.separator.paragraph.reso" },
          5: { name: "keyword.control.opener.operative.reso" },
        },
      },
      subparagraph: {
        comment: "`(a)` `(ii)` `a.` `iv.` at the start of a line.",
        match: "^\\s*(?:(\\()([a-z]{1,2}|[ivxlc]+)(\\))|([a-z]|[ivxlc]+)(\\.))(?=\\s)",
        captures: {
          1: { name: "punctuation.definition.list.begin.reso" },
          2: { name: "constant.numeric.subparagraph.reso" },
          3: { name: "punctuation.definition.list.end.reso" },
          4: { name: "constant.numeric.subparagraph.reso" },
          5: { name: "punctuation.definition.list.end.reso" },
        },
      },
      "preambular-opener": {
        match: `^\\s*(${pp})${end}`,
        captures: { 1: { name: "keyword.other.opener.preambular.reso" } },
      },
      "operative-opener": {
        comment: "An unnumbered paragraph that opens with an operative verb (a single OP).",
        match: `^\\s*(${op})${end}`,
        captures: { 1: { name: "keyword.control.opener.operative.reso" } },
      },
      annex: {
        match: "^\\s*(Annex(?:\\s+[IVXL]+)?)\\s*$",
        captures: { 1: { name: "markup.heading.annex.reso" } },
      },
      meeting: {
        match: `^\\s*(\\d+(?:st|nd|rd|th)\\s+plenary\\s+meeting|Adopted\\s+at\\s+its\\s+\\d+(?:st|nd|rd|th)\\s+meeting)\\b.*$`,
        captures: { 1: { name: "markup.italic.meeting.reso" } },
      },
      "footnote-definition": {
        comment: "`[^3]: text`, or pasted `3 See ...` (a number, spaces, then a capital; never a date).",
        begin: `^(?:(\\[\\^)(\\d+)(\\]:)|\\s?(\\d{1,3})(?=\\s+(?!${month}\\b)[A-Z“"‘(]))`,
        beginCaptures: {
          1: { name: "punctuation.definition.footnote.reso" },
          2: { name: "constant.other.reference.footnote.definition.reso" },
          3: { name: "punctuation.definition.footnote.reso" },
          4: { name: "constant.other.reference.footnote.definition.reso" },
        },
        end: "$",
        name: "meta.footnote.definition.reso",
        patterns: [{ include: "#footnote-bracket" }, { include: "#citation" }, { include: "#date" }],
      },
      "footnote-reference": {
        patterns: [
          { include: "#footnote-bracket" },
          {
            comment: "Unicode superscript digits.",
            match: "[¹²³⁴⁵⁶⁷⁸⁹⁰]+",
            name: "constant.other.reference.footnote.reso",
          },
          {
            comment:
              "Pasted text: digits glued to a lowercase word, a quote or punctuation (`2003,1`, `Internet,21`); not thousands (`1,000`) or decimals (`2.2`).",
            match: "(?:(?<=\\d,)\\d{1,2}|(?<=[a-z”’\"),.;:\\]])(?<!\\d[,.])\\d{1,3})(?!\\d)(?=[\\s,.;:)\\]]|$)",
            name: "constant.other.reference.footnote.reso",
          },
        ],
      },
      "footnote-bracket": {
        match: "(\\[\\^)(\\d+)(\\])(?!:)",
        captures: {
          0: { name: "constant.other.reference.footnote.reso" },
          1: { name: "punctuation.definition.footnote.reso" },
          3: { name: "punctuation.definition.footnote.reso" },
        },
      },
      citation: {
        patterns: [
          {
            comment: "Document symbols: A/66/64-E/2011/77, A/C.2/59/3, S/RES/1325 (2000), GC(69)/RES/9.",
            match: "\\b[A-Z]{1,8}(?:\\(\\d+\\))?(?:/[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*)+(?:\\s+\\(\\d{4}\\))?",
            name: "string.other.link.citation.document.reso",
          },
          {
            comment:
              "Resolution numbers: 56/183, 57/270 B, 2006/46, ES-10/19, S-26/2, 1325 (2000), 2625 (XXV).",
            match:
              "\\b(?:(?:ES|S)-\\d{1,2}/\\d{1,3}|\\d{1,4}/\\d{1,4}(?:\\s+[A-Z](?![\\w’'\\-]))?|\\d{1,4}\\s+\\((?:(?:19|20)\\d\\d|[IVXL]+(?:-[A-Z]+)?)\\))(?![\\w/])",
            name: "string.other.link.citation.resolution.reso",
          },
        ],
      },
      date: {
        comment: "`21 December 2001`, `10 to 12 December 2003`, `24 and 25 October`, `March 2006`.",
        match: `\\b(?:\\d{1,2}(?:\\s*(?:-|–|to|and)\\s*\\d{1,2})?\\s+${month}(?:\\s+\\d{4}(?!\\d))?|${month}\\s+\\d{4}(?!\\d))`,
        name: "constant.other.date.reso",
      },
    },
  };
  return JSON.stringify(grammar, null, 2) + "\n";
}

// -------------------------------------------------------------------- Vim

export function vimSyntax(vocab) {
  const pp = openerAlternation(vocab.preambular, vocab, "vim");
  const op = openerAlternation(vocab.operative, vocab, "vim");
  const month = `%(${MONTHS})`;
  const organs = `%(${ORGANS.replace(/ /g, "\\s+")})`;
  const end = "%([[:alnum:]_'’-])@!";
  // Later :syn match items win when two start at the same column, so the
  // line-start items come after the inline ones.
  return `" Vim syntax file
" Language: reso (United Nations-style resolution drafts)
" Generated by grammar/generate.mjs from server/data/vocabulary/*.txt: do not edit
" by hand. Run \`node grammar/generate.mjs\` after changing the vocabulary.
" Used by clients without semantic tokens; the server's tokens refine it.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

" Inline: dates, citations, footnote references.
syn match resoDate /\\v<%(\\d{1,2}%(\\s*%(-|–|to|and)\\s*\\d{1,2})=\\s+${month}%(\\s+\\d{4}\\d@!)=|${month}\\s+\\d{4}\\d@!)/
syn match resoCitation /\\v<%(%(ES|S)-\\d{1,2}\\/\\d{1,3}|\\d{1,4}\\/\\d{1,4}%(\\s+\\u%([[:alnum:]_'’-])@!)=|\\d{1,4}\\s+\\(%(%(19|20)\\d\\d|[IVXL]+%(-\\u+)=)\\))%([[:alnum:]_/])@!/
syn match resoSymbol /\\v<\\u{1,8}%(\\(\\d+\\))=%(\\/[A-Za-z0-9]+%([.-][A-Za-z0-9]+)*)+%(\\s+\\(\\d{4}\\))=/
syn match resoFootnoteRef /\\v\\[\\^\\d+\\]:@!/
syn match resoFootnoteRef /\\v[¹²³⁴⁵⁶⁷⁸⁹⁰]+/
syn match resoFootnoteRef /\\v%(%(\\d,)@2<=\\d{1,2}|%([a-z”’"),.;:\\]])@3<=%(\\d[,.])@2<!\\d{1,3})\\d@!%([[:space:],.;:)\\]]|$)@=/

" Footnote definitions: \`[^3]: text\`, or pasted \`3 See ...\` (never a date).
syn match resoFootnoteDef /\\v^\\[\\^\\d+\\]:/
syn match resoFootnoteDef /\\v^\\s=\\zs\\d{1,3}\\ze\\s+%(${month}>)@!%(\\u|[“"‘(])/

" Paragraph structure.
syn match resoChapeau /\\v^\\s*\\zsThe\\s+%(${organs}\\s*,=|\\u[[:alnum:]_'’-]*%(\\s+%(of|on|for|and|the|\\u[[:alnum:]_'’-]*))*\\s*,)\\ze\\s*$/
syn match resoSubMarker /\\v^\\s*\\zs%(\\(%([a-z]{1,2}|[ivxlc]+)\\)|%([a-z]|[ivxlc]+)\\.)\\ze\\s/
syn match resoOpenerPreambular /\\v^\\s*\\zs${pp}${end}/
syn match resoOpenerOperative /\\v^\\s*\\zs${op}${end}/
syn match resoOpenerOperative /\\v${op}${end}/ contained
syn match resoOpNumber /\\v^\\s*\\zs\\[=\\d{1,3}%(\\s+%(${SUFFIXES}))=\\.\\ze%(\\s|$)/ nextgroup=resoOpenerOperative skipwhite
syn match resoAnnex /\\v^\\s*\\zsAnnex%(\\s+[IVXL]+)=\\ze\\s*$/
syn match resoMeeting /\\v^\\s*\\zs%(\\d+%(st|nd|rd|th)\\s+plenary\\s+meeting|Adopted\\s+at\\s+its\\s+\\d+%(st|nd|rd|th)\\s+meeting)>.*/

hi def link resoOpenerPreambular Statement
hi def link resoOpenerOperative  Keyword
hi def link resoOpNumber         Number
hi def link resoSubMarker        Number
hi def link resoCitation         Underlined
hi def link resoSymbol           Underlined
hi def link resoDate             Constant
hi def link resoFootnoteRef      Special
hi def link resoFootnoteDef      Label
hi def link resoChapeau          Title
hi def link resoAnnex            Title
hi def link resoMeeting          Comment

let b:current_syntax = 'reso'

let &cpo = s:cpo_save
unlet s:cpo_save
`;
}

// --------------------------------------------------------------------- main

export function generate(vocab = readVocabulary()) {
  return {
    [outputs.tmLanguage]: tmLanguage(vocab),
    [outputs.vim]: vimSyntax(vocab),
  };
}

/** Paths of the committed files that differ from what the vocabulary gives. */
export function stale(files = generate()) {
  return Object.entries(files)
    .filter(([path, text]) => {
      try {
        return readFileSync(path, "utf8") !== text;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generate();
  if (process.argv.includes("--check")) {
    const bad = stale(files);
    if (bad.length > 0) {
      for (const path of bad) {
        console.error(`${relative(root, path)} is stale: run \`node grammar/generate.mjs\` and commit the result`);
      }
      process.exit(1);
    }
    console.log("grammar: generated files match server/data/vocabulary");
  } else {
    for (const [path, text] of Object.entries(files)) {
      writeFileSync(path, text);
      console.log(`wrote ${relative(root, path)}`);
    }
  }
}
