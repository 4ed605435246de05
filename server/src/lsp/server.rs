//! The LSP handlers: thin. Notifications are handed to the writer in the order they arrive; requests are
//! answered from the current snapshot by the feature modules, and never wait on the writer.

use super::config::Settings;
use super::convert::{Encoding, uri_to_path};
use super::outbox;
use super::state::{self, Msg, Shared};
use super::workspace::{Snapshot, View};
use super::{annotation_links, code_actions, hover, navigation, settings_assist, symbols};
use crate::index::Item;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// What `initialize` learnt, used at `initialized`.
#[derive(Debug, Default)]
struct Init {
    encoding: Encoding,
    folders: Vec<PathBuf>,
    settings: Settings,
    settings_error: Option<String>,
    progress: bool,
    client_watches: bool,
    pull_configuration: bool,
}

pub struct Backend {
    client: Client,
    shared: Shared,
    writer: Mutex<Option<Sender<Msg>>>,
    init: Mutex<Init>,
    /// The client answers `workspace/configuration`.
    pull_configuration: AtomicBool,
    /// The client can create files in a workspace edit (for a `dateline.toml` not there yet).
    create_files: AtomicBool,
    /// The client takes code actions as literals (with their edits); without, none are offered, as the
    /// server has no commands to run instead.
    code_action_literals: AtomicBool,
    /// The folders' `dateline.toml` files open in the editor, kept here as each change comes (not when
    /// the state thread gets to it): completion asked right after a keystroke sees that keystroke.
    settings_docs: Mutex<super::documents::Documents>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            shared: Arc::default(),
            writer: Mutex::new(None),
            init: Mutex::new(Init::default()),
            pull_configuration: AtomicBool::new(false),
            create_files: AtomicBool::new(false),
            code_action_literals: AtomicBool::new(false),
            settings_docs: Mutex::new(super::documents::Documents::default()),
        }
    }

    /// Whether `path` is named as a corpus settings file (kept in `settings_docs` while open).
    fn is_settings_file(path: &std::path::Path) -> bool {
        path.file_name()
            .is_some_and(|n| n == crate::corpus::settings_file::FILE_NAME)
    }

    /// When `uri` is a folder's `dateline.toml`: that folder's view, and the file's text (as open in the
    /// editor, else on disk).
    fn settings_file<'a>(&self, snap: &'a Snapshot, uri: &Uri) -> Option<(&'a View, String)> {
        let path = uri_to_path(uri)?;
        let view = snap.settings_view(&path)?;
        let open = match self.settings_docs.lock() {
            Ok(docs) => docs.get(&path).map(|d| d.text.to_string()),
            Err(poisoned) => poisoned.into_inner().get(&path).map(|d| d.text.to_string()),
        };
        let text = match open {
            Some(t) => t,
            None => std::fs::read_to_string(&path).ok()?,
        };
        Some((view, text))
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        match self.shared.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Hands a message to the writer, in arrival order (this runs before the handler's first await).
    fn send(&self, msg: Msg) {
        let guard = match self.writer.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if let Some(tx) = guard.as_ref() {
            let _ = tx.send(msg);
        }
    }
}

/// The document, view and item at a text position.
fn item_at<'a>(
    snap: &'a Snapshot,
    pos: &TextDocumentPositionParams,
) -> Option<(&'a View, usize, Item)> {
    let (view, doc) = snap.locate(&pos.text_document.uri)?;
    let offset = view.text(doc).offset(snap.encoding, pos.position)?;
    let item = view.model.item_at(doc, offset)?;
    Some((view, doc, item))
}

/// The mentions a brat normalisation links with the one at the position, when there is one.
fn annotated(snap: &Snapshot, pos: &TextDocumentPositionParams) -> Option<Vec<Location>> {
    let (view, doc) = snap.locate(&pos.text_document.uri)?;
    if view.annotations.is_empty() {
        return None;
    }
    let offset = view.text(doc).offset(snap.encoding, pos.position)?;
    annotation_links::mentions_at(view, snap.encoding, doc, offset)
}

