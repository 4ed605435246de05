"""Runs `dateline check` and a `dateline lsp` session under strace, and checks from the system calls that
Dateline reads nothing outside the corpus and its cache folder (besides the system's own files: shared
libraries, /proc, /sys) and never touches the network.

Usage: python3 tests/safety/syscalls.py DATELINE_BINARY
The corpus is written here (invented articles), with symbolic links out of it to a file and a folder that
must never be read; files outside are changed while the server runs, through those links.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

# Files of the system that any program reads: the dynamic loader's, the C library's, the kernel's.
SYSTEM = ("/proc/", "/sys/", "/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/ld.so.preload", "/dev/null")
# Calls that look at a path's metadata or make a folder, without reading anything in it: allowed on the
# folders above the corpus and the cache (finding the corpus's real path, making the cache folder).
METADATA_ONLY = {"stat", "lstat", "newfstatat", "statx", "readlink", "readlinkat", "access", "faccessat",
                 "faccessat2", "mkdir", "mkdirat", "getcwd", "chdir"}

ARTICLES = {
    "2026-04-01-harbour-gazette-ferry.md": """---
title: Ferry line to open in June
date: 2026-04-01
source: Harbour Gazette
---

Port director Jonas Lind will open the new ferry line to Visby on June 3, the Harbour Gazette reported.

Lind said the two ships were ready.
""",
    "2026-04-05-island-post-denial.txt": """Port denies ferry opening date

Port spokeswoman Elin Berg said on April 5 that no opening date had been set for the ferry line.

Berg denied reports that Lind will open the ferry line to Visby on June 3.
""",
}


def write_corpus(base):
    corpus = os.path.join(base, "corpus")
    outside = os.path.join(base, "outside")
    os.makedirs(os.path.join(outside, "folder"))
    os.makedirs(corpus)
    for name, text in ARTICLES.items():
        with open(os.path.join(corpus, name), "w") as f:
            f.write(text)
    with open(os.path.join(outside, "secret.txt"), "w") as f:
        f.write("Private notes, not for the corpus.\n")
    with open(os.path.join(outside, "folder", "secret.md"), "w") as f:
        f.write("More private notes.\n")
    os.symlink(os.path.join(outside, "secret.txt"), os.path.join(corpus, "leak.txt"))
    os.symlink(os.path.join(outside, "folder"), os.path.join(corpus, "linked"))
    return os.path.realpath(corpus), os.path.realpath(outside)


def strace(log, argv, **kw):
    cmd = ["strace", "-f", "-qq", "-s", "4096", "-e", "trace=%file,%network", "-o", log, *argv]
    return subprocess.Popen(cmd, **kw)


CALL = re.compile(r"^\d+\s+(?:<\.\.\. )?(\w+)\(")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def violations(log, corpus, cache, binary):
    """The calls in an strace log that read outside the allowed places or use the network."""
    allowed = [corpus, cache]
    above = set()
    for place in allowed:
        p = place
        while p not in ("/", ""):
            p = os.path.dirname(p)
            above.add(p)
    bad = []
    with open(log) as f:
        for line in f:
            m = CALL.match(line)
            if not m:
                continue
            call = m.group(1)
            if call in ("socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
                        "sendto", "sendmsg", "recvfrom", "recvmsg", "getsockopt", "setsockopt",
                        "getsockname", "getpeername", "shutdown"):
                bad.append(("network", line.strip()))
                continue
            if call in ("execve", "getcwd"):
                continue  # strace starting the binary; the process asking where it runs
            for raw in QUOTED.findall(line):
                if not raw.startswith("/"):
                    continue
                if "NOFOLLOW" in line or call in ("lstat", "readlink", "readlinkat"):
                    # the link itself, not where it leads
                    path = os.path.join(os.path.realpath(os.path.dirname(raw)), os.path.basename(raw))
                else:
                    path = os.path.realpath(raw)
                if path == binary or path.startswith(SYSTEM) or path in SYSTEM_FILES:
                    continue
                if any(path == a or path.startswith(a + "/") for a in allowed):
                    continue
                if path in above and call in METADATA_ONLY:
                    continue
                bad.append(("outside", line.strip()))
    return bad


class Lsp:
    """A small client: answers the server's requests, keeps its notifications."""

    def __init__(self, proc):
        self.proc = proc
        self.next_id = 1
        self.answers = {}
        self.notes = []
        self.lock = threading.Condition()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            with self.lock:
                if "id" in msg and "method" in msg:
                    self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                elif "id" in msg:
                    self.answers[msg["id"]] = msg
                else:
                    self.notes.append(msg)
                self.lock.notify_all()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        with self.lock:
            i = self.next_id
            self.next_id += 1
            self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
            if not self.lock.wait_for(lambda: i in self.answers, timeout=30):
                raise SystemExit(f"no answer to {method}")
            return self.answers[i]

    def wait_for(self, what, timeout=30):
        with self.lock:
            return self.lock.wait_for(lambda: any(what(n) for n in self.notes), timeout=timeout)


