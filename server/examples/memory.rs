//! Where the memory of a resolved corpus goes: builds the benchmark corpus (5,000 articles unless the first
//! argument says otherwise) and prints the heap bytes held by the text, each kind of per-article fact and the
//! cross-article joins, counted by an instrumented allocator (bytes asked for, not the allocator's overhead).
//! Run with `cargo run --release --example memory [ARTICLES] [--detail]`.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;
use dateline::index::*;
use peak_alloc::PeakAlloc;

/// Counts the bytes requested of the allocator (how much is held, whatever allocator holds it), and the most
/// ever held.
#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// Bytes held now.
fn live() -> isize {
    ALLOCATOR.current_usage() as isize
}

/// Heap bytes that cloning `f`'s result takes (the clones are dropped at once).
fn held<T>(f: impl FnOnce() -> T) -> isize {
    let before = live();
    let x = f();
    let after = live();
    drop(x);
    after - before
}

fn mb(b: isize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|v| v.parse().ok())
        .unwrap_or(5000);
    // lexicons and other statics are built on first use: not the corpus's memory
    let before = live();
    drop(Corpus::from_articles(corpus_gen::corpus(16)).resolve());
    println!(
        "lexicons and other tables built on first use: {}",
        mb(live() - before)
    );
    let start = live();
    let articles = corpus_gen::corpus(n);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let corpus = Corpus::from_articles(articles);
    let docs = corpus.entries();
    let all = live() - start;
    let facts = |f: &dyn Fn(&DocEntry) -> isize| docs.iter().map(|d| f(d)).sum::<isize>();
    let rows: [(&str, isize); 9] = [
        (
            "text",
            facts(&|d| held(|| (d.article.text.clone(), d.article.path.clone()))),
        ),
        ("line index", facts(&|d| held(|| d.lines.clone()))),
        (
            "sentences, headlines, furniture",
            facts(&|d| {
                held(|| {
                    (
                        d.facts.sentences.clone(),
                        d.facts.headlines.clone(),
                        d.facts.furniture.clone(),
                        d.facts.links.clone(),
                    )
                })
            }),
        ),
        (
            "dates and places",
            facts(&|d| held(|| (d.facts.dates.clone(), d.facts.places.clone()))),
        ),
        (
            "actor mentions",
            facts(&|d| held(|| d.facts.actors.clone())),
        ),
        ("quotes", facts(&|d| held(|| d.facts.quotes.clone()))),
        (
            "event mentions",
            facts(&|d| {
                held(|| {
                    (
                        d.facts.events.clone(),
                        d.facts.event_participants.clone(),
                        d.facts.event_parties.clone(),
                    )
                })
            }),
        ),
        ("claims", facts(&|d| held(|| d.facts.claims.clone()))),
        ("denials", facts(&|d| held(|| d.facts.denials.clone()))),
    ];
    println!(
        "{n} articles, {} of text; the analysed articles hold {} ({:.1}×)",
        mb(bytes as isize),
        mb(all),
        all as f64 / bytes as f64
    );
    for (what, b) in rows {
        println!("  {what:<34} {:>9}", mb(b));
    }
    let counts = [
        (
            "actor mentions",
            docs.iter().map(|d| d.facts.actors.len()).sum::<usize>(),
        ),
        (
            "event mentions",
            docs.iter().map(|d| d.facts.events.len()).sum(),
        ),
        ("claims", docs.iter().map(|d| d.facts.claims.len()).sum()),
        ("denials", docs.iter().map(|d| d.facts.denials.len()).sum()),
    ];
    for (what, c) in counts {
        println!("  {c:>9} {what}");
    }
    let detail = std::env::args().any(|a| a == "--detail");
    if detail {
        sizes(&docs);
    }
    if detail {
        stage_peaks(&docs);
    }
    let before = live();
    ALLOCATOR.reset_peak_usage();
    let model = Model::build(docs.clone());
    let joins = live() - before;
    let peak = ALLOCATOR.peak_usage() as isize - before;
    println!(
        "the joins hold {} ({:.1}× the text), {} at most while they were made; {} actors, {} events, {} matches, {} findings",
        mb(joins),
        joins as f64 / bytes as f64,
        mb(peak),
        model.actors.len(),
        model.events.len(),
        model.matches.len(),
        model.findings.len()
    );
    if detail {
        event_sizes(&model);
    }
    let parts: [(&str, isize); 5] = [
        ("actors", held(|| model.actors.as_ref().clone())),
        (
            "actor of each mention",
            held(|| model.actor_of.as_ref().clone()),
        ),
        ("events", held(|| model.events.as_ref().clone())),
        (
            "event of each mention",
            held(|| model.event_of.as_ref().clone()),
        ),
        (
            "matches and findings",
            held(|| (model.matches.clone(), model.findings.clone())),
        ),
    ];
    let view = dateline::lsp::workspace::View {
        root: Some(std::path::PathBuf::from("/corpus")),
        model: std::sync::Arc::new(model),
        settings: std::sync::Arc::default(),
        annotations: std::sync::Arc::default(),
    };
    let settings = dateline::lsp::config::Settings::default();
    let diagnostics = held(|| {
        dateline::lsp::diagnostics::of_docs(
            &view,
            &settings,
            dateline::lsp::convert::Encoding::Utf16,
            None,
        )
    });
    let rest = joins - parts.iter().map(|(_, b)| b).sum::<isize>();
    for (what, b) in parts
        .into_iter()
        .chain([("the rest (dates, links, keyword index)", rest)])
    {
        println!("  {what:<34} {:>9}", mb(b));
    }
    println!(
        "the language server's diagnostics of these articles hold {}",
        mb(diagnostics)
    );
    after_an_edit(std::sync::Arc::into_inner(view.model));
}

