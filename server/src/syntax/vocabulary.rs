//! Clause-opener vocabularies, embedded from `grammar/vocabulary/`.
