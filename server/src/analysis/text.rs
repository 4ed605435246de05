//! The tokenised article the recognisers share: tokens outside front matter and furniture, sentences,
//! and per-article evidence about capitalisation (which words are names here, which lines are in Title Case).

use super::intern::intern;
use super::lexicon::lexicon;
use super::tokens::{self, Sentence, TokKind, Token};
use super::word_list::WordList;
use rustc_hash::FxHashSet as HashSet;

/// The lower-cased text of every token, in one buffer: `lower[i]` is token `i`'s (one allocation for the
/// article, not one a token).
pub struct Lower {
    buf: String,
    /// Where each token's text ends in `buf`; it starts where the previous one ends.
    ends: Vec<u32>,
}

impl Lower {
    fn new(text: &str, toks: &[Token]) -> Lower {
        let mut buf = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(toks.len());
        for t in toks {
            let word = t.text(text);
            if word.is_ascii() {
                let from = buf.len();
                buf.push_str(word);
                buf[from..].make_ascii_lowercase();
            } else {
                buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            ends.push(buf.len() as u32);
        }
        Lower { buf, ends }
    }

    /// Token `i`'s lower-cased text, if there is a token `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(&self.buf[start..end])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl std::ops::Index<usize> for Lower {
    type Output = str;

    #[inline]
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(w) => w,
            None => panic!("token {i} of {}", self.ends.len()),
        }
    }
}

