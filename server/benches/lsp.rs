//! Benchmark of the language server as an editor uses it: `dateline lsp` over stdio on a generated corpus
//! written to a temporary folder (5,000 articles unless `DATELINE_BENCH_ARTICLES` says otherwise).
//! Prints: time to first diagnostics and to the end of indexing after `initialized`; hover and definition
//! latency (median, p99); edit-to-diagnostics latency (until the diagnostics of the edited article
//! change, debounce included) for three kinds of edit — one that changes names and events, a word typed
//! into a claim, a keystroke that only moves facts; resident memory against corpus size.
//! Run with `cargo bench --bench lsp` (under `cargo test` it runs on 200 articles, as a check); `DATELINE_BENCH_DIR=DIR` keeps the generated corpus in DIR.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;
#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{Client, position_of, uri};
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 99th percentile, in milliseconds.
fn summary(mut xs: Vec<Duration>) -> (f64, f64) {
    xs.sort();
    let at = |q: f64| ms(xs[((xs.len() as f64 - 1.0) * q).round() as usize]);
    (at(0.5), at(0.99))
}

/// The server's resident memory now (`VmRSS`), or at its highest (`VmHWM`), in KiB.
fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Resets the server's highest resident memory (`VmHWM`) to its current one (Linux 4.0 and later).
fn reset_peak(pid: u32) -> bool {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok()
}

/// Memory under load, on the open article at `path`: a burst of 10,000 one-character edits written as
/// fast as the client can, then 10,000 hover requests written before any answer is read. Prints the time
/// until the server answers again and the highest resident memory during each, and the memory once at rest.
fn load(c: &mut Client, path: &Path, text: &str, rest: Duration) {
    let pid = c.pid();
    let mb = |kib: Option<u64>| kib.unwrap_or(0) as f64 * 1024.0 / 1e6;
    let before = mb(status_kib(pid, "VmRSS:"));
    let peak_known = reset_peak(pid);
    let first_line = text.lines().next().unwrap_or("");
    let col = first_line.encode_utf16().count() as u32;
    let t = Instant::now();
    for k in 0..10_000u32 {
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(path), "version": 1_000 + k},
                "contentChanges": [{
                    "range": {"start": {"line": 0, "character": col + k},
                              "end": {"line": 0, "character": col + k}},
                    "text": "x"
                }]
            }),
        );
    }
    let hover =
        json!({"textDocument": {"uri": uri(path)}, "position": {"line": 0, "character": 0}});
    c.request("textDocument/hover", hover.clone());
    let burst = t.elapsed();
    c.wait_until(rest, |_| false);
    let burst_peak = mb(status_kib(pid, "VmHWM:"));
    reset_peak(pid);
    let t = Instant::now();
    let answers = c.requests_at_once("textDocument/hover", &vec![hover; 10_000]);
    let flood = t.elapsed();
    assert_eq!(answers.len(), 10_000, "every hover answered");
    let flood_peak = mb(status_kib(pid, "VmHWM:"));
    c.wait_until(rest, |_| false);
    let after = mb(status_kib(pid, "VmRSS:"));
    let peak = |p: f64| {
        if peak_known {
            format!("{p:.1} MB at the highest")
        } else {
            "the highest not known (no /proc/PID/clear_refs)".to_string()
        }
    };
    println!(
        "load: resident {before:.1} MB before; 10,000 one-character edits in a burst, answered again after {:.0} ms, {}; 10,000 hovers written before reading any, all answered in {:.0} ms, {}; {after:.1} MB at rest after",
        ms(burst),
        peak(burst_peak),
        ms(flood),
        peak(flood_peak),
    );
}

