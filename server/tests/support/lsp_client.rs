//! A small LSP client for tests and benchmarks: spawns `dateline lsp`, speaks JSON-RPC over its stdio,
//! answers the server's own requests (progress tokens, registrations, configuration), and keeps the
//! notifications it receives (diagnostics by URI, progress, log lines).

#![allow(dead_code)] // each test binary uses a different part of it

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Last diagnostics published per URI.
    pub diagnostics: HashMap<String, Vec<Value>>,
    /// Every notification received, in order.
    pub notifications: Vec<Value>,
    /// Every request the server made, in order.
    pub server_requests: Vec<Value>,
    /// How the client answers `workspace/configuration`.
    pub configuration: Value,
}

/// A `file://` URI for a path.
pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

pub fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    /// Starts `dateline lsp`. Its standard error is shown when `DATELINE_TEST_STDERR` is set.
    pub fn spawn(binary: &str) -> Client {
        let stderr = if std::env::var_os("DATELINE_TEST_STDERR").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        };
        Client::spawn_with_stderr(binary, stderr)
    }

    /// Starts `dateline lsp` with its standard error sent where the test says.
    pub fn spawn_with_stderr(binary: &str, stderr: Stdio) -> Client {
        // the facts cache of tests and benchmarks: the system's temporary folder, not the user's cache
        let cache = std::env::var_os("DATELINE_CACHE_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("dateline-test-facts-cache"));
        Client::spawn_in(binary, stderr, &cache)
    }

    /// Starts `dateline lsp` with the facts cache in `cache`.
    pub fn spawn_with_cache(binary: &str, cache: &Path) -> Client {
        Client::spawn_in(binary, Stdio::null(), cache)
    }

    fn spawn_in(binary: &str, stderr: Stdio, cache: &Path) -> Client {
        let mut command = Command::new(binary);
        command.env("DATELINE_CACHE_DIR", cache).stderr(stderr);
        Client::spawn_command(command)
    }

    /// Starts `command` (the binary, with whatever it is run through, environment and standard error as
    /// the test wants) with `lsp` added to its arguments.
    pub fn spawn_command(mut command: Command) -> Client {
        let mut child = command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("dateline lsp starts");
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_message(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            diagnostics: HashMap::new(),
            notifications: Vec::new(),
            server_requests: Vec::new(),
            configuration: Value::Null,
        }
    }

    fn write(&mut self, v: &Value) {
        let body = v.to_string();
        let _ = write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body);
        let _ = self.stdin.flush();
    }

    /// Writes raw bytes (for malformed-input tests).
    pub fn write_raw(&mut self, bytes: &[u8]) {
        let _ = self.stdin.write_all(bytes);
        let _ = self.stdin.flush();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.write(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Handles one message from the server; returns it when it is a response.
    fn handle(&mut self, msg: Value) -> Option<Value> {
        let method = msg.get("method").and_then(Value::as_str).map(String::from);
        match (method, msg.get("id").cloned()) {
            (Some(m), Some(id)) => {
                let result = if m == "workspace/configuration" {
                    json!([self.configuration.clone()])
                } else {
                    Value::Null
                };
                self.server_requests.push(msg);
                self.write(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
                None
            }
            (Some(m), None) => {
                if m == "textDocument/publishDiagnostics" {
                    let p = &msg["params"];
                    let uri = p["uri"].as_str().unwrap_or("").to_string();
                    let d = p["diagnostics"].as_array().cloned().unwrap_or_default();
                    self.diagnostics.insert(uri, d);
                }
                self.notifications.push(msg);
                None
            }
            (None, Some(_)) => Some(msg),
            (None, None) => None,
        }
    }

    /// Sends a request and waits for its response (the whole message: `result` or `error`).
    pub fn request_full(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) => {
                    if let Some(resp) = self.handle(msg)
                        && resp["id"] == json!(id)
                    {
                        return resp;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("no response to {method} in 30 s"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server exited during {method}"),
            }
        }
    }

    /// Sends every request at once, before reading any answer, and returns the responses in the order of
    /// the requests.
    pub fn requests_at_once(&mut self, method: &str, params: &[Value]) -> Vec<Value> {
        let first = self.next_id;
        self.next_id += params.len() as i64;
        for (k, p) in params.iter().enumerate() {
            self.write(
                &json!({"jsonrpc": "2.0", "id": first + k as i64, "method": method, "params": p}),
            );
        }
        let mut answers: Vec<Option<Value>> = vec![None; params.len()];
        let deadline = Instant::now() + Duration::from_secs(30);
        while answers.iter().any(Option::is_none) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) => {
                    if let Some(resp) = self.handle(msg)
                        && let Some(k) = resp["id"]
                            .as_i64()
                            .and_then(|id| usize::try_from(id - first).ok())
                        && let Some(slot) = answers.get_mut(k)
                    {
                        *slot = Some(resp);
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("not every {method} answered in 30 s"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server exited during {method}"),
            }
        }
        answers.into_iter().flatten().collect()
    }

    /// Sends a request and returns its `result`; panics on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_full(method, params);
        assert!(
            resp.get("error").is_none(),
            "{method} answered an error: {resp}"
        );
        resp["result"].clone()
    }

    /// Reads messages until `done` holds or `timeout` passes; true when it held.
    pub fn wait_until(&mut self, timeout: Duration, mut done: impl FnMut(&Client) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if done(self) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match self.rx.recv_timeout(left.min(Duration::from_millis(50))) {
                Ok(msg) => {
                    self.handle(msg);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return done(self),
            }
        }
    }

    /// `initialize` then `initialized`, with `capabilities` and `options` as given.
    pub fn initialize(&mut self, root: &Path, capabilities: Value, options: Value) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "corpus"}],
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// Waits until indexing has ended and its results are served: the log line the server writes then
    /// (after the progress `end`, when the client takes progress).
    pub fn wait_indexed(&mut self) -> bool {
        // only the notifications not looked at yet: a large corpus publishes tens of thousands
        let mut looked = 0;
        self.wait_until(Duration::from_secs(600), |c| {
            let found = c.notifications[looked..].iter().any(|n| {
                n["method"] == "window/logMessage"
                    && n["params"]["message"]
                        .as_str()
                        .is_some_and(|m| m.starts_with("indexed "))
            });
            looked = c.notifications.len();
            found
        })
    }

    pub fn open(&mut self, path: &Path, text: &str) {
        let lang = if path.extension().is_some_and(|e| e == "md") {
            "markdown"
        } else {
            "plaintext"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": lang, "version": 1, "text": text}}),
        );
    }

    /// The diagnostics last published for a file (empty when none were).
    pub fn diagnostics_of(&self, path: &Path) -> Vec<Value> {
        self.diagnostics
            .get(&uri(path))
            .cloned()
            .unwrap_or_default()
    }

    /// `shutdown`, `exit`, and the process's exit status.
    pub fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the server process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The 0-based (line, UTF-16 column) of the `nth` occurrence of `needle` in `text`, plus `offset` chars.
pub fn position_of(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs {} times", nth + 1))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    (line as u32, col as u32)
}
