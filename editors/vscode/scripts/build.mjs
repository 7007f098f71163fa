// npm run build: copies the generated grammar into the extension and bundles
// src/extension.ts with its dependencies into dist/extension.js (esbuild).
// `--dev` keeps it unminified with a source map.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ext = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

mkdirSync(join(ext, "syntaxes"), { recursive: true });
copyFileSync(join(ext, "..", "..", "grammar", "reso.tmLanguage.json"), join(ext, "syntaxes", "reso.tmLanguage.json"));

await build({
  entryPoints: [join(ext, "src", "extension.ts")],
  outfile: join(ext, "dist", "extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18", // VS Code 1.82's Electron
  external: ["vscode"],
  minify: !dev,
  sourcemap: dev,
  logLevel: "info",
});
