#!/usr/bin/env python3
"""Types at one place of a long text through a language server, one keystroke at a time.

    python3 scripts/bench/keystrokes.py "target/release/reso lsp" TEXT CYCLES [LINE]

Opens TEXT (0-based LINE, default: the yardstick's cursor, the end of the first line of
30 characters or more from the middle on), then CYCLES times types ` and requests a
reprot` at the end of that line and deletes it again, a character a keystroke, waiting
for the `publishDiagnostics` of each version. Prints the latency's p50, p95 and max and
the CPU the server used in all (its open included). The notification's body is not
parsed (a 484 KB body would cost the reader more than the server), only its version.
One server at a time: run the servers to compare one after the other, interleaved.
"""

import json
import os
import subprocess
import sys
import time


def main() -> None:
    server, path, cycles = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if len(sys.argv) > 4:
        line = int(sys.argv[4])
    else:
        n = len(lines)
        line = next(i for i in list(range(n // 2, n)) + list(range(n)) if len(lines[i].strip()) >= 30)
    col = len(lines[line].encode("utf-16-le")) // 2
    p = subprocess.Popen(server.split(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(obj: dict) -> None:
        b = json.dumps(obj).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
        p.stdin.flush()

    def recv() -> dict:
        headers = {}
        while True:
            h = p.stdout.readline()
            if h in (b"\r\n", b""):
                break
            k, v = h.decode().split(":", 1)
            headers[k.strip().lower()] = v.strip()
        body = p.stdout.read(int(headers["content-length"]))
        if body.startswith(b'{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics"'):
            i = body.rfind(b'"version":')
            version = int(body[i + 10 : -2]) if i >= 0 else None
            return {"method": "textDocument/publishDiagnostics", "params": {"version": version}}
        return json.loads(body)

    def wait(version: int) -> None:
        while True:
            m = recv()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
                return
            if "id" in m and "method" in m:
                send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    uri = "file:///tmp/keystrokes/doc.txt"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"capabilities": {}, "processId": None, "rootUri": None}})
    while recv().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "reso", "version": 0, "text": text}}})
    wait(0)

    def change(version: int, start: int, end: int, new: str) -> dict:
        return {"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": version},
                           "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                                         "end": {"line": line, "character": end}},
                                               "text": new}]}}

    phrase = " and requests a reprot"
    version, c, latencies = 0, col, []
    for _ in range(cycles):
        for ch in phrase:
            version += 1
            send(change(version, c, c, ch))
            t = time.perf_counter()
            wait(version)
            latencies.append(time.perf_counter() - t)
            c += 1
        for _ in phrase:
            version += 1
            send(change(version, c - 1, c, ""))
            t = time.perf_counter()
            wait(version)
            latencies.append(time.perf_counter() - t)
            c -= 1
    with open(f"/proc/{p.pid}/stat") as f:
        stat = f.read().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    p.kill()
    latencies.sort()
    if latencies:
        ms = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000
        print(f"{len(latencies)} keystrokes: p50 {ms(0.5):.3f} ms, p95 {ms(0.95):.3f} ms, "
              f"max {latencies[-1] * 1000:.3f} ms; server CPU {cpu:.2f} s in all")
    else:
        print(f"open only: server CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