def uri(path):
    return "file://" + path


def lsp_session(binary, corpus, outside, env, log):
    proc = strace(log, [binary, "lsp"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    c = Lsp(proc)
    c.request("initialize", {"processId": None, "rootUri": uri(corpus),
                             "workspaceFolders": [{"uri": uri(corpus), "name": "corpus"}],
                             "capabilities": {}})
    c.notify("initialized", {})
    denied = lambda n: (n.get("method") == "textDocument/publishDiagnostics"
                        and any(d.get("code") == "denied-claim" for d in n["params"]["diagnostics"]))
    if not c.wait_for(denied):
        raise SystemExit("the server published no denied claim")
    ferry = os.path.join(corpus, "2026-04-01-harbour-gazette-ferry.md")
    at = {"textDocument": {"uri": uri(ferry)}, "position": {"line": 5, "character": 20}}
    for method in ("textDocument/hover", "textDocument/definition", "textDocument/documentHighlight"):
        c.request(method, at)
    c.request("textDocument/references", {**at, "context": {"includeDeclaration": True}})
    c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(ferry)}})
    c.request("workspace/symbol", {"query": "Lind"})
    text = ARTICLES["2026-04-01-harbour-gazette-ferry.md"]
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(ferry), "languageId": "markdown",
                                                       "version": 1, "text": text}})
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(ferry), "version": 2},
                                        "contentChanges": [{"text": text + "\nLind added more.\n"}]})
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri(ferry)}})
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(ferry)}})
    # files outside change, as seen through the links: the server's watcher and a client's both report them
    with open(os.path.join(outside, "secret.txt"), "a") as f:
        f.write("Changed.\n")
    with open(os.path.join(outside, "folder", "secret.md"), "a") as f:
        f.write("Changed.\n")
    with open(os.path.join(outside, "folder", "new.md"), "w") as f:
        f.write("A new private note.\n")
    changes = [{"uri": uri(os.path.join(corpus, p)), "type": t}
               for p, t in (("leak.txt", 2), ("linked/secret.md", 2), ("linked/new.md", 1), ("linked", 1))]
    c.notify("workspace/didChangeWatchedFiles", {"changes": changes})
    time.sleep(1.5)
    c.request("workspace/symbol", {"query": "notes"})
    c.request("shutdown", None)
    c.notify("exit", None)
    code = proc.wait(timeout=30)
    if code != 0:
        raise SystemExit(f"the server ended with {code}")


def main():
    binary = os.path.realpath(sys.argv[1])
    if shutil.which("strace") is None:
        raise SystemExit("strace is not installed")
    failures = 0
    with tempfile.TemporaryDirectory() as base:
        corpus, outside = write_corpus(base)
        cache = os.path.join(os.path.realpath(base), "cache")
        env = {**os.environ, "DATELINE_CACHE_DIR": cache}
        runs = []
        log = os.path.join(base, "check.log")
        p = strace(log, [binary, "check", "--format", "json", corpus], env=env,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate(timeout=60)
        if p.returncode != 1 or b"denied-claim" not in out:
            raise SystemExit(f"check did not flag the denied claim ({p.returncode}): {err.decode()}")
        runs.append(("dateline check", log))
        log = os.path.join(base, "lsp.log")
        lsp_session(binary, corpus, outside, env, log)
        runs.append(("dateline lsp", log))
        for name, log in runs:
            bad = violations(log, corpus, cache, binary)
            calls = sum(1 for _ in open(log))
            if bad:
                failures += 1
                print(f"FAIL {name}: {len(bad)} of {calls} calls read outside or use the network:")
                for kind, line in bad[:20]:
                    print(f"  {kind}: {line}")
            else:
                print(f"ok   {name}: {calls} file and network calls, all inside the corpus, the cache "
                      f"or the system's libraries; no network")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
