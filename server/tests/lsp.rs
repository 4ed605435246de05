//! Protocol tests: the real `dateline lsp` binary, driven over stdio as an editor drives it, on a fixture
//! corpus written for these tests (tests/fixtures/lsp: four invented articles about Finnish–Estonian tunnel
//! talks, a reported trip and its later denial).

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;
mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::lsp_client::{Client, position_of, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");
const TALKS: &str = "2026-05-02-coastal-times-talks.md";
const TRIP: &str = "2026-05-04-baltic-herald-trip.md";
const DENIAL: &str = "2026-05-08-tallinn-post-denial.txt";
const REVIEW: &str = "2026-05-10-nordic-review.md";

/// A copy of the fixture corpus in a temporary folder (tests change it).
fn corpus() -> (tempfile::TempDir, PathBuf) {
    support::fixture_corpus()
}

fn read(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join(name)).expect("fixture article")
}

/// Capabilities of a modern client: UTF-8 offered, progress, dynamic file watching, configuration.
fn full_caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "window": {"workDoneProgress": true},
        "workspace": {
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "configuration": true,
            "workspaceFolders": true
        },
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}
    })
}

fn started(caps: Value, options: Value) -> (tempfile::TempDir, PathBuf, Client) {
    let (dir, root) = corpus();
    let mut c = Client::spawn(BIN);
    c.initialize(&root, caps, options);
    assert!(c.wait_indexed(), "indexing ends");
    (dir, root, c)
}

