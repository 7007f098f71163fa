// package.json, the language configuration and the snippets: what VS Code reads
// before any code runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DIAGNOSTIC_CODES } from "../src/settings";

const ext = path.join(__dirname, "..", "..");
const repo = path.join(ext, "..", "..");
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ext, p), "utf8"));
const pkg = read("package.json");
const props: Record<string, { scope?: string; enum?: string[]; default?: unknown }> =
  pkg.contributes.configuration.properties;

test("security: reso.server.path is machine-scoped and restricted in untrusted workspaces", () => {
  assert.equal(props["reso.server.path"]?.scope, "machine");
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, "limited");
  assert.deepEqual(untrusted.restrictedConfigurations, ["reso.server.path"]);
});

test("one severity setting per diagnostic code, the codes the server defines", () => {
  // The server's own list (server/src/diagnostic.rs), so a new code cannot be missed here.
  const rust = fs.readFileSync(path.join(repo, "server", "src", "diagnostic.rs"), "utf8");
  const serverCodes = [...rust.matchAll(/Code::\w+ => "([a-z-]+)"/g)].map((m) => m[1]);
  assert.ok(serverCodes.length >= 17, "could not read the codes from diagnostic.rs");
  assert.deepEqual([...DIAGNOSTIC_CODES].sort(), [...new Set(serverCodes)].sort());

  const settings = Object.keys(props)
    .filter((k) => k.startsWith("reso.diagnostics."))
    .map((k) => k.slice("reso.diagnostics.".length));
  assert.deepEqual(settings.sort(), [...DIAGNOSTIC_CODES].sort());
  for (const code of DIAGNOSTIC_CODES) {
    const p = props[`reso.diagnostics.${code}`]!;
    assert.deepEqual(p.enum, ["default", "error", "warning", "information", "hint", "off"], code);
    assert.equal(p.default, "default", code);
  }
});

test("settings, commands and the language are declared", () => {
  for (const key of ["reso.catalog.paths", "reso.trace.server", "reso.organ", "reso.footnotes.repeat", "reso.docs.base", "reso.txt.detect"]) {
    assert.ok(props[key], key);
  }
  assert.deepEqual(props["reso.trace.server"]?.enum, ["off", "messages", "verbose"]);
  const commands = Object.fromEntries(
    pkg.contributes.commands.map((c: { command: string; category: string; title: string }) => [
      c.command,
      `${c.category}: ${c.title}`,
    ]),
  );
  assert.deepEqual(commands, {
    "reso.renumberDocument": "reso: Renumber paragraphs and footnotes",
    "reso.restartServer": "reso: Restart server",
    "reso.checkAsResolution": "reso: Check this file as a resolution",
  });
  assert.deepEqual(props["reso.docs.base"]?.default, "");
  assert.deepEqual(props["reso.txt.detect"]?.default, true);
  // The extension looks at plain-text files (a .txt that reads as a resolution) and
  // activates for reso documents; the server starts only for the latter.
  assert.deepEqual(pkg.activationEvents, ["onLanguage:reso", "onLanguage:plaintext"]);
  assert.deepEqual(pkg.contributes.languages[0].extensions, [".reso"]);
  assert.equal(pkg.contributes.languages[0].id, "reso");
  assert.equal(pkg.contributes.grammars[0].scopeName, "text.reso");
  assert.equal(pkg.main, "./dist/extension.js");
});

test("the word pattern takes a citation, a symbol or a hyphenated word as one word", () => {
  const { wordPattern } = read("language-configuration.json");
  const re = new RegExp(wordPattern.pattern, `${wordPattern.flags}g`);
  const words = (s: string) => s.match(re);
  assert.deepEqual(words("Recalling its resolution 56/183 of 21 December 2001,"), [
    "Recalling", "its", "resolution", "56/183", "of", "21", "December", "2001",
  ]);
  assert.deepEqual(words("See A/66/64-E/2011/77 and the Secretary-General’s report[^3]"), [
    "See", "A/66/64-E/2011/77", "and", "the", "Secretary-General’s", "report", "[^3]",
  ]);
});

test("snippets parse and are for the drafter's two common starts", () => {
  const snippets = read("snippets/reso.json");
  const prefixes = Object.values(snippets).flatMap((s) => (s as { prefix: string[] }).prefix);
  assert.ok(prefixes.includes("resolution"));
  assert.ok(prefixes.includes("op"));
  const ga = (snippets["General Assembly resolution"] as { body: string[] }).body.join("\n");
  assert.match(ga, /^The General Assembly,$/m);
  assert.match(ga, /^1\. \$\{7\|Decides,/m);
});

test(".vscodeignore is a whitelist", () => {
  const lines = fs.readFileSync(path.join(ext, ".vscodeignore"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  assert.equal(lines[0], "**");
  assert.ok(lines.slice(1).every((l) => l.startsWith("!")), lines.join("\n"));
});

test("drafts are prose with one paragraph a line: word wrap and the other prose defaults", () => {
  assert.deepEqual(pkg.contributes.configurationDefaults, {
    "[reso]": {
      "editor.wordWrap": "on",
      "editor.wrappingIndent": "indent",
      "editor.wordBasedSuggestions": "off",
      "editor.unicodeHighlight.ambiguousCharacters": false,
      "editor.unicodeHighlight.invisibleCharacters": false,
    },
  });
});

test("the package is ready to publish: icon, licence, no invented address", () => {
  assert.equal(pkg.icon, "images/icon.png");
  const png = fs.readFileSync(path.join(ext, pkg.icon));
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], "the icon is 128x128");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  for (const key of ["repository", "homepage", "bugs"]) assert.equal(pkg[key], undefined, `${key}: no public home yet`);
  const ignore = fs.readFileSync(path.join(ext, ".vscodeignore"), "utf8");
  for (const shipped of ["!images/*.png", "!LICENSE*", "!CHANGELOG.md", "!docs/diagnostics/*.md"]) {
    assert.ok(ignore.split("\n").includes(shipped), `.vscodeignore does not ship ${shipped}`);
  }
  // Every image the README shows is in the package.
  const readme = fs.readFileSync(path.join(ext, "README.md"), "utf8");
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
  assert.ok(images.length > 0, "the README shows no screenshot");
  for (const img of images) {
    assert.match(img, /^images\/[\w.-]+\.png$/, img);
    assert.ok(fs.existsSync(path.join(ext, img)), `${img} is missing`);
  }
});
