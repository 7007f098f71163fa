import { test } from "node:test";
import assert from "node:assert/strict";
import { DIAGNOSTIC_CODES, resolveDataPath, serverSettings, userServerPath } from "../src/settings";
import { config } from "./helpers";

const defaults: Record<string, unknown> = {
  "server.path": null,
  "catalog.paths": [],
  organ: "",
  "footnotes.repeat": "default",
  ...Object.fromEntries(DIAGNOSTIC_CODES.map((c) => [`diagnostics.${c}`, "default"])),
};

test("settings left at their defaults send nothing, so reso.toml and the server's defaults apply", () => {
  assert.deepEqual(serverSettings(config({ defaults })), { settings: {}, problems: [] });
});

test("severities, catalogue paths, organ and footnote rule map to the server's reso object", () => {
  const m = serverSettings(
    config({
      defaults,
      user: { "diagnostics.citation-order": "off", "diagnostics.opener-unknown": "error" },
      workspace: {
        "diagnostics.footnote-unused": "hint",
        "catalog.paths": ["data/extra.tsv", "/abs/cat.tsv", "~/cat.tsv", "${workspaceFolder}/x.tsv"],
        organ: "Security Council",
        "footnotes.repeat": "allow",
      },
    }),
    { workspaceFolder: "/ws", home: "/home/u" },
  );
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.settings, {
    diagnostics: { "footnote-unused": "hint", "opener-unknown": "error", "citation-order": "off" },
    catalog: { paths: ["/ws/data/extra.tsv", "/abs/cat.tsv", "/home/u/cat.tsv", "/ws/x.tsv"] },
    organ: "Security Council",
    footnotes: { repeat: "allow" },
  });
});

test("a bad value is named in the problems and left out; the rest still applies", () => {
  const m = serverSettings(
    config({
      defaults,
      user: { "diagnostics.numbering": "loud", "diagnostics.terminator": "warning", "footnotes.repeat": "sometimes" },
    }),
  );
  assert.deepEqual(m.settings, { diagnostics: { terminator: "warning" } });
  assert.deepEqual(m.problems, [
    'reso.diagnostics.numbering: "loud" is not one of default, error, warning, information, hint, off',
    'reso.footnotes.repeat: "sometimes" is not one of default, forbid, allow',
  ]);
});

test("the server's settings never carry reso.server.path", () => {
  const m = serverSettings(config({ defaults, user: { "server.path": "/opt/reso" } }));
  assert.equal(JSON.stringify(m.settings).includes("/opt/reso"), false);
});

test("security: reso.server.path comes from the user's settings, never from a workspace or folder", () => {
  // A folder's .vscode/settings.json (workspaceFolderValue) and a .code-workspace
  // file (workspaceValue) name another program; the stub's get() even returns it.
  const cfg = config({
    defaults,
    workspace: { "server.path": "/tmp/evil-workspace" },
    folder: { "server.path": "/tmp/evil-folder" },
  });
  assert.equal(cfg.get("server.path"), "/tmp/evil-folder");
  assert.equal(userServerPath(cfg), undefined);

  const withUser = config({ defaults, user: { "server.path": " /opt/reso/bin/reso " }, folder: { "server.path": "/tmp/evil" } });
  assert.equal(userServerPath(withUser), "/opt/reso/bin/reso");
  assert.equal(userServerPath(config({ defaults, user: { "server.path": "" } })), undefined);
});

test("data paths without a workspace folder are kept as written", () => {
  assert.equal(resolveDataPath("cat.tsv", { home: "/h" }), "cat.tsv");
  assert.equal(resolveDataPath("~", { home: "/h" }), "/h");
});

test("reso.docs.base: an address as it is, a path as a file URI, else the bundled pages", () => {
  const ctx = { workspaceFolder: "/ws", home: "/home/u", bundledDocs: "file:///ext/docs/diagnostics" };
  const base = (value: unknown) => serverSettings(config({ defaults, user: { "docs.base": value } }), ctx);
  assert.deepEqual(base(""), { settings: { docs: { base: "file:///ext/docs/diagnostics" } }, problems: [] });
  assert.deepEqual(base("file:///srv/pages/"), { settings: { docs: { base: "file:///srv/pages" } }, problems: [] });
  assert.deepEqual(base("~/reso docs"), { settings: { docs: { base: "file:///home/u/reso%20docs" } }, problems: [] });
  assert.deepEqual(base("pages"), { settings: { docs: { base: "file:///ws/pages" } }, problems: [] });
  assert.deepEqual(base(42), {
    settings: { docs: { base: "file:///ext/docs/diagnostics" } },
    problems: ["reso.docs.base: 42 is not a string"],
  });
  // No bundled pages (a development checkout) and no setting: nothing is sent.
  assert.deepEqual(serverSettings(config({ defaults }), { workspaceFolder: "/ws" }), { settings: {}, problems: [] });
});
