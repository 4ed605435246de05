//! Code actions through the protocol: each edit the server offers is applied here as a client would apply
//! it, and the result checked with `dateline check` / `export` — the finding ignored, the date written.

mod support;

use dateline::lsp::convert::Encoding;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use support::lsp_client::{Client, uri};
use support::text_edit::offset;
use tower_lsp_server::ls_types::Position;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

/// Invented: a ferry opening reported, then denied; the denial has no front matter and says when it was
/// written only in its text.
const REPORT: &str = "---\ndate: 2026-04-01\n---\nFerry line to Visby to open in June\n\nPort director Jonas Lind will open the new ferry line to Visby on June 3, the Harbour Gazette reported.\n";
const DENIAL: &str = "Port denies ferry opening date\n\nPort spokeswoman Elin Berg said on April 5 that no opening date had been set for the ferry line.\n\nBerg denied reports that Lind will open the ferry line to Visby on June 3.\n";

fn corpus() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("2026-04-01-gazette.md"), REPORT).expect("write");
    std::fs::write(root.join("island-post.txt"), DENIAL).expect("write");
    (dir, root)
}

/// A client that can create files in workspace edits (as VS Code), UTF-16 positions.
fn started(root: &Path, create_files: bool) -> Client {
    let mut c = Client::spawn(BIN);
    let edits = if create_files {
        json!({"documentChanges": true, "resourceOperations": ["create"]})
    } else {
        json!({})
    };
    let literals = json!({"codeActionKind": {"valueSet": ["quickfix", "refactor.rewrite"]}});
    c.initialize(
        root,
        json!({"workspace": {"workspaceEdit": edits},
               "textDocument": {"codeAction": {"codeActionLiteralSupport": literals}}}),
        Value::Null,
    );
    assert!(c.wait_indexed());
    let trip = root.join("2026-04-01-gazette.md");
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !c
            .diagnostics_of(&trip)
            .is_empty()),
        "the claim is flagged"
    );
    c
}

fn actions(c: &mut Client, path: &Path, line: u32) -> Vec<Value> {
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri(path)},
            "range": {"start": {"line": line, "character": 3}, "end": {"line": line, "character": 3}},
            "context": {"diagnostics": []}
        }),
    );
    r.as_array().cloned().unwrap_or_default()
}

fn titled<'a>(actions: &'a [Value], start: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(start)))
        .unwrap_or_else(|| panic!("an action “{start}…” in {actions:#?}"))
}

