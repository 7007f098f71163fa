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

use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use ropey::Rope;
use tower_lsp::lsp_types::{self as lsp, MessageType, Url};
use tower_lsp::Client;

use super::published::OwnDiagnostics;
use super::workspace::{CitationIndex, CrossSettings};
use super::{from_proto, to_proto, Options};
use crate::analysis::{analyze, reanalyze, reanalyze_owned, Analysis};
use crate::catalog::Catalog;
use crate::config::{Config, SettingError, Settings};
use crate::diagnostic::Code;
use crate::syntax::EditSpan;
use crate::text::{self, Encoding, LineIndex};

/// One analysed version of a document.
#[derive(Debug)]
pub struct Snapshot {
    pub uri: Url,
    pub version: i32,
    /// An `Arc<String>` so that the next version's analysis, when it owns
    /// this snapshot, edits the text in place instead of copying it.
    pub text: Arc<String>,
    pub index: Arc<LineIndex>,
    pub analysis: Analysis,
    /// The position encoding negotiated with the client.
    pub encoding: Encoding,
    /// The analysis's diagnostics as published.
    pub(crate) published: Arc<OwnDiagnostics>,
    open_id: u64,
    config_generation: u64,
}

impl Snapshot {
    /// The byte offset of a client position (clamped, see [`crate::text`]).
    pub fn offset(&self, pos: lsp::Position) -> usize {
        self.index.offset(from_proto::position(pos), self.encoding)
    }

    /// The client position of a byte offset.
    pub fn position(&self, offset: usize) -> lsp::Position {
        to_proto::position(&self.index, offset, self.encoding)
    }

    /// The client range of a byte range.
    pub fn range(&self, range: Range<usize>) -> lsp::Range {
        to_proto::range(&self.index, range, self.encoding)
    }

    /// What converts this text's byte ranges, without holding the snapshot.
    pub fn positions(&self) -> to_proto::Positions {
        to_proto::Positions {
            uri: self.uri.clone(),
            index: self.index.clone(),
            encoding: self.encoding,
        }
    }

    /// The FNV-1a hash of the text, 16 hex digits.
    pub fn hash(&self) -> String {
        text::Fnv64::hex_of(&self.text)
    }
}

/// Why no snapshot could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    NotOpen,
    /// The analysis of this version panicked (logged when it happened).
    AnalysisFailed {
        version: i32,
    },
}

impl SnapshotError {
    pub fn to_jsonrpc(&self, uri: &Url) -> tower_lsp::jsonrpc::Error {
        match self {
            SnapshotError::NotOpen => {
                tower_lsp::jsonrpc::Error::invalid_params(format!("document not open: {uri}"))
            }
            SnapshotError::AnalysisFailed { version } => tower_lsp::jsonrpc::Error {
                code: tower_lsp::jsonrpc::ErrorCode::InternalError,
                message: format!("the analysis of {uri} version {version} failed").into(),
                data: None,
            },
        }
    }
}

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

