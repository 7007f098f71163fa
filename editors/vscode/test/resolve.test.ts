import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { bundledPath, describeAttempts, probe, resolveServer, which } from "../src/resolve";
import { evilProgram, fakeReso, tempDir } from "./helpers";

const unix = process.platform !== "win32";

function layout() {
  const root = tempDir();
  const ext = path.join(root, "extension");
  fs.mkdirSync(ext);
  const bin = path.join(root, "bin");
  return { root, ext, bin };
}

test("order: the user's reso.server.path first", { skip: !unix }, async () => {
  const { root, ext, bin } = layout();
  const mine = fakeReso(path.join(root, "mine", "reso"), "reso 9.9.9-dev");
  fakeReso(bundledPath(ext));
  fakeReso(path.join(bin, "reso"));
  const r = await resolveServer({ userPath: mine, extensionPath: ext, envPath: bin });
  assert.deepEqual(r.server, { source: "setting", path: mine, version: "reso 9.9.9-dev" });
});

test("order: then the bundled binary, then reso on PATH", { skip: !unix }, async () => {
  const { ext, bin } = layout();
  const onPath = fakeReso(path.join(bin, "reso"), "reso 1.0.0");
  let r = await resolveServer({ userPath: undefined, extensionPath: ext, envPath: `/nonexistent:${bin}` });
  assert.deepEqual(r.server, { source: "PATH", path: onPath, version: "reso 1.0.0" });
  assert.deepEqual(describeAttempts(r.attempts), [
    `bundled server: ${bundledPath(ext)}: not in this package (universal .vsix)`,
    `reso on PATH: ${onPath} (reso 1.0.0)`,
  ]);

  const bundled = fakeReso(bundledPath(ext), "reso 0.1.0");
  r = await resolveServer({ userPath: undefined, extensionPath: ext, envPath: bin });
  assert.deepEqual(r.server, { source: "bundled", path: bundled, version: "reso 0.1.0" });
});

test("a user path that does not work falls through to the bundled server, and says why", { skip: !unix }, async () => {
  const { root, ext } = layout();
  const bundled = fakeReso(bundledPath(ext));
  const notReso = path.join(root, "other");
  fs.writeFileSync(notReso, "#!/bin/sh\necho 'Python 3.11'\n");
  fs.chmodSync(notReso, 0o755);

  for (const [userPath, why] of [
    [path.join(root, "missing"), "not found"],
    [notReso, '`--version` printed "Python 3.11", not reso\'s version'],
    ["bin/reso", "a relative path; give an absolute path (or ~/...)"],
  ] as const) {
    const r = await resolveServer({ userPath, extensionPath: ext, envPath: "" });
    assert.equal(r.server?.path, bundled);
    assert.equal(r.attempts[0]?.error, why, userPath);
  }
});

test("a bare name in reso.server.path is looked up on PATH; ~ is the home folder", { skip: !unix }, async () => {
  const { root, ext, bin } = layout();
  const dev = fakeReso(path.join(bin, "reso-dev"));
  let r = await resolveServer({ userPath: "reso-dev", extensionPath: ext, envPath: bin });
  assert.equal(r.server?.path, dev);
  const inHome = fakeReso(path.join(root, "home", ".cargo", "bin", "reso"));
  r = await resolveServer({ userPath: "~/.cargo/bin/reso", extensionPath: ext, envPath: "", home: path.join(root, "home") });
  assert.equal(r.server?.path, inHome);
});

test("nothing works: no server, and every candidate with its reason", { skip: !unix }, async () => {
  const { ext } = layout();
  const r = await resolveServer({ userPath: undefined, extensionPath: ext, envPath: "/nonexistent" });
  assert.equal(r.server, undefined);
  assert.deepEqual(describeAttempts(r.attempts), [
    `bundled server: ${bundledPath(ext)}: not in this package (universal .vsix)`,
    "reso on PATH: reso: not on PATH",
  ]);
});

test("a bundled binary that lost its executable bit is restored", { skip: !unix }, async () => {
  const { ext } = layout();
  const bundled = fakeReso(bundledPath(ext));
  fs.chmodSync(bundled, 0o644);
  const r = await resolveServer({ userPath: undefined, extensionPath: ext, envPath: "" });
  assert.equal(r.server?.source, "bundled");
});

test("security: relative PATH entries are skipped, so the opened folder cannot plant a reso", { skip: !unix }, async () => {
  const { root, ext } = layout();
  const folder = path.join(root, "opened-folder");
  const marker = path.join(root, "EVIL-RAN");
  evilProgram(path.join(folder, "reso"), marker);
  evilProgram(path.join(folder, "bin", "reso"), marker);
  const cwd = process.cwd();
  process.chdir(folder);
  try {
    assert.equal(which("reso", ".:bin:"), undefined);
    const r = await resolveServer({ userPath: undefined, extensionPath: ext, envPath: ".:bin:" });
    assert.equal(r.server, undefined);
  } finally {
    process.chdir(cwd);
  }
  assert.equal(fs.existsSync(marker), false, "a program from the opened folder was run");
});

test("probe gives up on a program that does not answer", { skip: !unix }, async () => {
  const { root } = layout();
  const slow = path.join(root, "slow");
  fs.writeFileSync(slow, "#!/bin/sh\nsleep 5\n");
  fs.chmodSync(slow, 0o755);
  await assert.rejects(probe(slow, 200), /did not answer within 0.2 s/);
});
