//! File-system faults, for `dateline check` and for the server: files and folders that cannot be read,
//! a read-only corpus, a cache folder that cannot be written or holds damaged files, files truncated on
//! disk, and named pipes among the articles. Each test checks that the rest of the corpus is served, that
//! the fault is named, and (for the server) that it recovers once the fault clears.
//!
//! Permissions do not stop root, and tests often run as root (in CI and containers): there, the binary
//! under test is run as the user `nobody` through `setpriv` (util-linux), so that a file without read
//! permission really cannot be read.

#![cfg(unix)]

mod support;

use serde_json::{Value, json};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::lsp_client::{Client, position_of, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");
const TRIP: &str = "2026-05-04-baltic-herald-trip.md";
const DENIAL: &str = "2026-05-08-tallinn-post-denial.txt";
const TALKS: &str = "2026-05-02-coastal-times-talks.md";

/// The uid and gid the binary runs as when the tests run as root (`nobody`).
const NOBODY: u32 = 65534;

/// A copy of the server tests' fixture corpus (a reported trip and its later denial) in a temporary
/// folder that every user may read.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = support::fixture_corpus();
    set_mode(&root, 0o755);
    (dir, root)
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {mode:o} {}: {e}", path.display()));
}

/// Whether this process can open a file that grants no one permission to read it (root can).
fn permissions_do_not_bind_us() -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("closed");
    std::fs::write(&file, "x").expect("write");
    set_mode(&file, 0o000);
    std::fs::File::open(&file).is_ok()
}

/// A command running `BIN` as a user whom permissions stop: this process's user when they stop it,
/// else `nobody` through `setpriv`.
fn unprivileged() -> Command {
    if !permissions_do_not_bind_us() {
        return Command::new(BIN);
    }
    let setpriv = Command::new("setpriv").arg("--version").output();
    assert!(
        setpriv.is_ok_and(|o| o.status.success()),
        "these tests run as root, and need `setpriv` (util-linux) to run dateline as a user whom \
         file permissions stop"
    );
    let mut c = Command::new("setpriv");
    c.arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .arg("--clear-groups")
        .arg("--")
        .arg(BIN);
    c
}

/// A cache folder the unprivileged user may write to.
fn writable_cache() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    set_mode(dir.path(), 0o777);
    dir
}

fn check_as_unprivileged(root: &Path, cache: &Path) -> Output {
    unprivileged()
        .args(["check", "--format", "json"])
        .arg(root)
        .env("DATELINE_CACHE_DIR", cache)
        .output()
        .expect("dateline check runs")
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}", String::from_utf8_lossy(&o.stdout)))
}

/// The paths of the articles with a finding in `check`'s JSON.
fn flagged(v: &Value) -> Vec<String> {
    let mut paths: Vec<String> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["claim"]["path"].as_str().map(String::from))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

