//! Dateline: reads a corpus of news articles, recognises actors, events, claims and denials, links them
//! across articles, and reports claims denied in other articles. The `dateline` binary is a thin command
//! line over this library; the language server and `check` share the same engine.

pub mod analysis;
pub mod corpus;
pub mod index;
pub mod lsp;
pub mod report;
