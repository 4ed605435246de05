//! Dates in the text: absolute ("Feb. 18, 2025", "4 February", "June 2021", "2022"), partial ("May 9"),
//! holidays ("Victory Day"), weekdays ("Tuesday") and relative expressions ("last week", "three years ago").
//! Resolution against the article's date happens in the corpus model, which knows that date.

use super::lexicon::lexicon;
use super::text::Doc;
use super::tokens::TokKind;
use super::word_list::WordList;
use super::{Span, Span32};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// A date expression as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateExpr {
    /// A calendar date, any part of which may be missing.
    Calendar {
        year: Option<i16>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A day of the week (1 = Monday): the last one up to the article's date, or, when the sentence says
    /// it is to come ("will travel on Friday"), the next one from it.
    Weekday {
        weekday: u8,
        ahead: bool,
    },
    /// A number of days from the article's date (yesterday = -1).
    Days {
        offset: i32,
    },
    /// A number of weeks from the article's date (last week = -1).
    Weeks {
        offset: i32,
    },
    Months {
        offset: i32,
    },
    Years {
        offset: i32,
    },
}

/// A date expression with its span and whether it is told in the past tense (usable to date the article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span32,
    pub expr: DateExpr,
    pub sentence: u32,
    /// A past-tense verb is near and no future marker: the date is no later than the article.
    pub past: bool,
}

impl DateMention {
    /// The date as written, in the text of its article.
    pub fn text<'a>(&self, article: &'a str) -> &'a str {
        let span = self.span.get();
        article.get(span.start..span.end).unwrap_or("")
    }
}

/// A date resolved as far as the article's date allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn full(d: Date) -> PartialDate {
        PartialDate {
            year: Some(d.year()),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    /// Both dates could denote the same day.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        fn ok<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        ok(self.year, other.year) && ok(self.month, other.month) && ok(self.day, other.day)
    }

    /// Has at least a month and a day.
    pub fn is_specific(&self) -> bool {
        self.month.is_some() && self.day.is_some()
    }

    pub fn to_date(self) -> Option<Date> {
        Date::new(self.year?, self.month? as i8, self.day? as i8).ok()
    }

    /// ISO-like text: `2025-02-18`, `--02-18` (no year), `2021-06`, `2022`.
    pub fn display(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), None) => format!("--{m:02}"),
            _ => String::new(),
        }
    }
}

impl DateExpr {
    /// A calendar day, the year possibly unknown.
    pub fn day(year: Option<i16>, month: u8, day: u8) -> DateExpr {
        DateExpr::Calendar {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Resolves against the article's date (`None` when unknown).
    pub fn resolve(&self, anchor: Option<Date>) -> Option<PartialDate> {
        match *self {
            DateExpr::Calendar { year, month, day } => Some(PartialDate {
                year: year.or_else(|| month.and(anchor.map(|a| a.year()))),
                month,
                day,
            }),
            DateExpr::Weekday { weekday, ahead } => {
                let a = anchor?;
                let target = Weekday::from_monday_one_offset(weekday as i8).ok()?;
                let back = (a.weekday().to_monday_zero_offset() - target.to_monday_zero_offset())
                    .rem_euclid(7);
                let days = if ahead { (7 - back) % 7 } else { -back };
                a.checked_add((days as i64).days())
                    .ok()
                    .map(PartialDate::full)
            }
            DateExpr::Days { offset } => anchor?
                .checked_add((offset as i64).days())
                .ok()
                .map(PartialDate::full),
            DateExpr::Weeks { offset } => {
                anchor?
                    .checked_add((offset as i64 * 7).days())
                    .ok()
                    .map(|d| PartialDate {
                        day: None,
                        ..PartialDate::full(d)
                    })
            }
            DateExpr::Months { offset } => {
                anchor?
                    .checked_add((offset as i64).months())
                    .ok()
                    .map(|d| PartialDate {
                        day: None,
                        ..PartialDate::full(d)
                    })
            }
            DateExpr::Years { offset } => {
                let y = anchor?.year() as i32 + offset;
                Some(PartialDate {
                    year: i16::try_from(y).ok(),
                    month: None,
                    day: None,
                })
            }
        }
    }
}

fn number(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.toks.get(i)?;
    (t.kind == TokKind::Number).then(|| doc.tok_text(i).parse().ok())?
}

fn small_number(word: &str) -> Option<i32> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" | "few" => return None,
        _ => word.parse().ok()?,
    })
}

fn year_at(doc: &Doc, i: usize) -> Option<i16> {
    let n = number(doc, i)?;
    (doc.tok_text(i).len() == 4 && (1800..=2199).contains(&n)).then_some(n as i16)
}

