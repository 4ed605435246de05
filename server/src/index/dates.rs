//! Publication dates: from front matter, else inferred from past-tense dates in the text ("announced on
//! Feb. 22" dates the article no earlier than Feb. 22; the year from the text or the corpus), else unknown.

use super::DocEntry;
use crate::analysis::DateExpr;
use jiff::civil::Date;
use serde::Serialize;
use std::sync::Arc;

/// How a document's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    FrontMatter,
    /// The corpus's `dateline.toml`.
    Settings,
    Inferred,
}

/// A document's publication date and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocDate {
    pub date: Option<Date>,
    pub source: Option<DateSource>,
    pub evidence: Option<String>,
}

impl DocDate {
    pub fn inferred(&self) -> bool {
        self.source == Some(DateSource::Inferred)
    }
}

/// The latest year written in the corpus (front-matter dates and explicit years), used to complete an
/// inferred month and day. A year written in one article only counts when no year is shared by two: a
/// house number ("at 2088 Philip Street") or a typo must not move every inferred date of the corpus.
pub fn corpus_year(docs: &[Arc<DocEntry>]) -> Option<i16> {
    let mut articles_of: std::collections::BTreeMap<i16, usize> = std::collections::BTreeMap::new();
    for d in docs {
        let fm = (d.article.front_matter.date)
            .or(d.article.settings.date)
            .map(|x| x.year());
        let years: std::collections::BTreeSet<i16> = d
            .facts
            .dates
            .iter()
            .filter_map(|m| match m.expr {
                DateExpr::Calendar { year, .. } => year,
                _ => None,
            })
            .chain(fm)
            .filter(|y| (1900..=2100).contains(y))
            .collect();
        for y in years {
            *articles_of.entry(y).or_default() += 1;
        }
    }
    let shared = articles_of
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(&y, _)| y)
        .max();
    shared.or_else(|| articles_of.keys().copied().max())
}

/// Dates of every document; `corpus_year` from [`corpus_year`].
pub fn resolve(docs: &[Arc<DocEntry>], corpus_year: Option<i16>) -> Vec<DocDate> {
    docs.iter().map(|d| of_doc(d, corpus_year)).collect()
}

/// One document's date: its front matter, else the corpus's settings, else inferred from its text.
pub fn of_doc(d: &DocEntry, corpus_year: Option<i16>) -> DocDate {
    if let Some(date) = d.article.front_matter.date {
        return DocDate {
            date: Some(date),
            source: Some(DateSource::FrontMatter),
            evidence: None,
        };
    }
    if let Some(date) = d.article.settings.date {
        return DocDate {
            date: Some(date),
            source: Some(DateSource::Settings),
            evidence: None,
        };
    }
    infer(d, corpus_year)
}

fn infer(d: &DocEntry, corpus_year: Option<i16>) -> DocDate {
    // a month and day without a year take the latest year the article itself writes (not past the
    // corpus's), else the corpus's: "on July 27" in an article about 2004 is not 2014's
    let mut years: std::collections::BTreeMap<i16, usize> = std::collections::BTreeMap::new();
    for m in &d.facts.dates {
        if let DateExpr::Calendar { year: Some(y), .. } = m.expr
            && corpus_year.is_none_or(|c| y <= c)
        {
            *years.entry(y).or_default() += 1;
        }
    }
    let own_year = years
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .max_by_key(|&(&y, &n)| (n, y))
        .map(|(&y, _)| y);
    let best = d
        .facts
        .dates
        .iter()
        .filter(|m| m.past)
        .filter_map(|m| match m.expr {
            DateExpr::Calendar {
                year,
                month: Some(month),
                day: Some(day),
            } => Some((year, month, day, m)),
            _ => None,
        })
        .filter_map(|(year, month, day, m)| {
            let (y, year_note) = match (year, own_year) {
                (Some(y), _) => (y, ""),
                (None, Some(y)) => (y, " (year from other dates in the article)"),
                (None, None) => (corpus_year?, " (year from other dates in the corpus)"),
            };
            let date = Date::new(y, month as i8, day as i8).ok()?;
            Some((date, m, year_note))
        })
        .max_by_key(|(date, m, _)| (*date, std::cmp::Reverse(m.span.get().start)));
    match best {
        Some((date, m, note)) => {
            let text = &d.article.text;
            let line_start = text[..m.span.get().start].rfind('\n').map_or(0, |i| i + 1);
            // the two words before the date: "announced on Feb. 22"
            let before: Vec<&str> = text[line_start..m.span.get().start]
                .split_whitespace()
                .collect();
            let lead = before[before.len().saturating_sub(2)..].join(" ");
            let evidence = format!("{lead} {}{note}", m.text(text));
            DocDate {
                date: Some(date),
                source: Some(DateSource::Inferred),
                evidence: Some(evidence),
            }
        }
        None => DocDate {
            date: None,
            source: None,
            evidence: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn dates_of(texts: &[&str]) -> Vec<DocDate> {
        let docs: Vec<Arc<DocEntry>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Arc::new(DocEntry::new(Article::from_text(format!("{i}.txt"), t))))
            .collect();
        resolve(&docs, corpus_year(&docs))
    }

    #[test]
    fn front_matter_wins_then_latest_past_date_with_corpus_year() {
        let d = dates_of(&[
            "---\ndate: 2024-03-01\n---\nThe council met on Feb. 2.",
            "The envoy arrived on March 3 and the talks ended on March 5. A vote is set for March 20.",
            "Markets rallied in 2025 as the bank said rates would fall.",
        ]);
        assert_eq!(d[0].date, Some(jiff::civil::date(2024, 3, 1)));
        assert_eq!(d[0].source, Some(DateSource::FrontMatter));
        assert_eq!(d[1].date, Some(jiff::civil::date(2025, 3, 5)));
        assert!(d[1].inferred());
        assert_eq!(
            d[1].evidence.as_deref(),
            Some("ended on March 5 (year from other dates in the corpus)")
        );
        assert_eq!(d[2].date, None);
    }

    #[test]
    fn a_month_and_day_take_the_year_the_article_keeps_writing() {
        let d = dates_of(&[
            "---\ndate: 2014-03-01\n---\nThe council met on Feb. 2, 2014.",
            "---\ndate: 2014-04-01\n---\nThe port reopened in 2014.",
            "The storm of 2004 hit the coast. Crews cleared roads through 2004. The bodies were found on \
             July 27.",
            "Troops left in 2009. The mayor was found dead on July 27.",
        ]);
        assert_eq!(d[2].date, Some(jiff::civil::date(2004, 7, 27)));
        assert_eq!(
            d[2].evidence.as_deref(),
            Some("found on July 27 (year from other dates in the article)")
        );
        // a year written once is history the article recalls, not its own
        assert_eq!(d[3].date, Some(jiff::civil::date(2014, 7, 27)));
    }

    #[test]
    fn a_year_written_in_one_article_only_does_not_set_the_corpus_year() {
        let d = dates_of(&[
            "---\ndate: 2024-03-01\n---\nThe council met on Feb. 2.",
            "Turnout in 2024 was the highest since the war.",
            "Police said on May 6 a man was arrested at 2088 Philip Street.",
        ]);
        assert_eq!(d[2].date, Some(jiff::civil::date(2024, 5, 6)));
    }
}
