// Test helpers: stub WorkspaceConfiguration objects and fake executables on disk.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ConfigReader } from "../src/settings";

export interface Layers {
  defaults?: Record<string, unknown>;
  user?: Record<string, unknown>;
  workspace?: Record<string, unknown>;
  folder?: Record<string, unknown>;
}

/**
 * A stub of vscode.WorkspaceConfiguration for the `reso` section. `get` returns the
 * most specific layer, as VS Code does for resource settings, and (the worst case
 * for the security rule) even for a machine-scoped key set by a workspace.
 */
export function config(layers: Layers): ConfigReader {
  return {
    get<T>(key: string): T | undefined {
      for (const layer of [layers.folder, layers.workspace, layers.user, layers.defaults]) {
        if (layer && key in layer) return layer[key] as T;
      }
      return undefined;
    },
    inspect<T>(key: string) {
      return {
        defaultValue: layers.defaults?.[key] as T | undefined,
        globalValue: layers.user?.[key] as T | undefined,
        workspaceValue: layers.workspace?.[key] as T | undefined,
        workspaceFolderValue: layers.folder?.[key] as T | undefined,
      };
    },
  };
}

export function tempDir(prefix = "reso-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fake `reso`: prints `reso <version>` for --version, and records every run. */
export function fakeReso(file: string, version = "reso 0.0.0-test", log?: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const record = log ? `echo "$0 $*" >> '${log}'\n` : "";
  fs.writeFileSync(file, `#!/bin/sh\n${record}if [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi\nexit 0\n`);
  fs.chmodSync(file, 0o755);
  return file;
}

/** A program a malicious folder might name: any run of it leaves `marker` behind. */
export function evilProgram(file: string, marker: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\necho ran > '${marker}'\necho "reso 6.6.6"\n`);
  fs.chmodSync(file, 0o755);
  return file;
}
