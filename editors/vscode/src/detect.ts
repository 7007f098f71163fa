// Is this text a United Nations resolution? Read from how UN texts start, so that
// a pasted `.txt` opens as a resolution. No `vscode` import: the tests run it on
// the real texts of tests/fixtures and tests/corpus.
//
// FIRST_LINE is also the `firstLine` of the language contribution in
// package.json (a test keeps the two equal), and the Neovim plugin's
// lua/reso/detect.lua reads the same lines with Lua patterns (its test runs the
// same table, editors/detect-cases.txt).

/** The organs whose resolutions reso reads, as named in a chapeau or a heading. */
const ORGAN =
  "(?:General\\s+Assembly|Security\\s+Council|Economic\\s+and\\s+Social\\s+Council|Human\\s+Rights\\s+Council|Trusteeship\\s+Council|Conference\\s+of\\s+the\\s+Parties)";

/**
 * A UN document symbol: a known series (A, S, E, ST, treaty bodies ...) then
 * `/`-separated parts, with a digit somewhere (`A/RES/80/6`, `A/C.2/66/L.51`,
 * `S/2026/123`, `A/ES-11/L.7`): `A/B` or `TCP/IP` are not symbols.
 */
const SYMBOL =
  "(?:A|S|E|ST|TD|DP|UNEP|FCCC|ICCD|CRC|CCPR|CEDAW|CERD|CAT)(?=\\S*\\d)(?:/[A-Z0-9][A-Za-z0-9.\\-]*)+\\*?";

const YEAR = "\\(\\d{4}\\)";

/** Markdown around a line, as a PDF-to-Markdown tool writes it: `## `, `**`, `_`. */
const OPEN = "(?:#{1,6}\\s+)?(?:\\*{1,2}|_{1,2})?";
const CLOSE = "(?:\\*{1,2}|_{1,2})?";

/**
 * The first line of a UN text, as a JavaScript regular expression without flags
 * (how VS Code compiles `firstLine`). Each alternative is a whole line, except the
 * heading `Resolution adopted by the General Assembly on ...` and the header row:
 *
 * - `United Nations`, alone or with the symbol (`United Nations S/RES/1454 (2002)`);
 * - a document symbol alone (`A/RES/80/6`, `S/RES/1454 (2002)`, `A/C.2/66/L.51`);
 * - `Resolution 687 (1991)` (Security Council), with its date or not;
 * - `Resolution adopted by the General Assembly ...`;
 * - a chapeau: `The General Assembly,`, `The Security Council,` ...;
 * - an organ alone, as a heading: `Economic and Social Council`;
 * - the header's table row read as one line, `United Nations A/RES/80/5 General
 *   Assembly Distr.: General ...` (a word processor's PDF through pymupdf4llm).
 *
 * Markdown around the line (`**A/RES/80/6**`, `## United Nations`, `_The Security
 * Council,_`) is allowed: reso reads Markdown drafts too.
 */
export const FIRST_LINE =
  `^\\s*${OPEN}(?:United\\s+Nations(?:\\s+${SYMBOL}(?:\\s+${YEAR})?)?` +
  `|${SYMBOL}(?:\\s+${YEAR})?` +
  `|Resolution\\s+\\d{1,4}\\s*${YEAR}(?:\\s+of\\s+\\d{1,2}\\s+[A-Z][a-z]+\\s+\\d{4})?` +
  `|The\\s+${ORGAN}${CLOSE}\\s*,` +
  `|${ORGAN})${CLOSE}\\s*$` +
  `|^\\s*${OPEN}Resolution\\s+adopted\\s+by\\s+the\\s+${ORGAN}\\b` +
  `|^\\s*${OPEN}United\\s+Nations\\s+${SYMBOL}(?:\\s+${YEAR})?\\s+${ORGAN}\\b`;

const firstLine = new RegExp(FIRST_LINE);
const chapeau = new RegExp(`^\\s*${OPEN}The\\s+${ORGAN}${CLOSE}\\s*,${CLOSE}\\s*$`);

/**
 * A line that is only a picture, an image's placeholder or a table's rule, as a
 * converted Word document or web page starts (`![](media/image1.png){width=...}`,
 * `<img ...>`, `<table>`, `[rId9]`, `|---|---|`): passed over when looking for the
 * first line.
 */
const MARKUP_ONLY =
  /^\s*(?:!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?|(?:<[^>]*>\s*)+|\[[^\]]*\]|[-+=|:\s]+)\s*$/;

/** How many lines from the top a chapeau may stand (after a title, a symbol block). */
export const CHAPEAU_WITHIN = 40;

/** Whether one line (without its line break) is how a UN text starts. */
export function isFirstLine(line: string): boolean {
  return firstLine.test(line.replace(/^\uFEFF/, ""));
}

/**
 * Whether a text is a UN resolution, from its first lines: its first non-blank
 * line starts a UN text, or a chapeau (`The General Assembly,` alone on its line)
 * stands within the first CHAPEAU_WITHIN lines (a text that opens with its title).
 * `lines` gives line i (0-based) or undefined past the end; only the top is read.
 */
export function looksLikeResolution(lines: (i: number) => string | undefined): boolean {
  let first: string | undefined;
  for (let i = 0; i < CHAPEAU_WITHIN; i++) {
    const line = lines(i);
    if (line === undefined) break;
    if (
      first === undefined &&
      line.trim() !== "" &&
      line.trim() !== "\uFEFF" &&
      !MARKUP_ONLY.test(line)
    ) {
      first = line;
      // A table's cells (`| United Nations | A/RES/80/5 |`, `<td>United
      // Nations</td>`) read as one line.
      if (isFirstLine(line.replace(/<[^>]*>|\|/g, " "))) return true;
    }
    if (chapeau.test(line)) return true;
  }
  return false;
}

/** looksLikeResolution over a whole string. */
export function textLooksLikeResolution(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, CHAPEAU_WITHIN);
  return looksLikeResolution((i) => lines[i]);
}
