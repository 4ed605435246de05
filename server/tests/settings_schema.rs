//! The JSON schema editors use to complete and check `dateline.toml` (`editors/schema/`) agrees with what
//! Dateline reads: a file Dateline accepts fits the schema, and a key or value Dateline refuses does not.

use dateline::corpus::settings_file;
use serde_json::Value;
use std::path::Path;

fn schema() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../editors/schema/dateline.schema.json");
    let text = std::fs::read_to_string(&path).expect("the schema is in the repository");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// A TOML document as the JSON that schema-aware TOML editors check (dates as strings).
fn as_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(as_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), as_json(v))).collect())
        }
    }
}

fn fits(validator: &jsonschema::Validator, text: &str) -> bool {
    let value: toml::Value = toml::from_str(text).expect("valid TOML");
    validator.is_valid(&as_json(&value))
}

fn accepted(text: &str) -> bool {
    settings_file::parse(text).1.is_empty()
}

#[test]
fn what_dateline_accepts_fits_the_schema_and_what_it_refuses_does_not() {
    let v = schema();
    let good = r#"
include = ["news/**/*.md"]
exclude = ["drafts/**"]

[[documents]]
path = "wire/*.txt"
date = 2026-03-05
source = "Baltic Wire"

[[documents]]
path = "late/*.txt"
date = "2026-03-09"

[[actors]]
id = "jonas-lindqvist"
name = "Jonas Lindqvist"
kind = "person"
aliases = ["Jonas Lind"]
roles = ["port director"]
description = "Runs the port of Visby"
wikidata = "Q4200001"

[[actors]]
id = "port-authority"
name = "Visby Port Authority"
kind = "organisation"

[[events]]
id = "visby-ferry-strike"
label = "Visby ferry strike"
date = 2026-03-03
place = "Visby"
aliases = ["walkout", "the stoppage"]

[cues]
claims = ["word on the quay is"]
denials = ["poured cold water on"]

[[ignore]]
finding = "f-0aa2b820ee1d7ae8"
reason = "Checked with the port"
"#;
    assert!(accepted(good));
    assert!(fits(&v, good));
    for bad in [
        "exclued = [\"drafts/**\"]\n",
        "[[documents]]\npath = \"a/*.txt\"\ndate = \"soon\"\n",
        "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"animal\"\n",
        "[[actors]]\nid = \"x\"\nname = \"X\"\nwikidata = \"42\"\n",
        "[[actors]]\nname = \"X\"\n",
        "[[ignore]]\nfinding = \"f-0aa2b820ee1d7ae8\"\n",
        "[[actors]]\nid = \"x\"\nname = \"X\"\nnickname = \"Y\"\n",
        "[[events]]\nid = \"x\"\n",
        "[[events]]\nid = \"x\"\nlabel = \"X\"\ndate = \"soon\"\n",
        "[cues]\ndenials = \"hoax\"\n",
        "[cues]\nrumours = [\"hoax\"]\n",
    ] {
        assert!(!accepted(bad), "Dateline refuses {bad:?}");
        assert!(!fits(&v, bad), "the schema refuses {bad:?}");
    }
}