#[test]
fn routine_logs_go_to_the_client_only_and_warnings_also_to_stderr() {
    let (dir, root) = corpus();
    std::fs::write(root.join("scan.txt"), [0xff, 0xfe, 0x00, 0x41, 0x80])
        .expect("write a binary file");
    let log = dir.path().join("stderr.log");
    let file = std::fs::File::create(&log).expect("create the stderr log");
    let mut c = Client::spawn_with_stderr(BIN, std::process::Stdio::from(file));
    c.initialize(&root, full_caps(), Value::Null);
    assert!(c.wait_indexed(), "indexing ends");
    let logged: Vec<String> = c
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/logMessage")
        .map(|n| n["params"]["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        logged.iter().any(|m| m.starts_with("indexed ")),
        "{logged:?}"
    );
    assert!(
        logged
            .iter()
            .any(|m| m.contains("skipped") && m.contains("scan.txt")),
        "{logged:?}"
    );
    c.shutdown();
    let stderr = std::fs::read_to_string(&log).expect("read the stderr log");
    assert!(
        stderr.contains("skipped") && stderr.contains("scan.txt"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("indexed "),
        "routine lines stay out of stderr: {stderr}"
    );
}

fn at(root: &Path, name: &str, needle: &str, nth: usize) -> Value {
    let (line, character) = position_of(&read(root, name), needle, nth);
    json!({"textDocument": {"uri": uri(&root.join(name))}, "position": {"line": line, "character": character}})
}

fn hover_text(c: &mut Client, params: Value) -> String {
    let h = c.request("textDocument/hover", params);
    h["contents"]["value"].as_str().unwrap_or("").to_string()
}

/// Retries `check` for up to ten seconds (requests read the state as of the last change processed).
fn eventually(c: &mut Client, mut check: impl FnMut(&mut Client) -> bool) -> bool {
    for _ in 0..200 {
        if check(c) {
            return true;
        }
        c.wait_until(Duration::from_millis(50), |_| false);
    }
    false
}

fn has_denied_claim_from(c: &Client, root: &Path) -> bool {
    c.diagnostics_of(&root.join(TRIP))
        .iter()
        .any(|d| d["code"] == "denied-claim")
}

#[test]
fn a_restarted_server_takes_unchanged_articles_from_the_facts_cache_and_reads_changed_ones() {
    let (_dir, root) = corpus();
    let cache = tempfile::tempdir().expect("temp dir");
    // how many articles the server analysed, as its log line tells
    let analysed = |c: &Client| {
        c.notifications
            .iter()
            .filter_map(|n| n["params"]["message"].as_str())
            .find(|m| m.starts_with("indexed "))
            .and_then(|m| {
                m.split('(')
                    .nth(1)?
                    .split(' ')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
    };
    // the log line telling that the last session's diagnostics were shown, before indexing ended
    let from_last_session = |c: &Client| {
        let logs: Vec<&str> = c
            .notifications
            .iter()
            .filter_map(|n| n["params"]["message"].as_str())
            .collect();
        let shown = logs
            .iter()
            .position(|m| m.contains("from the last session"));
        let indexed = logs.iter().position(|m| m.starts_with("indexed "));
        shown
            .filter(|&s| indexed.is_none_or(|i| s < i))
            .map(|s| logs[s].to_string())
    };
    let mut c = Client::spawn_with_cache(BIN, cache.path());
    c.initialize(&root, full_caps(), Value::Null);
    assert!(c.wait_indexed(), "indexing ends");
    assert!(has_denied_claim_from(&c, &root), "the trip is denied");
    assert_eq!(
        from_last_session(&c),
        None,
        "nothing kept before the first session"
    );
    let before = c.diagnostics.clone();
    assert_eq!(c.shutdown(), Some(0));
    let files: Vec<_> = std::fs::read_dir(cache.path())
        .expect("the cache folder")
        .flatten()
        .collect();
    assert_eq!(
        files.len(),
        2,
        "the facts and the diagnostics of the corpus"
    );
    // a restart that shows the last session's diagnostics, all the same, with no article analysed, and why
    let with_findings = before.values().filter(|d| !d.is_empty()).count();
    let restart_from_last_session = |unchanged: &str| {
        let mut c = Client::spawn_with_cache(BIN, cache.path());
        c.initialize(&root, full_caps(), Value::Null);
        assert!(c.wait_indexed(), "indexing ends");
        assert_eq!(c.diagnostics, before);
        assert_eq!(analysed(&c), Some(0));
        let shown = from_last_session(&c).unwrap_or_default();
        assert!(
            shown.contains(&format!("of {with_findings} articles")) && shown.contains(unchanged),
            "{shown:?}"
        );
        assert_eq!(c.shutdown(), Some(0));
    };
    // unchanged: shown at once (the files look as they did, so before any is read)
    restart_from_last_session("its files unchanged");
    // the denial's file touched: it looks changed, its text is the same: shown once the articles are read
    std::fs::File::options()
        .write(true)
        .open(root.join(DENIAL))
        .and_then(|f| {
            f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
        })
        .expect("touch the denial");
    restart_from_last_session("its texts unchanged");
    // the denial rewritten while no server ran: analysed again, not taken from the cache
    std::fs::write(
        root.join(DENIAL),
        "The weather in Tallinn was mild on Monday.\n",
    )
    .expect("rewrite the denial");
    let mut c = Client::spawn_with_cache(BIN, cache.path());
    c.initialize(&root, full_caps(), Value::Null);
    assert!(c.wait_indexed(), "indexing ends");
    assert_eq!(analysed(&c), Some(1));
    assert_eq!(
        from_last_session(&c),
        None,
        "an article changed: nothing shown from the last session"
    );
    assert!(
        !has_denied_claim_from(&c, &root),
        "nothing denies the trip now"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn initialize_negotiates_utf8_and_advertises_every_feature() {
    let (_dir, root) = corpus();
    let mut c = Client::spawn(BIN);
    let r = c.initialize(&root, full_caps(), Value::Null);
    let caps = &r["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    for feature in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
    ] {
        assert_eq!(caps[feature], true, "{feature}");
    }
    assert_eq!(
        caps["workspace"]["workspaceFolders"]["changeNotifications"],
        true
    );
    assert_eq!(r["serverInfo"]["name"], "dateline");
    // a client that offers only UTF-16 gets UTF-16
    let mut d = Client::spawn(BIN);
    let r = d.initialize(&root, json!({}), Value::Null);
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn indexing_reports_progress_with_counts_and_registers_a_file_watcher() {
    let (_dir, _root, c) = started(full_caps(), Value::Null);
    let progress: Vec<&Value> = c
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .map(|n| &n["params"]["value"])
        .collect();
    assert_eq!(progress.first().map(|v| &v["kind"]), Some(&json!("begin")));
    assert_eq!(progress.last().map(|v| &v["kind"]), Some(&json!("end")));
    assert_eq!(
        progress.last().map(|v| &v["message"]),
        Some(&json!("4 articles"))
    );
    let methods: Vec<&Value> = c.server_requests.iter().map(|r| &r["method"]).collect();
    assert!(methods.contains(&&json!("window/workDoneProgress/create")));
    assert!(methods.contains(&&json!("client/registerCapability")));
}

#[test]
fn hover_on_a_surname_shows_the_full_name_role_and_other_articles() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    // "Lehtinen has said …" in the review names her by surname only
    let text = hover_text(&mut c, at(&root, REVIEW, "Lehtinen has", 0));
    assert!(text.contains("**Aino Lehtinen** · person"), "{text}");
    assert!(text.contains("Finnish Foreign Minister"), "{text}");
    assert!(text.contains("in 3 articles"), "{text}");
    assert!(
        text.contains("The tunnel is no longer a dream"),
        "quote: {text}"
    );
    assert!(
        text.contains("- met in Helsinki, 2026-05-02 — ["),
        "event: {text}"
    );
    // the hover's range covers the word
    let h = c.request("textDocument/hover", at(&root, REVIEW, "Lehtinen has", 0));
    assert_eq!(
        h["range"]["end"]["character"],
        h["range"]["start"]["character"].as_u64().unwrap() + 8
    );
}

#[test]
fn hover_on_claims_and_denials_says_who_denied_what_and_when() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    let claim = hover_text(&mut c, at(&root, TRIP, "is reportedly set", 0));
    assert!(claim.contains("**Claim** (hedged"), "{claim}");
    assert!(
        claim.contains("by Maria Saar on 2026-05-08 (inferred)"),
        "{claim}"
    );
    assert!(claim.contains(DENIAL), "{claim}");
    let denial = hover_text(&mut c, at(&root, DENIAL, "denied reports", 0));
    assert!(denial.contains("**Denial** by Maria Saar"), "{denial}");
    assert!(denial.contains("2026-05-04"), "{denial}");
    assert!(denial.contains(TRIP), "{denial}");
    let event = hover_text(&mut c, at(&root, TRIP, "travel", 0));
    assert!(event.contains("**Date** 2026-06-05"), "{event}");
    assert!(event.contains("**Place** Helsinki"), "{event}");
    assert!(event.contains("Denied claims about it"), "{event}");
}

#[test]
fn definition_on_an_event_mention_lands_on_the_defining_report_in_another_article() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    // "the Helsinki talks" in the trip article → "met" in the talks article
    let r = c.request("textDocument/definition", at(&root, TRIP, "talks", 0));
    assert_eq!(r["uri"], json!(uri(&root.join(TALKS))), "{r}");
    let (line, col) = position_of(&read(&root, TALKS), "met Estonian", 0);
    assert_eq!(r["range"]["start"], json!({"line": line, "character": col}));
    // on an actor: the mention that introduces her with full name and role
    let r = c.request(
        "textDocument/definition",
        at(&root, REVIEW, "Lehtinen has", 0),
    );
    assert_eq!(r["uri"], json!(uri(&root.join(TALKS))));
    let (line, _) = position_of(&read(&root, TALKS), "Aino Lehtinen", 0);
    assert_eq!(r["range"]["start"]["line"], line);
}

#[test]
fn references_list_mentions_across_articles_and_honour_include_declaration() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    let mut params = at(&root, REVIEW, "Lehtinen has", 0);
    params["context"] = json!({"includeDeclaration": true});
    let all = c.request("textDocument/references", params.clone());
    let all = all.as_array().expect("locations");
    assert_eq!(all.len(), 5, "{all:?}");
    let files: std::collections::BTreeSet<&str> =
        all.iter().filter_map(|l| l["uri"].as_str()).collect();
    assert_eq!(files.len(), 3, "{files:?}");
    params["context"] = json!({"includeDeclaration": false});
    let without = c.request("textDocument/references", params);
    assert_eq!(without.as_array().map(Vec::len), Some(4));
    // highlight: her two mentions in the review
    let hl = c.request(
        "textDocument/documentHighlight",
        at(&root, REVIEW, "Lehtinen has", 0),
    );
    assert_eq!(hl.as_array().map(Vec::len), Some(2), "{hl}");
}

#[test]
fn denied_claim_diagnostic_points_at_the_denial_and_goes_when_the_denial_is_edited_away() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    // pushed for articles that are not open
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        has_denied_claim_from(c, &root) && !c.diagnostics_of(&root.join(DENIAL)).is_empty()
    }));
    let diags = c.diagnostics_of(&root.join(TRIP));
    let d = diags
        .iter()
        .find(|d| d["code"] == "denied-claim" && d["range"]["start"]["line"] == 7)
        .expect("the reported trip is flagged");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["source"], "dateline");
    let msg = d["message"].as_str().unwrap_or("");
    assert!(
        msg.contains("Maria Saar") && msg.contains("2026-05-08"),
        "{msg}"
    );
    let rel = &d["relatedInformation"][0]["location"];
    assert_eq!(rel["uri"], json!(uri(&root.join(DENIAL))));
    assert_eq!(rel["range"]["start"]["line"], 4);
    // the denial itself carries an information diagnostic naming what it denies
    let denial_diags = c.diagnostics_of(&root.join(DENIAL));
    assert!(denial_diags.iter().any(|d| d["code"] == "denial"
        && d["severity"] == 3
        && d["message"].as_str().is_some_and(|m| m.contains(TRIP))));

    // open the denial and edit the denial sentence away: the finding disappears everywhere
    let text = read(&root, DENIAL);
    c.open(&root.join(DENIAL), &text);
    let (line, _) = position_of(&text, "Saar denied", 0);
    let line_len = text.lines().nth(line as usize).map_or(0, str::len) as u32;
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri(&root.join(DENIAL)), "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": line_len}},
                "text": "Saar said the ministry would publish a timetable later."
            }]
        }),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim_from(
            c, &root
        ) && c
            .diagnostics_of(&root.join(DENIAL))
            .is_empty()),
        "the diagnostics are cleared: {:?}",
        c.diagnostics_of(&root.join(TRIP))
    );
    // undo: it comes back
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&root.join(DENIAL)), "version": 3}, "contentChanges": [{"text": text}]}),
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
}

