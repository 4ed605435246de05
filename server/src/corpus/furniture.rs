//! Web-page furniture: lines copied along with an article from its web page ("Leave a Reply",
//! "Scroll to Top", "Read more: …", cookie and comment prompts, bylines). They produce no actors, events or claims.

use regex::RegexSet;
use std::sync::OnceLock;

fn patterns() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        RegexSet::new([
            r"(?i)^leave a (reply|comment|response)\b",
            r"(?i)^(post|add|write) a comment\b",
            r"(?i)^\d*\s*comments?$",
            r"(?i)^your email address will not be published",
            r"(?i)^required fields are marked",
            r"(?i)^save my name,? email",
            r"(?i)^(name|email|website|comment)\s*\*?$",
            r"(?i)^scroll to (the )?top$",
            r"(?i)^back to top$",
            r"(?i)^(read|see) (more|also)\b\s*:?",
            r"(?i)^related( articles?| stories| posts)?\s*:",
            r"(?i)^(also read|recommended|more from)\b\s*:",
            r"(?i)\b(we|this (web)?site) uses? cookies\b",
            r"(?i)^(accept|reject|manage)( all)? cookies\b",
            r"(?i)^(share|tweet|email|print)( this( article| story)?)?( on (facebook|twitter|x|linkedin|whatsapp))?$",
            r"(?i)^(subscribe|sign up) (to|for) (our|the) newsletter\b",
            r"(?i)^follow us on\b",
            r"(?i)^advertisement$",
            r"(?i)^click here to\b",
            r"(?i)^(cancel reply|log in to reply|reply)$",
            r"(?i)^you (may|might) also like\b",
            // a byline: "By Laura Tarve, Riverside Gazette", "By Ewa Brove and Rui Dalsen", "BY THE
            // ASSOCIATED PRESS" (the reporter is no actor of the story)
            r"^(By|BY) (([Tt]he|THE) )?\p{Lu}[\p{L}.'’-]*( \p{Lu}[\p{L}.'’-]*){0,3}((,| and| &| \|) (([Tt]he|THE) )?\p{Lu}[\p{L}.'’-]*( \p{Lu}[\p{L}.'’-]*){0,3})*$",
        ])
        .expect("furniture patterns are valid regular expressions")
    })
}

/// True when a trimmed line is page furniture.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().count() <= 160 && patterns().is_match(line)
}

/// A range of page furniture: ignored entirely, or the headline of a linked article ("Read more: …"),
/// where names are still recognised but nothing is claimed or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Furniture {
    pub start: usize,
    pub end: usize,
    pub link: bool,
}

fn link_prefix() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?i)^\s*((read|see) (more|also)|related( articles?| stories)?|also read|more from [^:]*)\s*:\s*")
            .expect("link prefix pattern is a valid regular expression")
    })
}

/// Furniture in `text[from..]`. "Read more: headline" ignores the prefix and keeps the headline as a link;
/// a line that only says "Read also:" makes the next non-empty line a link.
pub fn furniture_ranges(text: &str, from: usize) -> Vec<Furniture> {
    let mut out = Vec::new();
    let mut pos = from;
    let mut take_next = false;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let raw = &text[pos..end];
        let line = raw.trim();
        if take_next && !line.is_empty() {
            out.push(Furniture {
                start: pos,
                end,
                link: true,
            });
            take_next = false;
        } else if is_furniture_line(line) {
            match link_prefix().find(raw) {
                Some(m) if raw[m.end()..].trim().is_empty() => {
                    out.push(Furniture {
                        start: pos,
                        end,
                        link: false,
                    });
                    take_next = true;
                }
                Some(m) => {
                    out.push(Furniture {
                        start: pos,
                        end: pos + m.end(),
                        link: false,
                    });
                    out.push(Furniture {
                        start: pos + m.end(),
                        end,
                        link: true,
                    });
                }
                None => out.push(Furniture {
                    start: pos,
                    end,
                    link: false,
                }),
            }
        }
        pos = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_furniture() {
        for l in [
            "Leave a Reply",
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Scroll to Top",
            "Read more: Ministers meet in Oslo: Northern Gazette",
            "Read also:",
            "This site uses cookies to improve your experience.",
            "Share on Facebook",
            "By Laura Tarve, Riverside Gazette",
            "By Ewa Brove and Rui O’Dalsen",
            "BY THE ASSOCIATED PRESS",
        ] {
            assert!(is_furniture_line(l), "{l}");
        }
    }

    #[test]
    fn article_sentences_are_not_furniture() {
        for l in [
            "Leaves fell on the square as the minister spoke.",
            "Readers were told the summit would go ahead.",
            "The mayor said she would share the report with the council.",
            "By Monday the talks had collapsed.",
            "By Land and Sea, Migrants Reach the Island at Dawn Again",
        ] {
            assert!(!is_furniture_line(l), "{l}");
        }
    }

    #[test]
    fn read_also_takes_the_linked_headline() {
        let text = "Body.\nRead also:\nMayor: Bridge Will Reopen\nMore body.\n";
        let r = furniture_ranges(text, 0);
        assert_eq!(r.len(), 2);
        assert!(r[1].link);
        assert_eq!(&text[r[1].start..r[1].end], "Mayor: Bridge Will Reopen\n");
        let text = "Read more: Port strike ends: Coast Daily\n";
        let r = furniture_ranges(text, 0);
        assert_eq!(&text[r[0].start..r[0].end], "Read more: ");
        assert!(!r[0].link && r[1].link);
    }
}
