//! `export --format json`: the whole analysis — documents with their dates and how they were found,
//! actors, events, claims, denials and findings — versioned, as product.md fixes it.

use super::{FORMAT_VERSION, FindingOut, SpanOut, span_out};
use crate::index::Model;
use crate::index::dates::DateSource;
use serde::Serialize;

#[derive(Serialize)]
struct DocumentOut {
    path: String,
    title: Option<String>,
    date: Option<String>,
    date_source: Option<DateSource>,
    date_evidence: Option<String>,
    source: Option<String>,
    url: Option<String>,
    issues: Vec<IssueOut>,
}

#[derive(Serialize)]
struct IssueOut {
    code: &'static str,
    message: String,
    span: SpanOut,
}

#[derive(Serialize)]
struct RoleOut {
    text: String,
    path: String,
    line: usize,
}

#[derive(Serialize)]
struct QuoteOut {
    text: String,
    span: SpanOut,
}

#[derive(Serialize)]
struct ActorOut {
    id: String,
    name: String,
    kind: crate::analysis::ActorKind,
    aliases: Vec<String>,
    roles: Vec<RoleOut>,
    mentions: Vec<SpanOut>,
    quotes: Vec<QuoteOut>,
    /// Why each mention was read as this actor: the rule per mention, in mention order.
    rules: Vec<&'static str>,
    /// What the corpus's registry (`dateline.toml`) says, for a registered actor.
    #[serde(skip_serializing_if = "Option::is_none")]
    registered: Option<RegisteredOut>,
}

#[derive(Serialize)]
struct RegisteredOut {
    roles: Vec<String>,
    description: Option<String>,
    wikidata: Option<String>,
}

#[derive(Serialize)]
struct EventOut {
    id: String,
    label: String,
    class: crate::analysis::EventClass,
    date: Option<String>,
    place: Option<&'static str>,
    participants: Vec<String>,
    definition: SpanOut,
    mentions: Vec<SpanOut>,
    evidence: Vec<String>,
    /// Named in the corpus's event registry (`dateline.toml`), whose id it has.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    registered: bool,
}

#[derive(Serialize)]
struct ClaimOut {
    id: String,
    span: SpanOut,
    kind: crate::analysis::ClaimKind,
    cue: String,
    event: Option<String>,
    events: Vec<String>,
    denied_by: Vec<String>,
}

#[derive(Serialize)]
struct DenialOut {
    id: String,
    span: SpanOut,
    cue: String,
    by: Option<String>,
    denies: Vec<String>,
    antecedent: Option<SpanOut>,
}

#[derive(Serialize)]
struct ExportOut<'a> {
    version: u32,
    root: String,
    documents: Vec<DocumentOut>,
    actors: Vec<ActorOut>,
    events: Vec<EventOut>,
    claims: Vec<ClaimOut>,
    denials: Vec<DenialOut>,
    findings: &'a [FindingOut],
}

fn claim_id(path: &str, i: usize) -> String {
    format!("{path}#claim-{}", i + 1)
}

fn denial_id(path: &str, i: usize) -> String {
    format!("{path}#denial-{}", i + 1)
}

pub fn render(model: &Model, root: &str, findings: &[FindingOut]) -> String {
    let documents = model
        .docs
        .iter()
        .enumerate()
        .map(|(di, d)| {
            let dd = &model.dates[di];
            let fm = &d.article.front_matter;
            DocumentOut {
                path: d.article.path.clone(),
                title: fm.title.clone(),
                date: dd.date.map(|x| x.to_string()),
                date_source: dd.source,
                date_evidence: dd.evidence.clone(),
                source: fm.source.clone(),
                url: fm.url.clone(),
                issues: d
                    .article
                    .issues
                    .iter()
                    .map(|i| IssueOut {
                        code: i.code,
                        message: i.message.clone(),
                        span: span_out(model, di, crate::analysis::Span::new(i.start, i.end)),
                    })
                    .collect(),
            }
        })
        .collect();
    let actors = model
        .actors
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            let quotes = model
                .actor_quotes(ai)
                .into_iter()
                .map(|(di, q)| QuoteOut {
                    text: q.text(&model.docs[di].article.text).to_string(),
                    span: span_out(model, di, q.span),
                })
                .collect();
            ActorOut {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                roles: a
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        text: r.text.clone(),
                        path: model.docs[r.doc].article.path.clone(),
                        line: span_out(model, r.doc, model.role_span(r)).line,
                    })
                    .collect(),
                mentions: a
                    .mentions
                    .iter()
                    .map(|&(di, mi)| span_out(model, di, model.docs[di].facts.actors[mi].span))
                    .collect(),
                quotes,
                rules: a
                    .mentions
                    .iter()
                    .map(|&(di, mi)| model.docs[di].facts.actors[mi].rule.as_str())
                    .collect(),
                registered: a
                    .registered
                    .and_then(|k| model.registry.actors.get(k))
                    .map(|r| RegisteredOut {
                        roles: r.roles.clone(),
                        description: r.description.clone(),
                        wikidata: r.wikidata.clone(),
                    }),
            }
        })
        .collect();
    let ids: Vec<String> = model.events.iter().map(|e| e.id(&model.docs)).collect();
    let events = model
        .events
        .iter()
        .zip(&ids)
        .map(|(e, id)| EventOut {
            id: id.clone(),
            label: e.label(&model.docs),
            class: e.class,
            date: e.date.map(|d| d.display()),
            place: e.place(),
            registered: e.registered.is_some(),
            participants: e
                .participants()
                .map(|a| model.actors[a].id.clone())
                .collect(),
            definition: span_out(model, e.definition().0, model.event_span(e.definition())),
            mentions: e
                .mentions()
                .map(|m| span_out(model, m.0, model.event_span(m)))
                .collect(),
            evidence: e.evidence_lines(&model.docs, &model.actors).collect(),
        })
        .collect();
    let mut claims = Vec::new();
    let mut denials = Vec::new();
    for (di, d) in model.docs.iter().enumerate() {
        let path = &d.article.path;
        for (ci, c) in d.facts.claims.iter().enumerate() {
            let events: Vec<String> = c
                .content
                .events()
                .iter()
                .map(|&e| ids[model.event_of[di][e as usize].event()].clone())
                .collect();
            claims.push(ClaimOut {
                id: claim_id(path, ci),
                span: span_out(model, di, c.span.get()),
                kind: c.kind,
                cue: c.cue.as_str().to_string(),
                event: events.first().cloned(),
                events,
                denied_by: model
                    .links
                    .of_claim((di, ci))
                    .iter()
                    .map(|&k| &model.matches[k])
                    .map(|m| denial_id(&model.docs[m.denial.0].article.path, m.denial.1))
                    .collect(),
            });
        }
        for (xi, x) in d.facts.denials.iter().enumerate() {
            denials.push(DenialOut {
                id: denial_id(path, xi),
                span: span_out(model, di, x.span),
                cue: x.cue.to_string(),
                by: x
                    .by
                    .and_then(|b| model.actor_of[di][b])
                    .map(|a| model.actors[a].id.clone()),
                denies: model
                    .links
                    .of_denial((di, xi))
                    .iter()
                    .map(|&k| &model.matches[k])
                    .map(|m| claim_id(&model.docs[m.claim.0].article.path, m.claim.1))
                    .collect(),
                antecedent: x
                    .antecedent
                    .map(|s| span_out(model, di, d.facts.sentences[s].get())),
            });
        }
    }
    let out = ExportOut {
        version: FORMAT_VERSION,
        root: root.to_string(),
        documents,
        actors,
        events,
        claims,
        denials,
        findings,
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