#[test]
fn files_deleted_and_added_on_disk_update_the_findings_through_watched_files() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
    let denial = read(&root, DENIAL);
    std::fs::remove_file(root.join(DENIAL)).expect("delete");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join(DENIAL)), "type": 3}]}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim_from(
            c, &root
        ))
    );
    // its hovers are gone too
    let r = c.request(
        "textDocument/hover",
        at_text(&root, DENIAL, &denial, "Saar denied"),
    );
    assert_eq!(r, Value::Null);
    // a new article with the denial, in a new sub-folder
    std::fs::create_dir(root.join("late")).expect("mkdir");
    std::fs::write(root.join("late/denial.txt"), &denial).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("late")), "type": 1}]}),
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
    let d = c.diagnostics_of(&root.join(TRIP));
    let rel = &d[0]["relatedInformation"][0]["location"]["uri"];
    assert_eq!(rel, &json!(uri(&root.join("late/denial.txt"))));
}

fn at_text(root: &Path, name: &str, text: &str, needle: &str) -> Value {
    let (line, character) = position_of(text, needle, 0);
    json!({"textDocument": {"uri": uri(&root.join(name))}, "position": {"line": line, "character": character}})
}

#[test]
fn without_client_watching_the_server_watches_the_files_itself() {
    // no dynamic registration of didChangeWatchedFiles: the server's own watcher sees the disk
    let (_dir, root, mut c) = started(json!({}), Value::Null);
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
    std::fs::rename(root.join(DENIAL), root.join("moved.txt.bak")).expect("rename");
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim_from(
            c, &root
        )),
        "renamed away: the finding goes"
    );
    std::fs::rename(root.join("moved.txt.bak"), root.join("moved.txt")).expect("rename");
    assert!(
        c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)),
        "renamed back as an article: the finding returns"
    );
}