/// The span of `prev` (old text to current) grown by an edit of the current
/// text (`start..end` replaced by `len` bytes): one span from the old text to
/// the new.
pub(crate) fn merge_edit(prev: Option<EditSpan>, start: usize, end: usize, len: usize) -> EditSpan {
    match prev {
        None => EditSpan {
            start,
            old_end: end,
            new_end: start + len,
        },
        Some(p) => {
            // The union of both, in the current text's offsets.
            let lo = p.start.min(start);
            let hi = p.new_end.max(end);
            EditSpan {
                start: lo,
                old_end: hi - p.new_end + p.old_end,
                new_end: hi + len - (end - start),
            }
        }
    }
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
    output: std::sync::OnceLock<tokio::sync::mpsc::Sender<Vec<u8>>>,
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

    /// The snapshot of the newest version, analysing (and publishing) it
    /// first when needed.
    pub async fn snapshot(self: &Arc<Self>, uri: &Url) -> Result<Arc<Snapshot>, SnapshotError> {
        let lock = self.lock_of(uri);
        let _guard = lock.lock().await;
        let generation = self.config_generation();
        let (rope, version, open_id, base) = {
            let mut doc = self.docs.get_mut(uri).ok_or(SnapshotError::NotOpen)?;
            if let Some(s) = &doc.snapshot {
                if s.version == doc.version
                    && s.open_id == doc.open_id
                    && s.config_generation == generation
                {
                    return Ok(s.clone());
                }
            }
            if doc.failed == Some((doc.version, generation)) {
                return Err(SnapshotError::AnalysisFailed {
                    version: doc.version,
                });
            }
            // Re-analyse from the last snapshot when it is of this opening
            // and these settings and the edits since are known; else afresh.
            // The previous snapshot is taken out (this URI's lock keeps other
            // analyses away meanwhile), so that when no request still holds
            // it its parse is reused in place rather than copied.
            let base = match (&doc.snapshot, doc.edits, doc.full) {
                (Some(prev), Some(edit), false)
                    if prev.open_id == doc.open_id && prev.config_generation == generation =>
                {
                    doc.snapshot.take().map(|prev| (prev, edit))
                }
                _ => None,
            };
            doc.edits = None;
            doc.full = false;
            (doc.rope.clone(), doc.version, doc.open_id, base)
        };
        let config = self.config();
        let catalog = self.catalog();
        let encoding = self.encoding();
        let trigger = self.options.panic_trigger.clone();
        let uri2 = uri.clone();
        let job = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                let (text, index, analysis, published) = match base {
                    Some((prev, edit)) => match Arc::try_unwrap(prev) {
                        Ok(mut prev) => {
                            let old_text = std::mem::take(&mut prev.text);
                            let (text, index) = next_text(old_text, &prev.index, &rope, &edit);
                            check_trigger(trigger.as_deref(), &text);
                            let analysis =
                                reanalyze_owned(prev.analysis, &text, &edit, &config, &catalog);
                            let here = positions(&uri2, &index, encoding);
                            let published = OwnDiagnostics::build(
                                &here,
                                &analysis.diagnostics,
                                config.docs_base.as_deref(),
                                |i| analysis.previous_index(i),
                                Some((&prev.published, edit.start)),
                            );
                            (text, index, analysis, published)
                        }
                        Err(prev) => {
                            let (text, index) =
                                next_text(prev.text.clone(), &prev.index, &rope, &edit);
                            check_trigger(trigger.as_deref(), &text);
                            let analysis =
                                reanalyze(&prev.analysis, &text, &edit, &config, &catalog);
                            let here = positions(&uri2, &index, encoding);
                            let published = OwnDiagnostics::build(
                                &here,
                                &analysis.diagnostics,
                                config.docs_base.as_deref(),
                                |i| analysis.previous_index(i),
                                Some((&prev.published, edit.start)),
                            );
                            (text, index, analysis, published)
                        }
                    },
                    None => {
                        let text = text::rope::to_string(&rope);
                        check_trigger(trigger.as_deref(), &text);
                        let index = Arc::new(LineIndex::new(&text));
                        let analysis = analyze(&text, &config, &catalog);
                        let here = positions(&uri2, &index, encoding);
                        let published = OwnDiagnostics::build(
                            &here,
                            &analysis.diagnostics,
                            config.docs_base.as_deref(),
                            |_| None,
                            None,
                        );
                        (text, index, analysis, published)
                    }
                };
                Snapshot {
                    uri: uri2,
                    version,
                    text: Arc::new(text),
                    index,
                    analysis,
                    encoding,
                    published: Arc::new(published),
                    open_id,
                    config_generation: generation,
                }
            }))
        });
        let snapshot = match job.await {
            Ok(Ok(s)) => Arc::new(s),
            Ok(Err(payload)) => {
                let what = super::panics::panic_message(payload.as_ref());
                self.log(
                    MessageType::ERROR,
                    format!("internal error: the analysis of {uri} (version {version}) panicked: {what}"),
                );
                if let Some(mut doc) = self.docs.get_mut(uri) {
                    if doc.open_id == open_id {
                        doc.full = true;
                        if doc.version == version {
                            doc.failed = Some((version, generation));
                        }
                    }
                }
                return Err(SnapshotError::AnalysisFailed { version });
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!(
                        "internal error: the analysis of {uri} (version {version}) failed: {e}"
                    ),
                );
                if let Some(mut doc) = self.docs.get_mut(uri) {
                    doc.full = true;
                }
                return Err(SnapshotError::AnalysisFailed { version });
            }
        };
        {
            let Some(mut doc) = self.docs.get_mut(uri) else {
                return Err(SnapshotError::NotOpen);
            };
            if doc.open_id != open_id {
                return Err(SnapshotError::NotOpen);
            }
            doc.snapshot = Some(snapshot.clone());
        }
        let own = snapshot.published.clone();
        let config = self.config();
        let root = self.root();
        let settings = cross_settings(&config, root.as_deref());
        let (cross, affected) = {
            let mut index = self.index();
            let affected = index.update(&snapshot, own.clone(), settings);
            let cross = index.cross(uri, settings).unwrap_or_default();
            index.set_published(uri, cross.clone());
            (cross, affected)
        };
        self.publish(uri, &own, &cross, Some(version)).await;
        self.schedule_republish(affected);
        Ok(snapshot)
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
        let params = serde_json::from_slice::<serde_json::Value>(&body)
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
    fn set_output(&self, out: tokio::sync::mpsc::Sender<Vec<u8>>) {
        let _ = self.output.set(out);
    }

    fn is_initialized(&self) -> bool {
        State::is_initialized(self)
    }

    fn version_of(&self, uri: &str) -> Option<i32> {
        State::version_of(self, uri)
    }
}

