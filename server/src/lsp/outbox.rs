//! Messages from the server to the client, sent in the order the writer produced them by one async task:
//! diagnostics, log lines (warnings and errors also written to stderr), and indexing progress (`window/workDoneProgress`, when
//! the client supports it).

use tokio::sync::mpsc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::notification::Progress;
use tower_lsp_server::ls_types::{
    Diagnostic, MessageType, NumberOrString, ProgressParams, ProgressParamsValue, Uri,
    WorkDoneProgress, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport,
};

/// One message for the client.
#[derive(Debug)]
pub enum Out {
    Diagnostics {
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    },
    Log(MessageType, String),
    ProgressBegin {
        token: String,
        title: String,
        message: String,
    },
    ProgressReport {
        token: String,
        message: String,
        percentage: u32,
    },
    ProgressEnd {
        token: String,
        message: String,
    },
}

/// The sending side, cheap to clone; sending never blocks and never fails loudly (a closed outbox means
/// the server is shutting down).
#[derive(Debug, Clone)]
pub struct Outbox(mpsc::UnboundedSender<Out>);

impl Outbox {
    pub fn send(&self, out: Out) {
        let _ = self.0.send(out);
    }

    /// Logs to the client's log; warnings and errors also to stderr. Clients show the server's stderr as
    /// errors (VS Code's output channel marks every line `[error]`), so routine lines stay out of it.
    pub fn log(&self, level: MessageType, message: impl Into<String>) {
        let message = message.into();
        if level == MessageType::ERROR || level == MessageType::WARNING {
            eprintln!("dateline: {message}");
        }
        self.send(Out::Log(level, message));
    }
}

/// Starts the task that delivers the messages; `progress` says whether the client takes
/// `window/workDoneProgress`.
pub fn start(client: Client, progress: bool) -> Outbox {
    let (tx, mut rx) = mpsc::unbounded_channel::<Out>();
    tokio::spawn(async move {
        // progress tokens the client accepted
        let mut accepted = std::collections::HashSet::new();
        while let Some(out) = rx.recv().await {
            match out {
                Out::Diagnostics {
                    uri,
                    diagnostics,
                    version,
                } => client.publish_diagnostics(uri, diagnostics, version).await,
                Out::Log(level, message) => client.log_message(level, message).await,
                Out::ProgressBegin {
                    token,
                    title,
                    message,
                } => {
                    if !progress {
                        continue;
                    }
                    let t = NumberOrString::String(token.clone());
                    if client.create_work_done_progress(t.clone()).await.is_err() {
                        continue;
                    }
                    accepted.insert(token);
                    let begin = WorkDoneProgressBegin {
                        title,
                        cancellable: Some(false),
                        message: Some(message),
                        percentage: Some(0),
                    };
                    notify(&client, t, WorkDoneProgress::Begin(begin)).await;
                }
                Out::ProgressReport {
                    token,
                    message,
                    percentage,
                } if accepted.contains(&token) => {
                    let report = WorkDoneProgressReport {
                        cancellable: Some(false),
                        message: Some(message),
                        percentage: Some(percentage),
                    };
                    let t = NumberOrString::String(token);
                    notify(&client, t, WorkDoneProgress::Report(report)).await;
                }
                Out::ProgressEnd { token, message } if accepted.remove(&token) => {
                    let end = WorkDoneProgressEnd {
                        message: Some(message),
                    };
                    let t = NumberOrString::String(token);
                    notify(&client, t, WorkDoneProgress::End(end)).await;
                }
                Out::ProgressReport { .. } | Out::ProgressEnd { .. } => {}
            }
        }
    });
    Outbox(tx)
}

async fn notify(client: &Client, token: NumberOrString, value: WorkDoneProgress) {
    client
        .send_notification::<Progress>(ProgressParams {
            token,
            value: ProgressParamsValue::WorkDone(value),
        })
        .await;
}