/// What a model holds once an article was edited (a denial taken out) and the corpus resolved again.
fn after_an_edit(model: Option<Model>) {
    let Some(model) = model else { return };
    let Some(i) = model
        .docs
        .iter()
        .position(|d| d.article.text.contains("The spokesman denied"))
    else {
        return;
    };
    let before = live();
    let old = &model.docs[i].article;
    let text = old
        .text
        .replacen("The spokesman denied", "The spokesman welcomed", 1);
    let mut docs = model.docs.clone();
    docs[i] = std::sync::Arc::new(DocEntry::new(dateline::corpus::Article::from_text(
        old.path.clone(),
        &text,
    )));
    let new = Model::rebuild(Some(&model), docs, model.registry.clone());
    drop(model);
    println!(
        "after an edit that takes a denial out, the corpus resolved again: {} more held ({} matches, {} findings)",
        mb(live() - before),
        new.matches.len(),
        new.findings.len()
    );
}

/// Sizes and counts behind the per-article figures.
fn sizes(docs: &[std::sync::Arc<DocEntry>]) {
    use dateline::analysis::*;
    use std::mem::size_of;
    println!(
        "sizes: EventMention {} ActorMention {} Claim {} Content {} Event {} DateMention {} Place {}",
        size_of::<EventMention>(),
        size_of::<ActorMention>(),
        size_of::<Claim>(),
        size_of::<Content>(),
        size_of::<Event>(),
        size_of::<DateMention>(),
        size_of::<PlaceMention>()
    );
    println!(
        "Evidence {}",
        size_of::<dateline::index::events::Evidence>()
    );
    let count =
        |f: &dyn Fn(&ArticleFacts) -> usize| docs.iter().map(|d| f(&d.facts)).sum::<usize>();
    println!(
        "sentences {} dates {} places {} quotes {} furniture {}",
        count(&|f| f.sentences.len()),
        count(&|f| f.dates.len()),
        count(&|f| f.places.len()),
        count(&|f| f.quotes.len()),
        count(&|f| f.furniture.len())
    );
    let claims: Vec<&Claim> = docs.iter().flat_map(|d| &d.facts.claims).collect();
    let kw: usize = claims.iter().map(|c| c.content.keywords.len()).sum();
    let ev: usize = claims.iter().map(|c| c.content.events().len()).sum();
    let ac: usize = claims.iter().map(|c| c.content.actors().len()).sum();
    let kwb: usize = claims
        .iter()
        .flat_map(|c| &c.content.keywords)
        .map(|k| k.as_str().len())
        .sum();
    let cue: usize = claims.iter().map(|c| c.cue.as_str().len()).sum();
    println!(
        "claims {} keywords {kw} ({kwb} bytes) events {ev} actors {ac} cue bytes {cue}",
        claims.len()
    );
    let ems: Vec<(&EventMention, &dateline::analysis::ArticleFacts)> = docs
        .iter()
        .flat_map(|d| d.facts.events.iter().map(move |e| (e, &d.facts)))
        .collect();
    let p: usize = ems.iter().map(|(e, f)| f.participants(e).count()).sum();
    let pn: usize = ems
        .iter()
        .filter(|(e, f)| f.participants(e).next().is_some())
        .count();
    let q: usize = ems.iter().map(|(e, f)| f.parties(e).count()).sum();
    let qn: usize = ems
        .iter()
        .filter(|(e, f)| f.parties(e).next().is_some())
        .count();
    println!(
        "event mentions {} participants {p} in {pn}, parties {q} in {qn}",
        ems.len()
    );
    let ams: Vec<&ActorMention> = docs.iter().flat_map(|d| &d.facts.actors).collect();
    let r: usize = ams.iter().map(|a| a.roles.len()).sum();
    let rb: usize = ams
        .iter()
        .flat_map(|a| &a.roles)
        .map(|r| r.text.len())
        .sum();
    let nb: usize = ams.iter().map(|a| a.name.len()).sum();
    println!(
        "actor mentions {} roles {r} ({rb} bytes) names {nb} bytes",
        ams.len()
    );
}

