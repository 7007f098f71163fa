// The reso extension: finds a `reso` binary, runs `reso lsp`, adds three commands,
// and opens a `.txt` that reads as a UN resolution in the reso language.
// Everything the server can do (diagnostics, hover, completion ...) comes through
// the language client; this file only starts it and maps settings.
//
// The extension also activates for plain text (to look at `.txt` files); the
// server starts only once a reso document is open.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  type WorkspaceEdit as LspWorkspaceEdit,
} from "vscode-languageclient/node";
import { looksLikeResolution } from "./detect";
import { describeAttempts, neutralCwd, resolveServer, type Resolved } from "./resolve";
import { bundledDocsBase, serverSettings, userServerPath, type Mapped } from "./settings";

export const RENUMBER_SERVER_COMMAND = "reso.renumber";
export const LANGUAGE = "reso";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let queue: Promise<void> = Promise.resolve();
let lastProblems = "";
/** Whether the server was asked for (a reso document was open, or a restart). */
let wanted = false;
let bundledDocs: string | undefined;
/** Documents already looked at (by URI): one switched back to plain text stays so. */
const detected = new Set<string>();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("reso");
  wanted = false;
  detected.clear();
  bundledDocs = bundledDocsBase(context.extensionPath);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("reso.restartServer", () => restart(context)),
    vscode.commands.registerCommand("reso.renumberDocument", () => renumber()),
    vscode.commands.registerCommand("reso.checkAsResolution", () => checkAsResolution()),
    vscode.workspace.onDidOpenTextDocument((doc) => opened(context, doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("reso.server.path")) {
        if (wanted) void restart(context);
      } else if (e.affectsConfiguration("reso")) {
        void pushSettings();
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) opened(context, doc);
  return queue;
}

/** A document opened (or its language changed): start the server, or look at a .txt. */
function opened(context: vscode.ExtensionContext, doc: vscode.TextDocument): void {
  if (doc.languageId === LANGUAGE) {
    if (!wanted) void restart(context);
    return;
  }
  if (isTxtResolution(doc)) {
    log(`${doc.uri.toString()} reads as a UN resolution: opened as reso`);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
  }
}

/**
 * A plain-text `.txt` seen for the first time whose top reads as a UN resolution
 * (src/detect.ts), unless `reso.txt.detect` is off. VS Code maps `.txt` to plain
 * text by its extension, before any `firstLine` is read, hence this check.
 */
function isTxtResolution(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== "plaintext" || !/\.txt$/i.test(doc.uri.path)) return false;
  const key = doc.uri.toString();
  if (detected.has(key)) return false;
  detected.add(key);
  if (vscode.workspace.getConfiguration("reso", doc.uri).get<boolean>("txt.detect") === false) return false;
  return looksLikeResolution((i) => (i < doc.lineCount ? doc.lineAt(i).text : undefined));
}

/** "reso: Check this file as a resolution": the active editor's language becomes reso. */
export async function checkAsResolution(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("reso: open the file to check first.");
    return;
  }
  if (editor.document.languageId === LANGUAGE) return;
  detected.add(editor.document.uri.toString());
  await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE);
}

export async function deactivate(): Promise<void> {
  await queue;
  await stopClient();
}

/** Resolves once the queued starts and restarts have run (for tests). */
export function settled(): Promise<void> {
  return queue;
}

