//! brat annotation files through the language server: the issues of an article's `.ann` file are
//! diagnostics in that file, naming the line, and follow its changes on disk.

mod support;

use serde_json::{Value, json};
use std::time::Duration;
use support::lsp_client::{Client, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

#[test]
fn the_issues_of_an_annotation_file_are_diagnostics_in_it_until_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let text = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    std::fs::write(root.join("ferry.txt"), text).expect("write");
    let ann = root.join("ferry.ann");
    let good = "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nT2\tLOC_GEO 50 55\tVisby\n";
    std::fs::write(
        &ann,
        "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nT2\tLOC_GEO 50 55\tRiga\n",
    )
    .expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(
        &root,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    assert!(c.wait_indexed());
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        !c.diagnostics_of(&ann).is_empty()
    }));
    let d = &c.diagnostics_of(&ann)[0];
    assert_eq!(d["code"], "annotation");
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 0}));
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("the file says \"Riga\""),
        "{d}"
    );
    std::fs::write(&ann, good).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&ann), "type": 2}]}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| c
            .diagnostics_of(&ann)
            .is_empty()),
        "fixed on disk: the diagnostic goes"
    );
    assert_eq!(c.shutdown(), Some(0));
}
