//! The `LanguageServer` implementation: one-line delegations to
//! `handlers/<feature>.rs`. To add a feature: write its handler module, add
//! its delegation here and its capability in `handlers/capabilities.rs`.

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, ClientSocket, LanguageServer, LspService};

use super::handlers;
use super::options::Options;
use super::state::State;

pub struct Backend {
    pub state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, options: Options) -> Backend {
        Backend {
            state: Arc::new(State::new(client, options)),
        }
    }

    async fn document_state(
        &self,
        p: handlers::document_state::Params,
    ) -> Result<handlers::document_state::DocumentState> {
        handlers::document_state::document_state(&self.state, p).await
    }

    async fn test_panic(&self, p: serde_json::Value) -> Result<serde_json::Value> {
        handlers::test_panic::test_panic(&self.state, p).await
    }
}

/// The service with every method, standard and custom.
pub fn build(options: Options) -> (LspService<Backend>, ClientSocket) {
    let test_hook = options.panic_trigger.is_some();
    let mut builder = LspService::build(|client| Backend::new(client, options))
        .custom_method(handlers::document_state::METHOD, Backend::document_state);
    if test_hook {
        builder = builder.custom_method(handlers::test_panic::METHOD, Backend::test_panic);
    }
    builder.finish()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> {
        handlers::lifecycle::initialize(&self.state, p).await
    }

    async fn initialized(&self, p: InitializedParams) {
        handlers::lifecycle::initialized(&self.state, p).await
    }

    async fn shutdown(&self) -> Result<()> {
        handlers::lifecycle::shutdown(&self.state).await
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        handlers::sync::did_open(&self.state, p)
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        handlers::sync::did_change(&self.state, p)
    }

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        handlers::sync::did_close(&self.state, p).await
    }

    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        handlers::configuration::did_change_configuration(&self.state, p).await
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        handlers::configuration::did_change_watched_files(&self.state, p).await
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        handlers::completion::completion(&self.state, p).await
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        handlers::hover::hover(&self.state, p).await
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        handlers::code_action::code_action(&self.state, p).await
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        handlers::code_action::execute_command(&self.state, p).await
    }

    async fn goto_definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        handlers::navigation::definition(&self.state, p).await
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        handlers::navigation::references(&self.state, p).await
    }

    async fn prepare_rename(
        &self,
        p: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        handlers::navigation::prepare_rename(&self.state, p).await
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        handlers::navigation::rename(&self.state, p).await
    }

    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        handlers::symbols::document_symbol(&self.state, p).await
    }

    async fn document_link(&self, p: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        handlers::citations::document_link(&self.state, p).await
    }

    async fn folding_range(&self, p: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        handlers::folding::folding_range(&self.state, p).await
    }

    async fn semantic_tokens_full(
        &self,
        p: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        handlers::semantic_tokens::semantic_tokens_full(&self.state, p).await
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        handlers::inlay_hints::inlay_hint(&self.state, p).await
    }

    async fn formatting(&self, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        handlers::formatting::formatting(&self.state, p).await
    }
}
