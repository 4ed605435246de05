//! A corpus's `dateline.toml` through the language server: its findings ignored, its globs and document
//! dates applied, its mistakes shown in the file (from disk, and as they are typed), and the folder read
//! again when the file is saved or changes on disk. The corpus is the server tests' fixture corpus.

mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::lsp_client::{Client, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");
const TRIP: &str = "2026-05-04-baltic-herald-trip.md";
const DENIAL: &str = "2026-05-08-tallinn-post-denial.txt";
const WAIT: Duration = Duration::from_secs(10);

fn corpus() -> (tempfile::TempDir, PathBuf) {
    support::fixture_corpus()
}

/// The ids `check` gives the findings on the reported trip.
fn trip_finding_ids(root: &Path) -> Vec<String> {
    let o = std::process::Command::new(BIN)
        .args(["check", "--format", "json", "--no-cache"])
        .arg(root)
        .output()
        .expect("dateline check runs");
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let ids: Vec<String> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["claim"]["path"] == TRIP)
        .filter_map(|f| f["id"].as_str().map(String::from))
        .collect();
    assert!(!ids.is_empty(), "the trip is flagged");
    ids
}

fn started(root: &Path) -> Client {
    let mut c = Client::spawn(BIN);
    // a client that watches files for the server and takes progress, as VS Code
    c.initialize(
        root,
        json!({"window": {"workDoneProgress": true},
               "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    assert!(c.wait_indexed(), "indexing ends");
    c
}

fn codes_of(c: &Client, path: &Path) -> Vec<String> {
    c.diagnostics_of(path)
        .iter()
        .filter_map(|d| d["code"].as_str().map(String::from))
        .collect()
}

fn denied(c: &Client, root: &Path) -> bool {
    codes_of(c, &root.join(TRIP))
        .iter()
        .any(|k| k == "denied-claim")
}

fn changed_on_disk(c: &mut Client, path: &Path) {
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(path), "type": 2}]}),
    );
}

