// activate(), the commands and the settings flow, with the vscode API stubbed
// (./fake-vscode must be imported before ../src/extension).
import { changeConfiguration, doc, extensionContext, openDocument, reset, state, vscode } from "./fake-vscode";
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

/** Activates as VS Code does when a reso document is open (the server starts). */
async function activate(context: ReturnType<typeof extensionContext>) {
  state.documents.push(doc("/drafts/open.reso", "reso", "The General Assembly,\n"));
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

// ---- .txt files that read as UN resolutions, and the command for any file

const repo = path.join(__dirname, "..", "..", "..", "..");
const fixture = (name: string) => fs.readFileSync(path.join(repo, "tests", "fixtures", name), "utf8");

/** Waits until the queued restarts have run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  await ext.settled();
}

test("activated by a plain-text file, the extension starts no server", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  state.documents.push(doc("/notes/shopping.txt", "plaintext", "Meeting notes\nBuy milk\n"));
  await ext.activate(context as never);
  await settle();
  assert.equal(state.clients.length, 0);
  assert.deepEqual(state.languageChanges, []);
  assert.deepEqual(state.messages, []);
});

test("a .txt whose first line reads as a UN text opens as reso, and the server starts for it", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await ext.activate(context as never);
  assert.equal(state.clients.length, 0);

  openDocument(doc("/drafts/S-RES-1454-2002.txt", "plaintext", fixture("S-RES-1454-2002.txt")));
  await settle();
  assert.deepEqual(state.languageChanges, [["file:///drafts/S-RES-1454-2002.txt", "reso"]]);
  assert.deepEqual(
    state.documents.map((d) => [d.uri.toString(), d.languageId]),
    [["file:///drafts/S-RES-1454-2002.txt", "reso"]],
  );
  assert.equal(state.clients.length, 1, "the server did not start for the reso document");
  assert.ok(state.linesRead <= 40, `read ${state.linesRead} lines to decide`);
  assert.ok(state.log.some((l) => l.includes("S-RES-1454-2002.txt reads as a UN resolution")), state.log.join("\n"));
});

test("a .txt that opens with its title is recognised by its chapeau", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await ext.activate(context as never);
  // " Information and communications technologies for development", then "The General Assembly,".
  openDocument(doc("/drafts/A-RES-66-184.txt", "plaintext", fixture("A-RES-66-184.txt")));
  assert.deepEqual(state.languageChanges, [["file:///drafts/A-RES-66-184.txt", "reso"]]);
});

test("other text stays plain: a .txt of prose, a .md, an untitled buffer", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await ext.activate(context as never);
  openDocument(doc("/notes/minutes.txt", "plaintext", "The General Assembly met on Tuesday.\n\nThe budget was adopted.\n"));
  openDocument(doc("/notes/un.md", "markdown", "The General Assembly,\n"));
  openDocument(doc("/notes/README", "plaintext", "The General Assembly,\n"));
  await settle();
  assert.deepEqual(state.languageChanges, []);
  assert.equal(state.clients.length, 0);
});

test("a .txt the user switched back to plain text stays plain; reso.txt.detect off leaves .txt alone", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await ext.activate(context as never);
  const text = fixture("S-RES-687-1991.txt");
  openDocument(doc("/drafts/S-RES-687-1991.txt", "plaintext", text));
  assert.equal(state.languageChanges.length, 1);
  // The user picks "Plain Text" in the status bar: VS Code reopens it as plaintext.
  const reso = state.documents.find((d) => d.uri.path === "/drafts/S-RES-687-1991.txt")!;
  await vscode.languages.setTextDocumentLanguage(reso, "plaintext");
  assert.deepEqual(state.languageChanges.map((c) => c[1]), ["reso", "plaintext"]);
  assert.equal(state.documents.find((d) => d.uri.path === "/drafts/S-RES-687-1991.txt")!.languageId, "plaintext");

  state.layers = { user: { "txt.detect": false } };
  openDocument(doc("/drafts/S-RES-242-1967.txt", "plaintext", fixture("S-RES-242-1967.txt")));
  assert.deepEqual(state.languageChanges.map((c) => c[1]), ["reso", "plaintext"]);
  assert.ok(state.configScopes.includes("file:///drafts/S-RES-242-1967.txt"), "the setting was not read for the file's folder");
});

test("reso: Check this file as a resolution sets the active editor's language to reso", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  reset({});
  await ext.activate(context as never);
  await state.commands.get("reso.checkAsResolution")!();
  assert.deepEqual(state.messages.map((m) => m.text), ["reso: open the file to check first."]);

  const notes = openDocument(doc("/drafts/my draft.md", "markdown", "Deeply concerned by the situation,\n"));
  state.activeTextEditor = { document: notes };
  await state.commands.get("reso.checkAsResolution")!();
  await settle();
  assert.deepEqual(state.languageChanges, [["file:///drafts/my draft.md", "reso"]]);
  assert.equal(state.activeTextEditor?.document.languageId, "reso");
  assert.equal(state.clients.length, 1, "the server did not start");
  // Already reso: nothing more happens.
  await state.commands.get("reso.checkAsResolution")!();
  assert.equal(state.languageChanges.length, 1);
});

test("the diagnostic pages shipped in the extension are the docs base unless reso.docs.base says otherwise", { skip: !unix }, async () => {
  const { extensionPath, context } = setup();
  fakeReso(bundledPath(extensionPath));
  const pages = path.join(extensionPath, "docs", "diagnostics");
  fs.mkdirSync(pages, { recursive: true });
  fs.writeFileSync(path.join(pages, "numbering.md"), "# numbering\n\nOperative paragraphs are numbered 1, 2, 3 in order.\n");
  reset({});
  await activate(context);
  const bundled = `file://${pages}`;
  assert.deepEqual(state.clients[0]!.clientOptions.initializationOptions, { docs: { base: bundled } });
  // The page the server will link for `numbering` is the shipped one.
  assert.ok(fs.existsSync(new URL(`${bundled}/numbering.md`)));

  changeConfiguration({ user: { "docs.base": "file:///srv/reso-docs/diagnostics/" } }, "reso.docs.base");
  await settle();
  assert.deepEqual(state.clients[0]!.notifications, [
    { method: "workspace/didChangeConfiguration", params: { settings: { reso: { docs: { base: "file:///srv/reso-docs/diagnostics" } } } } },
  ]);
  const pull = state.clients[0]!.clientOptions.middleware!.workspace!.configuration!;
  assert.deepEqual(pull({ items: [{ section: "reso.docs" }] }), [{ base: "file:///srv/reso-docs/diagnostics" }]);
});
