// Packages the extension (run `npm run build` first).
//
//   node scripts/package.mjs --target linux-x64 --server ../../target/release/reso --out reso-linux-x64.vsix
//   node scripts/package.mjs --out reso-universal.vsix          (no binary: PATH or reso.server.path)
//
// The platform package carries the server as server/reso; the script then reads
// the .vsix back and fails unless it holds exactly what .vscodeignore whitelists
// (and the binary, executable, only in the platform package).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const ext = join(dirname(fileURLToPath(import.meta.url)), "..");
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
const exe = target?.startsWith("win32") ? "reso.exe" : "reso";
rmSync(serverDir, { recursive: true, force: true });
try {
  if (server) {
    mkdirSync(serverDir);
    copyFileSync(resolve(server), join(serverDir, exe));
    chmodSync(join(serverDir, exe), 0o755);
  }
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(ext, "node_modules", "@vscode", "vsce", "vsce");
  execFileSync(
    process.execPath,
    [
      vsce,
      "package",
      ...(target ? ["--target", target] : []),
      "--no-dependencies",
      "--skip-license",
      "--allow-missing-repository",
      "--allow-unused-files-pattern",
      "--out",
      out,
    ],
    { cwd: ext, stdio: "inherit" },
  );
} finally {
  rmSync(serverDir, { recursive: true, force: true });
}

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
console.log(`${out}: ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)${server ? `, server ${exe} inside` : ", no server"}`);

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
