//! The LSP base protocol's framing (`Content-Length` headers, then a body)
//! as a `tokio_util` [`Decoder`] that never fails: `FramedRead` owns the read
//! buffer, and what cannot be framed becomes a [`Frame::Error`] item instead
//! of an error that would end the stream (which is why tower-lsp's own codec,
//! which returns errors, stops the server at the first bad message).
//!
//! - garbage before a header is skipped to the next `Content-Length`;
//! - a declared length too large for the body that follows is cut at the next
//!   header when what precedes it is a whole JSON value (the client waits for
//!   an answer);
//! - a message over the size limit is skipped as it streams in, never held;
//! - a long body is read into room reserved for all of it at once, handed over
//!   without a copy, and the buffer keeps none of its room afterwards.

use bytes::{Buf, BytesMut};
use tokio_util::codec::Decoder;

/// Largest message accepted; a larger `Content-Length` is skipped.
const MAX_MESSAGE: usize = 512 * 1024 * 1024;
/// Longest header block before the reader gives up on it as garbage.
const MAX_HEADER: usize = 8 * 1024;
const HEADER: &[u8] = b"Content-Length";
/// Bodies from this size on leave the read buffer with all its room.
const BIG_BODY: usize = 1 << 20;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    Message(BytesMut),
    /// Something that could not be framed; it has been skipped.
    Error(String),
    /// A message over the size limit; it is being skipped.
    TooLarge(String),
}

pub(crate) struct LspCodec {
    /// The declared length of the body being read, once its headers are in.
    body_len: Option<usize>,
    /// How far the body being read was already searched for a next header.
    scanned: usize,
    /// Bytes still to drop of a message over the limit.
    discard: usize,
    /// The size limit of a message.
    max: usize,
}