fn folder_paths(folders: &[WorkspaceFolder]) -> Vec<PathBuf> {
    folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        #[allow(deprecated)] // root_uri is the fallback for clients without workspace folders
        let folders = match &params.workspace_folders {
            Some(f) if !f.is_empty() => folder_paths(f),
            _ => params
                .root_uri
                .as_ref()
                .and_then(uri_to_path)
                .into_iter()
                .collect(),
        };
        let (settings, settings_error) = match params.initialization_options.as_ref() {
            None => (Settings::default(), None),
            Some(v) => match Settings::from_json(v) {
                Ok(s) => (s, None),
                Err(e) => (Settings::default(), Some(e.to_string())),
            },
        };
        let ws = caps.workspace.as_ref();
        let edits = ws.and_then(|w| w.workspace_edit.as_ref());
        let create_files = edits.is_some_and(|e| {
            e.document_changes == Some(true)
                && e.resource_operations
                    .as_ref()
                    .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
        });
        self.create_files.store(create_files, Ordering::Relaxed);
        let literals = caps
            .text_document
            .as_ref()
            .and_then(|t| t.code_action.as_ref())
            .is_some_and(|a| a.code_action_literal_support.is_some());
        self.code_action_literals.store(literals, Ordering::Relaxed);
        *self.init.lock().unwrap_or_else(|p| p.into_inner()) = Init {
            encoding,
            folders,
            settings,
            settings_error,
            progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            client_watches: ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            pull_configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        };
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                // in dateline.toml: keys, tables, ids and names from the corpus, finding ids
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["\"".into(), "[".into()]),
                    ..CompletionOptions::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "dateline".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let init = std::mem::take(&mut *self.init.lock().unwrap_or_else(|p| p.into_inner()));
        let out = outbox::start(self.client.clone(), init.progress);
        let tx = state::start(out.clone(), self.shared.clone());
        let _ = tx.send(Msg::Start {
            encoding: init.encoding,
            folders: init.folders,
            settings: init.settings,
            watch_files: !init.client_watches,
        });
        *self.writer.lock().unwrap_or_else(|p| p.into_inner()) = Some(tx);
        if let Some(e) = init.settings_error {
            self.client.show_message(MessageType::WARNING, e).await;
        }
        if init.client_watches {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*".into()),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "dateline-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                out.log(
                    MessageType::WARNING,
                    format!("the client refused to watch files: {e}"),
                );
            }
        }
        self.pull_configuration
            .store(init.pull_configuration, Ordering::Relaxed);
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let d = params.text_document;
        if let Some(path) = uri_to_path(&d.uri) {
            if Backend::is_settings_file(&path)
                && let Ok(mut docs) = self.settings_docs.lock()
            {
                docs.open(path.clone(), &d.text, d.version);
            }
            self.send(Msg::Open {
                path,
                text: d.text,
                version: d.version,
            });
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        if let Some(path) = uri_to_path(&params.text_document.uri) {
            if Backend::is_settings_file(&path)
                && let Ok(mut docs) = self.settings_docs.lock()
            {
                let enc = self.snapshot().encoding;
                let v = params.text_document.version;
                // a change that cannot be applied leaves the file as it was: the state thread says why
                let _ = docs.change(&path, v, &params.content_changes, enc);
            }
            self.send(Msg::Change {
                path,
                version: params.text_document.version,
                changes: params.content_changes,
            });
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        // an article's text is already known from didChange; a saved dateline.toml is read again
        if let Some(path) = uri_to_path(&params.text_document.uri) {
            self.send(Msg::Saved { path });
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        if let Some(path) = uri_to_path(&params.text_document.uri) {
            if let Ok(mut docs) = self.settings_docs.lock() {
                docs.close(&path);
            }
            self.send(Msg::Close { path });
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths = params
            .changes
            .iter()
            .filter_map(|c| uri_to_path(&c.uri))
            .collect();
        self.send(Msg::Disk(paths));
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.send(Msg::Folders {
            added: folder_paths(&params.event.added),
            removed: folder_paths(&params.event.removed),
        });
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let mut value = params.settings;
        let empty = value.is_null() || value.as_object().is_some_and(|o| o.is_empty());
        if empty && self.pull_configuration.load(Ordering::Relaxed) {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("dateline".into()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(mut v) if !v.is_empty() => value = v.swap_remove(0),
                _ => return,
            }
        }
        match Settings::from_json(&value) {
            Ok(s) => self.send(Msg::Settings(s)),
            Err(e) => self.client.show_message(MessageType::WARNING, e).await,
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let snap = self.snapshot();
        let at = &params.text_document_position_params;
        // a folder's dateline.toml: what a key does, what an id names
        if let Some((view, text)) = self.settings_file(&snap, &at.text_document.uri) {
            let md = settings_assist::hover(view, snap.encoding, &text, at.position);
            return Ok(md.map(|value| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                }),
                range: None,
            }));
        }
        let Some((view, doc, item)) = item_at(&snap, &params.text_document_position_params) else {
            return Ok(None);
        };
        let range = match item {
            Item::Actor { mention, .. } => view.model.actor_span(mention),
            Item::Event { mention, .. } => view.model.event_span(mention),
            Item::Claim(c) => view.model.claim_span(c),
            Item::Denial(x) => view.model.denial_span(x),
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: hover::markdown(view, item),
            }),
            range: Some(view.text(doc).range(snap.encoding, range)),
        }))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let snap = self.snapshot();
        let at = &params.text_document_position;
        let Some((view, text)) = self.settings_file(&snap, &at.text_document.uri) else {
            return Ok(None);
        };
        let items = settings_assist::completion(view, snap.encoding, &text, at.position);
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let snap = self.snapshot();
        // the annotators' links first: the earliest mention of what the annotation names
        if let Some(locs) = annotated(&snap, &params.text_document_position_params) {
            return Ok(locs.into_iter().next().map(GotoDefinitionResponse::Scalar));
        }
        let Some((view, _, item)) = item_at(&snap, &params.text_document_position_params) else {
            return Ok(None);
        };
        let locs = navigation::definition(view, snap.encoding, item);
        Ok(match locs.len() {
            0 => None,
            1 => locs.into_iter().next().map(GotoDefinitionResponse::Scalar),
            _ => Some(GotoDefinitionResponse::Array(locs)),
        })
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let snap = self.snapshot();
        if let Some(mut locs) = annotated(&snap, &params.text_document_position) {
            // the earliest is the declaration
            if !params.context.include_declaration && !locs.is_empty() {
                locs.remove(0);
            }
            return Ok(Some(locs));
        }
        let Some((view, _, item)) = item_at(&snap, &params.text_document_position) else {
            return Ok(None);
        };
        let include = params.context.include_declaration;
        Ok(Some(navigation::references(
            view,
            snap.encoding,
            item,
            include,
        )))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        if !self.code_action_literals.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let snap = self.snapshot();
        let Some((view, doc)) = snap.locate(&params.text_document.uri) else {
            return Ok(None);
        };
        let create = self.create_files.load(Ordering::Relaxed);
        let mut actions = code_actions::actions(view, snap.encoding, doc, params.range, create);
        // only the kinds asked for, when the client says
        if let Some(only) = &params.context.only {
            actions.retain(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.kind.as_ref().is_some_and(|k| {
                    only.iter().any(|o| {
                        k.as_str() == o.as_str()
                            || k.as_str().starts_with(&format!("{}.", o.as_str()))
                    })
                }),
                CodeActionOrCommand::Command(_) => false,
            });
        }
        Ok(Some(actions))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let snap = self.snapshot();
        let Some((view, doc, item)) = item_at(&snap, &params.text_document_position_params) else {
            return Ok(None);
        };
        Ok(Some(navigation::highlights(view, snap.encoding, doc, item)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let snap = self.snapshot();
        let Some((view, doc)) = snap.locate(&params.text_document.uri) else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(symbols::outline(
            view,
            snap.encoding,
            doc,
        ))))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let snap = self.snapshot();
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols::workspace(
            &snap.views,
            snap.encoding,
            &params.query,
        ))))
    }
}
