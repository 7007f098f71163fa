// Which `reso` binary to run: the user's `reso.server.path`, then the binary bundled
// in a platform .vsix, then `reso` on PATH. Each candidate is probed with
// `reso --version` before it is used. No `vscode` import: tests call this directly.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type Source = "setting" | "bundled" | "PATH";

export interface Attempt {
  source: Source;
  /** The path tried, or what was looked for. */
  path: string;
  /** Why it was not used; undefined for the one that works. */
  error?: string;
  version?: string;
}

export interface Resolved {
  /** The server to run, absent when nothing worked. */
  server?: { source: Source; path: string; version: string };
  /** Every candidate in order, for the log and the error message. */
  attempts: Attempt[];
}

export interface ResolveInput {
  /** `reso.server.path` from the user's settings only (see userServerPath). */
  userPath: string | undefined;
  /** The extension's install folder; the bundled binary is `server/reso` in it. */
  extensionPath: string;
  /** The PATH to search; only absolute entries are used. */
  envPath: string | undefined;
  platform?: NodeJS.Platform;
  home?: string;
  probe?: (file: string) => Promise<string>;
}

export function exeName(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "reso.exe" : "reso";
}

export function bundledPath(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, "server", exeName(platform));
}

/** A folder that no workspace chose, to run the probe and the server in. */
export function neutralCwd(): string {
  return os.homedir() || os.tmpdir();
}

/**
 * Runs `file --version` and returns what it printed, or throws with a message a
 * user can act on. The output must start with `reso`: another program that
 * happens to be called reso is not our server.
 */
export function probe(file: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      ["--version"],
      { timeout: timeoutMs, cwd: neutralCwd(), windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const e = err as NodeJS.ErrnoException & { killed?: boolean };
          if (e.code === "ENOENT") return reject(new Error("not found"));
          if (e.code === "EACCES") return reject(new Error("not executable"));
          if (e.killed) return reject(new Error(`\`--version\` did not answer within ${timeoutMs / 1000} s`));
          const detail = String(stderr || stdout || e.message).trim().split("\n")[0];
          return reject(new Error(`\`--version\` failed: ${detail}`));
        }
        const out = String(stdout).trim();
        if (!/^reso\b/.test(out)) {
          return reject(new Error(`\`--version\` printed ${JSON.stringify(out.slice(0, 60))}, not reso's version`));
        }
        resolve(out.split("\n")[0] ?? out);
      },
    );
  });
}

/** An executable file (not a folder) at `file`? */
function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `name` looked up in PATH. Relative entries (`.`, `bin`, `node_modules/.bin`)
 * are skipped: they would resolve against the folder a user opened.
 */
export function which(name: string, envPath: string | undefined, platform: NodeJS.Platform = process.platform): string | undefined {
  if (!envPath) return undefined;
  const names = platform === "win32" && !name.toLowerCase().endsWith(".exe") ? [`${name}.exe`, name] : [name];
  const delimiter = platform === "win32" ? ";" : ":";
  for (const dir of envPath.split(delimiter)) {
    if (dir === "" || !path.isAbsolute(dir)) continue;
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

/** The user's setting as an absolute path: `~/x`, `/abs/x`, or a bare name from PATH. */
function settingPath(value: string, input: ResolveInput, platform: NodeJS.Platform): { path?: string; error?: string } {
  const home = input.home ?? os.homedir();
  let p = value;
  if (p === "~" || p.startsWith("~/")) p = path.join(home, p.slice(1));
  if (path.isAbsolute(p)) return { path: p };
  if (!p.includes("/") && !p.includes("\\")) {
    const found = which(p, input.envPath, platform);
    return found ? { path: found } : { error: `\`${p}\` is not on PATH` };
  }
  return { error: "a relative path; give an absolute path (or ~/...)" };
}

export async function resolveServer(input: ResolveInput): Promise<Resolved> {
  const platform = input.platform ?? process.platform;
  const run = input.probe ?? ((f: string) => probe(f));
  const attempts: Attempt[] = [];

  const tryFile = async (source: Source, file: string): Promise<Resolved | undefined> => {
    try {
      const version = await run(file);
      attempts.push({ source, path: file, version });
      return { server: { source, path: file, version }, attempts };
    } catch (e) {
      attempts.push({ source, path: file, error: (e as Error).message });
      return undefined;
    }
  };

  if (input.userPath !== undefined) {
    const s = settingPath(input.userPath, input, platform);
    if (s.path !== undefined) {
      const r = await tryFile("setting", s.path);
      if (r) return r;
    } else {
      attempts.push({ source: "setting", path: input.userPath, error: s.error ?? "unusable" });
    }
  }

  const bundled = bundledPath(input.extensionPath, platform);
  if (fs.existsSync(bundled)) {
    // A .vsix may lose the executable bit on the way; restore it once.
    if (platform !== "win32" && !isExecutableFile(bundled, platform)) {
      try {
        fs.chmodSync(bundled, 0o755);
      } catch {
        // probe reports "not executable"
      }
    }
    const r = await tryFile("bundled", bundled);
    if (r) return r;
  } else {
    attempts.push({ source: "bundled", path: bundled, error: "not in this package (universal .vsix)" });
  }

  const onPath = which(exeName(platform), input.envPath, platform);
  if (onPath !== undefined) {
    const r = await tryFile("PATH", onPath);
    if (r) return r;
  } else {
    attempts.push({ source: "PATH", path: exeName(platform), error: "not on PATH" });
  }

  return { attempts };
}

/** One line per attempt, for the output channel and the error message. */
export function describeAttempts(attempts: Attempt[]): string[] {
  const label: Record<Source, string> = {
    setting: "reso.server.path",
    bundled: "bundled server",
    PATH: "reso on PATH",
  };
  return attempts.map((a) =>
    a.error === undefined
      ? `${label[a.source]}: ${a.path} (${a.version ?? "ok"})`
      : `${label[a.source]}: ${a.path}: ${a.error}`,
  );
}