impl Default for LspCodec {
    fn default() -> Self {
        LspCodec {
            body_len: None,
            scanned: 0,
            discard: 0,
            max: MAX_MESSAGE,
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

impl Decoder for LspCodec {
    type Item = Frame;
    type Error = std::io::Error;

    fn decode(&mut self, src: &mut BytesMut) -> std::io::Result<Option<Frame>> {
        if self.discard > 0 {
            let n = self.discard.min(src.len());
            src.advance(n);
            self.discard -= n;
            if self.discard > 0 {
                return Ok(None);
            }
        }
        Ok(match self.body_len {
            None => self.try_headers(src),
            Some(len) => self.try_body(src, len),
        })
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> std::io::Result<Option<Frame>> {
        if let Some(frame) = self.decode(src)? {
            return Ok(Some(frame));
        }
        let leftover = src.iter().any(|b| !b.is_ascii_whitespace());
        let n = src.len();
        src.clear();
        self.body_len = None;
        Ok(leftover.then(|| {
            Frame::Error(format!(
                "the input ended inside a message ({n} bytes ignored)"
            ))
        }))
    }
}

impl LspCodec {
    fn try_headers(&mut self, src: &mut BytesMut) -> Option<Frame> {
        // Line breaks between messages are tolerated.
        let breaks = src
            .iter()
            .take_while(|&&b| matches!(b, b'\r' | b'\n'))
            .count();
        src.advance(breaks);
        let window = &src[..];
        if window.is_empty() {
            return None;
        }
        // The header block: lines up to an empty line.
        let mut line_start = 0;
        let mut length: Option<Result<usize, (String, Option<usize>)>> = None;
        let mut garbage = false;
        let end = loop {
            let Some(nl) = window[line_start..].iter().position(|&b| b == b'\n') else {
                if window.len() > MAX_HEADER {
                    let span = window.len();
                    return Some(self.resync(
                        src,
                        span,
                        "a header block too long or without an end",
                    ));
                }
                return None;
            };
            let line = &window[line_start..line_start + nl];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let next = line_start + nl + 1;
            if line.is_empty() {
                break next;
            }
            match line.iter().position(|&b| b == b':') {
                Some(colon) => {
                    let name = String::from_utf8_lossy(&line[..colon]);
                    let value = String::from_utf8_lossy(&line[colon + 1..])
                        .trim()
                        .to_string();
                    if name.trim().eq_ignore_ascii_case("content-length") {
                        length = Some(match value.parse::<usize>() {
                            Ok(n) if n <= self.max => Ok(n),
                            Ok(n) => Err((
                                format!(
                                    "a message of {n} bytes is over the limit of {} bytes; skipped",
                                    self.max
                                ),
                                Some(n),
                            )),
                            Err(_) => Err((format!("a bad Content-Length `{value}`"), None)),
                        });
                    } else if !name.trim().eq_ignore_ascii_case("content-type") {
                        garbage = true;
                    }
                }
                None => garbage = true,
            }
            line_start = next;
        };
        match length {
            Some(Ok(n)) if !garbage => {
                src.advance(end);
                self.body_len = Some(n);
                self.scanned = 0;
                self.try_body(src, n)
            }
            Some(Err((why, Some(n)))) if !garbage => {
                src.advance(end);
                self.discard = n;
                Some(Frame::TooLarge(why))
            }
            Some(Err((why, _))) => Some(self.resync(src, end, &format!("{why}; message skipped"))),
            _ => Some(self.resync(src, end, "bytes that are no message header")),
        }
    }

    /// Skips garbage: to a later `Content-Length` inside the first `span`
    /// bytes if there is one, else past them.
    fn resync(&mut self, src: &mut BytesMut, span: usize, why: &str) -> Frame {
        let skip = find(&src[1..span.min(src.len())], HEADER).map_or(span, |i| i + 1);
        let skipped = String::from_utf8_lossy(&src[..skip.min(80)]).into_owned();
        src.advance(skip);
        self.body_len = None;
        Frame::Error(format!(
            "{why} ({skip} bytes skipped: {:?})",
            skipped
                .chars()
                .filter(|c| !c.is_control() || *c == '\n')
                .collect::<String>()
        ))
    }

    fn try_body(&mut self, src: &mut BytesMut, len: usize) -> Option<Frame> {
        if src.len() >= len {
            let body = &src[..len];
            // A declared length too large that the next message completed:
            // the body holds a whole JSON value, then a header.
            let cut = find(body, HEADER).filter(|&i| !is_json(body) && is_json(&body[..i]));
            let take = cut.unwrap_or(len);
            self.body_len = None;
            let frame = src.split_to(take);
            // The frame shares the buffer's allocation: after a long one the
            // buffer moves what follows into room of its own, so that the
            // long allocation goes when the message does.
            if take >= BIG_BODY && src.len() < BIG_BODY {
                *src = BytesMut::from(&src[..]);
            }
            if cut.is_some() {
                eprintln!("reso: a Content-Length of {len} was larger than its message ({take} bytes); read the message and went on");
            }
            return Some(Frame::Message(frame));
        }
        // Not all in yet: if a header follows a whole JSON value, the declared
        // length was too large and the client is waiting for an answer.
        let from = self.scanned.saturating_sub(HEADER.len());
        if let Some(i) = find(&src[from..], HEADER).map(|i| i + from) {
            if is_json(&src[..i]) {
                let frame = src.split_to(i);
                self.body_len = None;
                eprintln!("reso: a Content-Length of {len} was larger than its message ({i} bytes); read the message and went on");
                return Some(Frame::Message(frame));
            }
        }
        self.scanned = src.len();
        // Room for the whole body at once, not a buffer grown step by step.
        src.reserve(len - src.len());
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;
    use tokio_util::codec::FramedRead;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        FramedRead::new(input, LspCodec::default())
            .map(|f| f.unwrap())
            .collect()
            .await
    }

    fn msg(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    fn m(body: &[u8]) -> Frame {
        Frame::Message(BytesMut::from(body))
    }

    fn is_error(f: &Frame) -> bool {
        matches!(f, Frame::Error(_))
    }

    /// A didOpen of a long document: its frame is read whole, the next
    /// message after it too, and the reader keeps no room of the long
    /// message afterwards (the frame is the only owner of its bytes).
    #[tokio::test]
    async fn long_messages_are_framed_and_their_room_given_back() {
        let text = "Recalling its resolution 66/184 of 22 December 2011,\n".repeat(60_000);
        let long = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"text": text}}})
        .to_string();
        assert!(long.len() > 3 * BIG_BODY);
        // Alone and followed by a short one.
        let alone = msg(&long);
        assert_eq!(frames(&alone).await, vec![m(long.as_bytes())]);
        let mut both = msg(&long);
        both.extend(msg(r#"{"a":1}"#));
        let mut r = FramedRead::new(&both[..], LspCodec::default());
        let Some(Ok(Frame::Message(first))) = r.next().await else {
            panic!("no first frame")
        };
        assert_eq!(first, long.as_bytes());
        assert!(r.read_buffer().capacity() <= BIG_BODY);
        assert!(
            first.freeze().is_unique(),
            "the reader kept the long message's room"
        );
        assert_eq!(r.next().await.unwrap().unwrap(), m(br#"{"a":1}"#));
        assert!(r.next().await.is_none());
    }

    #[tokio::test]
    async fn well_formed_messages_in_a_row() {
        let mut input = msg(r#"{"a":1}"#);
        input.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n");
        input.extend(msg(r#"{"b":2}"#));
        assert_eq!(
            frames(&input).await,
            vec![m(br#"{"a":1}"#), m(br#"{"b":2}"#)]
        );
    }

    #[tokio::test]
    async fn garbage_before_a_header_is_skipped() {
        let mut input = b"hello there\r\n".to_vec();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert!(is_error(&f[0]), "{f:?}");
        assert_eq!(f[1], m(br#"{"a":1}"#));
        assert_eq!(f.len(), 2);
    }

    #[tokio::test]
    async fn bad_and_missing_content_length() {
        let mut input = b"Content-Length: abc\r\n\r\n{}".to_vec();
        input.extend(b"X-Other: 1\r\n\r\n");
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(is_error(&f[0]) && is_error(&f[1]));
        assert_eq!(f[2], m(br#"{"a":1}"#));
    }

    #[tokio::test]
    async fn content_length_too_small_loses_one_message_only() {
        let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
        let mut input = format!("Content-Length: 10\r\n\r\n{body}").into_bytes();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(f[0], m(&body.as_bytes()[..10]));
        assert!(is_error(&f[1]));
        assert_eq!(f[2], m(br#"{"a":1}"#));
    }

    #[tokio::test]
    async fn content_length_too_large_is_cut_at_the_next_header() {
        let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
        let mut input = format!("Content-Length: 500\r\n\r\n{body}").into_bytes();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(f, vec![m(body.as_bytes()), m(br#"{"a":1}"#)]);
    }

    #[tokio::test]
    async fn a_body_mentioning_content_length_is_not_cut() {
        let body = r#"{"text":"Content-Length: 5"}"#;
        assert_eq!(frames(&msg(body)).await, vec![m(body.as_bytes())]);
    }

    #[tokio::test]
    async fn a_message_over_the_limit_is_skipped_whole() {
        let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(300_000));
        let mut input = msg(&big);
        input.extend(msg(r#"{"a":1}"#));
        let codec = LspCodec {
            max: 1000,
            ..LspCodec::default()
        };
        // Read in small pieces, as a pipe gives them.
        let (mut writer, reader) = tokio::io::duplex(4096);
        tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            writer.write_all(&input).await.unwrap();
        });
        let mut r = FramedRead::new(reader, codec);
        let mut out = Vec::new();
        while let Some(f) = r.next().await {
            out.push(f.unwrap());
            assert!(
                r.read_buffer().capacity() < 100_000,
                "the skipped message was held"
            );
        }
        assert_eq!(
            out.len(),
            2,
            "{:?}",
            out.iter()
                .map(|f| format!("{f:?}").chars().take(80).collect::<String>())
                .collect::<Vec<_>>()
        );
        assert!(matches!(&out[0], Frame::TooLarge(m) if m.contains("300011 bytes")));
        assert_eq!(out[1], m(br#"{"a":1}"#));
    }

    #[tokio::test]
    async fn input_ending_inside_a_message() {
        let f = frames(b"Content-Length: 50\r\n\r\n{\"a\":").await;
        assert_eq!(f.len(), 1);
        assert!(is_error(&f[0]));
    }
}
