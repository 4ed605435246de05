//! Front matter: a YAML block between `---` lines or a TOML block between `+++` lines at the start of an
//! article. Known keys are title, date, source and url; others are kept. A malformed block becomes an issue
//! on the block and the rest of the article is still analysed.

use super::ArticleIssue;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The keys Dateline reads from front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Every key found, as text, including unknown ones.
    pub extra: BTreeMap<String, String>,
    /// Byte range of the whole block, delimiters included, when there is one.
    pub block: Option<(usize, usize)>,
}

/// What parsing found.
#[derive(Debug, Default)]
pub struct Parsed {
    pub front_matter: FrontMatter,
    pub body_start: usize,
    pub issues: Vec<ArticleIssue>,
}

/// Parses the front matter at the start of `text` (BOM already removed).
pub fn parse(text: &str) -> Parsed {
    let Some(delim) = ["---", "+++"].into_iter().find(|d| first_line(text) == *d) else {
        return Parsed::default();
    };
    let open_end = line_end(text, 0);
    // Find the closing delimiter line.
    let mut pos = open_end;
    let mut close = None;
    while pos < text.len() {
        let end = line_end(text, pos);
        let line = text[pos..end].trim_end_matches(['\n', '\r']);
        if line.trim_end() == delim || (delim == "---" && line.trim_end() == "...") {
            close = Some((pos, end));
            break;
        }
        pos = end;
    }
    let Some((close_start, close_end)) = close else {
        return Parsed {
            issues: vec![ArticleIssue {
                code: "front-matter",
                message: format!(
                    "front matter opened with `{delim}` is never closed; read as article text"
                ),
                start: 0,
                end: open_end.min(text.len()),
            }],
            ..Default::default()
        };
    };
    let inner = &text[open_end..close_start];
    let mut fm = FrontMatter {
        block: Some((0, close_end)),
        ..Default::default()
    };
    let mut issues = Vec::new();
    let fields = if delim == "---" {
        parse_yaml(inner)
    } else {
        parse_toml(inner)
    };
    match fields {
        Ok(fields) => {
            for (key, value) in fields {
                match key.as_str() {
                    "title" => fm.title = Some(value.clone()),
                    "source" => fm.source = Some(value.clone()),
                    "url" => fm.url = Some(value.clone()),
                    "date" => match parse_date(&value) {
                        Some(d) => fm.date = Some(d),
                        None => issues.push(ArticleIssue {
                            code: "front-matter",
                            message: format!(
                                "front-matter date {value:?} is not an ISO 8601 date (YYYY-MM-DD); the date is inferred from the text"
                            ),
                            start: 0,
                            end: close_end,
                        }),
                    },
                    _ => {}
                }
                fm.extra.insert(key, value);
            }
        }
        Err(msg) => issues.push(ArticleIssue {
            code: "front-matter",
            message: format!("malformed front matter: {msg}; the article is analysed without it"),
            start: 0,
            end: close_end,
        }),
    }
    Parsed {
        front_matter: fm,
        body_start: close_end,
        issues,
    }
}

fn first_line(text: &str) -> &str {
    text.split('\n')
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .trim_end()
}

/// Byte offset just past the line starting at `pos` (past its `\n`, or the end of text).
fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1)
}

/// Parses an ISO 8601 date or date-time; only the calendar date is kept.
pub fn parse_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(['"', '\'']);
    let head = v.get(..10)?;
    head.parse::<Date>().ok()
}

fn scalar_text(y: &yaml_rust2::Yaml) -> Option<String> {
    use yaml_rust2::Yaml;
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Null => None,
        Yaml::Array(items) => Some(
            items
                .iter()
                .filter_map(scalar_text)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn parse_yaml(inner: &str) -> Result<Vec<(String, String)>, String> {
    let docs = yaml_rust2::YamlLoader::load_from_str(inner).map_err(|e| e.to_string())?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(Vec::new());
    };
    match doc {
        yaml_rust2::Yaml::Hash(map) => Ok(map
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar_text(v)?)))
            .collect()),
        yaml_rust2::Yaml::Null => Ok(Vec::new()),
        _ => Err("expected `key: value` lines".into()),
    }
}

fn parse_toml(inner: &str) -> Result<Vec<(String, String)>, String> {
    let table: toml::Table = inner
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    Ok(table
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                toml::Value::String(s) => s,
                toml::Value::Datetime(d) => d.to_string(),
                other => other.to_string(),
            };
            (k, text)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_block_is_read_and_body_starts_after_it() {
        let text = "---\ntitle: \"Talks end\"\ndate: 2025-02-22\nsource: Daily Ledger\nmood: calm\n---\nBody here.\n";
        let p = parse(text);
        assert_eq!(p.front_matter.title.as_deref(), Some("Talks end"));
        assert_eq!(p.front_matter.date, Some(jiff::civil::date(2025, 2, 22)));
        assert_eq!(p.front_matter.source.as_deref(), Some("Daily Ledger"));
        assert_eq!(
            p.front_matter.extra.get("mood").map(String::as_str),
            Some("calm")
        );
        assert_eq!(&text[p.body_start..], "Body here.\n");
        assert!(p.issues.is_empty());
    }

    #[test]
    fn toml_block_with_datetime_and_crlf() {
        let text = "+++\r\ntitle = \"Summit\"\r\ndate = 2024-05-01T10:00:00Z\r\n+++\r\nBody\r\n";
        let p = parse(text);
        assert_eq!(p.front_matter.title.as_deref(), Some("Summit"));
        assert_eq!(p.front_matter.date, Some(jiff::civil::date(2024, 5, 1)));
        assert_eq!(&text[p.body_start..], "Body\r\n");
    }

    #[test]
    fn malformed_yaml_is_an_issue_and_the_body_still_starts_after_the_block() {
        let text = "---\ntitle: [unclosed\n---\nBody\n";
        let p = parse(text);
        assert_eq!(p.issues.len(), 1);
        assert!(p.issues[0].message.contains("malformed front matter"));
        assert_eq!(&text[p.body_start..], "Body\n");
    }

    #[test]
    fn bad_date_is_an_issue() {
        let p = parse("---\ndate: last Tuesday\n---\nx\n");
        assert_eq!(p.front_matter.date, None);
        assert!(p.issues[0].message.contains("not an ISO 8601 date"));
    }

    #[test]
    fn unclosed_block_is_an_issue_and_everything_is_body() {
        let p = parse("---\ntitle: x\nno end\n");
        assert_eq!(p.body_start, 0);
        assert!(p.issues[0].message.contains("never closed"));
    }

    #[test]
    fn no_block_no_issue() {
        let p = parse("- a list item\n---\n");
        assert_eq!(p.body_start, 0);
        assert!(p.issues.is_empty());
    }
}
