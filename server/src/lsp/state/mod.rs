//! The server's state: open documents, their analysed snapshots, settings.
//!
//! Edits are applied synchronously to a document's rope, in the order they
//! arrive, and never while anything awaits (no map guard crosses an
//! `.await`). Analysis runs afterwards, in a spawned task, on the newest
//! version: per document, one analysis at a time (a per-URI lock, kept across
//! close and reopen so that publishes stay in order); a task that finds its
//! version already analysed does nothing, so a burst of edits costs at most
//! two analyses. Every analysis is published with the version it describes.
//!
//! Requests read an immutable [`Snapshot`] (`Arc` of text, version, line index
//! and analysis) of the newest version, and hold no lock while they compute.
//!
//! Here: documents, settings, scheduling and publishing; `analyse`: making a
//! snapshot; `edits`: the edits since a snapshot and the next text.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use ropey::Rope;
use tower_lsp::lsp_types::{self as lsp, MessageType, Url};
use tower_lsp::Client;

use super::from_proto;
use super::options::Options;
use super::published::OwnDiagnostics;
use super::snapshot::Snapshot;
use super::workspace::{CitationIndex, CrossSettings};
use crate::catalog::Catalog;
use crate::config::{Config, SettingError, Settings};
use crate::diagnostic::Code;
use crate::syntax::EditSpan;
use crate::text::{self, Encoding};
use edits::merge_edit;

mod analyse;
mod edits;

struct Doc {
    rope: Rope,
    version: i32,
    /// Distinguishes one opening of a URI from the next.
    open_id: u64,
    snapshot: Option<Arc<Snapshot>>,
    /// (version, config generation) whose analysis panicked.
    failed: Option<(i32, u64)>,
    /// What changed since the text of `snapshot`, as one span; `None` with
    /// `full` false means nothing changed.
    edits: Option<EditSpan>,
    /// The next analysis must start from scratch (new text, failed analysis).
    full: bool,
}

#[derive(Default)]
struct SettingsState {
    root: Option<PathBuf>,
    file: Settings,
    editor: Settings,
    config: Arc<Config>,
    generation: u64,
}

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientSupport {
    pub configuration: bool,
    pub dynamic_configuration: bool,
    /// `workspace/didChangeWatchedFiles` can be registered dynamically.
    pub dynamic_watched_files: bool,
}

pub struct State {
    pub client: Client,
    pub options: Options,
    docs: DashMap<Url, Doc>,
    locks: DashMap<Url, Arc<tokio::sync::Mutex<()>>>,
    settings: RwLock<SettingsState>,
    catalog: RwLock<Option<Arc<Catalog>>>,
    encoding: AtomicU8,
    support: RwLock<ClientSupport>,
    initialized: AtomicBool,
    next_open_id: AtomicU64,
    /// Setting errors found before the client could be shown them.
    deferred: RwLock<Vec<SettingError>>,
    /// The open documents' dated citations, for `citation-inconsistent`
    /// across documents. Locked briefly, never across an `.await`, and never
    /// while a guard of `docs` is held.
    citations: Mutex<CitationIndex>,
    /// The transport's queue of messages to the client, once serving.
    output: std::sync::OnceLock<tokio::sync::mpsc::Sender<super::transport::Outgoing>>,
}

impl State {
    pub fn new(client: Client, options: Options) -> State {
        State {
            client,
            options,
            docs: DashMap::new(),
            locks: DashMap::new(),
            settings: RwLock::new(SettingsState::default()),
            catalog: RwLock::new(None),
            encoding: AtomicU8::new(encoding_code(Encoding::Utf16)),
            support: RwLock::new(ClientSupport::default()),
            initialized: AtomicBool::new(false),
            next_open_id: AtomicU64::new(1),
            deferred: RwLock::new(Vec::new()),
            citations: Mutex::new(CitationIndex::default()),
            output: std::sync::OnceLock::new(),
        }
    }

