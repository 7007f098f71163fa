// Packages the extension (run `npm run build` first).
//
//   node scripts/package.mjs --target linux-x64 --server ../../target/release/reso --out reso-linux-x64.vsix
//   node scripts/package.mjs --out reso-universal.vsix          (no binary: PATH or reso.server.path)
//   --docs DIR: the diagnostic pages (default: docs/diagnostics of the repository)
//
// The platform package carries the server as server/reso. Both carry, copied from
// the repository root for the time of packaging (never committed here): the
// licence (LICENSE.md, both texts of MIT OR Apache-2.0), CHANGELOG.md, and the
// diagnostic pages docs/diagnostics/*.md, which the extension hands to the server
// as the base of each diagnostic's link. vsce must print no warning. The script
// then reads the .vsix back and fails unless it holds exactly what .vscodeignore
// whitelists (and the binary, executable, only in the platform package).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const ext = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(ext, "..", "..");
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = opt("--target");
const server = opt("--server");
const out = resolve(opt("--out") ?? (target ? `reso-${target}.vsix` : "reso-universal.vsix"));

if (!existsSync(join(ext, "dist", "extension.js"))) {
  throw new Error("dist/extension.js is missing: run `npm run build` first");
}
if (Boolean(target) !== Boolean(server)) {
  throw new Error("--target and --server go together (a platform package carries its server)");
}

const serverDir = join(ext, "server");
const docsDir = join(ext, "docs");
const copies = [serverDir, docsDir, join(ext, "LICENSE.md"), join(ext, "CHANGELOG.md")];
const exe = target?.startsWith("win32") ? "reso.exe" : "reso";
const clean = () => copies.forEach((p) => rmSync(p, { recursive: true, force: true }));

// The diagnostic pages, one per code (docs/diagnostics/<code>.md at the root).
const pagesFrom = resolve(opt("--docs") ?? join(repo, "docs", "diagnostics"));
const pages = existsSync(pagesFrom) ? readdirSync(pagesFrom).filter((f) => f.endsWith(".md")).sort() : [];
if (pages.length === 0) console.warn(`note: no pages in ${pagesFrom}: the package carries no diagnostic pages`);
const images = readdirSync(join(ext, "images")).filter((f) => f.endsWith(".png")).sort();

clean();
let vsceOutput = "";
try {
  if (server) {
    mkdirSync(serverDir);
    copyFileSync(resolve(server), join(serverDir, exe));
    chmodSync(join(serverDir, exe), 0o755);
  }
  if (pages.length > 0) {
    mkdirSync(join(docsDir, "diagnostics"), { recursive: true });
    for (const page of pages) copyFileSync(join(pagesFrom, page), join(docsDir, "diagnostics", page));
  }
  const mit = readFileSync(join(repo, "LICENSE-MIT"), "utf8");
  const apache = readFileSync(join(repo, "LICENSE-APACHE"), "utf8");
  writeFileSync(
    join(ext, "LICENSE.md"),
    "reso is licensed under either of the MIT licence or the Apache License 2.0, at your option " +
      "(SPDX: MIT OR Apache-2.0). Both texts follow.\n\n## MIT\n\n```\n" +
      mit.trimEnd() +
      "\n```\n\n## Apache-2.0\n\n```\n" +
      apache.trimEnd() +
      "\n```\n",
  );
  copyFileSync(join(repo, "CHANGELOG.md"), join(ext, "CHANGELOG.md"));
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(ext, "node_modules", "@vscode", "vsce", "vsce");
  // --allow-missing-repository: the project has no public home yet, so package.json
  // names no repository. --no-rewrite-relative-links: the README's screenshots stay
  // relative (images/...), shown from the installed extension; vsce would otherwise
  // need a repository address to rewrite them.
  vsceOutput = execFileSync(
    process.execPath,
    [
      vsce,
      "package",
      ...(target ? ["--target", target] : []),
      "--no-dependencies",
      "--allow-missing-repository",
      "--no-rewrite-relative-links",
      "--allow-unused-files-pattern",
      "--out",
      out,
    ],
    { cwd: ext, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } },
  );
} catch (e) {
  process.stderr.write(`${e.stdout ?? ""}${e.stderr ?? ""}`);
  throw e;
} finally {
  clean();
}
process.stdout.write(vsceOutput);
if (/WARNING/i.test(vsceOutput)) throw new Error("vsce printed a warning (see above)");

// ---- read the package back
const entries = listZip(readFileSync(out));
const names = entries.map((e) => e.name).sort();
const expected = [
  "extension.vsixmanifest",
  "[Content_Types].xml",
  "extension/package.json",
  "extension/readme.md",
  "extension/dist/extension.js",
  "extension/syntaxes/reso.tmLanguage.json",
  "extension/language-configuration.json",
  "extension/snippets/reso.json",
  "extension/LICENSE.md",
  "extension/changelog.md",
  ...images.map((i) => `extension/images/${i}`),
  ...pages.map((p) => `extension/docs/diagnostics/${p}`),
  ...(server ? [`extension/server/${exe}`] : []),
].sort();
const lower = (l) => l.map((n) => n.toLowerCase());
if (JSON.stringify(lower(names)) !== JSON.stringify(lower(expected))) {
  throw new Error(`${out} holds\n  ${names.join("\n  ")}\nexpected\n  ${expected.join("\n  ")}`);
}
if (server) {
  const bin = entries.find((e) => e.name === `extension/server/${exe}`);
  if (!exe.endsWith(".exe") && (bin.mode & 0o111) === 0) {
    throw new Error(`extension/server/${exe} is not executable in ${out} (mode ${bin.mode.toString(8)})`);
  }
  const data = bin.data();
  if (data.length !== statSync(resolve(server)).size) throw new Error("the packaged server differs from --server");
}
const size = statSync(out).size;
for (const page of pages) {
  const packed = entries.find((e) => e.name === `extension/docs/diagnostics/${page}`);
  if (!packed.data().equals(readFileSync(join(pagesFrom, page)))) throw new Error(`docs/diagnostics/${page} differs in ${out}`);
}
console.log(
  `${out}: ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)${server ? `, server ${exe} inside` : ", no server"}, ` +
    `${pages.length} diagnostic pages`,
);

/** Minimal ZIP reader: names, unix modes and (lazily) contents of the entries. */
function listZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const list = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad zip central directory");
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    list.push({
      name,
      mode: (external >>> 16) & 0o7777,
      data() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressed);
        return method === 0 ? raw : inflateRawSync(raw);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return list;
}