/// A four-digit number that is a time of day, not a year: "at 2045 GMT", "at 1830 hours".
fn is_clock_time(doc: &Doc, i: usize) -> bool {
    const CLOCK: &[&str] = &[
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst",
        "ist", "jst", "hours", "hrs", "local", "zulu",
    ];
    doc.lower.get(i + 1).is_some_and(|w| CLOCK.contains(&w))
}

/// A year right after a day ("May 9 2024", "May 9, 2024", "4 February 2025"): the year and the token after it.
fn optional_year(doc: &Doc, at: usize) -> (Option<i16>, usize) {
    if doc.is_punct(at, ",")
        && let Some(y) = year_at(doc, at + 1)
    {
        return (Some(y), at + 2);
    }
    match year_at(doc, at) {
        Some(y) => (Some(y), at + 1),
        None => (None, at),
    }
}

/// Finds every date expression in the article.
pub fn find(doc: &Doc) -> Vec<DateMention> {
    let lex = lexicon();
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    let n = doc.toks.len();
    while i < n {
        let w = &doc.lower[i];
        let mut found: Option<(usize, DateExpr)> = None; // (one past last token, expr)
        // ISO 2025-02-18
        if let Some(y) = year_at(doc, i)
            && doc.is_punct(i + 1, "-")
            && let Some(m) = number(doc, i + 2)
            && doc.is_punct(i + 3, "-")
            && let Some(d) = number(doc, i + 4)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            found = Some((
                i + 5,
                DateExpr::Calendar {
                    year: Some(y),
                    month: Some(m as u8),
                    day: Some(d as u8),
                },
            ));
        }
        // holidays
        if found.is_none() && doc.is_cap(i) && lex.holiday_starts.contains(w) {
            for len in (1..=3).rev() {
                if i + len > n {
                    continue;
                }
                let key = (i..i + len)
                    .map(|k| &doc.lower[k])
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(&(m, d)) = lex.holidays.get(&key) {
                    found = Some((
                        i + len,
                        DateExpr::Calendar {
                            year: None,
                            month: Some(m),
                            day: Some(d),
                        },
                    ));
                    break;
                }
            }
        }
        if found.is_none()
            && let Some(&month) = lex.months.get(w)
            && doc.is_cap(i)
        {
            let mut j = i + 1;
            if doc.is_punct(j, ".") && !doc.toks[j].space_before {
                j += 1;
            }
            let day = number(doc, j).filter(|d| (1..=31).contains(d) && doc.tok_text(j).len() <= 2);
            if let Some(day) = day {
                let (year, end) = optional_year(doc, j + 1);
                found = Some((end, DateExpr::day(year, month, day as u8)));
            } else if let Some(y) = year_at(doc, j) {
                found = Some((
                    j + 1,
                    DateExpr::Calendar {
                        year: Some(y),
                        month: Some(month),
                        day: None,
                    },
                ));
            } else {
                let prev = i.checked_sub(1).map(|p| &doc.lower[p]).unwrap_or("");
                // "May" alone is a month only after a word no modal verb follows, and not as a name's
                // possessive ("confidence in May's cabinet")
                let may = w == "may"
                    && matches!(
                        prev,
                        "in" | "since" | "until" | "early" | "late" | "mid" | "during"
                    )
                    && !doc
                        .toks
                        .get(i + 1)
                        .is_some_and(|t| t.kind == super::tokens::TokKind::Possessive);
                let standalone = (w != "may" && w != "mar" && w != "jan" && w.len() > 3) || may;
                if standalone
                    && matches!(
                        prev,
                        "in" | "since"
                            | "until"
                            | "by"
                            | "early"
                            | "late"
                            | "mid"
                            | "last"
                            | "next"
                            | "of"
                            | "during"
                            | "this"
                    )
                {
                    // the full stop after a whole month's name ends the sentence ("in May."); after an
                    // abbreviation ("in Sept.") it is the abbreviation's
                    let whole = matches!(w, "may" | "june" | "july") || w.len() > 4;
                    found = Some((
                        if whole { i + 1 } else { j },
                        DateExpr::Calendar {
                            year: None,
                            month: Some(month),
                            day: None,
                        },
                    ));
                }
            }
        }
        // 4 February (2025)
        if found.is_none()
            && let Some(day) =
                number(doc, i).filter(|d| (1..=31).contains(d) && doc.tok_text(i).len() <= 2)
            && doc.is_cap(i + 1)
            && let Some(&month) = lex.months.get(&doc.lower[i + 1])
        {
            let (year, end) = optional_year(doc, i + 2);
            found = Some((end, DateExpr::day(year, month, day as u8)));
        }
        if found.is_none()
            && doc.is_cap(i)
            && let Some(&wd) = lex.weekdays.get(w)
        {
            // "will travel to Riga on Friday": the Friday to come
            let ahead = (i.saturating_sub(8).max(doc.sents[doc.sent_of[i]].first)..i)
                .any(|k| UPCOMING.contains(&doc.lower[k]));
            found = Some((i + 1, DateExpr::Weekday { weekday: wd, ahead }));
        }
        if found.is_none() {
            found = match w {
                "yesterday" => Some((i + 1, DateExpr::Days { offset: -1 })),
                "today" | "tonight" => Some((i + 1, DateExpr::Days { offset: 0 })),
                "tomorrow" => Some((i + 1, DateExpr::Days { offset: 1 })),
                "last" | "this" | "next" if i + 1 < n => {
                    let off = match w {
                        "last" => -1,
                        "this" => 0,
                        _ => 1,
                    };
                    match &doc.lower[i + 1] {
                        "week" => Some((i + 2, DateExpr::Weeks { offset: off })),
                        "month" => Some((i + 2, DateExpr::Months { offset: off })),
                        "year" => Some((i + 2, DateExpr::Years { offset: off })),
                        _ => None,
                    }
                }
                _ => None,
            };
        }
        // three years ago
        if found.is_none()
            && doc.lower.get(i + 2).is_some_and(|a| a == "ago")
            && let Some(k) = small_number(w)
        {
            found = match doc.lower[i + 1].trim_end_matches('s') {
                "day" => Some((i + 3, DateExpr::Days { offset: -k })),
                "week" => Some((i + 3, DateExpr::Weeks { offset: -k })),
                "month" => Some((i + 3, DateExpr::Months { offset: -k })),
                "year" => Some((i + 3, DateExpr::Years { offset: -k })),
                _ => None,
            };
        }
        if found.is_none()
            && let Some(y) = year_at(doc, i)
            && !doc.is_punct(i + 1, "-")
            && !is_clock_time(doc, i)
        {
            found = Some((
                i + 1,
                DateExpr::Calendar {
                    year: Some(y),
                    month: None,
                    day: None,
                },
            ));
        }
        if let Some((end, expr)) = found {
            let span = Span::new(doc.toks[i].start, doc.toks[end - 1].end);
            out.push(DateMention {
                span: span.into(),
                expr,
                sentence: doc.sent_of[i] as u32,
                past: past_context(doc, i, end),
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Words that put a weekday after them in the days to come: the surest of [`FUTURE`]'s ("to", "by" or
/// "next" come before past weekdays too: "returned to Riga on Friday").
static UPCOMING: WordList = WordList::new(&[
    "will",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "plan",
    "upcoming",
    "slated",
    "shall",
]);

static FUTURE: WordList = WordList::new(&[
    "will",
    "would",
    "to",
    "set",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "plan",
    "upcoming",
    "next",
    "slated",
    "could",
    "may",
    "might",
    "shall",
    "until",
    "by",
    "before",
]);

fn is_past_verb(w: &str) -> bool {
    let lex = lexicon();
    lex.past_irregular.contains(w)
        || (w.len() >= 5
            && w.ends_with("ed")
            && !matches!(
                w,
                "scheduled"
                    | "expected"
                    | "planned"
                    | "proposed"
                    | "slated"
                    | "intended"
                    | "indeed"
            ))
}

/// A past-tense verb near the date in the same clause, no future or recurrence marker just before it, and
/// the date written with a day (not a holiday, which recurs). A comma is crossed only after an opening
/// phrase ("On Feb. 12, he held…", "During a briefing on Feb. 21, Trump said…").
fn past_context(doc: &Doc, first: usize, end: usize) -> bool {
    let s = doc.sents[doc.sent_of[first]];
    // a holiday recurs every year; "May 8" merely starts like "May Day"
    let phrase: Vec<&str> = (first..end).map(|k| &doc.lower[k]).collect();
    if lexicon().holidays.contains_key(&phrase.join(" ")) {
        return false;
    }
    // "born April 22, 1923" tells a life, not the news: it does not date the article
    if (first.saturating_sub(4).max(s.first)..first).any(|k| {
        FUTURE.contains(&doc.lower[k])
            || matches!(
                &doc.lower[k],
                "annually" | "every" | "each" | "born" | "birth"
            )
    }) {
        return false;
    }
    let is_comma = |k: usize| doc.is_punct(k, ",") || doc.is_punct(k, ";") || doc.is_punct(k, "—");
    let opening_phrase = doc.lower_is(
        s.first,
        &[
            "on",
            "during",
            "in",
            "at",
            "after",
            "before",
            "since",
            "by",
            "following",
        ],
    ) && !(s.first..first).any(is_comma);
    let mut lo = first;
    while lo > s.first && first - lo < 6 && !is_comma(lo - 1) {
        lo -= 1;
    }
    let mut hi = end;
    let mut crossed = false;
    while hi < s.last && hi - end < 6 {
        if is_comma(hi) {
            if !opening_phrase || crossed {
                break;
            }
            crossed = true;
        }
        hi += 1;
    }
    (lo..first).chain(end..hi).any(|k| {
        let passive_present =
            k > s.first && doc.lower_is(k - 1, &["is", "are", "am", "be", "being"]);
        is_past_verb(&doc.lower[k]) && !passive_present
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, DateExpr, bool)> {
        let doc = Doc::new(text, 0);
        find(&doc)
            .into_iter()
            .map(|d| (d.text(text).to_string(), d.expr, d.past))
            .collect()
    }

    #[test]
    fn a_birth_date_does_not_date_the_article() {
        let d =
            dates("The actress, who was born on April 22, 1923, in Nashville, died on Thursday.");
        assert!(!d[0].2, "a birth date is not past news: {d:?}");
    }

    #[test]
    fn a_time_of_day_is_not_a_year() {
        let d =
            dates("The ship sank at about 2045 GMT and the last boat left at 2130 hours in 2011.");
        let exprs: Vec<DateExpr> = d.into_iter().map(|(_, e, _)| e).collect();
        assert_eq!(exprs, vec![cal(Some(2011), None, None)]);
    }

    fn cal(year: Option<i16>, month: Option<u8>, day: Option<u8>) -> DateExpr {
        DateExpr::Calendar { year, month, day }
    }

    #[test]
    fn absolute_and_partial_dates() {
        let d = dates(
            "Ministers met on Feb. 18, 2025 and again on 4 March. Elections since June 2021 and in 2022.",
        );
        assert_eq!(d[0].0, "Feb. 18, 2025");
        assert_eq!(d[0].1, cal(Some(2025), Some(2), Some(18)));
        assert!(d[0].2, "met … on Feb. 18 is past");
        assert_eq!(d[1].1, cal(None, Some(3), Some(4)));
        assert_eq!(d[2].1, cal(Some(2021), Some(6), None));
        assert_eq!(d[3].1, cal(Some(2022), None, None));
    }

    #[test]
    fn a_may_date_told_in_the_past_dates_the_article_but_may_day_does_not() {
        let d = dates("Saar said on May 8 that no date was set. They marched on May Day.");
        assert_eq!(d[0].0, "May 8");
        assert!(d[0].2, "said on May 8 is past");
        assert!(d.iter().any(|x| x.0 == "May Day" && !x.2));
    }

    #[test]
    fn may_after_in_is_the_month_but_not_a_prime_ministers_possessive() {
        let d = dates(
            "She checked into the clinic in May. Few had trust in May's cabinet. Voters may decide.",
        );
        let found: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(found, vec!["May"]);
    }

    #[test]
    fn may_the_verb_is_not_a_month_but_may_9_is() {
        let d = dates("May officials may travel on May 9. The envoy may resign.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].1, cal(None, Some(5), Some(9)));
        assert!(!d[0].2, "a plan to travel is not past");
    }

    #[test]
    fn relative_weekdays_and_holidays() {
        let d = dates("He spoke Tuesday, last week and three years ago, before Victory Day.");
        assert_eq!(
            d[0].1,
            DateExpr::Weekday {
                weekday: 2,
                ahead: false
            }
        );
        assert_eq!(d[1].1, DateExpr::Weeks { offset: -1 });
        assert_eq!(d[2].1, DateExpr::Years { offset: -3 });
        assert_eq!(d[3].1, cal(None, Some(5), Some(9)));
    }

    #[test]
    fn resolution_against_the_article_date() {
        let anchor = jiff::civil::date(2025, 2, 22); // a Saturday
        let tue = DateExpr::Weekday {
            weekday: 2,
            ahead: false,
        }
        .resolve(Some(anchor));
        assert_eq!(tue.map(|d| d.display()), Some("2025-02-18".into()));
        let next_tue = DateExpr::Weekday {
            weekday: 2,
            ahead: true,
        }
        .resolve(Some(anchor));
        assert_eq!(next_tue.map(|d| d.display()), Some("2025-02-25".into()));
        let may9 = cal(None, Some(5), Some(9)).resolve(Some(anchor));
        assert_eq!(may9.map(|d| d.display()), Some("2025-05-09".into()));
        assert_eq!(DateExpr::Days { offset: -1 }.resolve(None), None);
        assert_eq!(
            cal(None, Some(5), Some(9))
                .resolve(None)
                .map(|d| d.display()),
            Some("--05-09".into())
        );
    }

    #[test]
    fn iso_dates() {
        let d = dates("Filed 2024-11-05.");
        assert_eq!(d[0].1, cal(Some(2024), Some(11), Some(5)));
    }
}