#[test]
fn positions_count_utf16_units_or_utf8_bytes_as_negotiated() {
    let (_dir, root) = corpus();
    let text = "Envoys 😀 met in Tallinn.\n\nFinnish Foreign Minister Aino Lehtinen 👋 said the talks with Kristjan Tamm went well.\n";
    std::fs::write(root.join("emoji.txt"), text).expect("write");
    for (caps, utf8) in [(full_caps(), true), (json!({}), false)] {
        let mut c = Client::spawn(BIN);
        c.initialize(&root, caps, Value::Null);
        assert!(c.wait_indexed());
        let line = 2;
        let line_text = text.lines().nth(2).unwrap();
        // the hover's range covers the whole name, "Kristjan Tamm"
        let byte = line_text.find("Kristjan").unwrap();
        let character = if utf8 {
            byte
        } else {
            line_text[..byte].chars().map(char::len_utf16).sum()
        };
        let on_tamm = character + 10;
        let h = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&root.join("emoji.txt"))}, "position": {"line": line, "character": on_tamm}}),
        );
        let v = h["contents"]["value"].as_str().unwrap_or("");
        assert!(v.contains("Kristjan Tamm"), "utf8={utf8}: {h}");
        assert_eq!(h["range"]["start"]["character"], character, "utf8={utf8}");
    }
}

#[test]
fn symbols_outline_an_article_and_find_actors_and_events_by_name() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    let outline = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&root.join(TRIP))}}),
    );
    let groups: Vec<&str> = outline
        .as_array()
        .expect("symbols")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(groups, ["Actors", "Events", "Claims"]);
    // the outline lists what happened, not every "said"
    let talks_outline = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&root.join(TALKS))}}),
    );
    let events_group = talks_outline
        .as_array()
        .expect("symbols")
        .iter()
        .find(|g| g["name"] == "Events")
        .expect("an Events group");
    let event_names: Vec<&str> = events_group["children"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(!event_names.is_empty());
    assert!(
        event_names
            .iter()
            .all(|n| !n.starts_with("said") && !n.starts_with("told")),
        "{event_names:?}"
    );
    let actors = &outline[0]["children"];
    assert!(
        actors
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Liis Kask")
    );
    let found = c.request("workspace/symbol", json!({"query": "lehtin"}));
    assert_eq!(found[0]["name"], "Aino Lehtinen", "{found}");
    assert_eq!(found[0]["location"]["uri"], json!(uri(&root.join(TALKS))));
    let events = c.request("workspace/symbol", json!({"query": "met helsinki"}));
    assert!(
        events.as_array().unwrap().iter().any(|s| s["kind"] == 24),
        "{events}"
    );
}

#[test]
fn severities_follow_the_settings_and_their_changes() {
    let options = json!({"severity": {"denied-claim": "error"}});
    let (_dir, root, mut c) = started(full_caps(), options);
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        c.diagnostics_of(&root.join(TRIP))
            .iter()
            .any(|d| d["code"] == "denied-claim" && d["severity"] == 1)
    }));
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dateline": {"severity": {"denied-claim": "off", "denial": "hint"}}}}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim_from(
            c, &root
        ))
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        c.diagnostics_of(&root.join(DENIAL))
            .iter()
            .all(|d| d["severity"] == 4)
    }));
    // pulled from the client when the notification carries no settings
    c.configuration = json!({"severity": {"denied-claim": "information"}});
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        c.diagnostics_of(&root.join(TRIP))
            .iter()
            .any(|d| d["code"] == "denied-claim" && d["severity"] == 3)
    }));
}

#[test]
fn excluded_files_are_not_articles() {
    let options = json!({"exclude": [DENIAL]});
    let (_dir, root, mut c) = started(full_caps(), options);
    let r = c.request("workspace/symbol", json!({"query": "Maria Saar"}));
    assert_eq!(r, json!([]), "{r}");
    assert!(!has_denied_claim_from(&c, &root));
}

#[test]
fn folders_added_and_removed_later_are_followed() {
    let (_dir, root) = corpus();
    let empty = tempfile::tempdir().expect("temp dir");
    let mut c = Client::spawn(BIN);
    c.initialize(
        &empty.path().canonicalize().unwrap(),
        full_caps(),
        Value::Null,
    );
    assert!(c.wait_indexed());
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(&root), "name": "tunnel"}], "removed": []}}),
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": uri(&root), "name": "tunnel"}]}}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| !has_denied_claim_from(
            c, &root
        ))
    );
}

