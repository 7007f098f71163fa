// The esbuild bundle that the .vsix ships (dist/extension.js) loads with nothing
// but `vscode` from outside: every other dependency is inside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Module = require("node:module");

const bundle = path.join(__dirname, "..", "..", "dist", "extension.js");

/** A `vscode` stand-in on which any property is a callable no-op. */
function anything(): unknown {
  const fn = function () {
    return proxy;
  };
  const proxy: unknown = new Proxy(fn, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => "" : key === "then" ? undefined : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

test("dist/extension.js loads with only vscode external and exports activate/deactivate", () => {
  assert.ok(fs.existsSync(bundle), "dist/extension.js is missing: run `npm run build` first");
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  const outside: string[] = [];
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === "vscode") return anything();
    if (!request.startsWith("node:") && !Module.builtinModules.includes(request)) outside.push(request);
    return original.call(this, request, parent, isMain);
  };
  try {
    const ext = require(bundle) as Record<string, unknown>;
    assert.equal(typeof ext.activate, "function");
    assert.equal(typeof ext.deactivate, "function");
  } finally {
    loader._load = original;
  }
  assert.deepEqual(outside.filter((r) => r !== bundle), [], "the bundle requires modules that the .vsix does not ship");
  const size = fs.statSync(bundle).size;
  assert.ok(size < 1024 * 1024, `dist/extension.js is ${size} bytes: is it minified?`);
});