fn skipped(v: &Value) -> Vec<(String, String)> {
    v["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or_default().to_string(),
                s["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn files_and_folders_that_cannot_be_read_are_named_and_the_rest_is_checked() {
    let (_dir, root) = corpus();
    std::fs::write(root.join("locked.txt"), "Locked away.\n").expect("write");
    set_mode(&root.join("locked.txt"), 0o000);
    std::fs::create_dir(root.join("private")).expect("mkdir");
    std::fs::write(root.join("private/notes.md"), "Private notes.\n").expect("write");
    set_mode(&root.join("private"), 0o000);
    let cache = writable_cache();

    let o = check_as_unprivileged(&root, cache.path());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the finding still fails the check: {err}"
    );
    let v = json_of(&o);
    assert_eq!(flagged(&v), vec![TRIP.to_string()]);
    let skipped = skipped(&v);
    let reason_of = |path: &str| {
        skipped
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{path} listed as skipped: {skipped:?}"))
    };
    for path in ["locked.txt", "private"] {
        let reason = reason_of(path);
        assert!(reason.contains("ermission denied"), "{path}: {reason}");
        assert!(
            err.contains(&format!("warning: skipped {path}: cannot read")),
            "the warning names {path}: {err}"
        );
    }
    set_mode(&root.join("private"), 0o755);
}

#[test]
fn a_read_only_corpus_is_checked_and_an_unwritable_cache_folder_only_warns() {
    let (_dir, root) = corpus();
    set_mode(&root, 0o555);
    for e in std::fs::read_dir(&root).expect("corpus") {
        set_mode(&e.expect("entry").path(), 0o444);
    }
    // a cache folder owned by this process's user, closed to others
    let closed = tempfile::tempdir().expect("temp dir");
    set_mode(closed.path(), 0o555);
    let cache = closed.path().join("dateline");

    let o = check_as_unprivileged(&root, &cache);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(flagged(&json_of(&o)), vec![TRIP.to_string()]);
    assert!(
        err.contains("warning") && err.contains(&cache.display().to_string()),
        "the warning names the cache folder: {err}"
    );

    // with a cache folder it may write, the second run reads its facts from the cache
    let cache = writable_cache();
    let first = check_as_unprivileged(&root, cache.path());
    assert!(
        std::fs::read_dir(cache.path()).expect("cache").count() > 0,
        "the cache is written outside the read-only corpus"
    );
    let second = check_as_unprivileged(&root, cache.path());
    assert_eq!(first.stdout, second.stdout);
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(!err.contains("warning"), "{err}");
    set_mode(&root, 0o755);
}

#[test]
fn a_named_pipe_among_the_articles_is_left_alone_not_waited_on() {
    let (_dir, root) = corpus();
    let made = Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json"])
        .arg(&root)
        .env("DATELINE_CACHE_DIR", writable_cache().path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dateline check starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("dateline check waited on the named pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().expect("output");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(flagged(&json_of(&o)), vec![TRIP.to_string()]);
}

// ---- the server ----

/// `dateline lsp` as a user whom permissions stop, with the facts cache in `cache`.
fn unprivileged_server(root: &Path, cache: &Path) -> Client {
    let mut command = unprivileged();
    command
        .env("DATELINE_CACHE_DIR", cache)
        .stderr(Stdio::null());
    let mut c = Client::spawn_command(command);
    // no file watching offered: the server watches the disk itself, and sees permissions change
    c.initialize(root, json!({}), Value::Null);
    assert!(c.wait_indexed(), "indexing ends");
    c
}

fn has_denied_claim(c: &Client, root: &Path) -> bool {
    c.diagnostics_of(&root.join(TRIP))
        .iter()
        .any(|d| d["code"] == "denied-claim")
}

/// The warnings the server logged, in order.
fn warnings(c: &Client) -> Vec<String> {
    c.notifications
        .iter()
        .filter(|n| n["method"] == "window/logMessage" && n["params"]["type"] == 2)
        .filter_map(|n| n["params"]["message"].as_str().map(String::from))
        .collect()
}

fn hover_on_talks(c: &mut Client, root: &Path) -> String {
    let text = std::fs::read_to_string(root.join(TALKS)).expect("fixture");
    let (line, character) = position_of(&text, "Lehtinen", 1);
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&root.join(TALKS))},
               "position": {"line": line, "character": character}}),
    );
    r["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_server_names_an_unreadable_article_and_reads_it_once_it_can() {
    let (_dir, root) = corpus();
    set_mode(&root.join(DENIAL), 0o000);
    let cache = writable_cache();
    let mut c = unprivileged_server(&root, cache.path());

    // the rest of the corpus is served; the article that cannot be read is named
    assert!(hover_on_talks(&mut c, &root).contains("Aino Lehtinen"));
    assert!(!has_denied_claim(&c, &root), "the denial was not read");
    let named = |c: &Client| {
        warnings(c)
            .iter()
            .any(|w| w.starts_with(&format!("skipped {DENIAL}: cannot read")))
    };
    assert!(named(&c), "warned: {:?}", warnings(&c));

    // the fault clears: the denial is read, and the claim it denies flagged
    set_mode(&root.join(DENIAL), 0o644);
    assert!(
        c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)),
        "read once readable"
    );

    // a folder closed while the server runs: its article leaves the corpus, and comes back when opened
    std::fs::create_dir(root.join("late")).expect("mkdir");
    set_mode(&root.join("late"), 0o777);
    std::fs::rename(root.join(DENIAL), root.join("late").join(DENIAL)).expect("move");
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)));
    set_mode(&root.join("late"), 0o000);
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim(c, &root)),
        "a folder that cannot be read takes its articles away"
    );
    set_mode(&root.join("late"), 0o755);
    assert!(
        c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)),
        "and gives them back once it can"
    );
    assert!(hover_on_talks(&mut c, &root).contains("Aino Lehtinen"));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn the_server_follows_an_article_truncated_on_disk_and_written_again() {
    let (_dir, root) = corpus();
    let cache = writable_cache();
    let mut c = unprivileged_server(&root, cache.path());
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)));
    let denial = std::fs::read(root.join(DENIAL)).expect("fixture");
    std::fs::File::create(root.join(DENIAL)).expect("truncate");
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim(c, &root)),
        "an emptied denial denies nothing"
    );
    // written back in two parts, as an editor saving a large file might
    let half = denial.len() / 2;
    std::fs::write(root.join(DENIAL), &denial[..half]).expect("write");
    std::thread::sleep(Duration::from_millis(50));
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(root.join(DENIAL))
        .expect("open");
    std::io::Write::write_all(&mut f, &denial[half..]).expect("append");
    drop(f);
    assert!(
        c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)),
        "whole again: the finding returns"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// The files in a folder (none when it does not exist).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn the_server_serves_without_its_cache_folder_and_writes_it_once_it_can() {
    let (_dir, root) = corpus();
    let (_other_dir, other) = corpus();
    let base = tempfile::tempdir().expect("temp dir");
    // the cache folder cannot be made: a file stands where it would be
    let cache = base.path().join("cache");
    std::fs::write(&cache, "not a folder").expect("write");
    let mut c = Client::spawn_with_cache(BIN, &cache);
    c.initialize(&root, json!({}), Value::Null);
    assert!(c.wait_indexed());
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)));
    assert!(
        c.wait_until(Duration::from_secs(10), |c| warnings(c)
            .iter()
            .any(|w| w.starts_with("cannot write the facts cache")
                && w.contains(&cache.display().to_string()))),
        "the warning names the cache folder: {:?}",
        warnings(&c)
    );

    // the fault clears; a folder added now has its facts kept
    std::fs::remove_file(&cache).expect("remove");
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(&other), "name": "other"}], "removed": []}}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| c
            .diagnostics_of(&other.join(TRIP))
            .iter()
            .any(|d| d["code"] == "denied-claim")),
        "the added folder is served"
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |_| files_in(&cache)
            .iter()
            .any(|f| f.to_string_lossy().contains("facts-"))),
        "the facts cache is written once the folder can be made"
    );
    assert_eq!(c.shutdown(), Some(0));

    // damaged cache files: a new server on the same folder ignores them and serves the same findings
    for f in files_in(&cache) {
        std::fs::write(&f, b"\x00damaged\xff").expect("damage");
    }
    let mut c = Client::spawn_with_cache(BIN, &cache);
    c.initialize(&other, json!({}), Value::Null);
    assert!(c.wait_indexed());
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        c.diagnostics_of(&other.join(TRIP))
            .iter()
            .any(|d| d["code"] == "denied-claim")
    }));
    assert!(hover_on_talks(&mut c, &other).contains("Aino Lehtinen"));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn a_workspace_folder_deleted_on_disk_is_emptied_and_served_again_when_it_returns() {
    let (_dir, root) = corpus();
    let saved: Vec<(PathBuf, Vec<u8>)> = files_in(&root)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).expect("fixture");
            (f, bytes)
        })
        .collect();
    let mut c = Client::spawn_with_cache(BIN, writable_cache().path());
    // a client that watches files for the server (as VS Code does)
    c.initialize(
        &root,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    assert!(c.wait_indexed());
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)));

    std::fs::remove_dir_all(&root).expect("rm -r");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root), "type": 3}]}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim(c, &root)),
        "the folder's articles are gone"
    );
    assert_eq!(
        hover_on_talks_gone(&mut c, &root),
        "",
        "nothing is served from it"
    );

    std::fs::create_dir(&root).expect("mkdir");
    let mut changes = Vec::new();
    for (f, bytes) in &saved {
        std::fs::write(f, bytes).expect("write back");
        changes.push(json!({"uri": uri(f), "type": 1}));
    }
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": changes }),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| has_denied_claim(c, &root)),
        "served again once its files return"
    );
    assert!(hover_on_talks(&mut c, &root).contains("Aino Lehtinen"));
    assert_eq!(c.shutdown(), Some(0));
}

/// A hover on the talks article's position of "Lehtinen", once the file may be gone.
fn hover_on_talks_gone(c: &mut Client, root: &Path) -> String {
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&root.join(TALKS))},
               "position": {"line": 2, "character": 30}}),
    );
    r["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}
