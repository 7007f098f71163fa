//! The process's standard output as the transport writes it: a message's
//! header and body's pieces in one vectored write straight to the file
//! descriptor (no buffer in between, no scan for a newline; more than one
//! when the pieces are more than the system takes at once, or the pipe
//! fills), and, when it is a pipe on
//! Linux, a pipe large enough for a long message.
//!
//! A pipe holds 64 KiB by default: a 484 KB `publishDiagnostics` then went
//! out in eight pieces, the server waiting after each until the client had
//! read the last one, a switch between the two processes each time. The
//! pipe is grown (up to 1 MiB, what Linux lets any process ask) when a
//! message does not fit, so that the message is written at once and the
//! client reads it at its pace. What the client receives is the same.

use std::io::{self, IoSlice, Write};

use super::Outgoing;

/// The largest pipe asked for: Linux's `/proc/sys/fs/pipe-max-size` by
/// default, which an unprivileged process may not exceed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAX_PIPE: usize = 1 << 20;

pub(crate) struct Stdout {
    #[cfg(unix)]
    out: std::fs::File,
    #[cfg(not(unix))]
    out: io::Stdout,
    /// The pipe's size, while it may still be grown (`None`: not a pipe,
    /// or growing it failed or reached the limit).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    pipe: Option<usize>,
}

impl Stdout {
    /// The process's standard output (on Unix, its descriptor duplicated,
    /// written without a buffer).
    pub(crate) fn new() -> io::Result<Stdout> {
        #[cfg(unix)]
        let out = {
            use std::os::fd::AsFd;
            std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?)
        };
        #[cfg(not(unix))]
        let out = io::stdout();
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        let pipe = {
            use std::os::fd::AsRawFd;
            // SAFETY: F_GETPIPE_SZ only reads the size of the pipe behind a
            // descriptor this value owns; on anything else it fails.
            let size = unsafe { libc::fcntl(out.as_raw_fd(), libc::F_GETPIPE_SZ) };
            usize::try_from(size)
                .ok()
                .filter(|&s| s > 0 && s < MAX_PIPE)
        };
        Ok(Stdout {
            out,
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            pipe,
        })
    }

    /// Writes one message: its `Content-Length` header, then `body`.
    pub(crate) fn write_message(&mut self, body: &Outgoing) -> io::Result<()> {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.make_room(header.len() + body.len());
        write_framed(&mut self.out, &header, body)?;
        self.out.flush()
    }

    /// Grows the pipe, when stdout is one, to hold `len` bytes (or as much
    /// as it may).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn make_room(&mut self, len: usize) {
        use std::os::fd::AsRawFd;
        let Some(size) = self.pipe.filter(|&s| s < len) else {
            return;
        };
        let want = len.next_power_of_two().min(MAX_PIPE);
        // SAFETY: F_SETPIPE_SZ only resizes the pipe behind a descriptor
        // this value owns; it fails (and nothing changes) when the size is
        // not allowed.
        let got = unsafe {
            libc::fcntl(
                self.out.as_raw_fd(),
                libc::F_SETPIPE_SZ,
                want as libc::c_int,
            )
        };
        self.pipe = usize::try_from(got)
            .ok()
            .filter(|&s| s > size && s < MAX_PIPE);
    }

    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    fn make_room(&mut self, _len: usize) {}
}

/// Writes `header` and then every piece of `body`.
fn write_framed(out: &mut impl Write, header: &str, body: &Outgoing) -> io::Result<()> {
    let mut slices = Vec::with_capacity(1 + body.pieces().count());
    slices.push(IoSlice::new(header.as_bytes()));
    slices.extend(body.io_slices());
    write_all_vectored(out, &mut slices)
}

/// Writes every byte of `bufs`, in as few writes as the writer takes.
fn write_all_vectored(out: &mut impl Write, mut bufs: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut bufs, 0);
    while !bufs.is_empty() {
        match out.write_vectored(bufs) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut bufs, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes at most a few bytes at a time and one slice per
    /// call, as a full pipe may.
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = buf.len().min(3);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn partial_writes_write_everything_in_order() {
        let mut out = Trickle(Vec::new());
        write_all_vectored(
            &mut out,
            &mut [
                IoSlice::new(b"Content-Length: 7\r\n\r\n"),
                IoSlice::new(b""),
                IoSlice::new(b"{\"a\":1}"),
            ],
        )
        .unwrap();
        assert_eq!(out.0, b"Content-Length: 7\r\n\r\n{\"a\":1}");
    }

    /// A body in pieces, some shared, goes out whole and in order after
    /// its header, however few bytes each write takes.
    #[test]
    fn a_body_in_pieces_is_written_after_its_header() {
        let shared: super::super::Shared = std::sync::Arc::new(b"{\"d\":1}".to_vec());
        let mut body = Outgoing::from(b"[".to_vec());
        body.push_shared(shared.clone());
        body.push_static(b",");
        body.push_shared(shared);
        body.push_owned(b"]".to_vec());
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let mut out = Trickle(Vec::new());
        write_framed(&mut out, &header, &body).unwrap();
        assert_eq!(out.0, b"Content-Length: 17\r\n\r\n[{\"d\":1},{\"d\":1}]");
    }
}
