//! The server's settings, read from `initializationOptions` and `workspace/didChangeConfiguration` (either
//! the settings object itself or one under a `dateline` key, as VS Code sends it): the severity of each
//! diagnostic code, which files are articles (include / exclude globs), and how long typing is debounced.

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use tower_lsp_server::ls_types::DiagnosticSeverity;

/// A severity as users write it in settings; `off` hides the diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    #[serde(alias = "info")]
    Information,
    Hint,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<DiagnosticSeverity> {
        match self {
            Level::Error => Some(DiagnosticSeverity::ERROR),
            Level::Warning => Some(DiagnosticSeverity::WARNING),
            Level::Information => Some(DiagnosticSeverity::INFORMATION),
            Level::Hint => Some(DiagnosticSeverity::HINT),
            Level::Off => None,
        }
    }
}

/// The settings as they arrive (all optional).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawSettings {
    severity: BTreeMap<String, Level>,
    include: Option<Vec<String>>,
    exclude: Vec<String>,
    // a number in JSON, which editors may write as 30.0
    debounce_ms: Option<f64>,
}

/// The diagnostic codes and their default levels.
pub const CODES: &[(&str, Level)] = &[
    ("denied-claim", Level::Warning),
    ("repeats-denied-claim", Level::Information),
    ("denial", Level::Information),
    ("front-matter", Level::Warning),
];

/// Settings in effect.
#[derive(Debug, Clone)]
pub struct Settings {
    severity: BTreeMap<String, Level>,
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// The glob texts, to tell whether a new configuration changes which files are articles.
    globs: (Option<Vec<String>>, Vec<String>),
    pub debounce_ms: u64,
}

/// How long typing must pause before an edited article is analysed again, unless set: long enough to take a
/// burst (a paste, a held key) as one edit, short against the pause between keystrokes (100 ms and more),
/// and against the analysis of one article (a few milliseconds).
const DEFAULT_DEBOUNCE_MS: u64 = 10;

impl Settings {
    /// What of the settings the diagnostics depend on (their severities), as text.
    pub fn diagnostics_key(&self) -> String {
        format!("{:?}", self.severity)
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            severity: BTreeMap::new(),
            include: None,
            exclude: GlobSet::empty(),
            globs: (None, Vec::new()),
            debounce_ms: DEFAULT_DEBOUNCE_MS,
        }
    }
}

/// A setting that could not be used, said to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("dateline settings: {0}")]
    Shape(String),
    #[error("dateline settings: glob {glob:?}: {message}")]
    Glob { glob: String, message: String },
}

fn glob_set(globs: &[String]) -> Result<GlobSet, SettingsError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g).map_err(|e| SettingsError::Glob {
            glob: g.clone(),
            message: e.kind().to_string(),
        })?;
        b.add(glob);
    }
    b.build().map_err(|e| SettingsError::Shape(e.to_string()))
}

impl Settings {
    /// Reads settings from a JSON value; `null` gives the defaults.
    pub fn from_json(value: &Value) -> Result<Settings, SettingsError> {
        let v = match value.get("dateline") {
            Some(inner) => inner,
            None => value,
        };
        if v.is_null() {
            return Ok(Settings::default());
        }
        let raw: RawSettings =
            serde_json::from_value(v.clone()).map_err(|e| SettingsError::Shape(e.to_string()))?;
        // an empty list is what editors send for "not set": every article, as without the key
        let include = raw.include.filter(|globs| !globs.is_empty());
        Ok(Settings {
            include: include.as_deref().map(glob_set).transpose()?,
            exclude: glob_set(&raw.exclude)?,
            globs: (include, raw.exclude.clone()),
            severity: raw.severity,
            debounce_ms: raw.debounce_ms.map_or(DEFAULT_DEBOUNCE_MS, |ms| {
                ms.clamp(0.0, 2000.0).round() as u64
            }),
        })
    }

    /// The level of a diagnostic code: the setting, else the default.
    pub fn level(&self, code: &str) -> Level {
        self.severity.get(code).copied().unwrap_or_else(|| {
            CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(Level::Warning, |(_, l)| *l)
        })
    }

    /// Whether a file, by its path relative to the corpus root, is an article under these settings.
    pub fn is_article(&self, relative: &str) -> bool {
        if self.exclude.is_match(relative) {
            return false;
        }
        match &self.include {
            Some(set) => set.is_match(relative),
            None => crate::corpus::discover::is_article_path(std::path::Path::new(relative)),
        }
    }

    /// Whether `other` selects different files than these settings.
    pub fn files_differ(&self, other: &Settings) -> bool {
        self.globs != other.globs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn severities_globs_and_the_dateline_section() {
        let s = Settings::from_json(&json!({"dateline": {
            "severity": {"denied-claim": "error", "denial": "off"},
            "exclude": ["drafts/**"]
        }}))
        .unwrap();
        assert_eq!(s.level("denied-claim"), Level::Error);
        assert_eq!(s.level("denial").severity(), None);
        assert_eq!(s.level("repeats-denied-claim"), Level::Information);
        assert!(!s.is_article("drafts/a.txt"));
        assert!(s.is_article("news/a.txt"));
        assert!(!s.is_article("news/a.pdf"));
        let empty =
            Settings::from_json(&json!({"dateline": {"include": [], "enable": true}})).unwrap();
        assert!(
            empty.is_article("news/a.txt"),
            "an empty include list is the default"
        );
        let d = Settings::from_json(&Value::Null).unwrap();
        assert!(!d.files_differ(&Settings::default()));
        assert!(s.files_differ(&d));
    }

    #[test]
    fn bad_settings_are_errors_not_panics() {
        assert!(Settings::from_json(&json!({"severity": {"denied-claim": "loud"}})).is_err());
        assert!(Settings::from_json(&json!({"exclude": ["a/{b"]})).is_err());
        assert!(Settings::from_json(&json!({"include": 3})).is_err());
    }
}
