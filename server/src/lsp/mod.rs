//! The language server (`dateline lsp`): LSP 3.17 over stdio on the same engine as `check`. The handlers
//! (`server`) are thin: notifications go to one writer (`state`) that owns the workspace and publishes
//! immutable snapshots; requests read a snapshot through one module per feature (`hover`, `navigation`,
//! `symbols`, `diagnostics`, `code_actions`). Positions are converted only in `convert`.

pub mod annotation_links;
pub mod code_actions;
pub mod config;
pub mod convert;
pub mod diag_cache;
pub mod diagnostics;
pub mod documents;
pub mod hover;
pub mod navigation;
pub mod outbox;
pub mod server;
pub mod settings_assist;
pub mod state;
pub mod symbols;
pub mod watch;
pub mod workspace;

use tower_lsp_server::{LspService, Server};

/// Runs the server on standard input and output until the client says `exit`. Nothing but protocol is
/// written to standard output; logs go to standard error and `window/logMessage`.
pub fn run() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (service, socket) = LspService::new(server::Backend::new);
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    // a facts cache being written is finished, not cut short
    crate::index::cache::wait_for_writes();
    Ok(())
}