fn at(path: &Path, text: &str, needle: &str, nth: usize) -> Value {
    let (line, character) = position_of(text, needle, nth);
    json!({"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}})
}

/// Times `n` requests of `method` at the positions given.
fn latency(c: &mut Client, method: &str, positions: &[Value]) -> Vec<Duration> {
    positions
        .iter()
        .map(|p| {
            let t = Instant::now();
            let r = c.request(method, p.clone());
            let d = t.elapsed();
            assert!(!r.is_null(), "{method} found something at {p}");
            d
        })
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; under `cargo test --all-targets` this runs once, small, as a check
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("DATELINE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 5000 } else { 200 });
    // DATELINE_BENCH_DIR keeps the generated corpus there (for profiling `dateline check` on it)
    let dir = tempfile::tempdir().expect("temp dir");
    let root = match std::env::var_os("DATELINE_BENCH_DIR") {
        Some(d) => {
            std::fs::create_dir_all(&d).expect("bench dir");
            std::path::PathBuf::from(d)
                .canonicalize()
                .expect("canonical bench dir")
        }
        None => dir.path().canonicalize().expect("canonical temp dir"),
    };
    let articles = corpus_gen::corpus(n);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    for a in &articles {
        std::fs::write(root.join(&a.path), &a.text).expect("write article");
    }
    println!(
        "corpus: {n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        root.display()
    );

    let mut c = Client::spawn(BIN);
    let t0 = Instant::now();
    c.initialize(
        &root,
        json!({"window": {"workDoneProgress": true}, "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    let init = t0.elapsed();
    assert!(
        c.wait_until(Duration::from_secs(600), |c| !c.diagnostics.is_empty()),
        "diagnostics arrive"
    );
    let first = t0.elapsed();
    assert!(c.wait_indexed(), "indexing ends");
    let indexed = t0.elapsed();
    let with_diags = c.diagnostics.values().filter(|d| !d.is_empty()).count();
    let rss_indexed = status_kib(c.pid(), "VmRSS:").unwrap_or(0) * 1024;
    println!(
        "startup: initialize answered in {:.1} ms; first diagnostics {:.0} ms; all indexed and published {:.0} ms ({with_diags} articles with diagnostics)",
        ms(init),
        ms(first),
        ms(indexed)
    );

    // hover on a surname, definition on an event word, in 400 articles spread over the corpus
    let step = (n / 400).max(1);
    let mut hovers = Vec::new();
    let mut defs = Vec::new();
    for a in articles.iter().step_by(step) {
        let path = root.join(&a.path);
        let told = a.text.find(" told reporters").expect("generated text");
        let surname_start = a.text[..told].rfind(' ').map_or(0, |i| i + 1);
        let surname = &a.text[surname_start..told];
        hovers.push(at(&path, &a.text, &format!("{surname} told"), 0));
        defs.push(at(&path, &a.text, " met ", 0));
    }
    // the positions of " met " point at the space: move one character right
    for d in &mut defs {
        let ch = d["position"]["character"].as_u64().unwrap_or(0) + 1;
        d["position"]["character"] = json!(ch);
    }
    let (h50, h99) = summary(latency(&mut c, "textDocument/hover", &hovers));
    let (d50, d99) = summary(latency(&mut c, "textDocument/definition", &defs));
    let mut refs = hovers.clone();
    for r in &mut refs {
        r["context"] = json!({"includeDeclaration": true});
    }
    let (r50, r99) = summary(latency(
        &mut c,
        "textDocument/references",
        &refs[..100.min(refs.len())],
    ));
    println!(
        "hover: median {h50:.2} ms, p99 {h99:.2} ms ({} requests)",
        hovers.len()
    );
    println!(
        "definition: median {d50:.2} ms, p99 {d99:.2} ms ({} requests)",
        defs.len()
    );
    println!("references: median {r50:.2} ms, p99 {r99:.2} ms (100 requests)");

    // edit-to-diagnostics: remove a denial sentence and put it back, in an article that has one
    let denial = articles
        .iter()
        .find(|a| {
            a.text.contains("denied reports") && !c.diagnostics_of(&root.join(&a.path)).is_empty()
        })
        .expect("a generated denial with a diagnostic");
    let path = root.join(&denial.path);
    c.open(&path, &denial.text);
    c.wait_until(Duration::from_millis(500), |_| false);
    let (line, _) = position_of(&denial.text, "The spokesman denied", 0);
    let original = denial
        .text
        .lines()
        .nth(line as usize)
        .unwrap_or("")
        .to_string();
    let neutral = "The spokesman said a statement would follow next week.";
    // the article whose claim the denial denies: its warning comes and goes once the corpus is resolved
    let claim_of_denial = c
        .diagnostics_of(&path)
        .iter()
        .filter(|d| d["code"] == "denial")
        .find_map(|d| {
            let u = d["relatedInformation"][0]["location"]["uri"].as_str()?;
            (u != uri(&path)).then(|| u.to_string())
        });
    let claim_uri = claim_of_denial.expect("the denial's diagnostic points at the claim it denies");
    let mut edits = Vec::new();
    let mut settled = Vec::new();
    let mut agreed = 0;
    let mut current = original.clone();
    for v in 0..40 {
        let next = if v % 2 == 0 {
            neutral
        } else {
            original.as_str()
        };
        let before = c.diagnostics_of(&path);
        let claim_before = c.diagnostics.get(&claim_uri).cloned().unwrap_or_default();
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(&path), "version": v + 2},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": 0},
                              "end": {"line": line, "character": current.encode_utf16().count()}},
                    "text": next
                }]
            }),
        );
        let changed = c.wait_until(Duration::from_secs(30), |c| {
            c.diagnostics_of(&path) != before
        });
        assert!(changed, "the edit changes the diagnostics");
        edits.push(t.elapsed());
        let first = c.diagnostics_of(&path);
        let resolved = c.wait_until(Duration::from_secs(30), |c| {
            c.diagnostics.get(&claim_uri).cloned().unwrap_or_default() != claim_before
        });
        assert!(resolved, "the denied claim's article follows");
        settled.push(t.elapsed());
        // the edited article's diagnostics, once the whole corpus is resolved, against the first ones
        c.wait_until(Duration::from_millis(50), |_| false);
        if c.diagnostics_of(&path) == first {
            agreed += 1;
        }
        current = next.to_string();
    }
    let (e50, e99) = summary(edits);
    let (s50, s99) = summary(settled);
    println!(
        "edit-to-diagnostics, an edit that changes facts (a denial removed or restored): the edited article (resolved with the articles it can be matched with) median {e50:.1} ms, p99 {e99:.1} ms; the article whose claim it denies (the whole corpus resolved again) median {s50:.1} ms, p99 {s99:.1} ms; the first diagnostics were the final ones in {agreed} of 40 edits (the default debounce, 10 ms, included)"
    );

    // a keystroke that only moves facts: an empty line typed and deleted after the headline (every
    // diagnostic below it moves)
    let (headline, _) = position_of(&denial.text, "Ministers hold talks", 0);
    let pline = headline + 1;
    let mut edits = Vec::new();
    for v in 0..40 {
        let before = c.diagnostics_of(&path);
        let range = if v % 2 == 0 {
            json!({"start": {"line": pline, "character": 0}, "end": {"line": pline, "character": 0}})
        } else {
            json!({"start": {"line": pline, "character": 0}, "end": {"line": pline + 1, "character": 0}})
        };
        let text = if v % 2 == 0 { "\n" } else { "" };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(&path), "version": 100 + v},
                "contentChanges": [{"range": range, "text": text}]
            }),
        );
        let changed = c.wait_until(Duration::from_secs(30), |c| {
            c.diagnostics_of(&path) != before
        });
        assert!(changed, "the diagnostics move with the text");
        edits.push(t.elapsed());
    }
    let (m50, m99) = summary(edits);

    // a word typed into a claim and deleted: its words change, names and events do not (matching only).
    // Typed inside a denied claim ("according to senior people familiar with the plans"), away from names
    // and event words, so that its diagnostic changes.
    let (claim_path, claim_line, claim_col) = articles
        .iter()
        .find_map(|a| {
            let p = root.join(&a.path);
            c.diagnostics_of(&p).iter().find_map(|d| {
                let line = d["range"]["start"]["line"].as_u64()? as usize;
                let start = d["range"]["start"]["character"].as_u64()? as usize;
                let end = d["range"]["end"]["character"].as_u64()? as usize;
                let text = a.text.lines().nth(line)?;
                let col = start + text.get(start..)?.find("people familiar")?;
                (d["code"] == "denied-claim" && col < end)
                    .then(|| (p.clone(), line as u32, col as u32))
            })
        })
        .expect("a denied claim citing people familiar with the plans");
    let claim_text = std::fs::read_to_string(&claim_path).expect("article");
    c.open(&claim_path, &claim_text);
    c.wait_until(Duration::from_millis(500), |_| false);
    let mut edits = Vec::new();
    for v in 0..40 {
        let before = c.diagnostics_of(&claim_path);
        let word = "senior ";
        let at = json!({"line": claim_line, "character": claim_col});
        let range = if v % 2 == 0 {
            json!({"start": at, "end": at})
        } else {
            json!({"start": at, "end": {"line": claim_line, "character": claim_col + word.len() as u32}})
        };
        let text = if v % 2 == 0 { word } else { "" };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(&claim_path), "version": 2 + v},
                "contentChanges": [{"range": range, "text": text}]
            }),
        );
        let changed = c.wait_until(Duration::from_secs(30), |c| {
            c.diagnostics_of(&claim_path) != before
        });
        assert!(changed, "the diagnostic moves with the text");
        edits.push(t.elapsed());
    }
    let (w50, w99) = summary(edits);
    println!(
        "edit-to-diagnostics, a keystroke that only moves facts (joins kept): median {m50:.1} ms, p99 {m99:.1} ms (40 edits, the default debounce, 10 ms, included)"
    );
    println!(
        "edit-to-diagnostics, a word typed into a claim (its words change; resolved with the articles it can be matched with): median {w50:.1} ms, p99 {w99:.1} ms (40 edits, the default debounce, 10 ms, included)"
    );

    // at rest: the whole-corpus resolve the last edits started has ended (three times the median one)
    let rest = Duration::from_secs_f64((3.0 * s50 / 1000.0).max(1.0));
    c.wait_until(rest, |_| false);
    let rss = status_kib(c.pid(), "VmRSS:").unwrap_or(0) * 1024;
    let peak = status_kib(c.pid(), "VmHWM:").unwrap_or(0) * 1024;
    let x = |b: u64| b as f64 / bytes as f64;
    println!(
        "memory: resident {:.1} MB ({:.1}× the corpus, {:.1} MB) once indexed; {:.1} MB ({:.1}×) after the edits, at rest ({:.1} s after the last); {:.1} MB ({:.1}×) at the highest",
        rss_indexed as f64 / 1e6,
        x(rss_indexed),
        bytes as f64 / 1e6,
        rss as f64 / 1e6,
        x(rss),
        rest.as_secs_f64(),
        peak as f64 / 1e6,
        x(peak),
    );
    load(&mut c, &claim_path, &claim_text, rest);
    let code = c.shutdown();
    assert_eq!(code, Some(0), "clean exit");

    // a restart on the unchanged corpus: the facts cache written by the first start is warm
    let mut c = Client::spawn(BIN);
    let t0 = Instant::now();
    c.initialize(
        &root,
        json!({"window": {"workDoneProgress": true}}),
        Value::Null,
    );
    assert!(
        c.wait_until(Duration::from_secs(600), |c| !c.diagnostics.is_empty()),
        "diagnostics arrive after the restart"
    );
    let first = t0.elapsed();
    assert!(c.wait_indexed(), "indexing ends after the restart");
    println!(
        "restart on the unchanged corpus (facts cache warm): first diagnostics {:.0} ms; all indexed and published {:.0} ms",
        ms(first),
        ms(t0.elapsed())
    );
    assert_eq!(c.shutdown(), Some(0), "clean exit");
}
