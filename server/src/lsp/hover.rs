//! Hover text, in markdown: on an actor who they are (name, kind, roles with where each was stated, other
//! spellings, mentions, first mention, quotes, events); on an event what it is (label, date, place,
//! participants, mentions, definition, denied claims, why its mentions were linked); on a claim or a denial
//! what denies it or what it denies, with dates and links.

use super::convert::path_to_uri;
use super::workspace::View;
use crate::analysis::Span;
use crate::index::{Item, MentionRef};
use crate::report::snippet;
use std::collections::BTreeSet;
use std::fmt::Write;

/// How many entries a hover list shows before "and N more".
const LIST: usize = 6;

/// Escapes markdown's special characters in text taken from an article.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // `_` inside words (file names) needs no escape in CommonMark, and clients that show raw
        // markdown would show the backslash
        if matches!(c, '\\' | '`' | '*' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A markdown link to a place in an article: `[path:line](file:///…#Lline)`.
fn link(view: &View, doc: usize, span: Span) -> String {
    let d = &view.model.docs[doc];
    let line = d.lines.line_col(&d.article.text, span.start).line;
    let name = escape(&d.article.path);
    match path_to_uri(&view.path(doc)) {
        Some(uri) => format!("[{name}:{line}]({}#L{line})", uri.as_str()),
        None => format!("{name}:{line}"),
    }
}

/// A kind's name as users read it ("hedged", "meeting").
fn lower(x: impl std::fmt::Debug) -> String {
    format!("{x:?}").to_lowercase()
}

fn more(out: &mut String, total: usize) {
    if total > LIST {
        let _ = writeln!(out, "- … and {} more", total - LIST);
    }
}

/// The hover text for an item.
pub fn markdown(view: &View, item: Item) -> String {
    match item {
        Item::Actor { actor, .. } => actor_md(view, actor),
        Item::Event { event, .. } => event_md(view, event),
        Item::Claim(c) => claim_md(view, c),
        Item::Denial(x) => denial_md(view, x),
    }
}

fn articles_of(mentions: impl IntoIterator<Item = MentionRef>) -> usize {
    mentions
        .into_iter()
        .map(|m| m.0)
        .collect::<BTreeSet<_>>()
        .len()
}

pub(crate) fn actor_md(view: &View, actor: usize) -> String {
    let model = &view.model;
    let a = &model.actors[actor];
    let mut out = String::new();
    let kind = match a.kind {
        crate::analysis::ActorKind::Person => "person",
        crate::analysis::ActorKind::Organization
            if crate::analysis::names::names_a_ship(&a.name) =>
        {
            "ship"
        }
        crate::analysis::ActorKind::Organization => "organisation",
        crate::analysis::ActorKind::Unknown => "actor",
    };
    let _ = writeln!(out, "**{}** · {kind}\n", escape(&a.name));
    // what the corpus's registry (dateline.toml) says of them
    if let Some(r) = a.registered.and_then(|k| model.registry.actors.get(k)) {
        if let Some(d) = &r.description {
            let _ = writeln!(out, "{}\n", escape(d));
        }
        let mut said = Vec::new();
        if !r.roles.is_empty() {
            let roles: Vec<String> = r.roles.iter().map(|x| escape(x)).collect();
            said.push(roles.join(", "));
        }
        if let Some(q) = &r.wikidata {
            said.push(format!("[Wikidata {q}](https://www.wikidata.org/wiki/{q})"));
        }
        said.push(format!("registered as `{}` in dateline.toml", r.id));
        let _ = writeln!(out, "{}\n", said.join(" · "));
    }
    let mut seen = BTreeSet::new();
    let roles: Vec<_> = a
        .roles
        .iter()
        .filter(|r| seen.insert(r.text.to_lowercase()))
        .collect();
    if !roles.is_empty() {
        let _ = writeln!(out, "**Roles**\n");
        for r in roles.iter().take(LIST) {
            let _ = writeln!(
                out,
                "- {} — {}",
                escape(&r.text),
                link(view, r.doc, model.role_span(r))
            );
        }
        more(&mut out, roles.len());
        out.push('\n');
    }
    let aliases: Vec<&String> = a.aliases.iter().filter(|s| **s != a.name).collect();
    if !aliases.is_empty() {
        let list: Vec<String> = aliases.iter().map(|s| escape(s)).collect();
        let _ = writeln!(out, "**Also written** {}\n", list.join(", "));
    }
    let n = a.mentions.len();
    let articles = articles_of(a.mentions.iter().copied());
    let _ = write!(
        out,
        "**Mentioned** {n} time{} in {articles} article{}",
        if n == 1 { "" } else { "s" },
        if articles == 1 { "" } else { "s" }
    );
    if let Some(first) = a
        .mentions
        .iter()
        .min_by_key(|&&(d, m)| (model.dates[d].date.is_none(), model.dates[d].date, d, m))
    {
        let _ = write!(
            out,
            " · first: {}, {}",
            link(view, first.0, model.actor_span(*first)),
            model.date_label(first.0)
        );
    }
    out.push_str("\n\n");
    let quotes = model.actor_quotes(actor);
    if !quotes.is_empty() {
        let _ = writeln!(out, "**Said**\n");
        for (di, q) in quotes.iter().take(LIST) {
            let _ = writeln!(
                out,
                "- “{}” — {}",
                escape(&snippet(q.text(&view.model.docs[*di].article.text), 140)),
                link(view, *di, q.span)
            );
        }
        more(&mut out, quotes.len());
        out.push('\n');
    }
    let events = &model.links.actor_events[actor];
    if !events.is_empty() {
        let _ = writeln!(out, "**Events**\n");
        for &e in events.iter().take(LIST) {
            let ev = &model.events[e];
            let (dd, _) = ev.definition();
            // the label already carries the place and the date
            let _ = writeln!(
                out,
                "- {} — {}",
                escape(&ev.label(&model.docs)),
                link(view, dd, model.event_span(ev.definition()))
            );
        }
        more(&mut out, events.len());
    }
    out.trim_end().to_string()
}

pub(crate) fn event_md(view: &View, event: usize) -> String {
    let model = &view.model;
    let e = &model.events[event];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "**{}** · event ({})\n",
        escape(&e.label(&model.docs)),
        lower(e.class)
    );
    if let Some(r) = &e.registered {
        let _ = writeln!(out, "registered as `{}` in dateline.toml\n", r.id);
    }
    let mut facts = Vec::new();
    if let Some(d) = e.date {
        facts.push(format!("**Date** {}", d.display()));
    }
    if let Some(p) = e.place() {
        facts.push(format!("**Place** {}", escape(p)));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    if e.participants().len() > 0 {
        let names: Vec<String> = e
            .participants()
            .map(|a| escape(&model.actors[a].name))
            .collect();
        let _ = writeln!(out, "**Participants** {}\n", names.join(", "));
    }
    let n = e.mentions().len();
    let articles = articles_of(e.mentions());
    let def = e.definition();
    let _ = writeln!(
        out,
        "**Mentioned** {n} time{} in {articles} article{} · first reported: {}, {}\n",
        if n == 1 { "" } else { "s" },
        if articles == 1 { "" } else { "s" },
        link(view, def.0, model.event_span(def)),
        model.date_label(def.0)
    );
    let denied = &model.links.event_findings[event];
    if denied.is_empty() {
        let _ = writeln!(out, "No claim about it is denied.\n");
    } else {
        let _ = writeln!(out, "**Denied claims about it**\n");
        for &k in denied.iter().take(LIST) {
            let claim = model.findings[k].claim;
            let (cd, span) = (claim.0, model.claim_span(claim));
            let _ = writeln!(
                out,
                "- “{}” — {}",
                escape(&snippet(model.span_text(cd, span), 100)),
                link(view, cd, span)
            );
        }
        more(&mut out, denied.len());
        out.push('\n');
    }
    if !e.evidence.is_empty() {
        let _ = writeln!(out, "**Linked because**\n");
        for line in e.evidence_lines(&model.docs, &model.actors).take(3) {
            let _ = writeln!(out, "- {}", escape(&line));
        }
        if e.evidence.len() > 3 {
            let _ = writeln!(out, "- … and {} more", e.evidence.len() - 3);
        }
    }
    out.trim_end().to_string()
}

fn claim_md(view: &View, (cd, ci): MentionRef) -> String {
    let model = &view.model;
    let c = &model.docs[cd].facts.claims[ci];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "**Claim** ({}, cue “{}”) · {}\n",
        lower(c.kind),
        escape(c.cue.as_str()),
        model.date_label(cd)
    );
    match model.links.claim_matches.get(&(cd, ci)) {
        None => out.push_str("No other article denies it."),
        Some(ks) => {
            let _ = writeln!(
                out,
                "**Denied in {} place{}**\n",
                ks.len(),
                if ks.len() == 1 { "" } else { "s" }
            );
            for &k in ks.iter().take(LIST) {
                let m = &model.matches[k];
                let (dd, di) = m.denial;
                let x = &model.docs[dd].facts.denials[di];
                let by = crate::report::denier(model, dd, di)
                    .map(|b| format!("by {} ", escape(&b)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {by}on {} — {}\n  > {}\n\n  why: {}",
                    model.date_label(dd),
                    link(view, dd, x.span),
                    escape(&snippet(model.span_text(dd, x.span), 200)),
                    escape(&m.why)
                );
            }
            more(&mut out, ks.len());
        }
    }
    out.trim_end().to_string()
}

fn denial_md(view: &View, (dd, di): MentionRef) -> String {
    let model = &view.model;
    let x = &model.docs[dd].facts.denials[di];
    let mut out = String::new();
    let by = crate::report::denier(model, dd, di)
        .map(|b| format!(" by {}", escape(&b)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "**Denial**{by} (cue “{}”) · {}\n",
        escape(x.cue),
        model.date_label(dd)
    );
    match model.links.denial_matches.get(&(dd, di)) {
        None => out.push_str("No claim in another article was found that it denies."),
        Some(ks) => {
            let _ = writeln!(out, "**Denies**\n");
            for &k in ks.iter().take(LIST) {
                let claim = model.matches[k].claim;
                let (cd, span) = (claim.0, model.claim_span(claim));
                let _ = writeln!(
                    out,
                    "- {}, {}: “{}”",
                    link(view, cd, span),
                    model.date_label(cd),
                    escape(&snippet(model.span_text(cd, span), 200))
                );
            }
            more(&mut out, ks.len());
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn a_ship_is_shown_as_a_ship_and_a_person_as_a_person() {
        use std::sync::Arc;
        let corpus = crate::index::Corpus::from_articles(vec![crate::corpus::Article::from_text(
            String::from("0.txt"),
            "The warship INS Kalvari reached port on Monday, Captain Anna Berg said.\n",
        )]);
        let view = super::View {
            root: None,
            model: Arc::new(corpus.resolve()),
            settings: Arc::default(),
            annotations: Arc::default(),
        };
        let md = |name: &str| {
            let a = (view.model.actors.iter())
                .position(|a| a.name == name)
                .unwrap_or_else(|| panic!("no {name}: {:?}", view.model.actors));
            super::actor_md(&view, a)
        };
        assert!(md("INS Kalvari").starts_with("**INS Kalvari** · ship"));
        assert!(md("Anna Berg").starts_with("**Anna Berg** · person"));
    }

    #[test]
    fn markdown_marks_from_articles_are_escaped_but_file_names_stay_readable() {
        assert_eq!(
            escape("002_2ea6.txt: *not* [a link] <b>"),
            "002_2ea6.txt: \\*not\\* \\[a link\\] \\<b\\>"
        );
    }
}