#[test]
fn bad_requests_get_answers_and_the_server_keeps_serving() {
    let (_dir, root) = corpus();
    let mut c = Client::spawn(BIN);
    // before initialize: an error, not a crash
    let early = c.request_full("textDocument/hover", at(&root, REVIEW, "Lehtinen has", 0));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    c.initialize(&root, full_caps(), Value::Null);
    assert!(c.wait_indexed());
    // unknown document, position past the end, unknown method
    let unknown = json!({"textDocument": {"uri": "file:///nowhere/x.txt"}, "position": {"line": 0, "character": 0}});
    assert_eq!(c.request("textDocument/hover", unknown), Value::Null);
    let past = json!({"textDocument": {"uri": uri(&root.join(REVIEW))}, "position": {"line": 9999, "character": 9999}});
    assert_eq!(c.request("textDocument/hover", past.clone()), Value::Null);
    assert_eq!(c.request("textDocument/definition", past), Value::Null);
    let far_right = json!({"textDocument": {"uri": uri(&root.join(REVIEW))}, "position": {"line": 0, "character": 99999}});
    c.request("textDocument/hover", far_right);
    let m = c.request_full("dateline/unknown", json!({}));
    assert_eq!(m["error"]["code"], -32601);
    let bad_uri = c.request_full(
        "textDocument/hover",
        json!({"textDocument": {"uri": "not a uri"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(bad_uri.get("error").is_some() || bad_uri["result"].is_null());
    // an edit to a document never opened, then a file deleted while open
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&root.join(TALKS)), "version": 5},
               "contentChanges": [{"range": {"start": {"line": 50, "character": 3}, "end": {"line": 60, "character": 0}}, "text": "x"}]}),
    );
    let review = read(&root, REVIEW);
    c.open(&root.join(REVIEW), &review);
    std::fs::remove_file(root.join(REVIEW)).expect("delete");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join(REVIEW)), "type": 3}]}),
    );
    // the open document is still served from the editor's text
    let lehtinen = at_text(&root, REVIEW, &review, "Lehtinen has");
    assert!(eventually(&mut c, |c| hover_text(c, lehtinen.clone())
        .contains("Aino Lehtinen")));
    // closing it: it is gone from disk, so it is gone from the corpus
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&root.join(REVIEW))}}),
    );
    let mut refs = at(&root, TALKS, "Aino Lehtinen", 0);
    refs["context"] = json!({"includeDeclaration": true});
    assert!(eventually(&mut c, |c| {
        c.request("textDocument/references", refs.clone())
            .as_array()
            .map(Vec::len)
            == Some(3)
    }));
    assert!(c.alive());
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn a_document_outside_every_folder_is_served_on_its_own() {
    let (_dir, root) = corpus();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let loose = elsewhere.path().canonicalize().unwrap().join("note.txt");
    let text =
        "Finnish Foreign Minister Aino Lehtinen met reporters in Turku.\n\nLehtinen said little.\n";
    std::fs::write(&loose, text).expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(&root, full_caps(), Value::Null);
    assert!(c.wait_indexed());
    c.open(&loose, text);
    let (line, character) = position_of(text, "Lehtinen said", 0);
    let params = json!({"textDocument": {"uri": uri(&loose)}, "position": {"line": line, "character": character}});
    assert!(eventually(&mut c, |c| {
        let v = hover_text(c, params.clone());
        v.contains("Aino Lehtinen") && v.contains("Finnish Foreign Minister")
    }));
}

/// Everything a client sees of the corpus: each article's outline and diagnostics, with the root taken
/// out of URIs so that two servers can be compared.
fn observed(c: &mut Client, root: &Path, names: &[&str]) -> String {
    let mut out = Vec::new();
    for name in names {
        let p = root.join(name);
        let outline = c.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&p)}}),
        );
        out.push(json!({"name": name, "outline": outline, "diagnostics": c.diagnostics_of(&p)}));
    }
    serde_json::to_string_pretty(&out)
        .unwrap_or_default()
        .replace(&uri(root), "ROOT")
}

/// Writes the final texts to disk and starts a fresh server on them: whether the edited server comes to show
/// the same (outlines and diagnostics), with what it shows and what the fresh one does.
fn agrees_with_a_fresh_server(
    c: &mut Client,
    root: &Path,
    names: &[&str],
    texts: &[String],
) -> (bool, String, String) {
    for (n, t) in names.iter().zip(texts) {
        std::fs::write(root.join(n), t).expect("write final text");
    }
    let mut fresh = Client::spawn(BIN);
    fresh.initialize(root, json!({}), Value::Null);
    assert!(fresh.wait_indexed());
    let want = observed(&mut fresh, root, names);
    let mut got = String::new();
    let same = eventually(c, |c| {
        got = observed(c, root, names);
        got == want
    });
    (same, got, want)
}

