// VS Code settings -> the `reso` settings object the server reads (SPEC section 6).
// No `vscode` import: the tests hand in stubs of WorkspaceConfiguration.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** The part of vscode.WorkspaceConfiguration this module reads. */
export interface ConfigReader {
  get<T>(section: string): T | undefined;
  inspect<T>(section: string):
    | {
        defaultValue?: T;
        globalValue?: T;
        workspaceValue?: T;
        workspaceFolderValue?: T;
      }
    | undefined;
}

/** The diagnostic codes of SPEC section 4, as `reso.diagnostics.<code>` settings. */
export const DIAGNOSTIC_CODES = [
  "numbering",
  "sub-numbering",
  "footnote-undefined",
  "footnote-unused",
  "footnote-duplicate",
  "footnote-order",
  "footnote-repeated",
  "opener-unknown",
  "opener-misplaced",
  "terminator",
  "structure",
  "symbol-unknown",
  "symbol-malformed",
  "citation-date",
  "citation-session",
  "citation-order",
  "citation-inconsistent",
] as const;

export const SEVERITIES = ["error", "warning", "information", "hint", "off"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the server receives as `initializationOptions` and inside `{"reso": ...}`. */
export interface ServerSettings {
  diagnostics?: Record<string, Severity>;
  catalog?: { paths: string[] };
  organ?: string;
  footnotes?: { repeat: "forbid" | "allow" };
  /** Where the diagnostic pages are: each code links to `<base>/<code>.md`. */
  docs?: { base: string };
}

export interface Mapped {
  settings: ServerSettings;
  /** Settings that were ignored, in words for the user. */
  problems: string[];
}

export interface MapContext {
  /** The first workspace folder's path, for relative catalogue paths. */
  workspaceFolder?: string;
  home?: string;
  /**
   * The file URI of the diagnostic pages shipped in the extension
   * (bundledDocsBase), used unless `reso.docs.base` names another address.
   */
  bundledDocs?: string;
}

/**
 * Maps the `reso` configuration section to the server's settings. A value left at
 * `default` (or unset) is not sent, so `reso.toml` and the server's defaults apply.
 * `reso.server.path` is never part of it: the server does not run programs.
 */
export function serverSettings(cfg: ConfigReader, ctx: MapContext = {}): Mapped {
  const settings: ServerSettings = {};
  const problems: string[] = [];

  const diagnostics: Record<string, Severity> = {};
  for (const code of DIAGNOSTIC_CODES) {
    const value = cfg.get<unknown>(`diagnostics.${code}`);
    if (value === undefined || value === null || value === "default") continue;
    if (typeof value === "string" && (SEVERITIES as readonly string[]).includes(value)) {
      diagnostics[code] = value as Severity;
    } else {
      problems.push(
        `reso.diagnostics.${code}: ${JSON.stringify(value)} is not one of default, ${SEVERITIES.join(", ")}`,
      );
    }
  }
  if (Object.keys(diagnostics).length > 0) settings.diagnostics = diagnostics;

  const paths = cfg.get<unknown>("catalog.paths");
  if (Array.isArray(paths)) {
    const resolved: string[] = [];
    for (const p of paths) {
      if (typeof p === "string" && p.trim() !== "") {
        resolved.push(resolveDataPath(p.trim(), ctx));
      } else {
        problems.push(`reso.catalog.paths: ${JSON.stringify(p)} is not a path`);
      }
    }
    if (resolved.length > 0) settings.catalog = { paths: resolved };
  } else if (paths !== undefined && paths !== null) {
    problems.push("reso.catalog.paths: expected a list of paths");
  }

  const organ = cfg.get<unknown>("organ");
  if (typeof organ === "string" && organ.trim() !== "") settings.organ = organ.trim();

  const repeat = cfg.get<unknown>("footnotes.repeat");
  if (repeat === "forbid" || repeat === "allow") {
    settings.footnotes = { repeat };
  } else if (repeat !== undefined && repeat !== null && repeat !== "default") {
    problems.push(`reso.footnotes.repeat: ${JSON.stringify(repeat)} is not one of default, forbid, allow`);
  }

  const docs = docsBase(cfg.get<unknown>("docs.base"), ctx);
  if (docs.problem !== undefined) problems.push(docs.problem);
  if (docs.base !== undefined) settings.docs = { base: docs.base };

  return { settings, problems };
}

/**
 * The base address of the diagnostic pages: `reso.docs.base` when set (an
 * address such as `https://...` or `file:///...` as it is, a path made a file
 * URI), else the pages bundled with the extension. No trailing `/`: the server
 * appends `/<code>.md`.
 */
export function docsBase(value: unknown, ctx: MapContext): { base?: string; problem?: string } {
  if (typeof value === "string" && value.trim() !== "") {
    const v = value.trim();
    if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(v)) return { base: v.replace(/\/+$/, "") };
    const p = resolveDataPath(v, ctx);
    if (!path.isAbsolute(p)) {
      return {
        base: ctx.bundledDocs,
        problem: `reso.docs.base: ${JSON.stringify(v)} is neither an address nor an absolute path`,
      };
    }
    return { base: pathToFileURL(p).href.replace(/\/+$/, "") };
  }
  if (value !== undefined && value !== null && value !== "") {
    return { base: ctx.bundledDocs, problem: `reso.docs.base: ${JSON.stringify(value)} is not a string` };
  }
  return { base: ctx.bundledDocs };
}

/** The file URI of `docs/diagnostics` inside the extension, if the package has it. */
export function bundledDocsBase(extensionPath: string): string | undefined {
  const dir = path.join(extensionPath, "docs", "diagnostics");
  return fs.existsSync(dir) ? pathToFileURL(dir).href : undefined;
}

/** `~`, `${workspaceFolder}` and paths relative to the workspace folder. */
export function resolveDataPath(p: string, ctx: MapContext): string {
  const home = ctx.home ?? os.homedir();
  let out = p;
  if (ctx.workspaceFolder !== undefined) {
    out = out.split("${workspaceFolder}").join(ctx.workspaceFolder);
  }
  if (out === "~") out = home;
  else if (out.startsWith("~/")) out = path.join(home, out.slice(2));
  if (!path.isAbsolute(out) && ctx.workspaceFolder !== undefined) {
    out = path.join(ctx.workspaceFolder, out);
  }
  return out;
}

/**
 * `reso.server.path` as the user set it in their own (user or remote-machine)
 * settings. Never the workspace's or the folder's value, even if VS Code were to
 * return it from get(): opening a folder must not choose the program we run.
 */
export function userServerPath(cfg: ConfigReader): string | undefined {
  const value = cfg.inspect<unknown>("server.path")?.globalValue;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
