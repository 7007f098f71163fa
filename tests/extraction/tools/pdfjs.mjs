// pdf.js (Firefox's PDF viewer) reading a PDF, for the extraction lab.
//
//   node tools/pdfjs.mjs FILE eol     # as the viewer's text layer copies it:
//                                     # the items' strings, a line break
//                                     # where pdf.js marks an end of line
//   node tools/pdfjs.mjs FILE lines   # as the npm package pdf-parse reads
//                                     # it: a line break wherever the
//                                     # baseline moves (a raised footnote
//                                     # number gets a line of its own)
//
// Pages are joined by a blank line.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import fs from "fs";

const [, , file, mode] = process.argv;
const data = new Uint8Array(fs.readFileSync(file));
const doc = await getDocument({ data, verbosity: 0 }).promise;
let out = "";
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  let text = "";
  let lastY = null;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    if (mode === "eol") {
      text += item.str;
      if (item.hasEOL) text += "\n";
    } else {
      const y = item.transform[5];
      text += lastY === null || y === lastY ? item.str : "\n" + item.str;
      lastY = y;
    }
  }
  out += text + "\n\n";
}
process.stdout.write(out);