/// The test hook (`RESO_TEST_PANIC`): panics when the text contains the trigger.
fn check_trigger(trigger: Option<&str>, text: &str) {
    if let Some(t) = trigger.filter(|t| !t.is_empty()) {
        if text.contains(t) {
            panic!("test panic: the text contains the trigger {t:?}");
        }
    }
}

/// The text of `rope` and its line index, made from the previous snapshot's
/// (see [`edited_text`] and [`LineIndex::edited`]).
fn next_text(
    old: Arc<String>,
    old_index: &LineIndex,
    rope: &Rope,
    edit: &EditSpan,
) -> (String, Arc<LineIndex>) {
    let text = edited_text(old, rope, edit);
    let index = old_index.edited(&text, edit.start, edit.old_end, edit.new_end);
    (text, Arc::new(index))
}

/// The text of `rope`, made from the previous snapshot's text (`old`) and
/// the span of the edits since: in place when the old text is no longer
/// shared, so that a keystroke copies no more than the tail of the text.
fn edited_text(old: Arc<String>, rope: &Rope, edit: &EditSpan) -> String {
    let fits = edit.start <= edit.old_end
        && edit.old_end <= old.len()
        && edit.start <= edit.new_end
        && edit.new_end <= rope.len_bytes()
        && old.len() - (edit.old_end - edit.start) + (edit.new_end - edit.start)
            == rope.len_bytes()
        && old.is_char_boundary(edit.start)
        && old.is_char_boundary(edit.old_end);
    let inserted = fits
        .then(|| rope.get_byte_slice(edit.start..edit.new_end))
        .flatten();
    let Some(inserted) = inserted else {
        return text::rope::to_string(rope);
    };
    let inserted = inserted.to_string();
    let text = match Arc::try_unwrap(old) {
        Ok(mut text) => {
            // Room for typing grows by a sixty-fourth of the text, not by
            // doubling it.
            let grow = rope.len_bytes().saturating_sub(text.capacity());
            if grow > 0 {
                text.reserve_exact(grow + rope.len_bytes() / 64);
            }
            text.replace_range(edit.start..edit.old_end, &inserted);
            text
        }
        Err(shared) => {
            let mut text = String::with_capacity(rope.len_bytes());
            text.push_str(&shared[..edit.start]);
            text.push_str(&inserted);
            text.push_str(&shared[edit.old_end..]);
            text
        }
    };
    debug_assert!(text == *rope, "the edit span does not describe the edits");
    text
}

fn positions(uri: &Url, index: &Arc<LineIndex>, encoding: Encoding) -> to_proto::Positions {
    to_proto::Positions {
        uri: uri.clone(),
        index: index.clone(),
        encoding,
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

#[cfg(test)]
mod tests {
    use super::merge_edit;

    /// A merged span is a valid edit from the first text to the last: both
    /// agree before its start and after its ends.
    #[test]
    fn merged_spans_cover_every_edit() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let old = "abcdefghijklmnopqrstuvwxyz0123456789".to_string();
            let mut cur = old.clone();
            let mut span = None;
            for _ in 0..1 + rnd(5) {
                let a = rnd(cur.len() + 1);
                let b = a + rnd(cur.len() + 1 - a);
                let ins = &"XYZW"[..rnd(5)];
                cur.replace_range(a..b, ins);
                span = Some(merge_edit(span, a, b, ins.len()));
            }
            let e = span.unwrap();
            assert!(e.start <= e.old_end && e.old_end <= old.len() && e.new_end <= cur.len());
            assert_eq!(old[..e.start], cur[..e.start]);
            assert_eq!(old[e.old_end..], cur[e.new_end..], "{e:?} {old} {cur}");
        }
    }
}
