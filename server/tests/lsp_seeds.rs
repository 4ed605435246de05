//! The language server on the five real seed articles in ../shared/corpora/seeds, and on the brat
//! annotations of ECB+ topic 1 in ../shared/data/brat (neither in this repository). Ignored by `cargo
//! test`; `tests/seeds.sh` runs it with `--ignored` when ../shared is beside the checkout (set
//! `DATELINE_SHARED` to point elsewhere).

mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::lsp_client::{Client, position_of, uri};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

fn shared() -> PathBuf {
    std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

fn seeds() -> PathBuf {
    let dir = shared().join("corpora/seeds");
    assert!(
        dir.is_dir(),
        "{} is missing: this test needs ../shared",
        dir.display()
    );
    dir.canonicalize().expect("canonical seeds folder")
}

/// The seed article whose name starts with `prefix` ("002").
fn article(dir: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed article {prefix}"))
}

fn params(path: &Path, needle: &str, line: Option<u32>) -> Value {
    let text = std::fs::read_to_string(path).expect("seed article");
    let (l, c) = match line {
        // the occurrence on the given 1-based line
        Some(want) => {
            let n = text.matches(needle).count();
            (0..n)
                .map(|i| position_of(&text, needle, i))
                .find(|(l, _)| *l + 1 == want)
                .unwrap_or_else(|| panic!("{needle:?} not on line {want}"))
        }
        None => position_of(&text, needle, 0),
    };
    json!({"textDocument": {"uri": uri(path)}, "position": {"line": l, "character": c}})
}

fn started(dir: &Path) -> Client {
    let mut c = Client::spawn(BIN);
    c.initialize(
        dir,
        json!({"general": {"positionEncodings": ["utf-16"]}, "window": {"workDoneProgress": true}}),
        Value::Null,
    );
    assert!(c.wait_indexed(), "indexing ends");
    c
}

#[test]
#[ignore = "needs ../shared; run by tests/seeds.sh"]
fn hover_on_peskov_names_dmitry_peskov_of_the_kremlin() {
    let dir = seeds();
    let mut c = started(&dir);
    let h = c.request(
        "textDocument/hover",
        params(&article(&dir, "002"), "Peskov’s", None),
    );
    let v = h["contents"]["value"].as_str().unwrap_or("");
    assert!(v.contains("Dmitry Peskov"), "{v}");
    assert!(v.contains("Kremlin"), "{v}");
}

/// The (article prefix, 1-based line) of every mention of the Riyadh talks in the gold file.
fn riyadh_mentions(dir: &Path) -> Vec<(String, u64)> {
    let gold = std::fs::read_to_string(dir.with_file_name("seeds.gold.toml")).expect("gold file");
    let gold: toml::Table = gold.parse().expect("gold is TOML");
    let events = gold["event"].as_array().expect("events");
    let riyadh = events
        .iter()
        .find(|e| e["id"].as_str() == Some("riyadh-talks"))
        .expect("the Riyadh talks in the gold file");
    riyadh["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| {
            (
                m["doc"].as_str().unwrap_or("").to_string(),
                m["line"].as_integer().unwrap_or(0) as u64,
            )
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared; run by tests/seeds.sh"]
fn definition_on_the_riyadh_meeting_lands_on_a_riyadh_talks_mention() {
    let dir = seeds();
    let mut c = started(&dir);
    let r = c.request(
        "textDocument/definition",
        params(&article(&dir, "004"), "Riyadh meeting", Some(11)),
    );
    let target = r["uri"].as_str().expect("one location");
    let line = r["range"]["start"]["line"].as_u64().expect("a line") + 1;
    let name = target.rsplit('/').next().unwrap_or("");
    let ok = riyadh_mentions(&dir)
        .iter()
        .any(|(doc, l)| name.starts_with(doc.as_str()) && *l == line);
    assert!(ok, "definition went to {name}:{line}");
    assert!(!(name.starts_with("004") && line == 11), "not to itself");
}

#[test]
#[ignore = "needs ../shared; run by tests/seeds.sh"]
fn the_moscow_trip_claim_is_flagged_and_related_to_trumps_denial() {
    let dir = seeds();
    let mut c = started(&dir);
    let claim = article(&dir, "003");
    let denial = article(&dir, "004");
    let found = c.wait_until(Duration::from_secs(30), |c| {
        c.diagnostics_of(&claim).iter().any(|d| {
            d["code"] == "denied-claim"
                && d["range"]["start"]["line"] == 4
                && d["relatedInformation"].as_array().is_some_and(|r| {
                    r.iter().any(|i| {
                        i["location"]["uri"] == json!(uri(&denial))
                            && i["location"]["range"]["start"]["line"] == 14
                    })
                })
        })
    });
    assert!(found, "diagnostics of 003: {:?}", c.diagnostics_of(&claim));
}

#[test]
#[ignore = "needs ../shared; run by tests/seeds.sh"]
fn the_ecbplus_brat_topic_links_its_normalised_mentions_across_articles() {
    let dir = shared().join("data/brat/ecbplus-topic1/1");
    assert!(
        dir.is_dir(),
        "{} is missing: this test needs ../shared",
        dir.display()
    );
    let dir = dir.canonicalize().expect("canonical");
    // the key normalised most often, and where (file, T id) — read here from the N lines
    let mut by_key: std::collections::BTreeMap<String, Vec<(PathBuf, String)>> =
        std::collections::BTreeMap::new();
    for e in std::fs::read_dir(&dir).expect("brat folder") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "ann") {
            for line in std::fs::read_to_string(&p).expect("ann").lines() {
                let f: Vec<&str> = line.split('\t').collect();
                if f[0].starts_with('N') {
                    let w: Vec<&str> = f[1].split(' ').collect();
                    by_key
                        .entry(w[2].to_string())
                        .or_default()
                        .push((p.clone(), w[1].to_string()));
                }
            }
        }
    }
    let (key, mentions) = by_key
        .iter()
        .max_by_key(|(_, m)| {
            m.iter()
                .map(|(p, _)| p)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        })
        .expect("normalisations");
    let files: std::collections::BTreeSet<&PathBuf> = mentions.iter().map(|(p, _)| p).collect();
    assert!(files.len() >= 2, "{key} links articles");
    // the position of the last file's first mention of it
    let (ann, tid) = mentions
        .iter()
        .rev()
        .find(|(p, _)| Some(&p) == files.iter().next_back())
        .expect("mention");
    let t_line = std::fs::read_to_string(ann)
        .expect("ann")
        .lines()
        .find(|l| l.split('\t').next() == Some(tid.as_str()))
        .expect("T line")
        .to_string();
    let start: usize = t_line
        .split('\t')
        .nth(1)
        .and_then(|b| b.split(' ').nth(1))
        .and_then(|n| n.parse().ok())
        .expect("offset");
    let txt = ann.with_extension("txt");
    let text = std::fs::read_to_string(&txt).expect("txt");
    let before: String = text.chars().take(start).collect();
    let line = before.matches('\n').count() as u32;
    let character = before
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .encode_utf16()
        .count() as u32;
    let mut c = started(&dir);
    let mut params = json!({"textDocument": {"uri": uri(&txt)}, "position": {"line": line, "character": character}});
    params["context"] = json!({"includeDeclaration": true});
    let refs = c.request("textDocument/references", params.clone());
    let found = refs.as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(found, mentions.len(), "every mention of {key}: {refs}");
    let def = c.request("textDocument/definition", params);
    assert_eq!(def, refs[0], "the definition is the earliest mention");
    // and the 39 annotation files have no issue
    assert!(
        c.diagnostics.keys().all(|u| !u.ends_with(".ann")),
        "{:?}",
        c.diagnostics
            .keys()
            .filter(|u| u.ends_with(".ann"))
            .collect::<Vec<_>>()
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
#[ignore = "needs ../shared; run by tests/seeds.sh"]
fn the_ecbplus_brat_topic_exported_as_brat_says_what_it_said() {
    let dir = shared().join("data/brat/ecbplus-topic1/1");
    assert!(
        dir.is_dir(),
        "{} is missing: this test needs ../shared",
        dir.display()
    );
    let out = tempfile::tempdir().expect("temp dir");
    let o = std::process::Command::new(BIN)
        .args(["export", "--no-cache", "--format", "brat", "-o"])
        .arg(out.path())
        .arg(&dir)
        .output()
        .expect("export runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // the same annotations in meaning: the same text-bound annotations (type, spans, text) and the same
    // normalisations (of the same annotation, to the same key); ids may be numbered otherwise
    let meaning = |ann: &str, text: &str| {
        let (a, issues) = dateline::corpus::brat::parse(ann, text);
        assert_eq!(issues, vec![]);
        let of = |id: &str| {
            a.text_bound
                .iter()
                .find(|t| t.id == id)
                .map(|t| (t.kind.clone(), t.spans.clone()))
        };
        let spans: std::collections::BTreeSet<_> = a
            .text_bound
            .iter()
            .map(|t| (t.kind.clone(), t.spans.clone(), t.text.clone()))
            .collect();
        let links: std::collections::BTreeSet<_> = a
            .normalizations
            .iter()
            .map(|n| (of(&n.target), format!("{}:{}", n.resource, n.key)))
            .collect();
        (spans, links)
    };
    let mut compared = 0;
    for e in std::fs::read_dir(&dir).expect("brat folder") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "ann") {
            let name = p.file_name().expect("name");
            let text = std::fs::read_to_string(p.with_extension("txt")).expect("txt");
            let exported_text =
                std::fs::read_to_string(out.path().join(name).with_extension("txt")).expect("txt");
            assert_eq!(exported_text, text);
            let before = meaning(&std::fs::read_to_string(&p).expect("ann"), &text);
            let after = meaning(
                &std::fs::read_to_string(out.path().join(name)).expect("ann"),
                &text,
            );
            assert_eq!(before, after, "{}", p.display());
            compared += 1;
        }
    }
    assert_eq!(compared, 39);
    assert!(out.path().join("annotation.conf").is_file());
}
