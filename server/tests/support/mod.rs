//! Code shared by the integration tests.

pub mod lsp_client;
