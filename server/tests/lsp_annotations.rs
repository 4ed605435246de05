//! brat annotation files through the language server: the issues of an article's `.ann` file are
//! diagnostics in that file, naming the line, and follow its changes on disk.

mod support;

use serde_json::{Value, json};
use std::time::Duration;
use support::lsp_client::{Client, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

/// Each location of a references answer: its file and the character it starts at.
fn starts_of(refs: &Value) -> Vec<(String, u64)> {
    refs.as_array()
        .expect("references")
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap_or("").to_string(),
                l["range"]["start"]["character"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

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

/// Two invented reports of one check-in, annotated with a shared normalisation key each for the person
/// and for the event; the later one names her by a pronoun the analysis cannot link.
#[test]
fn normalised_annotations_link_mentions_across_articles_for_definition_and_references() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let first = "---\ndate: 2026-02-02\n---\nSinger Mara Holt checked into a clinic in Tallinn on Monday.\n";
    let later =
        "---\ndate: 2026-02-04\n---\nShe entered the clinic two days ago, her agent said.\n";
    std::fs::write(root.join("a-first.txt"), first).expect("write");
    std::fs::write(root.join("b-later.txt"), later).expect("write");
    // offsets in characters of the whole file, front matter included
    let at = |text: &str, word: &str| {
        let b = text.find(word).expect("word");
        (
            text[..b].chars().count(),
            text[..b].chars().count() + word.chars().count(),
        )
    };
    let (h0, h1) = at(first, "Mara Holt");
    let (c0, c1) = at(first, "checked into");
    let (s0, s1) = at(later, "She");
    let (e0, e1) = at(later, "entered");
    std::fs::write(
        root.join("a-first.ann"),
        format!("T1\tPER {h0} {h1}\tMara Holt\nN1\tReference T1 News:HOLT\tholt\nT2\tACT {c0} {c1}\tchecked into\nN2\tReference T2 News:CHECKIN\tcheckin\n"),
    )
    .expect("write");
    std::fs::write(
        root.join("b-later.ann"),
        format!("T1\tPER {s0} {s1}\tShe\nN1\tReference T1 News:HOLT\tholt\nT2\tACT {e0} {e1}\tentered\nN2\tReference T2 News:CHECKIN\tcheckin\n"),
    )
    .expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(&root, json!({}), Value::Null);
    assert!(c.wait_indexed());
    let later_uri = uri(&root.join("b-later.txt"));
    let first_uri = uri(&root.join("a-first.txt"));
    // "She" (line 3, column 0) → Mara Holt in the first report
    let on_she =
        json!({"textDocument": {"uri": later_uri}, "position": {"line": 3, "character": 1}});
    let mut def = Value::Null;
    for _ in 0..100 {
        def = c.request("textDocument/definition", on_she.clone());
        if !def.is_null() {
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert_eq!(def["uri"], json!(first_uri), "{def}");
    assert_eq!(def["range"]["start"], json!({"line": 3, "character": 7}));
    assert_eq!(def["range"]["end"], json!({"line": 3, "character": 16}));
    // "entered" → every mention of the check-in, the earliest first
    let mut params =
        json!({"textDocument": {"uri": later_uri}, "position": {"line": 3, "character": 6}});
    params["context"] = json!({"includeDeclaration": true});
    let refs = c.request("textDocument/references", params.clone());
    let found = starts_of(&refs);
    assert_eq!(found, vec![(first_uri.clone(), 17), (later_uri.clone(), 4)]);
    params["context"] = json!({"includeDeclaration": false});
    let refs = c.request("textDocument/references", params);
    assert_eq!(refs.as_array().map(Vec::len), Some(1));
    assert_eq!(c.shutdown(), Some(0));
}

/// Applies whole-line edits (as the server's "Update x.ann" makes) to `text`.
fn apply_line_edits(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<Option<String>> = text.lines().map(|l| Some(format!("{l}\n"))).collect();
    for e in edits {
        let start = e["range"]["start"]["line"].as_u64().unwrap_or(0) as usize;
        let end = e["range"]["end"]["line"].as_u64().unwrap_or(0) as usize;
        assert_eq!(end, start + 1, "one whole line: {e}");
        assert_eq!(e["range"]["start"]["character"], 0);
        lines[start] = Some(e["newText"].as_str().unwrap_or("").to_string());
    }
    lines.into_iter().flatten().collect()
}

#[test]
fn annotations_move_with_edits_and_the_moved_file_is_offered_not_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let article = root.join("ferry.txt");
    let ann = root.join("ferry.ann");
    let other = root.join("visby.txt");
    let text = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    let ann_text = "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nN1\tReference T1 News:LIND\tlind\n#1\tAnnotatorNotes T1\tspells it Lind\nT2\tLOC_GEO 50 55\tVisby\n";
    std::fs::write(&article, text).expect("write");
    std::fs::write(&ann, ann_text).expect("write");
    std::fs::write(&other, "Lind spoke in Visby.\n").expect("write");
    std::fs::write(
        root.join("visby.ann"),
        "T1\tHUMAN_PART_PER 0 4\tLind\nN1\tReference T1 News:LIND\tlind\n",
    )
    .expect("write");
    let mut c = Client::spawn(BIN);
    let literals = json!({"codeActionKind": {"valueSet": ["quickfix", "refactor.rewrite"]}});
    c.initialize(
        &root,
        json!({"textDocument": {"codeAction": {"codeActionLiteralSupport": literals}}}),
        Value::Null,
    );
    assert!(c.wait_indexed());
    c.open(&article, text);
    // three words typed at the start of the article
    let edited = format!("Late update: {text}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&article), "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                             "end": {"line": 0, "character": 0}},
                                   "text": "Late update: "}]}),
    );
    // the link of "Jonas Lind" moved with it: from its new place, references find the other article
    let on_lind = json!({"textDocument": {"uri": uri(&article)},
                         "position": {"line": 0, "character": 30},
                         "context": {"includeDeclaration": true}});
    let mut refs = Value::Null;
    for _ in 0..100 {
        refs = c.request("textDocument/references", on_lind.clone());
        if refs
            .as_array()
            .is_some_and(|r| r.iter().any(|l| l["uri"] == json!(uri(&other))))
        {
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    let starts = starts_of(&refs);
    assert!(starts.contains(&(uri(&article), 27)), "{starts:?}");
    assert!(starts.contains(&(uri(&other), 0)), "{starts:?}");

    // offered: the file's moved lines, its other lines as they are; nothing written
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&article)},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    let action = r
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|a| a["title"] == "Update ferry.ann to the edited text (2 annotations moved)")
        })
        .unwrap_or_else(|| panic!("an update offered: {r:#}"))
        .clone();
    assert_eq!(std::fs::read_to_string(&ann).expect("read"), ann_text);
    let edits = action["edit"]["changes"][uri(&ann).as_str()]
        .as_array()
        .expect("edits of ferry.ann")
        .clone();
    let updated = apply_line_edits(ann_text, &edits);
    assert_eq!(
        updated,
        "T1\tHUMAN_PART_PER 27 37\tJonas Lind\nN1\tReference T1 News:LIND\tlind\n#1\tAnnotatorNotes T1\tspells it Lind\nT2\tLOC_GEO 63 68\tVisby\n"
    );

    // saved: the annotation file says it is behind its article
    std::fs::write(&article, &edited).expect("write");
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&article)}}),
    );
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        c.diagnostics_of(&ann)
            .iter()
            .any(|d| d["code"] == "annotations-moved")
    }));
    // the update applied and written: the file is true to the text, and nothing more is offered
    std::fs::write(&ann, &updated).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&ann), "type": 2}]}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| c
            .diagnostics_of(&ann)
            .is_empty()),
        "{:?}",
        c.diagnostics_of(&ann)
    );
    let mut offered = true;
    for _ in 0..100 {
        let r = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&article)},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
        );
        offered = r.as_array().is_some_and(|a| {
            a.iter().any(|a| {
                a["title"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("Update ferry.ann")
            })
        });
        if !offered {
            break;
        }
        c.wait_until(Duration::from_millis(100), |_| false);
    }
    assert!(!offered, "the file is true to the text again");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn an_annotation_file_written_while_the_server_runs_changes_what_the_article_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let text = "Port director Jonas Lind said Harbour Trust did not meet on Monday.\n";
    let article = root.join("ferry.txt");
    std::fs::write(&article, text).expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(&root, json!({}), Value::Null);
    assert!(c.wait_indexed());
    let on_board = json!({"textDocument": {"uri": uri(&article)},
                          "position": {"line": 0, "character": 32}});
    let hover = |c: &mut Client, want: &str| -> String {
        let mut md = String::new();
        for _ in 0..100 {
            let h = c.request("textDocument/hover", on_board.clone());
            md = h["contents"]["value"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            if md.starts_with(want) {
                break;
            }
            c.wait_until(Duration::from_millis(100), |_| false);
        }
        md
    };
    let md = hover(&mut c, "**Harbour Trust** · person");
    assert!(md.starts_with("**Harbour Trust** · person"), "{md}");
    let ann = root.join("ferry.ann");
    std::fs::write(&ann, "T1\tHUMAN_PART_ORG 30 43\tHarbour Trust\n").expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&ann), "type": 1}]}),
    );
    let md = hover(&mut c, "**Harbour Trust** · organisation");
    assert!(md.starts_with("**Harbour Trust** · organisation"), "{md}");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn types_the_annotation_conf_does_not_declare_are_diagnostics_until_it_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let text = "Port director Jonas Lind opened the ferry line in Visby on Monday.\n";
    std::fs::write(root.join("ferry.txt"), text).expect("write");
    let ann = root.join("ferry.ann");
    std::fs::write(
        &ann,
        "T1\tHUMAN_PART_PER 14 24\tJonas Lind\nT2\tLOC_GEO 50 55\tVisby\n",
    )
    .expect("write");
    let conf = root.join("annotation.conf");
    std::fs::write(&conf, "[entities]\nHUMAN_PART_PER\n").expect("write");
    let mut c = Client::spawn(BIN);
    c.initialize(&root, json!({}), Value::Null);
    assert!(c.wait_indexed());
    assert!(c.wait_until(Duration::from_secs(10), |c| {
        !c.diagnostics_of(&ann).is_empty()
    }));
    let d = &c.diagnostics_of(&ann)[0];
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 0}));
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("\"LOC_GEO\" is not among the entities or events of annotation.conf"),
        "{d}"
    );
    std::fs::write(&conf, "[entities]\nHUMAN_PART_PER\nLOC_GEO\n").expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&conf), "type": 2}]}),
    );
    assert!(
        c.wait_until(Duration::from_secs(10), |c| c
            .diagnostics_of(&ann)
            .is_empty()),
        "declared: the diagnostic goes"
    );
    assert_eq!(c.shutdown(), Some(0));
}