/** Stops the running server (if any), finds the binary again and starts it. */
export function restart(context: vscode.ExtensionContext): Promise<void> {
  wanted = true;
  queue = queue.then(() => start(context)).catch((e: unknown) => {
    log(`restart failed: ${(e as Error).message}`);
  });
  return queue;
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(2000);
    } catch (e) {
      log(`stopping the server: ${(e as Error).message}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  await stopClient();

  const resolved = await resolveServer({
    userPath: userServerPath(vscode.workspace.getConfiguration("reso")),
    extensionPath: context.extensionPath,
    envPath: process.env.PATH,
  });
  for (const line of describeAttempts(resolved.attempts)) log(line);
  if (!resolved.server) {
    reportNoServer(context, resolved);
    return;
  }
  const fromSetting = resolved.attempts.find((a) => a.source === "setting");
  if (fromSetting?.error !== undefined) {
    void vscode.window.showWarningMessage(
      `reso: reso.server.path ${fromSetting.path} did not work (${fromSetting.error}); using the ${resolved.server.source === "bundled" ? "bundled server" : `reso on PATH (${resolved.server.path})`}.`,
    );
  }
  log(`starting ${resolved.server.path} lsp (${resolved.server.version}, from ${resolved.server.source})`);

  const serverOptions: ServerOptions = {
    command: resolved.server.path,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: { cwd: neutralCwd() },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE }],
    initializationOptions: mapped().settings,
    outputChannel: output,
    middleware: {
      workspace: {
        configuration: (params) =>
          params.items.map((item) => {
            if (item.section !== undefined && item.section !== "reso" && !item.section.startsWith("reso.")) {
              return null;
            }
            const scope = item.scopeUri !== undefined ? vscode.Uri.parse(item.scopeUri) : undefined;
            const all = mapped(scope).settings as Record<string, unknown>;
            if (item.section === undefined || item.section === "reso") return all;
            return item.section
              .slice("reso.".length)
              .split(".")
              .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), all) ?? null;
          }),
      },
    },
  };
  const c = new LanguageClient("reso", "reso", serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (e) {
    if (client === c) client = undefined;
    void vscode.window.showErrorMessage(`reso: the server ${resolved.server.path} failed to start: ${(e as Error).message}`);
    return;
  }
  reportProblems(mapped().problems);
}

/** One clear message when no binary works, with a way to the install instructions. */
function reportNoServer(context: vscode.ExtensionContext, resolved: Resolved): void {
  const why = describeAttempts(resolved.attempts).join("; ");
  const install = "Install instructions";
  const showLog = "Show log";
  void vscode.window
    .showErrorMessage(
      `reso: no working reso server found (${why}). Install reso so that \`reso --version\` works, or set reso.server.path in your user settings, then run "reso: Restart server".`,
      install,
      showLog,
    )
    .then((choice) => {
      if (choice === install) {
        void vscode.commands.executeCommand(
          "markdown.showPreview",
          vscode.Uri.file(context.asAbsolutePath("README.md")),
        );
      } else if (choice === showLog) {
        output?.show(true);
      }
    });
}

function mapped(scope?: vscode.Uri): Mapped {
  const folder =
    (scope !== undefined ? vscode.workspace.getWorkspaceFolder(scope) : undefined) ??
    vscode.workspace.workspaceFolders?.[0];
  return serverSettings(vscode.workspace.getConfiguration("reso", scope), {
    workspaceFolder: folder?.uri.scheme === "file" ? folder.uri.fsPath : undefined,
    bundledDocs,
  });
}

function reportProblems(problems: string[]): void {
  const text = problems.join("; ");
  if (text !== "" && text !== lastProblems) {
    void vscode.window.showWarningMessage(`reso: ignored settings: ${text}`);
  }
  lastProblems = text;
}

async function pushSettings(): Promise<void> {
  const m = mapped();
  reportProblems(m.problems);
  if (client?.isRunning()) {
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { reso: m.settings } });
  }
}

/** "reso: Renumber paragraphs and footnotes": the server's `reso.renumber` on this document. */
export async function renumber(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "reso") {
    void vscode.window.showInformationMessage("reso: open a resolution draft (language reso) to renumber it.");
    return;
  }
  const c = client;
  if (!c || !c.isRunning()) {
    void vscode.window.showWarningMessage('reso: the server is not running; run "reso: Restart server".');
    return;
  }
  const offered = c.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (!offered.includes(RENUMBER_SERVER_COMMAND)) {
    void vscode.window.showWarningMessage(
      `reso: this server does not offer renumbering (${RENUMBER_SERVER_COMMAND}); update reso.`,
    );
    return;
  }
  try {
    const result: unknown = await c.sendRequest(ExecuteCommandRequest.type, {
      command: RENUMBER_SERVER_COMMAND,
      arguments: [editor.document.uri.toString()],
    });
    // The server normally applies its edit with workspace/applyEdit; if it
    // returns the edit instead, apply it here.
    if (result && typeof result === "object" && ("changes" in result || "documentChanges" in result)) {
      const edit = await c.protocol2CodeConverter.asWorkspaceEdit(result as LspWorkspaceEdit);
      await vscode.workspace.applyEdit(edit);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`reso: renumbering failed: ${(e as Error).message}`);
  }
}

function log(line: string): void {
  output?.appendLine(line);
}