/// A tokenised article.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub sents: Vec<Sentence>,
    /// Sentence index of every token.
    pub sent_of: Vec<usize>,
    /// Lower-cased text of every token.
    pub lower: Lower,
    /// Sentences whose line is written in Title Case (capitals say nothing there).
    pub title_case: Vec<bool>,
    /// For each sentence, the dash or colon that ends a Title Case label opening it ("- Pressure on Ukraine
    /// to Make Concessions – There is concern…"), if one does: capitals say nothing before it either.
    pub label_end: Vec<Option<usize>>,
    /// Words (lower-cased) seen capitalised in the middle of a normal sentence.
    pub names_here: HashSet<String>,
    /// Words (lower-cased) seen in lower case in the article.
    pub lower_here: HashSet<String>,
    /// Ignored furniture ranges.
    pub furniture: Vec<(usize, usize)>,
    /// Headlines of linked articles ("Read more: …"): names count, claims and events do not.
    pub links: Vec<(usize, usize)>,
    /// Sentences inside a link.
    pub link_sent: Vec<bool>,
    /// Indexes of the tokens that start a line.
    pub line_starts: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, body_start: usize) -> Doc<'a> {
        let body_start = super::super::corpus::lines::floor_char_boundary(text, body_start);
        let ranges = crate::corpus::furniture::furniture_ranges(text, body_start);
        let furniture: Vec<(usize, usize)> = ranges
            .iter()
            .filter(|f| !f.link)
            .map(|f| (f.start, f.end))
            .collect();
        let links: Vec<(usize, usize)> = ranges
            .iter()
            .filter(|f| f.link)
            .map(|f| (f.start, f.end))
            .collect();
        // ranges are sorted by start and do not overlap
        let inside = |ranges: &[(usize, usize)], off: usize| {
            super::covers(ranges, |&(s, e)| super::Span::new(s, e), off)
        };
        let in_furniture = |t: &Token| inside(&furniture, t.start);
        let mut toks: Vec<Token> = tokens::tokenize(&text[body_start..])
            .into_iter()
            .map(|mut t| {
                t.start += body_start;
                t.end += body_start;
                t
            })
            .filter(|t| !in_furniture(t))
            .collect();
        for t in &mut toks {
            if links.binary_search_by_key(&t.start, |&(s, _)| s).is_ok() {
                t.line_start = true;
            }
        }
        // the first token after front matter or furniture starts a line
        if let Some(t) = toks.first_mut() {
            t.line_start = true;
        }
        let sents = tokens::sentences(text, &toks);
        let mut sent_of = vec![0; toks.len()];
        for (si, s) in sents.iter().enumerate() {
            for slot in &mut sent_of[s.first..s.last] {
                *slot = si;
            }
        }
        let lower = Lower::new(text, &toks);
        let link_sent = sents.iter().map(|s| inside(&links, s.start)).collect();
        let mut doc = Doc {
            text,
            toks,
            sents,
            sent_of,
            lower,
            title_case: Vec::new(),
            label_end: Vec::new(),
            names_here: HashSet::default(),
            lower_here: HashSet::default(),
            furniture,
            links,
            link_sent,
            line_starts: Vec::new(),
        };
        doc.line_starts = (0..doc.toks.len())
            .filter(|&i| doc.toks[i].line_start)
            .collect();
        doc.title_case = (0..doc.sents.len()).map(|s| doc.is_title_case(s)).collect();
        doc.label_end = (0..doc.sents.len()).map(|s| doc.title_label(s)).collect();
        for i in 0..doc.toks.len() {
            let t = doc.toks[i];
            if !t.is_word() {
                continue;
            }
            if t.is_capitalised() {
                if !doc.in_title_case(i) && !doc.sentence_initial(i) {
                    doc.names_here.insert(doc.lower[i].to_string());
                }
            } else {
                doc.lower_here.insert(doc.lower[i].to_string());
            }
        }
        doc
    }

    pub fn tok_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalised())
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.text(self.text) == p)
    }

    pub fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        self.lower.get(i).is_some_and(|w| words.contains(&w))
    }

    /// Token `i` exists and its lower-cased text is in `words`.
    pub fn lower_in(&self, i: usize, words: &super::word_list::WordList) -> bool {
        self.lower.get(i).is_some_and(|w| words.contains(w))
    }

    /// The token opens its sentence (possibly after an opening quote, dash or bullet).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let s = self.sents[self.sent_of[i]];
        let mut j = s.first;
        while j < i && self.toks[j].kind == TokKind::Punct {
            j += 1;
        }
        j == i
            || (i > 0 && self.is_punct(i - 1, ":") && self.toks[i].space_before)
            || self.label_end[self.sent_of[i]].is_some_and(|end| i == end + 1)
    }

    /// Whether token `i` is in a Title Case line or label, where capitals tell no name from a word.
    pub fn in_title_case(&self, i: usize) -> bool {
        let si = self.sent_of[i];
        self.title_case[si] || self.label_end[si].is_some_and(|end| i < end)
    }

    /// The dash or colon ending a Title Case label that opens a line's sentence and is followed by prose:
    /// a bullet's heading ("- Pressure on Ukraine to Make Concessions – There is concern…"), at most 12
    /// tokens in, of at least two longer content words, all capitalised.
    fn title_label(&self, s: usize) -> Option<usize> {
        let sent = self.sents[s];
        if self.title_case[s] || !self.toks[sent.first].line_start {
            return None;
        }
        let end = (sent.first + 1..sent.last.min(sent.first + 12)).find(|&k| {
            self.toks[k].kind == TokKind::Punct
                && matches!(self.tok_text(k), "–" | "—" | ":" | "-")
                && self.toks[k].space_before == (self.tok_text(k) != ":")
        })?;
        let words: Vec<usize> = self.longer_content_words(sent.first, end).collect();
        (words.len() >= 2 && words.iter().all(|&i| self.is_cap(i))).then_some(end)
    }

    /// The words from token `from` to `to` that tell Title Case: four letters or more, no function word.
    fn longer_content_words(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let lex = lexicon();
        (from..to).filter(move |&i| {
            self.toks[i].is_word()
                && self.tok_text(i).chars().count() >= 4
                && !lex.function_words.contains(&self.lower[i])
        })
    }

    /// The tokens lying within `span`: from the first starting at or after its start to the last ending by
    /// its end.
    pub fn tokens_within(&self, span: super::Span) -> std::ops::Range<usize> {
        let from = self.toks.partition_point(|t| t.start < span.start);
        let to = self.toks.partition_point(|t| t.end <= span.end);
        from..to.max(from)
    }

    /// A line in Title Case: (almost) every longer content word capitalised, and no period or exclamation
    /// at its end (a headline may ask: "Was the Audio a Hoax?").
    fn is_title_case(&self, s: usize) -> bool {
        let sent = self.sents[s];
        let words: Vec<usize> = self.longer_content_words(sent.first, sent.last).collect();
        let last = self.tok_text(sent.last - 1);
        // a full stop ends prose ("Foreign Minister Anna Berg met Prime Minister Tomas Lind in Oslo."),
        // save in a first line of five longer words or more where every word but the function words is
        // capitalised ("Once Again, The Banksy Arrest Is A Giant Hoax.")
        let first_line = self
            .line_starts
            .get(1)
            .is_none_or(|&second| sent.first < second);
        let all_capitalised = || {
            (sent.first..sent.last).all(|i| {
                !self.toks[i].is_word()
                    || self.is_cap(i)
                    || lexicon().function_words.contains(&self.lower[i])
            })
        };
        if words.len() < 3
            || (matches!(last, "." | "!") && !(first_line && words.len() >= 5 && all_capitalised()))
        {
            return false;
        }
        // a brand written in camel case ("iPhone", "eBay") is a capitalised word of the title, and a
        // measure joined to its number ("12-inch", "5-Year-Old") may be written either way
        let measure = |i: usize| {
            i >= 2
                && self.is_punct(i - 1, "-")
                && !self.toks[i - 1].space_before
                && self.toks[i - 2].kind == TokKind::Number
        };
        let caps = words
            .iter()
            .filter(|&&i| {
                self.is_cap(i)
                    || measure(i)
                    || self.tok_text(i).chars().skip(1).any(char::is_uppercase)
            })
            .count();
        caps * 100 >= words.len() * 85
    }

    /// Sentences that are headlines: the first line of the body and short lines without final punctuation.
    pub fn headline_sentences(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let first_line_short = self.first_line_words() <= 40;
        for (si, s) in self.sents.iter().enumerate() {
            let on_first_line = self
                .line_starts
                .get(1)
                .is_none_or(|&second| s.first < second);
            if on_first_line && first_line_short {
                out.push(si);
                continue;
            }
            let starts_line = self.toks[s.first].line_start;
            let ends_line = self.toks.get(s.last).is_none_or(|t| t.line_start);
            let last = self.tok_text(s.last - 1);
            let words = (s.first..s.last)
                .filter(|&i| self.toks[i].is_word())
                .count();
            let unpunctuated = !matches!(last, "." | "”" | "\"" | "!" | "…");
            if starts_line
                && ends_line
                && unpunctuated
                && (2..=25).contains(&words)
                && self.title_case[si]
            {
                out.push(si);
            }
        }
        out
    }

    /// Index of the first token at or after `i` that starts a line (or the token count).
    pub fn line_end_after(&self, i: usize) -> usize {
        let from = i.min(self.toks.len());
        let k = self.line_starts.partition_point(|&t| t < from);
        self.line_starts.get(k).copied().unwrap_or(self.toks.len())
    }

    /// Words on the first line of the body.
    fn first_line_words(&self) -> usize {
        let end = self.line_starts.get(1).copied().unwrap_or(self.toks.len());
        self.toks[..end].iter().filter(|t| t.is_word()).count()
    }

    /// Is this capitalised token evidence of a name? Sentence-initial and Title-Case capitals count only for
    /// words that are names elsewhere in the article or in the lexicons.
    pub fn name_like(&self, i: usize) -> bool {
        let t = self.toks[i];
        if !t.is_capitalised() {
            return false;
        }
        let w = &self.lower[i];
        // "I" is someone speaking, not a name ("Reggie I'm sure will play"); "I." is an initial
        let pronoun = w == "i" || w.starts_with("i'") || w.starts_with("i’");
        if pronoun && !self.is_punct(i + 1, ".") {
            return false;
        }
        let lex = lexicon();
        if lex.function_words.contains(w) && !t.is_all_caps() {
            return self.opens_known_name(i) || self.adjective_opening_name(i);
        }
        if self.sentence_initial(i) || self.in_title_case(i) {
            return self.names_here.contains(w)
                || lex.first_names.contains(w)
                || lex.places.contains_key(w)
                || lex.orgs.contains_key(w)
                || lex.demonyms.contains_key(w)
                || (t.is_all_caps() && w.len() <= 6)
                || (i > 0
                    && self.is_cap(i - 1)
                    && lex.first_names.contains(&self.lower[i - 1])
                    && !predicate_word(w))
                || self.within_known_name(i)
                || self.name_after_title_in_title_case(i)
                || (!self.lower_here.contains(w)
                    && self.sentence_initial(i)
                    && !self.in_title_case(i)
                    && self.followed_by_name(i));
        }
        true
    }

    /// Whether a capitalised word the lexicon counts as a function word opens a place or an organisation
    /// the lexicons know by two or three words: "New" in "New York", "New Zealand".
    fn opens_known_name(&self, i: usize) -> bool {
        self.known_name_from(i).is_some()
    }

    /// Whether token `i` is a word of a place or an organisation the lexicons know by two or three
    /// capitalised words ("Islamic State", "New York Times"): in a Title Case line or opening a sentence,
    /// where a capital alone tells nothing, the lexicon tells the name.
    fn within_known_name(&self, i: usize) -> bool {
        (i.saturating_sub(2)..=i)
            .any(|from| self.known_name_from(from).is_some_and(|n| from + n > i))
    }

    /// The number of tokens (two or three, the longest) of the place or organisation the lexicons know
    /// that capitalised words from token `from` name.
    fn known_name_from(&self, from: usize) -> Option<usize> {
        let capitalised = |k: usize| self.toks.get(k).is_some_and(|t| t.is_capitalised());
        // most words ("The", "In") open a run of lower-case words: nothing to look up
        if !capitalised(from) || !capitalised(from + 1) {
            return None;
        }
        let lex = lexicon();
        let mut key = self.lower[from].to_string();
        let mut found = None;
        for k in from + 1..from + 3 {
            if !capitalised(k) {
                break;
            }
            key.push(' ');
            key.push_str(&self.lower[k]);
            if lex.places.contains_key(&key) || lex.orgs.contains_key(&key) {
                found = Some(k + 1 - from);
            }
        }
        found
    }

    /// Whether a capitalised adjective the lexicon counts as a function word ("Big", "Great") opens a name
    /// before another capitalised word: "rapper Big Bank Hank". Inside a sentence its capital says so;
    /// opening one, only when the article writes it capitalised inside a sentence too (and in a Title Case
    /// line never: there every word is capitalised).
    fn adjective_opening_name(&self, i: usize) -> bool {
        NAME_ADJECTIVES.contains(&self.lower[i])
            && self.followed_by_name(i)
            && !self.in_title_case(i)
            && (!self.sentence_initial(i) || self.names_here.contains(&self.lower[i]))
    }

    /// Whether, in a Title Case line, the word at `i` is one of two after a person's title that make a
    /// name ("Actor Judd Nelson Is Alive", "Singer Tamsin Okafor Denies Split"): a word shaped as a given
    /// name, then one more, neither a verb or a state, a function word, a title, nor a place or an
    /// organisation the lexicons know ("Judge Rules Against Apple", "Star Wars Actor" name no one); not
    /// after a title that ends another name ("Dawn Of Justice Stolen Batmobile Rumor").
    fn name_after_title_in_title_case(&self, i: usize) -> bool {
        let lex = lexicon();
        let plain = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.is_word() && t.space_before && !t.is_all_caps())
                && self.is_cap(k)
                && self.in_title_case(k)
                && {
                    let w = &self.lower[k];
                    !lex.knows_as_no_name(w)
                        && !predicate_word(w)
                        && !lex.role_modifiers.contains(w)
                }
        };
        // a title after "of" ends a name ("Dawn Of Justice Stolen Batmobile Rumor")
        let title = |k: usize| {
            self.is_cap(k)
                && lex.person_roles.contains(&self.lower[k])
                && !(k > 0 && self.lower_is(k - 1, &["of"]))
        };
        // a given name no other rule knows: a name written elsewhere ("President Obama Overturns …")
        // is found as such, and what follows it is no surname
        let given = |k: usize| {
            plain(k)
                && given_name_shape(&self.lower[k])
                && !self.names_here.contains(&self.lower[k])
                && !lex.first_names.contains(&self.lower[k])
        };
        (i > 0 && title(i - 1) && given(i) && plain(i + 1))
            || (i > 1 && title(i - 2) && given(i - 1) && plain(i))
    }

    /// The next token is a capitalised word too, so `i` begins a multi-word name.
    fn followed_by_name(&self, i: usize) -> bool {
        self.toks
            .get(i + 1)
            .is_some_and(|n| n.space_before && n.is_capitalised())
    }

    /// The content words ([`Doc::keywords`]) of the first `n` sentences that are not a linked article's
    /// headline, numbered, sorted by number and each once.
    pub fn lead_keywords(&self, n: usize) -> Box<[super::intern::Numbered]> {
        let mut words: Vec<super::intern::Numbered> = self
            .sents
            .iter()
            .zip(&self.link_sent)
            .filter(|&(_, &link)| !link)
            .take(n)
            .flat_map(|(s, _)| self.keywords(s.first, s.last))
            .map(super::intern::Numbered::of)
            .collect();
        words.sort_unstable_by_key(|w| w.get());
        words.dedup();
        words.into()
    }

    /// Whether token `i` is a number written next to a month ("January 29", "29 Jan.", "Jan. 29").
    fn day_of_month(&self, i: usize) -> bool {
        let months = &lexicon().months;
        self.toks[i].kind == TokKind::Number
            && (self
                .lower
                .get(i + 1)
                .is_some_and(|w| months.contains_key(w))
                || (i >= 1 && months.contains_key(&self.lower[i - 1]))
                || (i >= 2 && self.is_punct(i - 1, ".") && months.contains_key(&self.lower[i - 2])))
    }

    /// Lower-cased words of a sentence range that carry content, crudely stemmed.
    pub fn keywords(&self, from: usize, to: usize) -> Vec<&'static str> {
        let lex = lexicon();
        let mut out: Vec<&'static str> = (from..to)
            .filter(|&i| self.toks[i].is_word() || self.toks[i].kind == TokKind::Number)
            .flat_map(|i| {
                let w: &str = &self.lower[i];
                let (word, unit) = match amount(w) {
                    Some((number, unit)) => (Some(number), Some(unit)),
                    // the day of a date is matched as a date, not as a word ("January 29", "29 Jan.")
                    None if self.day_of_month(i) => (None, None),
                    None => (Some(w), None),
                };
                word.into_iter().chain(unit)
            })
            // a number of two digits tells a story as a word does ("10 killed", "72 million")
            .filter(|w| {
                w.chars().count() >= 3 || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))
            })
            .filter(|w| !lex.function_words.contains(w) && !STOP_EXTRA.contains(w))
            // a month or a weekday alone tells no story (a claim's days are matched as dates)
            .filter(|w| !lex.months.contains_key(w) && !lex.weekdays.contains_key(w))
            // an event word stands for its event: "dead", "died" and "death" are one keyword
            .map(|w| match lex.triggers.get(w) {
                Some((lemma, _)) => *lemma,
                None => intern(&stem(w)),
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// An amount written with its unit as one word ("72m", "130k", "5bn"): the number and the unit's word,
/// so that "$72M" and "72 million" share both.
fn amount(w: &str) -> Option<(&str, &'static str)> {
    let digits = w.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let unit = match &w[digits..] {
        "k" => "thousand",
        "m" | "mn" | "mln" => "million",
        "b" | "bn" | "bln" => "billion",
        _ => return None,
    };
    (digits > 0).then(|| (&w[..digits], unit))
}

/// Whether a word (lower case) is shaped like a given name rather than another word capitalised in a
/// headline: letters only, two or more, without the ending of a participle, an adverb or a plural.
fn given_name_shape(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(char::is_alphabetic)
        && !["ing", "ly", "ed", "s"].iter().any(|end| w.ends_with(end))
}

/// Whether a word (lower case) tells something of whom a headline names rather than ending their name: a
/// verb ("Judd Nelson Found Dead", "Dylan Thomas Finds Spider", "Guy Says") or a state ("Dead").
pub(crate) fn predicate_word(w: &str) -> bool {
    let lex = lexicon();
    let verb = |v: &str| {
        lex.triggers.contains_key(v)
            || lex.reporting_verbs.contains(v)
            || lex.past_irregular.contains(v)
            || PREDICATES.contains(v)
    };
    verb(w)
        || (w.len() > 4 && w.ends_with("ed"))
        || w.strip_suffix('s')
            .is_some_and(|stem| stem.len() > 2 && verb(stem))
}

/// Verbs and states a headline tells of someone that the lexicon's event words do not hold.
static PREDICATES: WordList = WordList::new(&[
    "dead",
    "alive",
    "missing",
    "find",
    "found",
    "identified",
    "is",
    "was",
    "has",
    "had",
    "gets",
    "get",
    "wins",
    "win",
    "makes",
    "make",
    "takes",
    "take",
    "gives",
    "give",
    "eats",
    "eat",
    "shows",
    "show",
]);

/// Adjectives among the lexicon's function words that open names when capitalised ("Big Bank Hank",
/// "Great Lakes Dredge").
pub(crate) static NAME_ADJECTIVES: WordList =
    WordList::new(&["big", "great", "good", "bad", "old"]);

static STOP_EXTRA: WordList = WordList::new(&[
    "said",
    "says",
    "say",
    "told",
    "according",
    "report",
    "reports",
    "reported",
    "reportedly",
    "news",
    "claims",
    "claim",
    "claimed",
    "deny",
    "denies",
    "denied",
    "not",
    "hoax",
    "fake",
    "false",
    "true",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "story",
    "stories",
    "debunk",
    "debunked",
    "officials",
    "official",
    "sources",
    "source",
    // hedges and the other words of denials: how a story is told, not what it tells
    "likely",
    "unlikely",
    "probably",
    "possibly",
    "maybe",
    "perhaps",
    "allegedly",
    "apparently",
    "lie",
    "lies",
    "debunks",
    "debunking",
    "myth",
    "bogus",
    "fiction",
    "fabricated",
    "untrue",
    "fooled",
]);

/// A crude English stem: plural and verb endings removed, a doubled final consonant undone.
pub fn stem(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let n = w.chars().count();
    if n <= 3 || w == "news" {
        return w.to_string();
    }
    if let Some(base) = w.strip_suffix("ies") {
        return format!("{base}y");
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            let b: Vec<char> = base.chars().collect();
            let l = b.len();
            if l >= 2 && b[l - 1] == b[l - 2] && !matches!(b[l - 1], 'l' | 's' | 'z') {
                return b[..l - 1].iter().collect();
            }
            return base.to_string();
        }
    }
    if let Some(base) = w.strip_suffix("es")
        && (base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh"))
    {
        return base.to_string();
    }
    if let Some(base) = w.strip_suffix('s')
        && !base.ends_with(['s', 'u', 'i'])
    {
        return base.to_string();
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::{Doc, stem};

    #[test]
    fn amounts_and_numbers_of_two_digits_are_content_words() {
        let words = |text: &str| {
            let doc = Doc::new(text, 0);
            doc.keywords(0, doc.toks.len())
        };
        let short = words("Teen trader made $72M, and 10 died.");
        let long = words("A teen trader made 72 million dollars.");
        for w in ["72", "million", "10"] {
            assert!(short.contains(&w), "{w} in {short:?}");
        }
        assert!(
            long.contains(&"72") && long.contains(&"million"),
            "{long:?}"
        );
        assert!(!words("He has 3 dogs.").contains(&"3"));
        // the day of a date is no word: dates are matched as dates
        for text in [
            "Talks open on January 29.",
            "Talks open on 29 January.",
            "Talks open on Jan. 29.",
        ] {
            assert!(!words(text).contains(&"29"), "{text}: {:?}", words(text));
        }
    }

    #[test]
    fn hedges_and_the_words_of_a_denial_are_no_content() {
        let doc = Doc::new("Giant Squid Is Most Likely A Myth And A Lie", 0);
        assert_eq!(doc.keywords(0, doc.toks.len()), vec!["giant", "squid"]);
    }

    #[test]
    fn stems_fold_inflections() {
        for (a, b) in [
            ("airlines", "airline"),
            ("planned", "plans"),
            ("getting", "gets"),
            ("churches", "church"),
            ("stories", "story"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("news"), "news");
        assert_eq!(stem("crisis"), "crisis");
    }
}
