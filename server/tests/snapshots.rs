//! Snapshot tests: the exact output of `export` and of each `check` format on the example corpus.
//! A change in the analysis shows up here as a reviewable diff (`cargo insta review`).

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root");
    let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(root)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "120")
        .env(
            "DATELINE_CACHE_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("facts-cache"),
        )
        .output()
        .expect("dateline runs");
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn check_human() {
    insta::assert_snapshot!(run(&["check", "examples/corpus"]));
}

#[test]
fn check_json() {
    insta::assert_snapshot!(run(&["check", "--format", "json", "examples/corpus"]));
}

#[test]
fn check_sarif() {
    insta::assert_snapshot!(run(&["check", "--format", "sarif", "examples/corpus"]));
}

#[test]
fn check_github() {
    insta::assert_snapshot!(run(&["check", "--format", "github", "examples/corpus"]));
}

#[test]
fn export_json() {
    insta::assert_snapshot!(run(&["export", "--format", "json", "examples/corpus"]));
}