#[test]
fn an_ignored_finding_is_not_shown_until_the_ignore_is_removed() {
    let (_dir, root) = corpus();
    let ignore: String = trip_finding_ids(&root)
        .iter()
        .map(|id| format!("[[ignore]]\nfinding = \"{id}\"\nreason = \"Checked with Tallinn\"\n"))
        .collect();
    let settings = root.join("dateline.toml");
    std::fs::write(&settings, ignore).expect("write");
    let mut c = started(&root);
    // the denial is still shown as one; the claim it denies is not flagged
    assert!(c.wait_until(WAIT, |c| {
        codes_of(c, &root.join(DENIAL))
            .iter()
            .any(|k| k == "denial")
    }));
    assert!(
        !denied(&c, &root),
        "{:?}",
        c.diagnostics_of(&root.join(TRIP))
    );
    assert!(c.diagnostics_of(&settings).is_empty());

    std::fs::write(&settings, "# nothing ignored\n").expect("write");
    changed_on_disk(&mut c, &settings);
    assert!(
        c.wait_until(WAIT, |c| denied(c, &root)),
        "shown again once the file no longer ignores it"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn globs_and_document_dates_from_the_file_apply_and_follow_its_changes() {
    let (_dir, root) = corpus();
    let settings = root.join("dateline.toml");
    // the denial left out: nothing denies the trip
    std::fs::write(&settings, format!("exclude = [\"{DENIAL}\"]\n")).expect("write");
    let mut c = started(&root);
    // resolved: the trip's minister is found; the spokeswoman, named only in the denial, is not
    let found = |c: &mut Client, name: &str| {
        let r = c.request("workspace/symbol", json!({ "query": name }));
        r.as_array().is_some_and(|a| !a.is_empty())
    };
    let mut resolved = false;
    for _ in 0..100 {
        if found(&mut c, "Kask") {
            resolved = true;
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert!(resolved, "the corpus is served");
    assert!(
        !found(&mut c, "Maria Saar"),
        "the excluded denial is no article"
    );
    assert!(!denied(&c, &root));

    // the denial back in, dated before the trip by the file: the trip repeats a denied report
    std::fs::write(
        &settings,
        format!("[[documents]]\npath = \"{DENIAL}\"\ndate = 2026-05-01\n"),
    )
    .expect("write");
    std::fs::write(
        root.join(DENIAL),
        std::fs::read_to_string(root.join(DENIAL))
            .expect("read")
            .replace(" on May 8", ""),
    )
    .expect("write");
    changed_on_disk(&mut c, &settings);
    assert!(
        c.wait_until(WAIT, |c| codes_of(c, &root.join(TRIP))
            .iter()
            .any(|k| k == "repeats-denied-claim")),
        "{:?}",
        c.diagnostics_of(&root.join(TRIP))
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn mistakes_in_the_file_are_errors_in_it_from_disk_and_as_typed() {
    let (_dir, root) = corpus();
    let settings = root.join("dateline.toml");
    let bad = "exclude = [\"drafts/**\"]\n\n[[documents]]\npath = \"*.txt\"\ndate = \"soon\"\n";
    std::fs::write(&settings, bad).expect("write");
    let mut c = started(&root);
    assert!(c.wait_until(WAIT, |c| !c.diagnostics_of(&settings).is_empty()));
    let d = &c.diagnostics_of(&settings)[0];
    assert_eq!(d["severity"], 1, "an error");
    assert_eq!(d["code"], "settings");
    assert_eq!(
        d["range"],
        json!({"start": {"line": 4, "character": 7}, "end": {"line": 4, "character": 13}})
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("expected a date")
    );
    // the rest of the file applies, and the corpus is served
    assert!(c.wait_until(WAIT, |c| denied(c, &root)));

    // opened and typed into: an unknown key is shown at once, before any save
    c.open(&settings, bad);
    let typed = "exclude = [\"drafts/**\"]\nexclued = []\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&settings), "version": 2},
               "contentChanges": [{"text": typed}]}),
    );
    assert!(
        c.wait_until(WAIT, |c| c.diagnostics_of(&settings).iter().any(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("unknown field `exclued`")
        }))
    );

    // fixed and saved: no mistake, and the folder is read with it (the denial excluded)
    let fixed = format!("exclude = [\"{DENIAL}\"]\n");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&settings), "version": 3},
               "contentChanges": [{"text": fixed}]}),
    );
    std::fs::write(&settings, &fixed).expect("write");
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&settings)}}),
    );
    assert!(c.wait_until(WAIT, |c| c.diagnostics_of(&settings).is_empty()));
    assert!(
        c.wait_until(WAIT, |c| !denied(c, &root)),
        "the saved file excludes the denial"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// A port director who wrote his name Lind in one article and Lindqvist in the other (invented).
const LIND_REPORT: &str = "---\ndate: 2026-04-01\n---\nFerry line to Visby to open in June\n\nPort director Jonas Lind said on Monday that the new ferry line to Visby would open on June 3.\n\nLind said the two ships were ready.\n";
const LINDQVIST_DENIAL: &str = "---\ndate: 2026-04-05\n---\nPort chief denies ferry date\n\nJonas Lindqvist, who runs the port, denied reports that the ferry line to Visby would open on June 3.\n\nLindqvist said no date had been set.\n";

#[test]
fn a_registered_alias_changes_the_hover_and_the_links() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let report = root.join("2026-04-01-gazette.md");
    let denial = root.join("2026-04-05-island-post.md");
    std::fs::write(&report, LIND_REPORT).expect("write");
    std::fs::write(&denial, LINDQVIST_DENIAL).expect("write");
    let mut c = started(&root);
    let on_lind = json!({"textDocument": {"uri": uri(&report)},
                         "position": {"line": 7, "character": 1}});
    let hover = |c: &mut Client| {
        let h = c.request("textDocument/hover", on_lind.clone());
        h["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let referenced_files = |c: &mut Client| {
        let mut params = on_lind.clone();
        params["context"] = json!({"includeDeclaration": true});
        let r = c.request("textDocument/references", params);
        let mut uris: Vec<String> = r
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|l| l["uri"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        uris.sort();
        uris.dedup();
        uris
    };
    let mut before = String::new();
    for _ in 0..100 {
        before = hover(&mut c);
        if !before.is_empty() {
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert!(before.starts_with("**Jonas Lind** · person"), "{before}");
    assert_eq!(referenced_files(&mut c), vec![uri(&report)]);

    let settings = root.join("dateline.toml");
    std::fs::write(
        &settings,
        "[[actors]]\nid = \"jonas-lindqvist\"\nname = \"Jonas Lindqvist\"\naliases = [\"Jonas Lind\"]\ndescription = \"Runs the port of Visby; wrote his name Lind until 2025\"\nwikidata = \"Q4200001\"\n",
    )
    .expect("write");
    changed_on_disk(&mut c, &settings);
    let mut after = String::new();
    for _ in 0..100 {
        after = hover(&mut c);
        if after.starts_with("**Jonas Lindqvist**") {
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert!(after.starts_with("**Jonas Lindqvist** · person"), "{after}");
    assert!(after.contains("Runs the port of Visby"), "{after}");
    assert!(
        after.contains("https://www.wikidata.org/wiki/Q4200001"),
        "{after}"
    );
    assert!(after.contains("registered as `jonas-lindqvist`"), "{after}");
    assert_eq!(referenced_files(&mut c), vec![uri(&report), uri(&denial)]);
    assert_eq!(c.shutdown(), Some(0));
}

/// The completion items at the end of `text`, opened as the folder's `dateline.toml` (version `v`).
fn completions_at_end(c: &mut Client, settings: &Path, text: &str, v: i32) -> Vec<Value> {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(settings), "version": v},
               "contentChanges": [{"text": text}]}),
    );
    let line = text.lines().count().saturating_sub(1) + usize::from(text.ends_with('\n'));
    let character = if text.ends_with('\n') {
        0
    } else {
        text.lines().last().map_or(0, |l| l.encode_utf16().count())
    };
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(settings)},
               "position": {"line": line, "character": character}}),
    );
    let items = if r.is_array() { r } else { r["items"].clone() };
    items.as_array().cloned().unwrap_or_default()
}

