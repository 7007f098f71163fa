#!/usr/bin/env python3
"""Writes seed inputs for the `jsonrpc` fuzz target: framed LSP sessions
(initialize, open the start of the seed, edits, requests, shutdown) and a few
damaged ones. Usage: seed_jsonrpc.py OUT_DIR"""
import json, os, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
root = os.path.join(os.path.dirname(__file__), "..", "..")
seed = open(os.path.join(root, "tests/fixtures/A-RES-66-184.txt"), encoding="utf-8").read()[:3000]
uri = "file:///f.reso"


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def req(i, method, params):
    return frame({"jsonrpc": "2.0", "id": i, "method": method, "params": params})


def note(method, params):
    return frame({"jsonrpc": "2.0", "method": method, "params": params})


pos = {"textDocument": {"uri": uri}, "position": {"line": 12, "character": 4}}
session = [
    req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),
    note("initialized", {}),
    note("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "reso", "version": 1, "text": seed}}),
    note("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 2}}, "text": "x"}]}),
    req(2, "textDocument/hover", pos),
    req(3, "textDocument/completion", pos),
    req(4, "textDocument/documentSymbol", {"textDocument": {"uri": uri}}),
    req(5, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}, "context": {"diagnostics": []}}),
    req(6, "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}}),
    req(7, "reso/documentState", {"textDocument": {"uri": uri}}),
    req(8, "shutdown", None),
    note("exit", None),
]
files = {
    "session": b"".join(session),
    "init_only": session[0],
    "garbage_between": session[0] + b"Content-Length: 5\r\n\r\n{oops" + b"".join(session[1:4]),
    "bad_length": b"Content-Length: 99999999999\r\n\r\n{}" + b"".join(session),
    "not_rpc": frame([1, 2, 3]) + frame({"jsonrpc": "2.0"}) + frame({"id": 1}),
    "before_init": req(1, "textDocument/hover", pos) + session[0],
}
for name, data in files.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
