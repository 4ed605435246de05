//! The edited article's findings within moments of an edit. Resolving the whole corpus again after an edit
//! that changes facts takes time that grows with the corpus; until that is done, the edited article is
//! resolved together with the few articles it can be matched with — those its claims and denials were
//! matched with before the edit (and the other reports those denials reached), the articles whose denials
//! share its claims' rare words, the other reports of its claims' stories, and the articles whose claims
//! share its denials' rare words — with dates completed and words weighed as in the whole corpus. The
//! language server publishes the edited article's diagnostics from this part at once, and everyone's from
//! the whole corpus when its resolve ends.

use super::{DocEntry, Model};
use crate::analysis::intern::Numbered;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Most articles resolved with the edited one.
const MAX_PART: usize = 48;
/// Articles taken for each kind of candidate (denials sharing its claims' words, reports of its claims'
/// stories, claims sharing its denials' words).
const PER_KIND: usize = 12;
/// The other reports taken for each denial that matched one of its claims.
const PER_DENIAL: usize = 8;

impl Model {
    /// A model of `entry` (an edited article; it replaces the one at its path, or is new) and the articles
    /// of this model it can be matched with. Its findings are the edited article's until the corpus is
    /// resolved again.
    pub fn provisional(&self, entry: &Arc<DocEntry>) -> Model {
        let mut docs: Vec<Arc<DocEntry>> = self
            .part_for(entry)
            .into_iter()
            .map(|i| self.docs[i].clone())
            .collect();
        docs.push(entry.clone());
        docs.sort_by(|a, b| a.path().cmp(b.path()));
        Model::build_within(docs, Some(&self.joins), self.registry.clone())
    }

    /// Indexes (in this model) of the articles resolved with `entry`, most likely first; never its own.
    fn part_for(&self, entry: &DocEntry) -> Vec<usize> {
        let own = self.doc_index(entry.path());
        let mut part: Vec<usize> = Vec::new();
        // what its claims and denials were matched with, and the other reports those denials reached
        if let Some(i) = own {
            let old = &self.docs[i].facts;
            for ci in 0..old.claims.len() {
                for &k in self.links.of_claim((i, ci)) {
                    let denial = self.matches[k].denial;
                    part.push(denial.0);
                    part.extend(self.reached_by(denial).take(PER_DENIAL));
                }
            }
            for xi in 0..old.denials.len() {
                part.extend(self.reached_by((i, xi)));
            }
        }
        let claim_words = || {
            entry
                .facts
                .claims
                .iter()
                .flat_map(|c| c.content.keywords.iter())
        };
        let denial_words = entry
            .facts
            .denials
            .iter()
            .flat_map(|x| x.content.keywords.iter());
        // denials that share its claims' words
        part.extend(self.sharing(claim_words(), own, |d| !d.facts.denials.is_empty()));
        // other reports of its claims' stories, and what their claims were matched with
        for j in self.sharing(claim_words(), own, |d| !d.facts.claims.is_empty()) {
            part.push(j);
            for ci in 0..self.docs[j].facts.claims.len() {
                part.extend(
                    self.links
                        .of_claim((j, ci))
                        .iter()
                        .map(|&k| self.matches[k].denial.0),
                );
            }
        }
        // claims that share its denials' words
        part.extend(self.sharing(denial_words, own, |d| !d.facts.claims.is_empty()));
        let mut seen = rustc_hash::FxHashSet::default();
        part.retain(|&j| Some(j) != own && seen.insert(j));
        part.truncate(MAX_PART);
        part
    }