/// Counts behind the events' figure.
fn event_sizes(m: &Model) {
    let ev: usize = m.events.iter().map(|e| e.evidence.len()).sum();
    let me: usize = m.events.iter().map(|e| e.mentions().len()).sum();
    let single = m.events.iter().filter(|e| e.mentions().len() == 1).count();
    println!(
        "events {} evidence {ev} mentions {me} singletons {single}",
        m.events.len()
    );
}

/// The most each stage of the joins holds while it runs, beyond what it keeps.
fn stage_peaks(docs: &[std::sync::Arc<DocEntry>]) {
    let peak = |what: &str, f: &mut dyn FnMut()| {
        let before = live();
        ALLOCATOR.reset_peak_usage();
        f();
        println!(
            "  stage {what}: {} more at most, {} kept",
            mb(ALLOCATOR.peak_usage() as isize - before),
            mb(live() - before)
        );
    };
    let (mut d, mut a, mut e) = (None, None, None);
    let cy = dates::corpus_year(docs);
    peak("dates", &mut || d = Some(dates::resolve(docs, cy)));
    let d = d.unwrap_or_default();
    peak("actors", &mut || a = Some(actors::resolve(docs, &[])));
    let Some((actors, actor_of)) = a else { return };
    let wide = events::widespread_organisations(docs, &actor_of);
    peak("events", &mut || {
        e = Some(events::resolve(docs, &d, (&actor_of, &wide), &[]))
    });
    let Some((_, event_of)) = e else { return };
    let mut w = None;
    peak("keyword index", &mut || w = Some(WordDocs::new(docs)));
    let Some(words) = w else { return };
    peak("matches", &mut || {
        drop(findings::match_claims(
            docs,
            &d,
            (&actors, &actor_of),
            &wide,
            &event_of,
            &words,
            None,
        ))
    });
}
