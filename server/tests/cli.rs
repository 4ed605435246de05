//! End-to-end tests of the `dateline` binary: exit codes, every `check` format, `export`, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("server/ has a parent")
        .to_path_buf()
}

/// The facts cache of these tests: under the build's temporary folder, not the user's cache.
fn test_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("facts-cache")
}

fn dateline(args: &[&str], cwd: &Path) -> Output {
    dateline_with_cache(args, cwd, &test_cache())
}

fn dateline_with_cache(args: &[&str], cwd: &Path, cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env("DATELINE_CACHE_DIR", cache)
        .output()
        .expect("the dateline binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The paths of the documents in `export`'s output.
fn document_paths(export: &serde_json::Value) -> Vec<&str> {
    export["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect()
}

fn check_json(path: &str) -> (i32, serde_json::Value) {
    let o = dateline(&["check", "--format", "json", path], &repo_root());
    let v =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("json: {e}\n{}", stdout(&o)));
    (o.status.code().unwrap_or(-1), v)
}

#[test]
fn example_corpus_flags_the_denied_trip_and_exits_1() {
    let (code, v) = check_json("examples/corpus");
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    assert_eq!(v["documents"], 5);
    let findings = v["findings"].as_array().expect("findings");
    let trip = findings
        .iter()
        .find(|f| {
            f["claim"]["path"] == "2026-03-05-baltic-wire-pm-trip.md" && f["claim"]["line"] == 8
        })
        .expect("the reported Oslo trip is flagged");
    assert_eq!(trip["code"], "denied-claim");
    assert_eq!(trip["severity"], "warning");
    let denial = trip["denials"]
        .as_array()
        .expect("denials")
        .iter()
        .find(|d| d["path"] == "2026-03-09-warsaw-courier-denial.txt" && d["line"] == 5)
        .expect("denied by the spokesman");
    assert_eq!(denial["by"], "Piotr Zielinski");
    assert_eq!(denial["date"], "2026-03-09");
    assert_eq!(denial["date_inferred"], true);
    assert!(
        trip["message"]
            .as_str()
            .is_some_and(|m| m.contains("Piotr Zielinski denied this on 2026-03-09"))
    );
    // columns count characters, end exclusive
    assert_eq!(trip["claim"]["column"], 1);
    let text = trip["claim"]["text"].as_str().expect("text");
    assert_eq!(
        trip["claim"]["end_column"].as_u64(),
        Some(text.chars().count() as u64 + 1)
    );
}

#[test]
fn traps_in_the_example_corpus_are_not_flagged() {
    let (_, v) = check_json("examples/corpus");
    for f in v["findings"].as_array().expect("findings") {
        for d in f["denials"].as_array().expect("denials") {
            let t = d["text"].as_str().unwrap_or("");
            assert!(
                !t.contains("firmly rejected"),
                "a rejected proposal is not a denial: {t}"
            );
            assert!(
                !t.contains("dismissed such criticisms"),
                "dismissed criticism is not a denial: {t}"
            );
            assert!(
                !t.contains("did not dismiss"),
                "a negated denial is not a denial: {t}"
            );
        }
        let c = f["claim"]["text"].as_str().unwrap_or("");
        assert!(
            !c.contains("Leave a Reply") && !c.contains("Scroll to Top"),
            "furniture: {c}"
        );
    }
}

#[test]
fn fail_on_controls_the_exit_code() {
    let root = repo_root();
    let code = |fail_on: &str| {
        dateline(
            &["check", "--quiet", "--fail-on", fail_on, "examples/corpus"],
            &root,
        )
        .status
        .code()
    };
    assert_eq!(code("never"), Some(0));
    assert_eq!(
        code("error"),
        Some(0),
        "the example has warnings, no errors"
    );
    assert_eq!(code("warning"), Some(1));
    assert_eq!(code("info"), Some(1));
}

#[test]
fn human_format_shows_snippets_without_colour_when_piped() {
    let o = dateline(&["check", "examples/corpus"], &repo_root());
    let out = stdout(&o);
    assert!(out.contains("warning[denied-claim]"), "{out}");
    assert!(
        out.contains("--> examples/corpus/2026-03-05-baltic-wire-pm-trip.md:8:1"),
        "{out}"
    );
    assert!(out.contains("^^^^"), "a caret under the span: {out}");
    assert!(
        out.contains("denied by Piotr Zielinski (2026-03-09, inferred)"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no colour codes when output is piped"
    );
    assert!(
        stderr(&o).contains("5 articles, 4 findings"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn github_format_writes_workflow_commands() {
    let o = dateline(
        &["check", "--format", "github", "examples/corpus"],
        &repo_root(),
    );
    let out = stdout(&o);
    let first = out.lines().next().expect("a line per finding");
    assert!(
        first.starts_with(
            "::warning file=examples/corpus/2026-03-05-baltic-wire-pm-trip.md,line=6,col=1,"
        ),
        "{first}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("::notice file=examples/corpus/2026-03-12")),
        "{out}"
    );
    assert!(out.lines().all(|l| l.starts_with("::")));
}

fn sarif_schema() -> serde_json::Value {
    // The SARIF 2.1.0 schema ships inside the serde-sarif crate (a dev-dependency), in cargo's registry.
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let src = home.join("registry").join("src");
    let dirs = std::fs::read_dir(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    for d in dirs.flatten() {
        let p = d
            .path()
            .join("serde-sarif-0.8.0")
            .join("src")
            .join("schema.json");
        if p.exists() {
            let text = std::fs::read_to_string(&p).expect("schema readable");
            return serde_json::from_str(&text).expect("schema is JSON");
        }
    }
    panic!(
        "the SARIF 2.1.0 schema (serde-sarif 0.8.0 src/schema.json) was not found under {}",
        src.display()
    );
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let o = dateline(
        &["check", "--format", "sarif", "examples/corpus"],
        &repo_root(),
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let mut schema = sarif_schema();
    // The published schema's `language` patterns have an unbalanced bracket that strict regular-expression
    // checking rejects; they are replaced by the pattern they mean. Dateline writes no `language`, so this
    // does not weaken the check of its output.
    fn fix_language_patterns(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, x) in map.iter_mut() {
                    if k == "pattern" && x.as_str().is_some_and(|p| p.ends_with("]?$")) {
                        *x = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    } else {
                        fix_language_patterns(x);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_patterns),
            _ => {}
        }
    }
    fix_language_patterns(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
    // and it reads back as SARIF
    let log: serde_sarif::sarif::Sarif =
        serde_json::from_value(v.clone()).expect("reads as a SARIF log");
    let results = log.runs[0].results.as_ref().expect("results");
    assert_eq!(results.len(), 4);
    assert_eq!(
        v["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    assert_eq!(
        v["runs"][0]["results"][1]["relatedLocations"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "both denials"
    );
    assert_eq!(
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "examples/corpus/2026-03-05-baltic-wire-pm-trip.md"
    );
}

#[test]
fn export_has_documents_actors_events_claims_and_denials() {
    let o = dateline(
        &["export", "--format", "json", "examples/corpus"],
        &repo_root(),
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("export is JSON");
    assert_eq!(v["version"], 1);
    let docs = v["documents"].as_array().expect("documents");
    let courier = docs
        .iter()
        .find(|d| d["path"] == "2026-03-09-warsaw-courier-denial.txt")
        .expect("courier");
    assert_eq!(courier["date_source"], "inferred");
    assert_eq!(
        courier["date_evidence"],
        "said on March 9 (year from other dates in the corpus)"
    );
    let roundup = docs
        .iter()
        .find(|d| d["path"] == "2026-03-12-nordic-digest-roundup.md")
        .expect("toml front matter");
    assert_eq!(roundup["date_source"], "front-matter");
    assert_eq!(roundup["source"], "Nordic Energy Digest");
    let actors = v["actors"].as_array().expect("actors");
    let pm = actors
        .iter()
        .find(|a| a["name"] == "Tomasz Wierzbicki")
        .expect("the prime minister");
    let aliases: Vec<&str> = pm["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    assert!(
        aliases.contains(&"Wierzbicky"),
        "spelling variant merged: {aliases:?}"
    );
    let reyes = actors
        .iter()
        .find(|a| a["name"] == "Jon Reyes")
        .expect("the envoy");
    assert!(
        reyes["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .any(|a| a == "Jonathan Reyes"),
        "nickname merged"
    );
    let halvorsen = actors
        .iter()
        .find(|a| a["name"] == "Ingrid Halvorsen")
        .expect("the minister");
    assert_eq!(
        halvorsen["quotes"][0]["text"],
        "We are closer to a ten-year agreement than we have ever been."
    );
    let events = v["events"].as_array().expect("events");
    let talks = events
        .iter()
        .find(|e| e["id"] == "meet-oslo-2026-03-03")
        .expect("the Oslo talks");
    let paths: std::collections::BTreeSet<&str> = talks["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|m| m["path"].as_str())
        .collect();
    assert!(
        paths.len() >= 3,
        "the talks are linked across articles: {paths:?}"
    );
    assert_eq!(
        talks["definition"]["path"],
        "2026-03-03-harbour-ledger-oslo-talks.md"
    );
    let denials = v["denials"].as_array().expect("denials");
    assert!(denials.iter().any(
        |d| d["by"] == "piotr-zielinski" && !d["denies"].as_array().expect("denies").is_empty()
    ));
}

/// The files in a folder (none when it does not exist).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn the_facts_cache_serves_unchanged_articles_and_follows_edits() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let cache = tempfile::tempdir().expect("temp dir");
    for f in files_in(&repo_root().join("examples/corpus")) {
        let name = f.file_name().expect("a file name");
        std::fs::copy(&f, corpus.path().join(name)).expect("copy an example article");
    }
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        args.push(".");
        let o = dateline_with_cache(&args, corpus.path(), cache.path());
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let uncached = run(&["--no-cache"]);
    assert!(
        files_in(cache.path()).is_empty(),
        "--no-cache writes no cache"
    );
    // the first run writes the cache, the second reads it and leaves it as it was
    assert_eq!(run(&[]), uncached);
    let written = files_in(cache.path());
    assert_eq!(written.len(), 1, "one file for the corpus: {written:?}");
    let bytes = std::fs::read(&written[0]).expect("the cache file");
    assert_eq!(run(&[]), uncached);
    assert_eq!(
        std::fs::read(&written[0]).expect("the cache file"),
        bytes,
        "not rewritten"
    );
    // an edited article is analysed again: without its denials, nothing is denied
    let denial = corpus.path().join("2026-03-09-warsaw-courier-denial.txt");
    std::fs::write(&denial, "The weather in Warsaw was mild on Monday.\n")
        .expect("edit the denial");
    let edited = run(&[]);
    assert_eq!(edited, run(&["--no-cache"]));
    assert!(
        uncached.contains("denied-claim") && !edited.contains("denied-claim"),
        "{edited}"
    );
    // a damaged cache file is ignored, and replaced by a whole one
    std::fs::write(&written[0], b"not a cache file").expect("damage the cache");
    assert_eq!(run(&[]), edited);
    let replaced = std::fs::read(&written[0]).expect("the cache file");
    assert!(replaced.len() > 100, "a whole file again");
    assert_eq!(run(&[]), edited);
    assert_eq!(
        std::fs::read(&written[0]).expect("the cache file"),
        replaced
    );
}

#[test]
fn a_path_that_does_not_exist_is_an_error_with_exit_2() {
    let o = dateline(&["check", "no/such/corpus"], &repo_root());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/corpus: no such file or folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_empty_folder_is_an_error_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = dateline(&["check", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));
}

#[test]
fn binary_and_non_utf8_files_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("photo.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 1, 2],
    )
    .expect("write");
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 owner denied reports.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("story.md"), "The council met on Monday.\n").expect("write");
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("skipped photo.txt: binary file"), "{err}");
    assert!(err.contains("skipped latin1.txt: not UTF-8"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"], 1);
    assert_eq!(v["skipped"].as_array().map(Vec::len), Some(2));
}

#[test]
fn malformed_front_matter_is_reported_and_the_article_still_analysed() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: [unclosed\n---\nHarbour master Lena Brandt said the port reopened on Monday.\n",
    )
    .expect("write");
    let o = dateline(&["export", "."], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let issues = v["documents"][0]["issues"].as_array().expect("issues");
    assert!(
        issues[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("malformed front matter"))
    );
    assert_eq!(issues[0]["span"]["line"], 1);
    assert!(
        v["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .any(|a| a["name"] == "Lena Brandt")
    );
}

#[test]
fn crlf_bom_and_hidden_or_ignored_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(
        p.join("a.txt"),
        "\u{feff}Mayor Elin Varga opened the bridge.\r\nVarga said it was late.\r\n",
    )
    .expect("write");
    std::fs::create_dir(p.join(".drafts")).expect("mkdir");
    std::fs::write(p.join(".drafts/b.txt"), "Hidden draft.\n").expect("write");
    std::fs::create_dir(p.join("old")).expect("mkdir");
    std::fs::write(p.join("old/c.txt"), "Ignored.\n").expect("write");
    std::fs::write(p.join(".gitignore"), "old/\n").expect("write");
    let o = dateline(&["export", "."], p);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(document_paths(&v), vec!["a.txt"]);
    let varga = v["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .find(|a| a["name"] == "Elin Varga")
        .expect("Varga")
        .clone();
    let m = &varga["mentions"][1];
    assert_eq!(
        (m["line"].as_u64(), m["column"].as_u64(), m["text"].as_str()),
        (Some(2), Some(1), Some("Varga"))
    );
}

#[test]
fn ignore_files_inside_the_corpus_apply_and_those_above_it_are_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("desk");
    std::fs::create_dir_all(corpus.join("drafts")).expect("mkdir");
    std::fs::create_dir_all(corpus.join("wire")).expect("mkdir");
    // above the corpus: not the corpus's business
    std::fs::write(dir.path().join(".gitignore"), "wire/\n").expect("write");
    std::fs::write(corpus.join(".gitignore"), "drafts/\n").expect("write");
    std::fs::write(
        corpus.join("wire/a.txt"),
        "Mayor Elin Varga opened the bridge.\n",
    )
    .expect("write");
    std::fs::write(corpus.join("drafts/b.txt"), "A draft.\n").expect("write");
    let o = dateline(&["export", "desk"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(document_paths(&v), vec!["wire/a.txt"]);
}

/// Two invented articles: a wire report of a ferry opening, and the port's denial four days later.
const FERRY_REPORT: &str = "---
title: Ferry line to open in June
date: 2026-04-01
---

Port director Jonas Lind will open the new ferry line to Visby on June 3, the Harbour Gazette reported.

Lind said the two ships were ready.
";
const FERRY_DENIAL: &str = "Port denies ferry opening date

Port spokeswoman Elin Berg said on April 5 that no opening date had been set for the ferry line.

Berg denied reports that Lind will open the ferry line to Visby on June 3.
";

#[test]
fn a_claim_and_its_denial_alone_in_a_folder_are_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("2026-04-01-gazette.md"), FERRY_REPORT).expect("write");
    std::fs::write(dir.path().join("2026-04-05-island-post.txt"), FERRY_DENIAL).expect("write");
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["claim"]["path"], "2026-04-01-gazette.md");
    assert_eq!(f["claim"]["line"], 6);
    assert!(
        f["denials"]
            .as_array()
            .expect("denials")
            .iter()
            .any(|d| d["by"] == "Elin Berg" && d["line"] == 5),
        "{f:#?}"
    );
}

/// The ferry report and its denial, with a draft and a `dateline.toml`.
fn ferry_corpus(settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir(p.join("drafts")).expect("mkdir");
    std::fs::write(p.join("2026-04-01-gazette.md"), FERRY_REPORT).expect("write");
    std::fs::write(p.join("island-post.txt"), FERRY_DENIAL).expect("write");
    std::fs::write(p.join("drafts/ferry.txt"), FERRY_DENIAL).expect("write");
    std::fs::write(p.join("dateline.toml"), settings).expect("write");
    dir
}

#[test]
fn dateline_toml_selects_files_dates_documents_and_ignores_findings() {
    let dir = ferry_corpus(
        "exclude = [\"drafts/**\"]\n\n[[documents]]\npath = \"island-*.txt\"\ndate = 2026-04-05\nsource = \"Island Post\"\n",
    );
    let o = dateline(&["export", "."], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        document_paths(&v),
        vec!["2026-04-01-gazette.md", "island-post.txt"]
    );
    let island = &v["documents"][1];
    assert_eq!(
        (&island["date"], &island["date_source"]),
        (
            &serde_json::json!("2026-04-05"),
            &serde_json::json!("settings")
        )
    );

    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let finding = &v["findings"][0];
    assert_eq!(finding["denials"][0]["date"], "2026-04-05");
    assert_eq!(finding["denials"][0]["date_inferred"], false);
    let id = finding["id"].as_str().expect("a finding id").to_string();
    assert!(id.starts_with("f-") && id.len() == 18, "{id}");
    // the human report says how to ignore it
    let o = dateline(&["check", "."], dir.path());
    assert!(stdout(&o).contains(&format!("[[ignore]] finding = \"{id}\"")));

    // ignored: not reported, listed with its reason, and the check passes
    let toml = std::fs::read_to_string(dir.path().join("dateline.toml")).expect("read");
    std::fs::write(
        dir.path().join("dateline.toml"),
        format!("{toml}\n[[ignore]]\nfinding = \"{id}\"\nreason = \"Checked with the port\"\n"),
    )
    .expect("write");
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(
        v["ignored"],
        serde_json::json!([{"id": id, "reason": "Checked with the port"}])
    );
    let o = dateline(&["check", "."], dir.path());
    assert!(stderr(&o).contains("0 findings (0 warnings, 0 info); 1 ignored by dateline.toml"));
}

#[test]
fn a_finding_keeps_its_id_when_its_article_is_edited_elsewhere() {
    let dir = ferry_corpus("");
    let id = |dir: &Path| {
        let o = dateline(&["check", "--format", "json", "."], dir);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["findings"][0]["id"].as_str().map(String::from)
    };
    let before = id(dir.path()).expect("a finding");
    let edited = FERRY_REPORT.replace(
        "Lind said the two ships were ready.",
        "Lind said the two new ships were ready and\nthe crews trained.\n\nMore later.",
    );
    std::fs::write(
        dir.path().join("2026-04-01-gazette.md"),
        format!("\n\n{edited}"),
    )
    .expect("write");
    assert_eq!(id(dir.path()), Some(before));
}

/// A port director who wrote his name Lind in one article and Lindqvist in the other.
const LIND_REPORT: &str = "---\ndate: 2026-04-01\n---\nFerry line to Visby to open in June\n\nPort director Jonas Lind said on Monday that the new ferry line to Visby would open on June 3.\n\nLind said the two ships were ready.\n";
const LINDQVIST_DENIAL: &str = "---\ndate: 2026-04-05\n---\nPort chief denies ferry date\n\nJonas Lindqvist, who runs the port, denied reports that the ferry line to Visby would open on June 3.\n\nLindqvist said no date had been set.\n";
const LINDQVIST_REGISTERED: &str = "[[actors]]\nid = \"jonas-lindqvist\"\nname = \"Jonas Lindqvist\"\naliases = [\"Jonas Lind\"]\nroles = [\"director of the port of Visby\"]\ndescription = \"Runs the port of Visby; wrote his name Lind until 2025\"\nwikidata = \"Q4200001\"\n";

#[test]
fn a_registered_actor_takes_the_mentions_of_every_name_it_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("2026-04-01-gazette.md"), LIND_REPORT).expect("write");
    std::fs::write(
        dir.path().join("2026-04-05-island-post.md"),
        LINDQVIST_DENIAL,
    )
    .expect("write");
    let actors = |dir: &Path| -> Vec<serde_json::Value> {
        let o = dateline(&["export", "."], dir);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["actors"].as_array().expect("actors").clone()
    };
    // inferred: two people (the surnames differ)
    let names: Vec<String> = actors(dir.path())
        .iter()
        .filter_map(|a| a["name"].as_str().map(String::from))
        .collect();
    assert_eq!(names, vec!["Jonas Lind", "Jonas Lindqvist"]);
    // registered: one, under the registry's id and name, with every mention and what the registry says
    std::fs::write(dir.path().join("dateline.toml"), LINDQVIST_REGISTERED).expect("write");
    let a = actors(dir.path());
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0]["id"], "jonas-lindqvist");
    assert_eq!(a[0]["name"], "Jonas Lindqvist");
    let mentioned: Vec<(&str, &str)> = a[0]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|m| Some((m["path"].as_str()?, m["text"].as_str()?)))
        .collect();
    assert_eq!(
        mentioned,
        vec![
            ("2026-04-01-gazette.md", "Jonas Lind"),
            ("2026-04-01-gazette.md", "Lind"),
            ("2026-04-05-island-post.md", "Jonas Lindqvist"),
            ("2026-04-05-island-post.md", "Lindqvist"),
        ]
    );
    assert_eq!(a[0]["registered"]["wikidata"], "Q4200001");
    assert_eq!(
        a[0]["registered"]["roles"],
        serde_json::json!(["director of the port of Visby"])
    );
    // and the denial is by the same man who made the claim
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["findings"][0]["denials"][0]["by"], "Jonas Lindqvist");
}

/// A strike and, a week later, its cost told in other words; a rumour about fares and its denial, each in
/// words the analysis does not know as cues.
const STRIKE_REPORT: &str = "---\ndate: 2026-03-04\n---\nFerry crews strike in Visby\n\nFerry crews in Visby began a strike on Tuesday over pay, the union said.\n\nThe strike stopped all sailings to the mainland.\n";
const WALKOUT_REPORT: &str = "---\ndate: 2026-03-12\n---\nShops count the cost of the walkout\n\nIsland shops lost custom during last week's walkout by ferry crews, traders said on Thursday.\n\nThe stoppage left shelves empty for three days.\n";
const FARES_RUMOUR: &str = "---\ndate: 2026-03-13\n---\nHarbour notes\n\nWord on the quay is that the Gotland ferry fares would double in April.\n";
const FARES_ANSWER: &str = "---\ndate: 2026-03-14\n---\nHarbour notes\n\nThe union poured cold water on talk that the Gotland ferry fares would double in April.\n";
const STRIKE_REGISTERED: &str = "[[events]]\nid = \"visby-ferry-strike\"\nlabel = \"Visby ferry strike\"\ndate = 2026-03-03\nplace = \"Visby\"\naliases = [\"walkout\", \"stoppage\", \"strike\"]\n\n[cues]\nclaims = [\"word on the quay is\"]\ndenials = [\"poured cold water on\"]\n";

#[test]
fn registered_events_and_cues_link_mentions_and_make_claims_and_denials() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = tempfile::tempdir().expect("cache dir");
    for (name, text) in [
        ("2026-03-04-gazette.md", STRIKE_REPORT),
        ("2026-03-12-island-post.md", WALKOUT_REPORT),
        ("2026-03-13-quay.md", FARES_RUMOUR),
        ("2026-03-14-harbour-news.md", FARES_ANSWER),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let export = |dir: &Path| -> serde_json::Value {
        let o = dateline_with_cache(&["export", "."], dir, cache.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).expect("json")
    };
    let mentions = |e: &serde_json::Value| -> Vec<(String, String)> {
        e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .filter_map(|m| Some((m["path"].as_str()?.into(), m["text"].as_str()?.into())))
            .collect()
    };
    // inferred: the walkout is no event the analysis knows, the strike is nowhere linked to the other
    // report, and neither the rumour nor its answer is a claim or a denial (the fares' doubling, told in
    // both, is one event)
    let v = export(dir.path());
    for e in v["events"].as_array().expect("events") {
        let paths: std::collections::BTreeSet<String> =
            mentions(e).into_iter().map(|(p, _)| p).collect();
        assert!(
            !paths.contains("2026-03-04-gazette.md") || paths.len() < 2,
            "{e:#}"
        );
    }
    let o = dateline_with_cache(
        &["check", "--format", "json", "."],
        dir.path(),
        cache.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // registered (the facts cache of the run before must not answer for the new cues)
    std::fs::write(dir.path().join("dateline.toml"), STRIKE_REGISTERED).expect("write");
    let v = export(dir.path());
    let strike = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["id"] == "visby-ferry-strike")
        .expect("the registered event");
    assert_eq!(strike["label"], "Visby ferry strike");
    assert_eq!(strike["date"], "2026-03-03");
    assert_eq!(strike["place"], "Visby");
    assert_eq!(strike["registered"], true);
    assert_eq!(strike["definition"]["path"], "2026-03-04-gazette.md");
    let m = mentions(strike);
    for (path, text) in [
        ("2026-03-04-gazette.md", "strike"),
        ("2026-03-12-island-post.md", "walkout"),
        ("2026-03-12-island-post.md", "stoppage"),
    ] {
        assert!(
            m.contains(&(path.to_string(), text.to_string())),
            "{path} {text} in {m:?}"
        );
    }
    assert!(
        strike["evidence"]
            .as_array()
            .expect("evidence")
            .iter()
            .any(|e| e == "2026-03-12-island-post.md linked: named as the registered event (dateline.toml)"),
        "{strike:#}"
    );
    let o = dateline_with_cache(
        &["check", "--format", "json", "."],
        dir.path(),
        cache.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let f = &v["findings"].as_array().expect("findings")[..];
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["claim"]["path"], "2026-03-13-quay.md");
    assert_eq!(f[0]["claim"]["cue"], "Word on the quay is");
    assert_eq!(f[0]["denials"][0]["path"], "2026-03-14-harbour-news.md");
    assert!(
        f[0]["denials"][0]["why"]
            .as_str()
            .is_some_and(|w| w.starts_with("denial cue \"poured cold water on\"")),
        "{f:#?}"
    );

    // and without the file again, as before
    std::fs::remove_file(dir.path().join("dateline.toml")).expect("rm");
    let o = dateline_with_cache(
        &["check", "--format", "json", "."],
        dir.path(),
        cache.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_brat_annotation_file_is_read_and_its_bad_lines_are_warnings_naming_the_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    std::fs::write(dir.path().join("ferry.txt"), text).expect("write");
    std::fs::write(
        dir.path().join("ferry.ann"),
        "T1\tHUMAN_PART_PER 14 24\tJonas Lind\n\
         N1\tReference T1 Wikidata:Q4200001\tJonas Lind\n\
         T2\tACTION_OCCURRENCE 25 31\topened\n\
         T3\tLOC_GEO 50 55\tRiga\n\
         E1\tOpening:T2 Agent:T1 Place:T9\n\
         Q1\twhat is this\n",
    )
    .expect("write");
    let o = dateline(&["check", "."], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    for said in [
        "warning: ferry.ann:4: T3: the text at its offsets is \"Visby\", the file says \"Riga\"",
        "warning: ferry.ann:5: E1: T9 is not defined in this file",
        "warning: ferry.ann:6: \"Q1\": not an annotation id",
    ] {
        assert!(err.contains(said), "{said} in {err}");
    }
    assert_eq!(err.matches("warning: ferry.ann").count(), 3, "{err}");
}

#[test]
fn an_articles_annotated_entities_and_events_come_before_what_is_inferred() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Port director Jonas Lind said Harbour Trust did not meet on Monday.\nThe walkout went on.\n";
    std::fs::write(dir.path().join("ferry.txt"), text).expect("write");
    let actors_and_events = |dir: &Path| {
        let o = dateline(&["export", "."], dir);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let actors: Vec<(String, String, String)> = v["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .map(|a| {
                (
                    a["name"].as_str().unwrap_or("").to_string(),
                    a["kind"].as_str().unwrap_or("").to_string(),
                    a["rules"][0].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let events: Vec<String> = v["events"]
            .as_array()
            .expect("events")
            .iter()
            .flat_map(|e| e["mentions"].as_array().cloned().unwrap_or_default())
            .filter_map(|m| m["text"].as_str().map(String::from))
            .collect();
        (actors, events)
    };
    let (actors, events) = actors_and_events(dir.path());
    assert!(
        actors
            .iter()
            .any(|(n, k, _)| n == "Harbour Trust" && k == "person"),
        "inferred, the trust is a person: {actors:?}"
    );
    assert!(!events.iter().any(|e| e.contains("walkout")), "{events:?}");
    let at = |w: &str| {
        let s = text.find(w).expect("word");
        format!("{} {}", s, s + w.len())
    };
    std::fs::write(
        dir.path().join("ferry.ann"),
        format!(
            "T1\tHUMAN_PART_ORG {}\tHarbour Trust\nT2\tACTION_OCCURRENCE {}\twalkout\n",
            at("Harbour Trust"),
            at("walkout")
        ),
    )
    .expect("write");
    let (actors, events) = actors_and_events(dir.path());
    assert!(
        actors
            .iter()
            .any(|(n, k, r)| n == "Harbour Trust" && k == "organization" && r == "annotated"),
        "annotated, an organisation: {actors:?}"
    );
    assert!(events.iter().any(|e| e.contains("walkout")), "{events:?}");
}

#[test]
fn types_the_annotation_conf_does_not_declare_are_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    // a configuration above the corpus is not the corpus's: never read
    std::fs::write(dir.path().join("annotation.conf"), "[entities]\nPerson\n").expect("write");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("wire")).expect("mkdir");
    let text = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    std::fs::write(corpus.join("wire/ferry.txt"), text).expect("write");
    std::fs::write(
        corpus.join("wire/ferry.ann"),
        "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nT2\tLOC_GEO 50 55\tVisby\n",
    )
    .expect("write");
    let o = dateline(&["check", "."], &corpus);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("annotation.conf"), "{}", stderr(&o));
    // the corpus's own, in the root: the folder's article is checked against it
    std::fs::write(
        corpus.join("annotation.conf"),
        "[entities]\nHUMAN_PART_PER\n\n[relations]\n[events]\n[attributes]\n",
    )
    .expect("write");
    let o = dateline(&["check", "."], &corpus);
    let err = stderr(&o);
    assert!(
        err.contains("warning: wire/ferry.ann:2: T2: type \"LOC_GEO\" is not among the entities or events of annotation.conf"),
        "{err}"
    );
    assert_eq!(err.matches("annotation.conf").count(), 1, "{err}");
}

#[test]
fn export_as_brat_writes_the_analysis_and_keeps_an_articles_own_annotations() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("2026-04-01-gazette.md"), LIND_REPORT).expect("write");
    std::fs::write(
        dir.path().join("2026-04-05-island-post.md"),
        LINDQVIST_DENIAL,
    )
    .expect("write");
    std::fs::write(dir.path().join("dateline.toml"), LINDQVIST_REGISTERED).expect("write");
    let annotated = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    // (in the order brat's lines are written back: T, E, A, N, R, *, #)
    let own = "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nT2\tACTION_OCCURRENCE 25 31\topened\nA1\tNegation T2\nN1\tReference T1 Wikidata:Q4200001\tJonas Lind\n";
    std::fs::write(dir.path().join("ferry.txt"), annotated).expect("write");
    std::fs::write(dir.path().join("ferry.ann"), own).expect("write");
    let out = dir.path().join("brat-out");
    let o = dateline(
        &["export", ".", "--format", "brat", "-o", "brat-out"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // the annotated article: its own annotations, as they were
    assert_eq!(
        std::fs::read_to_string(out.join("ferry.ann")).expect("ann"),
        own
    );
    assert_eq!(
        std::fs::read_to_string(out.join("ferry.txt")).expect("txt"),
        annotated
    );
    // the others: Dateline's analysis, readable again, the registered man linked across both articles
    let mut keys = Vec::new();
    for name in ["2026-04-01-gazette.md", "2026-04-05-island-post.md"] {
        let text = std::fs::read_to_string(out.join(format!("{name}.txt"))).expect("txt");
        let ann = std::fs::read_to_string(out.join(format!("{name}.ann"))).expect("ann");
        let (a, issues) = dateline::corpus::brat::parse(&ann, &text);
        assert_eq!(issues, vec![], "{ann}");
        for n in &a.normalizations {
            let t = a
                .text_bound
                .iter()
                .find(|t| t.id == n.target)
                .expect("target");
            keys.push((
                name,
                t.kind.clone(),
                t.text.clone(),
                format!("{}:{}", n.resource, n.key),
            ));
        }
    }
    let lindqvist: Vec<_> = keys
        .iter()
        .filter(|k| k.3 == "Dateline:jonas-lindqvist")
        .map(|k| (k.0, k.1.as_str(), k.2.as_str()))
        .collect();
    assert_eq!(
        lindqvist,
        vec![
            ("2026-04-01-gazette.md", "PERSON", "Jonas Lind"),
            ("2026-04-01-gazette.md", "PERSON", "Lind"),
            ("2026-04-05-island-post.md", "PERSON", "Jonas Lindqvist"),
            ("2026-04-05-island-post.md", "PERSON", "Lindqvist"),
        ]
    );
    let conf = std::fs::read_to_string(out.join("annotation.conf")).expect("conf");
    for section in ["[entities]", "[relations]", "[events]", "[attributes]"] {
        assert!(conf.contains(section), "{conf}");
    }
    assert!(
        conf.contains("\nPERSON\n") && conf.contains("\nHUMAN_PART_PER\n"),
        "{conf}"
    );
    assert!(conf.contains("Negation\tArg:ACTION_OCCURRENCE"), "{conf}");

    let o = dateline(&["export", ".", "--format", "brat"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output FOLDER"), "{}", stderr(&o));
}

#[test]
fn a_mistake_in_dateline_toml_is_an_error_saying_where() {
    let dir = ferry_corpus(
        "exclude = [\"drafts/**\"]\n\n[[documents]]\npath = \"*.txt\"\ndate = \"soon\"\n",
    );
    let o = dateline(&["check", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("dateline.toml:5:8: date \"soon\": expected a date such as 2026-03-05"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        dir.path().join("dateline.toml"),
        "[[actor]]\nname = \"Jonas Lind\"\n",
    )
    .expect("write");
    let o = dateline(&["check", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("dateline.toml:1:3: unknown field `actor`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_50_mb_article_is_analysed_and_the_rest_of_the_corpus_served() {
    let dir = tempfile::tempdir().expect("temp dir");
    let para = "Harbour master Lena Brandt said on Monday that the port of Gdansk would reopen after talks with the union in Gdansk on March 3. Union leader Tomas Lind denied reports that the strike would resume.\n";
    let text = para.repeat(50 * 1024 * 1024 / para.len() + 1);
    std::fs::write(dir.path().join("huge.txt"), &text).expect("write");
    std::fs::write(dir.path().join("2026-04-01-gazette.md"), FERRY_REPORT).expect("write");
    std::fs::write(dir.path().join("2026-04-05-island-post.txt"), FERRY_DENIAL).expect("write");
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"], 3);
    assert!(
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["claim"]["path"] == "2026-04-01-gazette.md"),
        "{v}"
    );
}

#[test]
fn help_explains_the_commands() {
    let o = dateline(&["--help"], &repo_root());
    let out = stdout(&o);
    for cmd in ["check", "export", "lsp"] {
        assert!(out.contains(cmd), "{out}");
    }
    let o = dateline(&["check", "--help"], &repo_root());
    let out = stdout(&o);
    assert!(
        out.contains("--fail-on") && out.contains("--format") && out.contains("Exit status"),
        "{out}"
    );
}

/// A wire report and its denial, each republished by many outlets: every copy of the claim is flagged,
/// and each finding lists at most 16 denials (the most a claim keeps), not every copy of the denial.
/// "Will travel on Friday" is the Friday to come, from the claims' Saturday to Tuesday and the denials'
/// Wednesday and Thursday alike.
#[test]
fn a_syndicated_report_is_flagged_in_every_copy_with_a_bounded_list_of_denials() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("claim-{i:02}.md")),
            format!(
                "---\ndate: 2025-03-0{}\n---\nOutlet {i} wire copy\n\nForeign Minister Anna Berg will \
                 travel to Riga on Friday to sign a grain deal with Latvian officials, the newspaper \
                 reported.\n",
                1 + i % 4
            ),
        )
        .expect("write");
        std::fs::write(
            dir.path().join(format!("denial-{i:02}.md")),
            format!(
                "---\ndate: 2025-03-0{}\n---\nOutlet {i} wire copy\n\nForeign Minister Anna Berg denied \
                 reports that she will travel to Riga on Friday to sign a grain deal.\n",
                5 + i % 2
            ),
        )
        .expect("write");
    }
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    let flagged: std::collections::BTreeSet<&str> = findings
        .iter()
        .filter(|f| f["code"] == "denied-claim")
        .filter_map(|f| f["claim"]["path"].as_str())
        .collect();
    assert_eq!(flagged.len(), 40, "{flagged:?}");
    assert!(flagged.iter().all(|p| p.starts_with("claim-")));
    for f in findings {
        let n = f["denials"].as_array().map_or(0, Vec::len);
        assert!((1..=16).contains(&n), "{n} denials: {f}");
    }
}

/// One claim and its denial repeated in every sentence of every article: before the bound, every copy of
/// the claim was matched with every copy of the denial (300 such files of 3.8 KB took 8.9 GB and wrote a
/// 5 GB report). Now each finding keeps its 16 best denials and the report stays small.
#[test]
fn a_corpus_repeating_a_claim_and_its_denial_everywhere_gives_a_bounded_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pair = "Officials denied that Minister Anna Berg met Ivan Koss in Riga on Monday. Reports said \
                Anna Berg met Ivan Koss in Riga on Monday. ";
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            format!(
                "---\ndate: 2025-03-0{}\n---\n{}\n",
                1 + i % 9,
                pair.repeat(25)
            ),
        )
        .expect("write");
    }
    let o = dateline(
        &["check", "--format", "json", "--fail-on", "never", "."],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // 1,000 claims, each with at most 16 denials of a few hundred bytes: linear in the claims (every
    // copy with every denial was a thousand times that)
    assert!(o.stdout.len() < 16_000_000, "{} bytes", o.stdout.len());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    assert!(findings.iter().any(|f| f["code"] == "denied-claim"));
    for f in findings {
        assert!(f["denials"].as_array().map_or(0, Vec::len) <= 16, "{f}");
    }
}

/// Articles that are hard to read — 200,000 lines, one line of a megabyte, lone carriage returns, emoji
/// and other scripts, long runs of one pattern — are analysed beside an ordinary claim and its denial,
/// whose finding still comes out, with positions counted right.
#[test]
fn hard_articles_are_analysed_and_the_rest_of_the_corpus_is_served() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    let write = |name: &str, text: &str| std::fs::write(p.join(name), text).expect("write");
    write(
        "lines.txt",
        &(0..200_000)
            .map(|i| format!("Entry {i} of the harbour log.\n"))
            .collect::<String>(),
    );
    write(
        "one-line.txt",
        &"the council in Riga said Mayor Elin Varga denied the report on Monday "
            .repeat(1024 * 1024 / 70),
    );
    write(
        "cr.txt",
        "Mayor Elin Varga opened the bridge.\rVarga said it was late.\r",
    );
    write(
        "scripts.txt",
        "🚨🚨 Breaking: 市长 and Варга met. Mayor Elin Varga spoke in Riga on Monday 👍.\n",
    );
    write(
        "capitals.txt",
        &format!("{}said.\n", "Anna ".repeat(100_000)),
    );
    write("initials.txt", &"A. ".repeat(100_000));
    write("quotes.txt", &"\"(".repeat(100_000));
    write("rules.txt", &"---\n".repeat(20_000));
    write(
        "claim.md",
        "---\ndate: 2025-03-01\n---\nForeign Minister Anna Berg will travel to Riga on Friday to sign \
         a grain deal, the newspaper reported.\n",
    );
    write(
        "denial.md",
        "---\ndate: 2025-03-05\n---\nForeign Minister Anna Berg denied reports that she will travel \
         to Riga on Friday to sign a grain deal.\n",
    );
    let o = dateline(&["export", "."], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(10));
    let mentions_in = |path: &str, name: &str| -> Vec<(u64, u64)> {
        v["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .filter(|a| a["name"] == name)
            .flat_map(|a| a["mentions"].as_array().cloned().unwrap_or_default())
            .filter(|m| m["path"] == path)
            .filter_map(|m| Some((m["line"].as_u64()?, m["column"].as_u64()?)))
            .collect()
    };
    // a lone carriage return ends a line; columns count characters, not bytes or UTF-16 units
    assert_eq!(mentions_in("cr.txt", "Elin Varga"), vec![(1, 7), (2, 1)]);
    // two emoji, Chinese and Cyrillic before it: the 38th character (40 UTF-16 units, 53 bytes)
    assert!(
        mentions_in("scripts.txt", "Elin Varga").contains(&(1, 38)),
        "{:?}",
        mentions_in("scripts.txt", "Elin Varga")
    );
    let o = dateline(&["check", "--format", "json", "."], p);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["claim"]["path"] == "claim.md" && f["denials"][0]["path"] == "denial.md"),
        "{v}"
    );
}

/// A file over the 64 MiB an article may have is skipped with a warning before it is read (a sparse file:
/// its size is all there is of it), and the other articles are checked.
#[test]
fn a_file_over_64_mib_is_skipped_unread_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = std::fs::File::create(dir.path().join("dump.txt")).expect("create");
    big.set_len(65 * 1024 * 1024).expect("set length");
    std::fs::write(dir.path().join("story.md"), "The council met on Monday.\n").expect("write");
    let o = dateline(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("skipped dump.txt") && err.contains("64 MiB"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"], 1);
}

/// Symbolic links are not followed: one to a file outside the corpus, one to a folder that leads back
/// into itself, and one to an article inside. The articles are the files in the corpus, each once.
#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed_in_or_out_of_the_corpus() {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        outside.path().join("private.txt"),
        "Minister Petra Holm denied the report.\n",
    )
    .expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(p.join("story.md"), "Mayor Elin Varga opened the bridge.\n").expect("write");
    std::os::unix::fs::symlink(outside.path().join("private.txt"), p.join("private.txt"))
        .expect("link");
    std::os::unix::fs::symlink(p, p.join("again")).expect("link");
    std::os::unix::fs::symlink(p.join("story.md"), p.join("copy.md")).expect("link");
    let o = dateline(&["export", "."], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(document_paths(&v), vec!["story.md"]);
    assert!(!stdout(&o).contains("Petra Holm"));
}

/// A cache folder that cannot be made (its parent is a file): the check runs as without a cache, and the
/// warning says which path failed.
#[test]
fn an_unusable_cache_folder_is_a_warning_naming_it_and_the_check_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("story.md"),
        "Mayor Elin Varga opened the bridge.\n",
    )
    .expect("write");
    let blocker = tempfile::NamedTempFile::new().expect("temp file");
    let cache = blocker.path().join("cache");
    let o = dateline_with_cache(&["check", "--format", "json", "."], dir.path(), &cache);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("cannot write the facts cache")
            && err.contains(&*blocker.path().to_string_lossy()),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"], 1);
}

