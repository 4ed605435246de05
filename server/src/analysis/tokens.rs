//! Tokens and sentences: words, numbers and punctuation with their byte spans, and sentence boundaries
//! that know abbreviations ("Feb.", "U.S.") and initials ("George W. Bush").

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// The possessive `'s` / `’s` (or a lone `'` / `’` after a plural).
    Possessive,
    Punct,
}

/// One token: its byte span in the text and what precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace comes right before this token.
    pub space_before: bool,
    /// A line break comes before this token (it starts a line).
    pub line_start: bool,
    /// A word starting with an upper-case letter (see [`Token::is_capitalised`]).
    capitalised: bool,
    /// A word with two letters or more (see [`Token::has_two_letters`]).
    two_letters: bool,
    /// A word of two letters or more, all upper case (see [`Token::is_all_caps`]).
    all_caps: bool,
}

impl Token {
    /// The token `text[start..end]`, with what the recognisers ask of its letters worked out once (they ask
    /// it of every token, many times).
    pub fn new(
        text: &str,
        (start, end): (usize, usize),
        kind: TokKind,
        space_before: bool,
        line_start: bool,
    ) -> Token {
        let word = kind == TokKind::Word;
        let t = &text[start..end];
        let letters = t.chars().filter(|c| c.is_alphabetic());
        let two_letters = word && letters.clone().nth(1).is_some();
        Token {
            start,
            end,
            kind,
            space_before,
            line_start,
            capitalised: word && t.chars().next().is_some_and(char::is_uppercase),
            two_letters,
            all_caps: two_letters && letters.clone().all(char::is_uppercase),
        }
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// The word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.capitalised
    }

    /// A word with at least two letters.
    pub fn has_two_letters(&self) -> bool {
        self.two_letters
    }

    /// Every letter is upper case and there are at least two.
    pub fn is_all_caps(&self) -> bool {
        self.all_caps
    }
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text;
    let mut out = Vec::new();
    let mut chars = bytes.char_indices().peekable();
    let mut space_before = true;
    let mut line_start = true;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            if c == '\n' {
                line_start = true;
            }
            space_before = true;
            chars.next();
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            let numeric_start = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            chars.next();
            let mut all_digits = numeric_start;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let rest = &text[j + d.len_utf8()..];
                let next = rest.chars().next();
                // 1,000 / 3.5 / 10:30 inside numbers
                if all_digits
                    && matches!(d, ',' | '.' | ':')
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // U.S. / U.A.E.: single letters joined by periods
                if d == '.' && !all_digits {
                    let word = &text[start..end];
                    let last_seg = word.rsplit('.').next().unwrap_or(word);
                    if last_seg.chars().count() == 1
                        && next.is_some_and(|n| n.is_alphabetic())
                        && rest.chars().nth(1) == Some('.')
                    {
                        end = j + 1;
                        chars.next();
                        continue;
                    }
                    if word.contains('.') && last_seg.chars().count() == 1 {
                        // the final period of an abbreviation like U.S.
                        end = j + 1;
                        chars.next();
                        break;
                    }
                }
                // don't / O'Brien / isn't — but not the possessive 's
                if is_apostrophe(d) && next.is_some_and(char::is_alphabetic) {
                    let after: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
                    if after.eq_ignore_ascii_case("s") {
                        break;
                    }
                    end = j + d.len_utf8() + after.len();
                    chars.next();
                    for _ in 0..after.chars().count() {
                        chars.next();
                    }
                    continue;
                }
                break;
            }
            let kind = if all_digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token::new(
                text,
                (start, end),
                kind,
                space_before,
                line_start,
            ));
            space_before = false;
            line_start = false;
            continue;
        }
        if is_apostrophe(c)
            && !space_before
            && out.last().is_some_and(|t: &Token| t.kind == TokKind::Word)
        {
            let rest = &text[i + c.len_utf8()..];
            let mut it = rest.chars();
            let s = it.next();
            if s.is_some_and(|s| s == 's' || s == 'S')
                && !it.next().is_some_and(char::is_alphanumeric)
            {
                chars.next();
                chars.next();
                out.push(Token::new(
                    text,
                    (start, i + c.len_utf8() + 1),
                    TokKind::Possessive,
                    space_before,
                    line_start,
                ));
                space_before = false;
                line_start = false;
                continue;
            }
        }
        chars.next();
        out.push(Token::new(
            text,
            (start, i + c.len_utf8()),
            TokKind::Punct,
            space_before,
            line_start,
        ));
        space_before = false;
        line_start = false;
    }
    out
}

/// A sentence: a range of token indices and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

/// Longest sentence, in tokens; text without sentence ends is cut there so work per sentence stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Splits tokens into sentences. Every line break ends a sentence.
pub fn sentences(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let lex = super::lexicon::lexicon();
    let mut out = Vec::new();
    let mut first = 0;
    let close = |first: usize, last: usize, out: &mut Vec<Sentence>| {
        if last > first {
            out.push(Sentence {
                first,
                last,
                start: toks[first].start,
                end: toks[last - 1].end,
            });
        }
    };
    for i in 0..toks.len() {
        // a line with no sentence ends is cut into pieces of bounded length
        if i > first && (toks[i].line_start || i - first >= MAX_SENTENCE_TOKENS) {
            close(first, i, &mut out);
            first = i;
        }
        let t = toks[i];
        let s = t.text(text);
        if t.kind != TokKind::Punct || !matches!(s, "." | "!" | "?") {
            continue;
        }
        // include closing quotes and brackets after the terminal mark
        let mut end = i + 1;
        while end < toks.len()
            && !toks[end].space_before
            && matches!(toks[end].text(text), "\"" | "”" | "’" | "'" | ")" | "]")
        {
            end += 1;
        }
        let Some(next) = toks.get(end) else { continue };
        if next.line_start {
            continue;
        }
        let next_text = next.text(text);
        let next_opens = next.is_capitalised()
            || next.kind == TokKind::Number
            || matches!(next_text, "\"" | "“" | "‘" | "(" | "'");
        if !next_opens || !next.space_before {
            continue;
        }
        if s == "." && i > 0 && toks[i - 1].end == t.start && toks[i - 1].is_word() {
            let prev = toks[i - 1].text(text);
            let lower = prev.to_lowercase();
            let single_initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
            if single_initial || lex.abbreviations.contains(lower.as_str()) {
                continue;
            }
        }
        close(first, end, &mut out);
        first = end;
    }
    close(first, toks.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn possessives_abbreviations_and_hyphens() {
        assert_eq!(
            texts("Trump’s U.S. visit, Zelensky's post-war plan isn't 1,000.5"),
            vec![
                "Trump", "’s", "U.S.", "visit", ",", "Zelensky", "'s", "post", "-", "war", "plan",
                "isn't", "1,000.5"
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let text = "He met George W. Bush on Feb. 18 in the U.S. capital. Then he left.\nNew line";
        let toks = tokenize(text);
        let s: Vec<&str> = sentences(text, &toks)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            vec![
                "He met George W. Bush on Feb. 18 in the U.S. capital.",
                "Then he left.",
                "New line"
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        let text = "She said, “It is over.” Officials agreed.";
        let toks = tokenize(text);
        let s: Vec<&str> = sentences(text, &toks)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(s, vec!["She said, “It is over.”", "Officials agreed."]);
    }
}