/// Applies text edits to `text` (given in the document's order; applied from the last).
fn apply(text: &str, edits: &[Value]) -> String {
    let mut at: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let pos = |p: &Value| {
                Position::new(
                    p["line"].as_u64().unwrap_or(0) as u32,
                    p["character"].as_u64().unwrap_or(0) as u32,
                )
            };
            let r = &e["range"];
            (
                offset(text, pos(&r["start"]), Encoding::Utf16),
                offset(text, pos(&r["end"]), Encoding::Utf16),
                e["newText"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    at.sort_by_key(|x| std::cmp::Reverse(x.0));
    let mut out = text.to_string();
    for (a, b, t) in at {
        out.replace_range(a..b, &t);
    }
    out
}

fn check_json(root: &Path) -> Value {
    let o = Command::new(BIN)
        .args(["check", "--format", "json", "--no-cache"])
        .arg(root)
        .output()
        .expect("dateline check runs");
    serde_json::from_slice(&o.stdout).expect("json")
}

fn ids(check: &Value) -> Vec<String> {
    check["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["id"].as_str().map(String::from))
        .collect()
}

/// The id of the finding on the claim at 1-based `line` of `path`.
fn id_on_line(check: &Value, path: &str, line: u64) -> String {
    check["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["claim"]["path"] == path && f["claim"]["line"] == line)
        .and_then(|f| f["id"].as_str().map(String::from))
        .unwrap_or_else(|| panic!("a finding on {path}:{line} in {check:#}"))
}

#[test]
fn ignore_this_finding_creates_dateline_toml_and_check_then_ignores_it() {
    let (_dir, root) = corpus();
    let id = id_on_line(&check_json(&root), "2026-04-01-gazette.md", 6);
    let mut c = started(&root, true);
    let report = root.join("2026-04-01-gazette.md");
    let offered = actions(&mut c, &report, 5);
    let action = titled(&offered, "Ignore this finding in dateline.toml");
    assert_eq!(action["kind"], "quickfix");
    assert!(action["title"].as_str().unwrap_or("").contains(&id));
    // the file does not exist: created, then written
    let ops = action["edit"]["documentChanges"]
        .as_array()
        .expect("operations");
    let settings = root.join("dateline.toml");
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(ops[0]["uri"], json!(uri(&settings)));
    let written = apply("", ops[1]["edits"].as_array().expect("edits"));
    std::fs::write(&settings, &written).expect("write");
    let v = check_json(&root);
    assert!(!ids(&v).contains(&id), "{written}");
    assert_eq!(v["ignored"][0]["id"], json!(id));
    // once ignored (the server reads the file again), the action is no longer offered
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&settings), "type": 1}]}),
    );
    let on_line_5 = |c: &Client| {
        c.diagnostics_of(&report)
            .iter()
            .any(|d| d["range"]["start"]["line"] == 5)
    };
    let mut gone = false;
    for _ in 0..100 {
        if !on_line_5(&c) {
            gone = true;
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert!(gone, "the diagnostic goes");
    let offered = actions(&mut c, &report, 5);
    assert!(
        offered
            .iter()
            .all(|a| !a["title"].as_str().unwrap_or("").contains(&id)),
        "{offered:#?}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn ignore_this_finding_appends_to_an_existing_dateline_toml() {
    let (_dir, root) = corpus();
    let settings = root.join("dateline.toml");
    let before = "exclude = [\"drafts/**\"]";
    std::fs::write(&settings, before).expect("write");
    // a client that cannot create files: an existing file is edited all the same
    let mut c = started(&root, false);
    let offered = actions(&mut c, &root.join("2026-04-01-gazette.md"), 5);
    let action = titled(&offered, "Ignore this finding in dateline.toml");
    let edits = action["edit"]["changes"][uri(&settings)]
        .as_array()
        .expect("edits of dateline.toml");
    let written = apply(before, edits);
    assert!(
        written.starts_with("exclude = [\"drafts/**\"]\n\n[[ignore]]\n"),
        "{written}"
    );
    let id = id_on_line(&check_json(&root), "2026-04-01-gazette.md", 6);
    std::fs::write(&settings, &written).expect("write");
    assert!(!ids(&check_json(&root)).contains(&id));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn add_the_inferred_date_to_the_front_matter() {
    let (_dir, root) = corpus();
    let denial = root.join("island-post.txt");
    let before = ids(&check_json(&root));
    let mut c = started(&root, true);
    let offered = actions(&mut c, &denial, 0);
    let action = titled(&offered, "Add the date 2026-04-05 to the front matter");
    assert!(
        action["title"]
            .as_str()
            .unwrap_or("")
            .contains("inferred from"),
        "{action}"
    );
    let edits = action["edit"]["changes"][uri(&denial)]
        .as_array()
        .expect("edits of the article");
    let written = apply(DENIAL, edits);
    assert!(
        written.starts_with("---\ndate: 2026-04-05\n---\n\nPort denies"),
        "{written}"
    );
    std::fs::write(&denial, &written).expect("write");
    let o = Command::new(BIN)
        .args(["export", "--no-cache"])
        .arg(&root)
        .output()
        .expect("export runs");
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let doc = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["path"] == "island-post.txt")
        .expect("the denial")
        .clone();
    assert_eq!(doc["date"], "2026-04-05");
    assert_eq!(doc["date_source"], "front-matter");
    // and the findings are the same
    assert_eq!(ids(&check_json(&root)), before);
    // an article dated by its front matter is offered nothing of the kind
    let report_actions = actions(&mut c, &root.join("2026-04-01-gazette.md"), 0);
    assert!(
        report_actions.iter().all(|a| !a["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("Add the date")),
        "{report_actions:#?}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn a_client_without_code_action_literals_is_offered_none() {
    let (_dir, root) = corpus();
    let mut c = Client::spawn(BIN);
    c.initialize(&root, json!({}), Value::Null);
    assert!(c.wait_indexed());
    let report = root.join("2026-04-01-gazette.md");
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        !c.diagnostics_of(&report).is_empty()
    }));
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&report)},
               "range": {"start": {"line": 5, "character": 3}, "end": {"line": 5, "character": 3}},
               "context": {"diagnostics": []}}),
    );
    assert!(r.is_null() || r == json!([]), "{r}");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn register_an_inferred_actor_in_dateline_toml() {
    let (_dir, root) = corpus();
    let mut c = started(&root, true);
    let report = root.join("2026-04-01-gazette.md");
    // on "Lind" of "Port director Jonas Lind"
    let offered = actions(&mut c, &report, 5).into_iter().collect::<Vec<_>>();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&report)},
               "range": {"start": {"line": 5, "character": 21}, "end": {"line": 5, "character": 21}},
               "context": {"diagnostics": []}}),
    );
    let on_name = r.as_array().cloned().unwrap_or_default();
    let action = titled(&on_name, "Register “Jonas Lind” in dateline.toml");
    assert_eq!(action["kind"], "refactor.rewrite");
    assert!(
        offered
            .iter()
            .all(|a| !a["title"].as_str().unwrap_or("").starts_with("Register")),
        "not offered away from a name: {offered:#?}"
    );
    let ops = action["edit"]["documentChanges"]
        .as_array()
        .expect("operations");
    let written = apply("", ops[1]["edits"].as_array().expect("edits"));
    assert_eq!(
        written,
        "[[actors]]\nid = \"jonas-lind\"\nname = \"Jonas Lind\"\nkind = \"person\"\naliases = []\nroles = [\"Port director\"]\n"
    );
    std::fs::write(root.join("dateline.toml"), &written).expect("write");
    let o = Command::new(BIN)
        .args(["export", "--no-cache"])
        .arg(&root)
        .output()
        .expect("export runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let lind = v["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .find(|a| a["id"] == "jonas-lind")
        .expect("the registered actor")
        .clone();
    assert_eq!(lind["registered"]["roles"], json!(["Port director"]));
    assert_eq!(
        lind["mentions"].as_array().map(Vec::len),
        Some(2),
        "{lind:#}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// Tells the server a file changed on disk, as a client watching files would.
fn changed_on_disk(c: &mut Client, path: &Path, kind: u32) {
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(path), "type": kind}]}),
    );
}