#[test]
fn after_random_edits_the_server_agrees_with_a_fresh_server_on_the_final_texts() {
    use support::text_edit::offset;
    const PIECES: [&str; 8] = [
        "",
        "\n",
        " Kask",
        " denied reports that Kask will travel to Helsinki on June 5.",
        "Foreign Minister Aino Lehtinen ",
        "😀",
        "reportedly set to visit Tallinn on June 9",
        "\n\nSaar denied that.\n",
    ];
    let names = [TALKS, TRIP, DENIAL, REVIEW];
    for seed in [7u64, 1234, 99_991] {
        let (_dir, root, mut c) = started(json!({}), json!({"debounceMs": 5}));
        let mut texts: Vec<String> = names.iter().map(|n| read(&root, n)).collect();
        for (n, t) in names.iter().zip(&texts) {
            c.open(&root.join(n), t);
        }
        let mut rng = seed;
        let mut next = |n: u64| {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) % n
        };
        for v in 0..40 {
            let d = next(4) as usize;
            let start = (next(14) as u32, next(120) as u32);
            let end = (start.0 + next(2) as u32, next(120) as u32);
            let piece = PIECES[next(PIECES.len() as u64) as usize];
            let (s, e) = (
                tower_lsp_server::ls_types::Position::new(start.0, start.1),
                tower_lsp_server::ls_types::Position::new(end.0, end.1),
            );
            let enc = dateline::lsp::convert::Encoding::Utf16;
            let t = &mut texts[d];
            let a = offset(t, s, enc);
            let b = offset(t, e, enc).max(a);
            // send the range as the client would: an end before the start is not sent
            let (s, e) = if offset(t, e, enc) < a {
                (s, s)
            } else {
                (s, e)
            };
            t.replace_range(a..b, piece);
            c.notify(
                "textDocument/didChange",
                json!({
                    "textDocument": {"uri": uri(&root.join(names[d])), "version": v + 2},
                    "contentChanges": [{"range": {"start": s, "end": e}, "text": piece}]
                }),
            );
        }
        let (same, got, want) = agrees_with_a_fresh_server(&mut c, &root, &names, &texts);
        assert!(same, "seed {seed}: incremental\n{got}\nfresh\n{want}");
    }
}

/// Every file under `root`, with its bytes and modification time.
fn snapshot_of(root: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                let modified = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .expect("mtime");
                out.push((p.clone(), std::fs::read(&p).expect("read"), modified));
            }
        }
    }
    out.sort();
    out
}

/// The server never writes into the corpus: after indexing, every request, edits to open documents
/// (never saved) and a shutdown, the folder holds the same files, byte for byte and untouched; its
/// caches live outside it.
#[test]
fn the_corpus_folder_is_never_written_to() {
    let (_dir, root) = corpus();
    let before = snapshot_of(&root);
    let mut c = Client::spawn(BIN);
    c.initialize(&root, full_caps(), json!({}));
    assert!(c.wait_indexed());
    let review = read(&root, REVIEW);
    c.open(&root.join(REVIEW), &review);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&root.join(REVIEW)), "version": 2},
               "contentChanges": [{"text": "Saar denied that Kask will travel to Helsinki.\n"}]}),
    );
    for method in ["textDocument/hover", "textDocument/definition"] {
        c.request(method, at(&root, TALKS, "Aino Lehtinen", 0));
    }
    let mut refs = at(&root, TALKS, "Aino Lehtinen", 0);
    refs["context"] = json!({"includeDeclaration": true});
    c.request("textDocument/references", refs);
    c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&root.join(TALKS))}}),
    );
    c.request("workspace/symbol", json!({"query": "Kask"}));
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&root.join(REVIEW))}}),
    );
    assert_eq!(c.shutdown(), Some(0));
    assert!(snapshot_of(&root) == before, "the corpus folder changed");
}

/// A client that sends 10,000 requests before it reads a single answer: the server's output pipe fills
/// and its writes wait, but nothing is lost or deadlocked. Once the client reads, every request has its
/// answer, and the server ends cleanly at `exit`.
#[test]
fn a_client_that_reads_nothing_until_it_has_sent_ten_thousand_requests_gets_every_answer() {
    use std::io::Write;
    let (_dir, root) = corpus();
    let mut server = std::process::Command::new(BIN)
        .arg("lsp")
        .env("DATELINE_CACHE_DIR", root.join("../dateline-cache"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut stdin = server.stdin.take().expect("stdin");
    let stdout = server.stdout.take().expect("stdout");
    const N: u64 = 10_000;
    let hover = at(&root, TALKS, "Aino Lehtinen", 0);
    let root_uri = uri(&root);
    let frame = |v: Value| {
        let body = v.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    };
    // the client's three waits: for `initialize`'s answer, for every hover's, for `shutdown`'s
    let (go, wait) = std::sync::mpsc::channel::<()>();
    // written from a thread of its own: the pipes fill both ways while nothing is read
    let writer = std::thread::spawn(move || {
        stdin.write_all(&frame(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize",
            "params": {"capabilities": {}, "workspaceFolders": [{"uri": root_uri, "name": "corpus"}]}})))?;
        stdin.flush()?;
        // as the protocol asks, nothing more until `initialize` is answered
        let _ = wait.recv();
        stdin.write_all(&frame(
            json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        ))?;
        for id in 1..=N {
            stdin.write_all(&frame(json!({"jsonrpc": "2.0", "id": id,
                "method": "textDocument/hover", "params": hover})))?;
        }
        stdin.flush()?;
        // `shutdown` once every answer is read (the server refuses as cancelled what is still pending then)
        let _ = wait.recv();
        stdin.write_all(&frame(
            json!({"jsonrpc": "2.0", "id": N + 1, "method": "shutdown"}),
        ))?;
        stdin.flush()?;
        // `exit` once `shutdown` is answered
        let _ = wait.recv();
        stdin.write_all(&frame(json!({"jsonrpc": "2.0", "method": "exit"})))?;
        stdin.flush()
    });
    let mut answered = vec![false; N as usize + 2];
    let mut out = std::io::BufReader::new(stdout);
    while let Some(msg) = support::lsp_client::read_message(&mut out) {
        if msg["id"] == json!(0) && msg.get("method").is_none() {
            answered[0] = true;
            break;
        }
    }
    go.send(()).expect("the writer waits");
    // nothing read for two seconds while the requests pour in
    std::thread::sleep(Duration::from_secs(2));
    let mut told = false;
    while let Some(msg) = support::lsp_client::read_message(&mut out) {
        if msg.get("method").is_none()
            && let Some(id) = msg["id"].as_u64()
            && let Some(slot) = answered.get_mut(id as usize)
        {
            assert!(msg.get("error").is_none(), "{msg}");
            *slot = true;
        }
        if !told && answered[1..=N as usize].iter().all(|a| *a) {
            go.send(()).expect("the writer waits");
            told = true;
        }
        if answered[N as usize + 1] && msg["id"] == json!(N + 1) {
            go.send(()).expect("the writer waits");
        }
    }
    assert!(writer.join().expect("writer thread").is_ok());
    let missing = answered.iter().filter(|a| !**a).count();
    assert_eq!(missing, 0, "{missing} requests without an answer");
    assert_eq!(server.wait().expect("the server ends").code(), Some(0));
}

