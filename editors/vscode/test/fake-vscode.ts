// A stub of the `vscode` API and of `vscode-languageclient/node`, installed into
// Node's module loader before src/extension is loaded, so that activate() and the
// commands run outside VS Code. Only what src/extension.ts touches is stubbed.

import Module = require("node:module");
import * as path from "node:path";
import { config, type Layers } from "./helpers";

export interface Message {
  level: "error" | "warning" | "information";
  text: string;
  items: string[];
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  static parse(s: string): Uri {
    return s.startsWith("file://") ? new Uri("file", decodeURIComponent(s.slice(7))) : new Uri("untitled", s);
  }
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return this.scheme === "file" ? `file://${this.fsPath}` : this.fsPath;
  }
}

/** A text document: its URI, language and lines. */
export class FakeDocument {
  readonly lines: string[];
  constructor(
    readonly uri: Uri,
    public languageId: string,
    text: string,
  ) {
    this.lines = text.split(/\r\n|\r|\n/);
  }
  get lineCount(): number {
    return this.lines.length;
  }
  lineAt(i: number): { text: string } {
    const text = this.lines[i];
    if (text === undefined) throw new Error(`lineAt(${i}): the document has ${this.lines.length} lines`);
    state.linesRead = Math.max(state.linesRead, i + 1);
    return { text };
  }
}

/** A document of this path, language and text, as VS Code would hand it over. */
export function doc(fsPath: string, languageId: string, text = ""): FakeDocument {
  return new FakeDocument(Uri.file(fsPath), languageId, text);
}

/** Opens a document: it joins workspace.textDocuments and onDidOpenTextDocument fires. */
export function openDocument(d: FakeDocument): FakeDocument {
  state.documents.push(d);
  for (const l of state.openListeners) l(d);
  return d;
}

export class FakeClient {
  started = false;
  stopped = false;
  requests: { method: string; params: unknown }[] = [];
  notifications: { method: string; params: unknown }[] = [];
  initializeResult = { capabilities: { executeCommandProvider: { commands: state.serverCommands } } };
  protocol2CodeConverter = {
    asWorkspaceEdit: async (edit: unknown) => ({ converted: edit }),
  };
  constructor(
    readonly id: string,
    readonly name: string,
    readonly serverOptions: { command: string; args: string[]; options?: { cwd?: string } },
    readonly clientOptions: {
      initializationOptions?: unknown;
      documentSelector?: unknown;
      middleware?: { workspace?: { configuration?: (params: { items: { section?: string }[] }) => unknown } };
    },
  ) {
    state.clients.push(this);
  }
  async start(): Promise<void> {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  isRunning(): boolean {
    return this.started && !this.stopped;
  }
  async sendRequest(type: { method: string }, params: unknown): Promise<unknown> {
    this.requests.push({ method: type.method, params });
    return state.requestResult;
  }
  async sendNotification(type: { method: string }, params: unknown): Promise<void> {
    this.notifications.push({ method: type.method, params });
  }
}

export const state = {
  layers: {} as Layers,
  messages: [] as Message[],
  /** The button the user "clicks" in the next message. */
  choice: undefined as string | undefined,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { id: string; args: unknown[] }[],
  configListeners: [] as ((e: { affectsConfiguration(s: string): boolean }) => void)[],
  activeTextEditor: undefined as undefined | { document: { languageId: string; uri: Uri } },
  documents: [] as FakeDocument[],
  openListeners: [] as ((d: FakeDocument) => void)[],
  /** setTextDocumentLanguage calls: [uri, language]. */
  languageChanges: [] as [string, string][],
  /** How many lines of any document were read (detection must read only the top). */
  linesRead: 0,
  /** The scope getConfiguration was last asked for. */
  configScopes: [] as (string | undefined)[],
  workspaceFolders: [] as { uri: Uri }[],
  appliedEdits: [] as unknown[],
  clients: [] as FakeClient[],
  serverCommands: ["reso.renumber"] as string[],
  requestResult: null as unknown,
  log: [] as string[],
};

export function reset(layers: Layers): void {
  state.layers = layers;
  state.messages = [];
  state.choice = undefined;
  state.commands.clear();
  state.executed = [];
  state.configListeners = [];
  state.activeTextEditor = undefined;
  state.documents = [];
  state.openListeners = [];
  state.languageChanges = [];
  state.linesRead = 0;
  state.configScopes = [];
  state.workspaceFolders = [];
  state.appliedEdits = [];
  state.clients = [];
  state.serverCommands = ["reso.renumber"];
  state.requestResult = null;
  state.log = [];
}

/** Fires onDidChangeConfiguration for the given changed keys. */
export function changeConfiguration(layers: Layers, ...changed: string[]): void {
  state.layers = layers;
  const event = {
    affectsConfiguration: (s: string) => changed.some((c) => c === s || c.startsWith(`${s}.`)),
  };
  for (const l of state.configListeners) l(event);
}

const message =
  (level: Message["level"]) =>
  (text: string, ...items: string[]): Promise<string | undefined> => {
    state.messages.push({ level, text, items });
    return Promise.resolve(items.includes(state.choice ?? "") ? state.choice : undefined);
  };

const disposable = { dispose() {} };

export const vscode = {
  Uri,
  window: {
    createOutputChannel: () => ({
      appendLine: (l: string) => state.log.push(l),
      show() {},
      dispose() {},
    }),
    showErrorMessage: message("error"),
    showWarningMessage: message("warning"),
    showInformationMessage: message("information"),
    get activeTextEditor() {
      return state.activeTextEditor;
    },
  },
  commands: {
    registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
      state.commands.set(id, fn);
      return disposable;
    },
    async executeCommand(id: string, ...args: unknown[]) {
      state.executed.push({ id, args });
    },
  },
  languages: {
    /** As VS Code does: the document closes and opens again in the new language. */
    async setTextDocumentLanguage(d: FakeDocument, languageId: string) {
      state.languageChanges.push([d.uri.toString(), languageId]);
      state.documents = state.documents.filter((x) => x !== d);
      const again = new FakeDocument(d.uri, languageId, d.lines.join("\n"));
      if (state.activeTextEditor?.document === d) state.activeTextEditor = { document: again };
      openDocument(again);
      return again;
    },
  },
  workspace: {
    getConfiguration: (section: string, scope?: Uri) => {
      if (section !== "reso") throw new Error(`unexpected section ${section}`);
      state.configScopes.push(scope?.toString());
      return config(state.layers);
    },
    get textDocuments() {
      return state.documents;
    },
    onDidOpenTextDocument(l: (d: FakeDocument) => void) {
      state.openListeners.push(l);
      return disposable;
    },
    onDidChangeConfiguration(l: (e: { affectsConfiguration(s: string): boolean }) => void) {
      state.configListeners.push(l);
      return disposable;
    },
    get workspaceFolders() {
      return state.workspaceFolders;
    },
    getWorkspaceFolder: () => state.workspaceFolders[0],
    async applyEdit(edit: unknown) {
      state.appliedEdits.push(edit);
      return true;
    },
  },
};

export const languageClient = {
  LanguageClient: FakeClient,
  TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
  ExecuteCommandRequest: { type: { method: "workspace/executeCommand" } },
  DidChangeConfigurationNotification: { type: { method: "workspace/didChangeConfiguration" } },
};

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const originalLoad = loader._load;
loader._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return languageClient;
  return originalLoad.call(this, request, parent, isMain);
};

export function extensionContext(extensionPath: string) {
  return {
    subscriptions: [] as { dispose(): void }[],
    extensionPath,
    asAbsolutePath: (p: string) => path.join(extensionPath, p),
  };
}
