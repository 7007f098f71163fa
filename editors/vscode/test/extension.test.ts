// activate(), the commands and the settings flow, with the vscode API stubbed
// (./fake-vscode must be imported before ../src/extension).
import { changeConfiguration, extensionContext, reset, state, vscode } from "./fake-vscode";
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ext from "../src/extension";
import { bundledPath } from "../src/resolve";
import { evilProgram, fakeReso, tempDir } from "./helpers";

const unix = process.platform !== "win32";
const savedPath = process.env.PATH;

afterEach(async () => {
  await ext.deactivate();
  process.env.PATH = savedPath;
});

function setup() {
  const root = tempDir();
  const extensionPath = path.join(root, "extension");
  fs.mkdirSync(extensionPath);
  process.env.PATH = path.join(root, "empty-bin");
  return { root, extensionPath, context: extensionContext(extensionPath) };
}

async function activate(context: ReturnType<typeof extensionContext>) {
  await ext.activate(context as never);
}

test(
  "security: a workspace's reso.server.path naming another program is ignored and never run",
  { skip: !unix },
  async () => {
    const { root, extensionPath, context } = setup();
    const bundled = fakeReso(bundledPath(extensionPath));
    const marker = path.join(root, "EVIL-RAN");
    const evil = evilProgram(path.join(root, "emailed-folder", ".vscode", "reso"), marker);
    // The folder's .vscode/settings.json and the .code-workspace file both name it.
    reset({ workspace: { "server.path": evil }, folder: { "server.path": evil } });

    await activate(context);

    assert.equal(state.clients.length, 1);
    assert.equal(state.clients[0]?.serverOptions.command, bundled);
    assert.deepEqual(state.clients[0]?.serverOptions.args, ["lsp"]);
    assert.equal(fs.existsSync(marker), false, "the workspace's program was run");
    assert.deepEqual(state.messages, []);
  },
);

test("the user's own reso.server.path is used", { skip: !unix }, async () => {
  const { root, extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  const mine = fakeReso(path.join(root, "opt", "reso"), "reso 2.0.0");
  reset({ user: { "server.path": mine } });
  await activate(context);
  assert.equal(state.clients[0]?.serverOptions.command, mine);
  assert.ok(state.log.includes(`starting ${mine} lsp (reso 2.0.0, from setting)`), state.log.join("\n"));
});

test("no server anywhere: one error message, with the install instructions one click away", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  reset({});
  state.choice = "Install instructions";
  await activate(context);
  assert.equal(state.clients.length, 0);
  assert.equal(state.messages.length, 1);
  const m = state.messages[0]!;
  assert.equal(m.level, "error");
  assert.match(m.text, /^reso: no working reso server found \(bundled server: .*not in this package \(universal \.vsix\); reso on PATH: reso: not on PATH\)/);
  assert.deepEqual(m.items, ["Install instructions", "Show log"]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(state.executed, [
    { id: "markdown.showPreview", args: [vscode.Uri.file(path.join(extensionPath, "README.md"))] },
  ]);
});

test("settings reach the server: initializationOptions, workspace/configuration, didChangeConfiguration", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({ user: { "diagnostics.citation-order": "off" }, workspace: { "catalog.paths": ["cat.tsv"] } });
  state.workspaceFolders = [{ uri: vscode.Uri.file("/drafts") }];
  await activate(context);
  const client = state.clients[0]!;
  const expected = { diagnostics: { "citation-order": "off" }, catalog: { paths: ["/drafts/cat.tsv"] } };
  assert.deepEqual(client.clientOptions.initializationOptions, expected);
  assert.deepEqual(client.clientOptions.documentSelector, [{ language: "reso" }]);

  const pull = client.clientOptions.middleware!.workspace!.configuration!;
  assert.deepEqual(pull({ items: [{ section: "reso" }, { section: "reso.diagnostics" }, { section: "editor" }] }), [
    expected,
    { "citation-order": "off" },
    null,
  ]);

  changeConfiguration({ user: { "diagnostics.citation-order": "hint", "diagnostics.numbering": "nonsense" } }, "reso.diagnostics.citation-order");
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(client.notifications, [
    { method: "workspace/didChangeConfiguration", params: { settings: { reso: { diagnostics: { "citation-order": "hint" } } } } },
  ]);
  assert.deepEqual(
    state.messages.map((m) => m.text),
    ['reso: ignored settings: reso.diagnostics.numbering: "nonsense" is not one of default, error, warning, information, hint, off'],
  );
});

test("changing reso.server.path restarts the server with the new binary", { skip: !unix }, async () => {
  const { root, extensionPath, context } = setup();
  const bundled = fakeReso(bundledPath(extensionPath));
  reset({});
  await activate(context);
  const mine = fakeReso(path.join(root, "new", "reso"));
  changeConfiguration({ user: { "server.path": mine } }, "reso.server.path");
  await ext.restart(context as never); // waits for the queued restart too
  assert.deepEqual(
    state.clients.map((c) => [c.serverOptions.command, c.stopped]),
    [
      [bundled, true],
      [mine, true],
      [mine, false],
    ],
  );
});

test("Renumber sends workspace/executeCommand reso.renumber with the active document's URI", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await activate(context);
  const uri = vscode.Uri.file("/drafts/A-C.2-80-L.1.reso");
  state.activeTextEditor = { document: { languageId: "reso", uri } };
  state.requestResult = { changes: { [uri.toString()]: [] } };

  await state.commands.get("reso.renumberDocument")!();

  assert.deepEqual(state.clients[0]!.requests, [
    { method: "workspace/executeCommand", params: { command: "reso.renumber", arguments: ["file:///drafts/A-C.2-80-L.1.reso"] } },
  ]);
  // A server that returns the edit instead of sending workspace/applyEdit: applied here.
  assert.deepEqual(state.appliedEdits, [{ converted: { changes: { "file:///drafts/A-C.2-80-L.1.reso": [] } } }]);
});

test("Renumber explains itself when it cannot run", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  state.serverCommands = [];
  await activate(context);

  state.activeTextEditor = { document: { languageId: "plaintext", uri: vscode.Uri.file("/x.txt") } };
  await state.commands.get("reso.renumberDocument")!();
  state.activeTextEditor = { document: { languageId: "reso", uri: vscode.Uri.file("/x.reso") } };
  await state.commands.get("reso.renumberDocument")!();

  assert.deepEqual(
    state.messages.map((m) => m.text),
    [
      "reso: open a resolution draft (language reso) to renumber it.",
      "reso: this server does not offer renumbering (reso.renumber); update reso.",
    ],
  );
  assert.deepEqual(state.clients[0]!.requests, []);
});
