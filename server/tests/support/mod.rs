//! Code shared by the integration tests.

pub mod lsp_client;
pub mod text_edit;