/// 100 hovers sent at once, before any answer is read, on every kind of position: each gets its own
/// answer, the same as when asked alone, and the server serves on.
#[test]
fn a_hundred_hovers_at_once_each_get_the_answer_given_alone() {
    let (_dir, root, mut c) = started(json!({}), json!({}));
    let places = [
        at(&root, REVIEW, "Lehtinen has", 0),
        at(&root, TALKS, "Aino Lehtinen", 0),
        at(&root, DENIAL, "denied", 0),
        json!({"textDocument": {"uri": uri(&root.join(REVIEW))}, "position": {"line": 9999, "character": 0}}),
    ];
    let alone: Vec<Value> = places
        .iter()
        .map(|p| c.request("textDocument/hover", p.clone()))
        .collect();
    let asked: Vec<Value> = (0..100).map(|k| places[k % places.len()].clone()).collect();
    let answers = c.requests_at_once("textDocument/hover", &asked);
    assert_eq!(answers.len(), 100);
    for (k, a) in answers.iter().enumerate() {
        assert!(a.get("error").is_none(), "{a}");
        assert_eq!(a["result"], alone[k % places.len()], "hover {k}");
    }
    assert!(
        alone[0]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("Aino Lehtinen"))
    );
    assert!(c.alive());
    assert_eq!(c.shutdown(), Some(0));
}

/// 10,000 `didChange` notifications in a burst on one article, a character each, as fast as the client can
/// write them: the server keeps up, and ends where a fresh server on the final text does.
#[test]
fn a_burst_of_ten_thousand_edits_ends_as_a_fresh_server_sees_the_text() {
    use support::text_edit::offset;
    let (_dir, root, mut c) = started(json!({}), json!({}));
    let names = [DENIAL];
    let mut texts = vec![read(&root, DENIAL)];
    c.open(&root.join(DENIAL), &texts[0]);
    let typed: Vec<char> = " Saar denied reports that Kask will travel to Helsinki on June 5."
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let enc = dateline::lsp::convert::Encoding::Utf16;
    for (k, ch) in typed.iter().enumerate() {
        // each character typed after the one before, at the start of the second line
        let at = tower_lsp_server::ls_types::Position::new(1, k as u32);
        let o = offset(&texts[0], at, enc);
        texts[0].insert(o, *ch);
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(&root.join(DENIAL)), "version": k + 2},
                "contentChanges": [{"range": {"start": at, "end": at}, "text": ch.to_string()}]
            }),
        );
    }
    let (same, got, want) = agrees_with_a_fresh_server(&mut c, &root, &names, &texts);
    assert!(same, "incremental\n{got}\nfresh\n{want}");
    assert!(c.alive());
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn edits_made_while_the_corpus_is_being_resolved_end_as_a_fresh_server_sees_them() {
    // a corpus large enough that resolving it takes a while, so that edits arrive meanwhile
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let articles = corpus_gen::corpus(400);
    for a in &articles {
        std::fs::write(root.join(&a.path), &a.text).expect("write article");
    }
    let mut c = Client::spawn(BIN);
    c.initialize(&root, json!({}), json!({"debounceMs": 5}));
    assert!(c.wait_indexed());
    // an article with a denial, and one whose claim it denies
    let denial = articles
        .iter()
        .find(|a| a.text.contains("The spokesman denied"))
        .expect("a generated denial");
    let claim_uri = c
        .diagnostics_of(&root.join(&denial.path))
        .iter()
        .find_map(|d| {
            d["relatedInformation"][0]["location"]["uri"]
                .as_str()
                .map(String::from)
        })
        .expect("the denial points at a claim");
    let claim = articles
        .iter()
        .find(|a| uri(&root.join(&a.path)) == claim_uri)
        .expect("the claim's article");
    let names = [denial.path.as_str(), claim.path.as_str()];
    let mut texts = [denial.text.clone(), claim.text.clone()];
    for (n, t) in names.iter().zip(&texts) {
        c.open(&root.join(n), t);
    }
    let denial_line = denial
        .text
        .lines()
        .find(|l| l.contains("The spokesman denied"))
        .unwrap_or_default()
        .to_string();
    // the denial removed and restored, words typed into the claim, lines added: sent without waiting
    for v in 0..24 {
        let d = v % 2;
        let t = &mut texts[d];
        *t = match (d, v % 4) {
            (0, 0) => t.replace(&denial_line, "The spokesman said a statement would follow."),
            (0, _) => t.replace("The spokesman said a statement would follow.", &denial_line),
            (_, 1) => t.replacen("people familiar", "senior people familiar", 1),
            (_, _) => format!(
                "\n{}",
                t.replacen("senior people familiar", "people familiar", 1)
            ),
        };
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(&root.join(names[d])), "version": v + 2},
                "contentChanges": [{"text": texts[d]}]
            }),
        );
        c.wait_until(Duration::from_millis(3 * (v % 5) as u64), |_| false);
    }
    let (same, got, want) = agrees_with_a_fresh_server(&mut c, &root, &names, &texts);
    assert!(
        want.contains("denied-claim"),
        "the final texts have findings"
    );
    assert!(same, "incremental\n{got}\nfresh\n{want}");
}