/// The code actions at a position.
fn actions_at(c: &mut Client, path: &Path, line: u32, character: u32) -> Vec<Value> {
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(path)},
               "range": {"start": {"line": line, "character": character},
                         "end": {"line": line, "character": character}},
               "context": {"diagnostics": []}}),
    );
    r.as_array().cloned().unwrap_or_default()
}

/// The edits a workspace edit makes to `path`, from its `changes`.
fn changes_of<'a>(edit: &'a Value, path: &Path) -> &'a [Value] {
    edit["changes"][uri(path).as_str()]
        .as_array()
        .map_or(&[], Vec::as_slice)
}

/// Asks until `f` gives something, for up to ten seconds (the server reads `dateline.toml` again in the
/// background).
fn eventually<T>(c: &mut Client, mut f: impl FnMut(&mut Client) -> Option<T>) -> Option<T> {
    for _ in 0..100 {
        if let Some(x) = f(c) {
            return Some(x);
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    None
}

#[test]
fn add_a_mentions_name_as_an_alias_of_a_registered_actor() {
    let (_dir, root) = corpus();
    let settings = root.join("dateline.toml");
    let before = "[[actors]]\nid = \"jonas-lindqvist\"\nname = \"Jonas Lindqvist\"\nroles = [\"port director\"]\n";
    std::fs::write(&settings, before).expect("write");
    let mut c = started(&root, false);
    let report = root.join("2026-04-01-gazette.md");
    // on "Lind" of "Port director Jonas Lind"
    let offered = actions_at(&mut c, &report, 5, 21);
    let action = titled(
        &offered,
        "Add “Jonas Lind” as an alias of “Jonas Lindqvist” (jonas-lindqvist)",
    );
    let written = apply(before, changes_of(&action["edit"], &settings));
    assert_eq!(
        written,
        "[[actors]]\nid = \"jonas-lindqvist\"\nname = \"Jonas Lindqvist\"\naliases = [\"Jonas Lind\"]\nroles = [\"port director\"]\n"
    );
    std::fs::write(&settings, &written).expect("write");
    changed_on_disk(&mut c, &settings, 2);
    // the mention is now the registered actor's, and no alias is offered for it again
    let hover = eventually(&mut c, |c| {
        let h = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&report)}, "position": {"line": 5, "character": 21}}),
        );
        let md = h["contents"]["value"].as_str()?.to_string();
        md.starts_with("**Jonas Lindqvist**").then_some(md)
    })
    .expect("the hover names the registered actor");
    assert!(hover.contains("registered as `jonas-lindqvist`"), "{hover}");
    let again = actions_at(&mut c, &report, 5, 21);
    assert!(
        again.iter().all(|a| !a["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("Add “Jonas Lind”")),
        "{again:#?}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// Invented: a strike, and a week later its end told as "the protest", which nothing links to it.
const STRIKE: &str = "---\ndate: 2026-03-04\n---\nFerry crews strike in Visby\n\nFerry crews in Visby began a strike on Tuesday over pay, the union said.\n";
const PROTEST: &str = "---\ndate: 2026-03-12\n---\nShops reopen on the island\n\nThe protest by ferry crews ended on Friday, traders said.\n";

#[test]
fn register_an_event_then_link_another_mention_to_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let strike = root.join("2026-03-04-gazette.md");
    let protest = root.join("2026-03-12-island-post.md");
    std::fs::write(&strike, STRIKE).expect("write");
    std::fs::write(&protest, PROTEST).expect("write");
    let mut c = Client::spawn(BIN);
    let literals = json!({"codeActionKind": {"valueSet": ["quickfix", "refactor.rewrite"]}});
    c.initialize(
        &root,
        json!({"workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}},
               "textDocument": {"codeAction": {"codeActionLiteralSupport": literals}}}),
        Value::Null,
    );
    assert!(c.wait_indexed());
    let definition_of_protest = |c: &mut Client| {
        let r = c.request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri(&protest)}, "position": {"line": 5, "character": 6}}),
        );
        let first = if r.is_array() { r[0].clone() } else { r };
        first["uri"].as_str().map(String::from)
    };
    assert_eq!(
        definition_of_protest(&mut c),
        Some(uri(&protest)),
        "inferred, the protest is an event of its own"
    );

    // on "strike" in the report's first sentence
    let offered = eventually(&mut c, |c| {
        let a = actions_at(c, &strike, 5, 31);
        a.iter()
            .any(|a| {
                a["title"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("Register event")
            })
            .then_some(a)
    })
    .expect("a registration offered");
    let action = titled(
        &offered,
        "Register event “strike in Visby, 2026-03-03” in dateline.toml",
    );
    let ops = action["edit"]["documentChanges"]
        .as_array()
        .expect("operations");
    assert_eq!(ops[0]["kind"], "create");
    let written = apply("", ops[1]["edits"].as_array().expect("edits"));
    assert_eq!(
        written,
        "[[events]]\nid = \"strike-visby-2026-03-03\"\nlabel = \"strike in Visby, 2026-03-03\"\ndate = 2026-03-03\nplace = \"Visby\"\naliases = [\"strike\"]\n"
    );
    let settings = root.join("dateline.toml");
    std::fs::write(&settings, &written).expect("write");
    changed_on_disk(&mut c, &settings, 1);

    // on "protest": link it to the registered event
    let offered = eventually(&mut c, |c| {
        let a = actions_at(c, &protest, 5, 6);
        a.iter()
            .any(|a| a["title"].as_str().unwrap_or("").starts_with("Link"))
            .then_some(a)
    })
    .expect("a link offered once the registry is read");
    let action = titled(
        &offered,
        "Link “protest” to event “strike in Visby, 2026-03-03” (strike-visby-2026-03-03)",
    );
    let linked = apply(&written, changes_of(&action["edit"], &settings));
    assert!(
        linked.ends_with("aliases = [\"strike\", \"protest\"]\n"),
        "{linked}"
    );
    std::fs::write(&settings, &linked).expect("write");
    changed_on_disk(&mut c, &settings, 2);
    let went = eventually(&mut c, |c| {
        definition_of_protest(c).filter(|u| *u == uri(&strike))
    });
    assert_eq!(
        went,
        Some(uri(&strike)),
        "the protest is the registered strike, defined in the report"
    );
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&protest)}, "position": {"line": 5, "character": 6}}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        md.contains("registered as `strike-visby-2026-03-03`"),
        "{md}"
    );
    assert_eq!(c.shutdown(), Some(0));
}