    // -- lifecycle ----------------------------------------------------------

    pub fn encoding(&self) -> Encoding {
        match self.encoding.load(Ordering::SeqCst) {
            0 => Encoding::Utf8,
            2 => Encoding::Chars,
            _ => Encoding::Utf16,
        }
    }

    pub fn set_encoding(&self, enc: Encoding) {
        self.encoding.store(encoding_code(enc), Ordering::SeqCst);
    }

    pub fn set_initialized(&self) {
        self.initialized.store(true, Ordering::SeqCst);
    }

    pub fn is_initialized(&self) -> bool {
        self.initialized.load(Ordering::SeqCst)
    }

    pub fn support(&self) -> ClientSupport {
        *self.support.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_support(&self, s: ClientSupport) {
        *self.support.write().unwrap_or_else(|e| e.into_inner()) = s;
    }

    // -- logging ------------------------------------------------------------

    /// A log line on stderr and as `window/logMessage`.
    pub fn log(&self, typ: MessageType, message: String) {
        eprintln!("reso: {message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(typ, format!("reso: {message}")).await });
    }

    /// Bad settings: shown to the user (`window/showMessage`) once the client
    /// is initialised, logged at once.
    pub async fn report_setting_errors(&self, errors: Vec<SettingError>) {
        if errors.is_empty() {
            return;
        }
        for e in &errors {
            eprintln!("reso: ignored a setting: {e}");
        }
        if !self.is_initialized() {
            self.deferred
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .extend(errors);
            return;
        }
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let message = format!(
            "reso: {} ignored; the other settings apply:\n{}",
            if lines.len() == 1 {
                "a setting was"
            } else {
                "some settings were"
            },
            lines.join("\n")
        );
        self.client
            .show_message(MessageType::WARNING, message)
            .await;
    }

    pub async fn flush_deferred_messages(&self) {
        let errors = std::mem::take(&mut *self.deferred.write().unwrap_or_else(|e| e.into_inner()));
        self.report_setting_errors(errors).await;
    }

    // -- settings -----------------------------------------------------------

    pub fn config(&self) -> Arc<Config> {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .config
            .clone()
    }

    fn config_generation(&self) -> u64 {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .generation
    }

    pub fn root(&self) -> Option<PathBuf> {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .root
            .clone()
    }

    /// Replaces the settings from `reso.toml` and/or from the editor (`None`
    /// keeps the current ones), recomputes the config, and reloads the
    /// catalogue when its files changed. Returns the catalogue's warnings
    /// (files that cannot be read, bad rows; the rest loads).
    pub fn set_settings(
        &self,
        root: Option<Option<PathBuf>>,
        file: Option<Settings>,
        editor: Option<Settings>,
    ) -> Vec<SettingError> {
        let (paths, changed) = {
            let mut s = self.settings.write().unwrap_or_else(|e| e.into_inner());
            if let Some(root) = root {
                s.root = root;
            }
            if let Some(file) = file {
                s.file = file;
            }
            if let Some(editor) = editor {
                s.editor = editor;
            }
            let mut config = Config::default();
            s.file.apply_to(&mut config);
            s.editor.apply_to(&mut config);
            let changed = config.catalog_paths != s.config.catalog_paths;
            let paths = config.catalog_paths.clone();
            s.config = Arc::new(config);
            s.generation += 1;
            (paths, changed)
        };
        if !changed {
            return Vec::new();
        }
        let (catalog, warnings) = Catalog::with_files(&paths);
        *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(catalog));
        warnings
            .into_iter()
            .map(|w| SettingError {
                source: "catalogue".to_string(),
                key: String::new(),
                message: w.to_string(),
            })
            .collect()
    }

    /// The catalogue the checks use: the built-in one under the user's
    /// files (`catalog.paths`).
    pub fn catalog(&self) -> Arc<Catalog> {
        if let Some(c) = &*self.catalog.read().unwrap_or_else(|e| e.into_inner()) {
            return c.clone();
        }
        let mut slot = self.catalog.write().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert_with(|| Arc::new(Catalog::with_texts(&[]).0))
            .clone()
    }

    // -- documents ----------------------------------------------------------

    pub fn version_of(&self, uri: &str) -> Option<i32> {
        let uri = Url::parse(uri).ok()?;
        self.docs.get(&uri).map(|d| d.version)
    }

    pub fn open_uris(&self) -> Vec<Url> {
        self.docs.iter().map(|e| e.key().clone()).collect()
    }

    /// `didOpen`: a second open of an open document replaces its text.
    pub fn open(&self, uri: Url, text: &str, version: i32) {
        let open_id = self.next_open_id.fetch_add(1, Ordering::SeqCst);
        let doc = Doc {
            rope: Rope::from_str(text),
            version,
            open_id,
            snapshot: None,
            failed: None,
            edits: None,
            full: true,
        };
        if self.docs.insert(uri.clone(), doc).is_some() {
            self.log(
                MessageType::WARNING,
                format!("didOpen for {uri}, which is already open: its text is replaced (version {version})"),
            );
        }
    }

    /// `didChange`: applies the changes in order, or refuses them all (with a
    /// reason) when the document is not open or the version is not newer.
    pub fn change(
        &self,
        uri: &Url,
        version: i32,
        changes: &[lsp::TextDocumentContentChangeEvent],
    ) -> Result<(), String> {
        let enc = self.encoding();
        let Some(mut doc) = self.docs.get_mut(uri) else {
            return Err(format!("didChange for {uri}, which is not open: ignored"));
        };
        if version <= doc.version {
            return Err(format!(
                "didChange for {uri} with version {version}, not newer than the current {}: ignored",
                doc.version
            ));
        }
        for change in changes {
            match change.range {
                Some(r) => {
                    let replaced = text::rope::replace(
                        &mut doc.rope,
                        from_proto::position(r.start),
                        from_proto::position(r.end),
                        &change.text,
                        enc,
                    );
                    doc.edits = Some(merge_edit(
                        doc.edits,
                        replaced.start,
                        replaced.end,
                        change.text.len(),
                    ));
                }
                None => {
                    doc.rope = Rope::from_str(&change.text);
                    doc.full = true;
                }
            }
        }
        doc.version = version;
        Ok(())
    }

    /// The version and text hash of what the server holds now, analysed or
    /// not: (version, hash, length in bytes, line count).
    pub fn text_state(&self, uri: &Url) -> Option<(i32, String, usize, usize)> {
        let doc = self.docs.get(uri)?;
        Some((
            doc.version,
            text::rope::hash_hex(&doc.rope),
            doc.rope.len_bytes(),
            doc.rope.len_lines(),
        ))
    }

    pub fn close(&self, uri: &Url) -> bool {
        self.docs.remove(uri).is_some()
    }

    fn lock_of(&self, uri: &Url) -> Arc<tokio::sync::Mutex<()>> {
        self.locks.entry(uri.clone()).or_default().clone()
    }

    /// Analyses the newest version in the background and publishes it.
    pub fn schedule(self: &Arc<Self>, uri: Url) {
        let state = self.clone();
        tokio::spawn(async move {
            let _ = state.snapshot(&uri).await;
        });
    }

    /// Re-analyses every open document (after a change of settings).
    pub fn schedule_all(self: &Arc<Self>) {
        for uri in self.open_uris() {
            self.schedule(uri);
        }
    }

    /// Clears a closed document's diagnostics, after any publish of it that
    /// is under way, and re-publishes the documents whose cross-document
    /// diagnostics pointed at it.
    pub async fn clear(self: &Arc<Self>, uri: &Url) {
        let lock = self.lock_of(uri);
        let _guard = lock.lock().await;
        if !self.docs.contains_key(uri) {
            self.publish(uri, &OwnDiagnostics::default(), &[], None)
                .await;
            let config = self.config();
            let root = self.root();
            let affected = self
                .index()
                .remove(uri, cross_settings(&config, root.as_deref()));
            self.schedule_republish(affected);
        }
    }

    fn index(&self) -> std::sync::MutexGuard<'_, CitationIndex> {
        self.citations.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Re-publishes, each in its own task, documents whose cross-document
    /// diagnostics changed because another document changed.
    fn schedule_republish(self: &Arc<Self>, uris: Vec<Url>) {
        for uri in uris {
            let state = self.clone();
            tokio::spawn(async move { state.republish(&uri).await });
        }
    }

    /// Publishes a document's last snapshot again with its current
    /// cross-document diagnostics, if they differ from the published ones.
    /// Under the document's lock, so that publishes of one document keep
    /// their order; skipped when a newer version is on its way (its own
    /// publish will carry them). The version is always that snapshot's.
    async fn republish(&self, uri: &Url) {
        let lock = self.lock_of(uri);
        let _guard = lock.lock().await;
        let config = self.config();
        let root = self.root();
        let (indexed, cross) = {
            let index = self.index();
            let Some(indexed) = index.indexed(uri) else {
                return;
            };
            let Some(cross) = index.cross(uri, cross_settings(&config, root.as_deref())) else {
                return;
            };
            if index.published(uri) == Some(&cross) {
                return;
            }
            (indexed, cross)
        };
        // Still the newest version, and the snapshot the index was made of?
        let newest = self.docs.get(uri).is_some_and(|doc| {
            doc.version == indexed.version
                && doc
                    .snapshot
                    .as_ref()
                    .is_some_and(|s| std::ptr::eq(Arc::as_ptr(s), indexed.snapshot.as_ptr()))
        });
        if !newest {
            return;
        }
        {
            let mut index = self.index();
            // Another publish of this document cannot have come between:
            // this URI's lock is held.
            index.set_published(uri, cross.clone());
        }
        self.publish(uri, &indexed.own, &cross, Some(indexed.version))
            .await;
    }

    /// Sends `publishDiagnostics`: straight to the transport as text when
    /// serving (the usual case), else through tower-lsp's client.
    async fn publish(
        &self,
        uri: &Url,
        own: &OwnDiagnostics,
        cross: &[lsp::Diagnostic],
        version: Option<i32>,
    ) {
        let body = own.notification(uri, cross, version);
        if let Some(out) = self.output.get() {
            let _ = out.send(body).await;
            return;
        }
        let params = serde_json::from_slice::<serde_json::Value>(&body.to_vec())
            .ok()
            .and_then(|mut v| {
                serde_json::from_value::<lsp::PublishDiagnosticsParams>(v["params"].take()).ok()
            });
        let Some(params) = params else {
            return;
        };
        self.client
            .publish_diagnostics(params.uri, params.diagnostics, params.version)
            .await;
    }
}

impl super::transport::Host for State {
    /// Where the transport writes messages to the client.
    fn set_output(&self, out: tokio::sync::mpsc::Sender<super::transport::Outgoing>) {
        let _ = self.output.set(out);
    }

    fn is_initialized(&self) -> bool {
        State::is_initialized(self)
    }

    fn version_of(&self, uri: &str) -> Option<i32> {
        State::version_of(self, uri)
    }
}

fn cross_settings<'a>(config: &'a Config, root: Option<&'a std::path::Path>) -> CrossSettings<'a> {
    CrossSettings {
        severity: config.severity(Code::CitationInconsistent),
        root,
        docs_base: config.docs_base.as_deref(),
    }
}

fn encoding_code(enc: Encoding) -> u8 {
    match enc {
        Encoding::Utf8 => 0,
        Encoding::Utf16 => 1,
        Encoding::Chars => 2,
    }
}