#[test]
fn a_folder_deleted_on_disk_keeps_its_open_documents_until_they_are_closed() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    std::fs::create_dir(root.join("desk")).expect("mkdir");
    let review = read(&root, REVIEW);
    std::fs::rename(root.join(REVIEW), root.join("desk/review.md")).expect("move");
    let moved = root.join("desk/review.md");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join(REVIEW)), "type": 3}, {"uri": uri(&moved), "type": 1}]}),
    );
    c.open(&moved, &review);
    let on_lehtinen = at_text(&root, "desk/review.md", &review, "Lehtinen has");
    assert!(eventually(&mut c, |c| hover_text(c, on_lehtinen.clone())
        .contains("Aino Lehtinen")));
    std::fs::remove_dir_all(root.join("desk")).expect("rm -r");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("desk")), "type": 3}]}),
    );
    // still served while open
    c.wait_until(Duration::from_millis(300), |_| false);
    assert!(hover_text(&mut c, on_lehtinen.clone()).contains("Aino Lehtinen"));
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&moved)}}),
    );
    assert!(eventually(&mut c, |c| hover_text(c, on_lehtinen.clone()).is_empty()));
}

#[test]
fn open_documents_are_answered_before_indexing_completes() {
    let (_dir, root) = corpus();
    // a very large article keeps the indexer busy for seconds
    let paragraph =
        "Officials met in Oslo on March 3 to discuss the pipeline, the ministry said.\n\n";
    std::fs::write(root.join("archive.txt"), paragraph.repeat(250_000)).expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(&root, full_caps(), Value::Null);
    let review = read(&root, REVIEW);
    c.open(&root.join(REVIEW), &review);
    let on_lehtinen = at(&root, REVIEW, "Lehtinen has", 0);
    assert!(eventually(&mut c, |c| hover_text(c, on_lehtinen.clone())
        .contains("Aino Lehtinen")));
    let indexed = |c: &Client| {
        c.notifications.iter().any(|n| {
            n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("indexed "))
        })
    };
    assert!(
        !indexed(&c),
        "answered while the index was still being built"
    );
    assert!(c.wait_indexed());
}

#[test]
fn diagnostics_say_what_check_says() {
    let (_dir, root, mut c) = started(full_caps(), Value::Null);
    let out = std::process::Command::new(BIN)
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&root)
        .output()
        .expect("dateline check runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    let findings = report["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    assert!(c.wait_until(Duration::from_secs(10), |c| has_denied_claim_from(c, &root)));
    for f in findings {
        let path = root.join(f["claim"]["path"].as_str().unwrap_or(""));
        let line = f["claim"]["line"].as_u64().unwrap_or(0) - 1;
        let diags = c.diagnostics_of(&path);
        let d = diags
            .iter()
            .find(|d| d["code"] == f["code"] && d["range"]["start"]["line"] == line)
            .unwrap_or_else(|| panic!("no diagnostic for {f}"));
        assert_eq!(d["message"], f["message"]);
        let related: Vec<(String, u64)> = d["relatedInformation"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|r| {
                let uri = r["location"]["uri"].as_str().unwrap_or("").to_string();
                (
                    uri,
                    r["location"]["range"]["start"]["line"]
                        .as_u64()
                        .unwrap_or(0)
                        + 1,
                )
            })
            .collect();
        let denials: Vec<(String, u64)> = f["denials"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|x| {
                let p = root.join(x["path"].as_str().unwrap_or(""));
                (uri(&p), x["line"].as_u64().unwrap_or(0))
            })
            .collect();
        assert_eq!(related, denials);
    }
    // and nothing more: one denied-claim diagnostic per finding
    let total: usize = c
        .diagnostics
        .values()
        .map(|ds| ds.iter().filter(|d| d["code"] == "denied-claim").count())
        .sum();
    assert_eq!(total, findings.len());
}