/// One story told in three reports and denied in two later articles; each denial, read alone, reaches only
/// some of the reports; beside them, articles about other things.
const TORTOISE_STORY: &[(&str, &str, &str, &str)] = &[
    (
        "c1",
        "Giant Tortoise Escapes From Varnholm Zoo, Keepers Say",
        "2026-03-02",
        "Keepers said on Monday that the giant tortoise had walked out through a broken gate.",
    ),
    (
        "c2",
        "Giant tortoise reportedly escaped from Varnholm zoo",
        "2026-03-02",
        "The giant tortoise escaped through a broken gate, local radio reported.",
    ),
    (
        "c3",
        "Escaped Tortoise Seen Eating Tulips In Town Square",
        "2026-03-02",
        "Residents reportedly photographed the escaped tortoise eating tulips in the square.",
    ),
    (
        "d1",
        "Varnholm Zoo Denies Giant Tortoise Escaped Through Broken Gate",
        "2026-03-05",
        "The zoo said the giant tortoise never left its enclosure.",
    ),
    (
        "d2",
        "Zoo denies reports its tortoise escaped and ate tulips in the square",
        "2026-03-05",
        "A zoo spokesman said the tortoise was asleep in its enclosure.",
    ),
    (
        "f1",
        "Ferry Timetable Changes For Winter",
        "2026-03-01",
        "The harbour board published the winter ferry timetable.",
    ),
    (
        "f2",
        "Library Opens New Reading Room",
        "2026-03-01",
        "The city library opened a reading room for students.",
    ),
    (
        "f3",
        "Council Approves Cycle Lane Budget",
        "2026-03-01",
        "Councillors approved the budget for the cycle lanes.",
    ),
    (
        "f4",
        "Bakery Wins Regional Bread Award",
        "2026-03-01",
        "A family bakery won the regional bread award.",
    ),
    (
        "f5",
        "Harbour Crane Repairs Finish Early",
        "2026-03-01",
        "Engineers finished the crane repairs a week early.",
    ),
    (
        "f6",
        "School Choir Tours The Coast",
        "2026-03-01",
        "The school choir sang in six coastal towns.",
    ),
    (
        "f7",
        "Museum Extends Opening Hours",
        "2026-03-01",
        "The museum will open until nine on Thursdays.",
    ),
    (
        "f8",
        "Farmers Market Moves Indoors",
        "2026-03-01",
        "The farmers market moved into the old tram depot.",
    ),
    (
        "f9",
        "Rowing Club Elects New Captain",
        "2026-03-01",
        "The rowing club elected a new captain on Sunday.",
    ),
];