    /// The documents of the claims a denial was matched with.
    fn reached_by(&self, denial: super::MentionRef) -> impl Iterator<Item = usize> + '_ {
        self.links
            .of_denial(denial)
            .iter()
            .map(|&k| self.matches[k].claim.0)
    }

    /// The documents (besides `own`, and those `keep` accepts) that share the most of `words`, each shared
    /// word weighed by its rarity; words in one document only, or in very many, are left out.
    fn sharing<'w>(
        &self,
        words: impl Iterator<Item = &'w Numbered>,
        own: Option<usize>,
        keep: impl Fn(&DocEntry) -> bool,
    ) -> Vec<usize> {
        let n = self.words.articles as f32;
        let common = self.words.common();
        let mut score: HashMap<usize, f32> = HashMap::default();
        // each word once, in alphabetical order: the scores are sums, and a sum's last bits depend on
        // the order of its terms (word numbers follow the order words were first met in, which varies
        // from run to run)
        let mut words: Vec<(&'static str, Numbered)> = words.map(|&w| (w.as_str(), w)).collect();
        words.sort_unstable();
        words.dedup();
        for (_, w) in &words {
            let Some(list) = self.words.docs.get(w) else {
                continue;
            };
            if list.len() > common {
                continue;
            }
            let idf = ((n + 1.0) / (list.len() as f32 + 1.0)).ln();
            for &j in list {
                let j = j as usize;
                if Some(j) != own && self.docs.get(j).is_some_and(|d| keep(d)) {
                    *score.entry(j).or_default() += idf;
                }
            }
        }
        let mut ranked: Vec<(usize, f32)> = score.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(PER_KIND).map(|(j, _)| j).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Article;
    use crate::index::Corpus;

    /// What a reader sees of one article's findings: each denied claim's text with its deniers' paths, and
    /// each denial's text with the paths of the claims it was matched with.
    fn seen_in(m: &crate::index::Model, path: &str) -> Vec<(String, Vec<String>)> {
        let Some(i) = m.doc_index(path) else {
            return Vec::new();
        };
        let d = &m.docs[i];
        let text = |s: crate::analysis::Span| d.article.text[s.start..s.end].to_string();
        let mut out = Vec::new();
        for f in m.findings.iter().filter(|f| f.claim.0 == i) {
            let mut by: Vec<String> = f
                .denials
                .iter()
                .map(|x| m.docs[x.0.0].path().to_string())
                .collect();
            by.sort();
            out.push((text(d.facts.claims[f.claim.1].span.get()), by));
        }
        for (xi, x) in d.facts.denials.iter().enumerate() {
            let mut of: Vec<String> = m
                .links
                .of_denial((i, xi))
                .iter()
                .map(|&k| m.docs[m.matches[k].claim.0].path().to_string())
                .collect();
            of.sort();
            out.push((text(x.span), of));
        }
        out
    }

    /// Six invented stories, each reported twice, one of them denied in a third article; and articles
    /// about nothing in particular.
    fn corpus() -> Corpus {
        let claims = [
            "Minister Tomasz Wierzbicki is reportedly set to resign and move to Oslo next month, sources say.",
            "The Bergen harbour authority will reportedly sell its ferry fleet to a Danish operator, insiders claim.",
            "Gdansk shipyard workers are said to be planning a strike over unpaid wages, according to union sources.",
            "Coach Olav Dahl is rumoured to be leaving Tromso football club for a coaching job in Germany.",
            "Krakow mayor Piotr Zielinski allegedly plans to ban cars from the old town by summer, a leaked memo suggests.",
            "Uppsala University is reportedly considering closing its music faculty, students fear.",
        ];
        let mut texts = Vec::new();
        for (k, claim) in claims.iter().enumerate() {
            for r in 0..2 {
                texts.push((
                    format!("s{k}-report{r}.md"),
                    format!(
                        "---\ndate: 2026-03-0{}\n---\n{claim}\n\nMore follows.\n",
                        r + 1
                    ),
                ));
            }
        }
        for (k, place) in ["Lund", "Malmo", "Aarhus", "Turku"].iter().enumerate() {
            texts.push((
                format!("weather{k}.md"),
                format!(
                    "---\ndate: 2026-03-02\n---\nThe weather was mild in {place} on Tuesday.\n"
                ),
            ));
        }
        texts.push((
            "s0-denial.md".into(),
            "---\ndate: 2026-03-05\n---\nMinister Tomasz Wierzbicki denied reports that he is set to resign \
             and move to Oslo.\n"
                .into(),
        ));
        Corpus::from_articles(
            texts
                .into_iter()
                .map(|(p, t)| Article::from_text(p, &t))
                .collect(),
        )
    }

    #[test]
    fn the_edited_articles_findings_are_those_of_the_whole_corpus_resolved_again() {
        let mut c = corpus();
        let m = c.resolve();
        assert_eq!(
            seen_in(&m, "s0-report0.md").len(),
            1,
            "the denied report, before any edit"
        );
        let edits = [
            // the denial edited away, then back with other words
            (
                "s0-denial.md",
                "---\ndate: 2026-03-05\n---\nMinister Tomasz Wierzbicki spoke to farmers in Oslo.\n",
            ),
            (
                "s0-denial.md",
                "---\ndate: 2026-03-05\n---\nMinister Tomasz Wierzbicki rejected as false the reports that \
                 he is set to resign and move to Oslo.\n",
            ),
            // a claim rewritten to another story, which is denied
            (
                "s3-report1.md",
                "---\ndate: 2026-03-02\n---\nMinister Tomasz Wierzbicki is reportedly set to resign and \
                 move to Oslo next month, sources say.\n",
            ),
            // a denial added to an article about another story
            (
                "weather2.md",
                "---\ndate: 2026-03-09\n---\nThe university denied reports that it is considering closing \
                 its music faculty in Uppsala.\n",
            ),
        ];
        let mut m = m;
        let mut seen_findings = 0;
        for (path, text) in edits {
            let entry =
                std::sync::Arc::new(crate::index::DocEntry::new(Article::from_text(path, text)));
            let part = m.provisional(&entry);
            assert!(
                part.docs.len() < m.docs.len(),
                "a part of the corpus: {}",
                part.docs.len()
            );
            c.insert(entry);
            let fresh = c.resolve();
            let want = seen_in(&fresh, path);
            assert_eq!(seen_in(&part, path), want, "{path}");
            seen_findings += want.iter().filter(|(_, with)| !with.is_empty()).count();
            m = fresh;
        }
        assert!(
            seen_findings >= 3,
            "the edits make findings: {seen_findings}"
        );
    }
}