fn labels(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| i["label"].as_str().map(String::from))
        .collect()
}

#[test]
fn completion_and_hover_in_dateline_toml_name_the_corpus_s_actors_events_and_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("2026-04-01-gazette.md"), LIND_REPORT).expect("write");
    std::fs::write(root.join("2026-04-05-island-post.md"), LINDQVIST_DENIAL).expect("write");
    std::fs::write(
        root.join("2026-04-07-wire.md"),
        "---\ndate: 2026-04-07\n---\nFerry crews in Visby began a strike on Tuesday, the union said.\n",
    )
    .expect("write");
    let settings = root.join("dateline.toml");
    let registered = "[[actors]]\nid = \"jonas-lindqvist\"\nname = \"Jonas Lindqvist\"\n";
    std::fs::write(&settings, registered).expect("write");
    let mut c = started(&root);
    c.open(&settings, registered);

    // an actor id: the inferred actors not registered yet, quoted for the user
    let typed = format!("{registered}\n[[actors]]\nid = \"");
    let items = completions_at_end(&mut c, &settings, &typed, 2);
    let lind = items
        .iter()
        .find(|i| i["label"] == "jonas-lind")
        .unwrap_or_else(|| panic!("the inferred Jonas Lind offered: {items:#?}"));
    assert_eq!(lind["detail"], "Jonas Lind");
    assert_eq!(lind["insertText"], "jonas-lind");
    assert!(!labels(&items).contains(&"jonas-lindqvist".to_string()));
    // a key of the table
    let items = completions_at_end(&mut c, &settings, &format!("{typed}jonas-lind\"\n"), 3);
    assert!(
        labels(&items).contains(&"aliases".to_string()),
        "{items:#?}"
    );
    assert!(labels(&items).contains(&"[[events]]".to_string()));
    // a kind
    let items = completions_at_end(
        &mut c,
        &settings,
        &format!("{typed}jonas-lind\"\nkind = "),
        4,
    );
    assert_eq!(labels(&items), vec!["person", "organization"]);
    assert_eq!(items[1]["insertText"], "\"organization\"");
    // an event id
    let items = completions_at_end(
        &mut c,
        &settings,
        &format!("{registered}[[events]]\nid = \""),
        5,
    );
    assert!(
        items.iter().any(|i| i["label"]
            .as_str()
            .is_some_and(|l| l.starts_with("strike-visby"))),
        "{items:#?}"
    );
    // the id of a finding shown, with where its claim is
    let items = completions_at_end(
        &mut c,
        &settings,
        &format!("{registered}[[ignore]]\nfinding = "),
        6,
    );
    let finding = items
        .iter()
        .find(|i| {
            i["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("2026-04-01-gazette.md:6: Port director Jonas Lind"))
        })
        .unwrap_or_else(|| panic!("the finding on the report's claim offered: {items:#?}"));
    assert!(
        finding["label"]
            .as_str()
            .is_some_and(|l| l.starts_with("f-")),
        "{finding}"
    );
    assert_eq!(
        finding["insertText"],
        json!(format!("\"{}\"", finding["label"].as_str().unwrap_or("")))
    );

    // hover on the registered id: the actor as the articles tell it
    completions_at_end(&mut c, &settings, registered, 7);
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&settings)}, "position": {"line": 1, "character": 8}}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.starts_with("**Jonas Lindqvist** · person"), "{md}");
    assert!(md.contains("registered as `jonas-lindqvist`"), "{md}");
    // and on a key, what it does
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&settings)}, "position": {"line": 2, "character": 1}}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.starts_with("**name**"), "{md}");
    assert_eq!(c.shutdown(), Some(0));
}