#[test]
fn denials_of_the_same_reports_deny_each_others_reports_when_they_share_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, title, date, body) in TORTOISE_STORY {
        let text = format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n{title}\n\n{body}\n");
        std::fs::write(dir.path().join(format!("{name}.md")), text).expect("write");
    }
    let o = dateline(
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-cache",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let mut pairs = std::collections::BTreeMap::new();
    for f in v["findings"].as_array().expect("findings") {
        for d in f["denials"].as_array().expect("denials") {
            let key = (
                f["claim"]["path"].as_str().expect("path").to_string(),
                d["path"].as_str().expect("path").to_string(),
            );
            pairs.insert(key, d["why"].as_str().expect("why").to_string());
        }
    }
    // the tulips report is denied by the zoo's first statement too, which never names the tulips: both
    // statements deny the escape reports, and it shares the story's words
    let why = &pairs[&("c3.md".to_string(), "d1.md".to_string())];
    assert!(why.contains("denies what d2.md"), "{why}");
    assert!(why.contains("escape") && why.contains("tortoise"), "{why}");
    // every report is denied by both statements, and nothing else is
    for c in ["c1.md", "c2.md", "c3.md"] {
        for d in ["d1.md", "d2.md"] {
            assert!(
                pairs.contains_key(&(c.to_string(), d.to_string())),
                "{c} {d}: {pairs:#?}"
            );
        }
    }
    assert_eq!(pairs.len(), 6, "{pairs:#?}");
}
