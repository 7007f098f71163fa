//! Editor features as plain data over byte ranges (hover, completion, code
//! actions, outline ...). The LSP layer converts them.
