//! Files as `reso check --fix` and `reso fmt` rewrite them: the text with
//! its UTF-8 byte-order mark set aside (and put back), atomic writes, and
//! unified diffs. Line endings need no care: fixes and formatting keep every
//! line break as it is.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

const BOM: &str = "\u{feff}";

/// A draft's text and whether its file began with a byte-order mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub bom: bool,
    pub text: String,
}

impl Draft {
    /// Reads UTF-8 bytes; `Err` is the message for the user.
    pub fn decode(bytes: Vec<u8>) -> Result<Draft, String> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err("UTF-16 text (reso reads UTF-8); skipped".to_string());
        }
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                let bom = text.starts_with(BOM);
                if bom {
                    text.drain(..BOM.len());
                }
                Ok(Draft { bom, text })
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                Err(format!(
                    "not UTF-8 text (invalid byte at offset {at}); skipped"
                ))
            }
        }
    }

    /// The file's bytes for a new text: the mark back in front.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice(BOM.as_bytes());
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one: a temporary file in the same folder, flushed to disk, then
/// renamed over the old one. The old file's permissions are kept.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.reso-{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    let written = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if let Some(p) = permissions {
            std::fs::set_permissions(&tmp, p)?;
        }
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A unified diff (three lines of context) from `old` to `new`, both
/// headed by `name`; empty when they are equal.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(name, name)
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_order_mark_is_set_aside_and_put_back() {
        let d = Draft::decode(b"\xEF\xBB\xBFThe General Assembly,\r\n".to_vec()).unwrap();
        assert!(d.bom);
        assert_eq!(d.text, "The General Assembly,\r\n");
        assert_eq!(d.encode("X\r\n"), b"\xEF\xBB\xBFX\r\n");
        let d = Draft::decode(b"plain".to_vec()).unwrap();
        assert!(!d.bom);
        assert_eq!(d.encode("plain"), b"plain");
        assert!(Draft::decode(vec![0xFF, 0xFE, b'a', 0])
            .unwrap_err()
            .starts_with("UTF-16"));
        assert_eq!(
            Draft::decode(b"ab\xFF".to_vec()).unwrap_err(),
            "not UTF-8 text (invalid byte at offset 2); skipped"
        );
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("draft.txt");
        std::fs::write(&p, "old").unwrap();
        write_atomically(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["draft.txt"]);
    }

    #[test]
    fn diffs_are_unified() {
        assert_eq!(unified_diff("a", "x\n", "x\n"), "");
        assert_eq!(
            unified_diff("d.txt", "1. A;\n2. B.\n", "1. A;\n3. B.\n"),
            "--- d.txt\n+++ d.txt\n@@ -1,2 +1,2 @@\n 1. A;\n-2. B.\n+3. B.\n"
        );
    }
}
