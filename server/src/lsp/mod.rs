//! The language server. Not built yet: `dateline lsp` says so and exits with status 2 until the
//! language-server issue lands.

/// Message printed by the `lsp` sub-command until the server exists.
pub const NOT_YET: &str = "dateline lsp: the language server is not implemented in this version; use `dateline check` or `dateline export`";
