//! Analysing a document's newest version into a [`Snapshot`]: from the
//! previous snapshot and the edits since when it can, afresh otherwise, in a
//! blocking task with a panic boundary; then publishing its diagnostics.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use tower_lsp::lsp_types::{MessageType, Url};

use super::edits::next_text;
use super::{cross_settings, State};
use crate::analysis::{analyze, reanalyze, reanalyze_owned};
use crate::lsp::published::OwnDiagnostics;
use crate::lsp::snapshot::{Snapshot, SnapshotError};
use crate::lsp::to_proto;
use crate::text::{self, Encoding, LineIndex};

impl State {
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
                // The previous snapshot's published diagnostics, kept
                // until this one is published: the index holds the last
                // other reference, and dropping thousands of items before
                // the publish would delay it.
                let mut retired = None;
                let (text, index, analysis, published) = match base {
                    Some((prev, edit)) => match Arc::try_unwrap(prev) {
                        Ok(prev) => {
                            let Snapshot {
                                text: old_text,
                                index: old_index,
                                analysis: prev_analysis,
                                published: prev_published,
                                ..
                            } = prev;
                            let (text, index) = next_text(old_text, old_index, &rope, &edit);
                            let text = Arc::new(text);
                            check_trigger(trigger.as_deref(), &text);
                            let analysis =
                                reanalyze_owned(prev_analysis, &text, &edit, &config, &catalog);
                            let here = positions(&uri2, &index, encoding);
                            let published = OwnDiagnostics::build(
                                &here,
                                &analysis.diagnostics,
                                config.docs_base.as_deref(),
                                |i| analysis.previous_index(i),
                                Some((&prev_published, &edit)),
                            );
                            retired = Some(prev_published);
                            (text, index, analysis, published)
                        }
                        Err(prev) => {
                            let (text, index) =
                                next_text(prev.text.clone(), prev.index.clone(), &rope, &edit);
                            let text = Arc::new(text);
                            check_trigger(trigger.as_deref(), &text);
                            let analysis =
                                reanalyze(&prev.analysis, &text, &edit, &config, &catalog);
                            let here = positions(&uri2, &index, encoding);
                            let published = OwnDiagnostics::build(
                                &here,
                                &analysis.diagnostics,
                                config.docs_base.as_deref(),
                                |i| analysis.previous_index(i),
                                Some((&prev.published, &edit)),
                            );
                            (text, index, analysis, published)
                        }
                    },
                    None => {
                        let text = Arc::new(text::rope::to_string_with_room(&rope));
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
                let snapshot = Snapshot {
                    uri: uri2,
                    version,
                    text,
                    index,
                    analysis,
                    encoding,
                    published: Arc::new(published),
                    open_id,
                    config_generation: generation,
                };
                (snapshot, retired)
            }))
        });
        let (snapshot, retired) = match job.await {
            Ok(Ok((s, retired))) => (Arc::new(s), retired),
            Ok(Err(payload)) => {
                let what = crate::lsp::panics::panic_message(payload.as_ref());
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
        drop(retired);
        self.schedule_republish(affected);
        Ok(snapshot)
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

fn positions(uri: &Url, index: &Arc<LineIndex>, encoding: Encoding) -> to_proto::Positions {
    to_proto::Positions {
        uri: uri.clone(),
        index: index.clone(),
        encoding,
    }
}
