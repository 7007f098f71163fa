//! What a framed message is: a request or notification for the service, a
//! response to one of the server's requests, or something invalid with the
//! error it is answered with (-32700 for what is no JSON, -32600 for JSON
//! that is no JSON-RPC message).

use serde::Deserialize;
use serde_json::Value;
use tower_lsp::jsonrpc::{Error, Id, Request, Response};

#[derive(Debug)]
pub(crate) enum Incoming {
    Request(Request),
    Response(Response),
    Invalid { response: Response, log: String },
}

/// Which members a message has, read without building its values.
#[derive(Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    method: bool,
    #[serde(default, deserialize_with = "present")]
    result: bool,
    #[serde(default, deserialize_with = "present")]
    error: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

pub(crate) fn classify(body: &[u8]) -> Incoming {
    let parse_error = |log: String| Incoming::Invalid {
        response: Response::from_error(Id::Null, Error::parse_error()),
        log,
    };
    let invalid = |log: String| {
        let id = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .and_then(|id| serde_json::from_value::<Id>(id).ok())
            .unwrap_or(Id::Null);
        Incoming::Invalid {
            response: Response::from_error(id, Error::invalid_request()),
            log,
        }
    };
    if std::str::from_utf8(body).is_err() {
        return parse_error("a message is not valid UTF-8; ignored".into());
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    let probe = match serde_json::from_slice::<Probe>(body) {
        Ok(p) if first == Some(&b'{') => p,
        Ok(_) => return invalid(format!("a message is not a JSON object: {}", preview(body))),
        Err(e) if e.is_data() => {
            return invalid(format!(
                "a message is not a JSON-RPC message ({e}): {}",
                preview(body)
            ))
        }
        Err(e) => {
            return parse_error(format!(
                "a message is not valid JSON ({e}): {}",
                preview(body)
            ))
        }
    };
    if probe.method {
        match serde_json::from_slice::<Request>(body) {
            Ok(req) if req.params() == Some(&Value::Null) => {
                // `"params": null` is how some clients say "no params"
                // (`shutdown`, `exit`); tower-lsp wants them absent.
                let (method, id, _) = req.into_parts();
                let builder = Request::build(method);
                Incoming::Request(match id {
                    Some(id) => builder.id(id).finish(),
                    None => builder.finish(),
                })
            }
            Ok(req) => Incoming::Request(req),
            Err(e) => invalid(format!(
                "an invalid JSON-RPC request ({e}): {}",
                preview(body)
            )),
        }
    } else if probe.result || probe.error {
        match serde_json::from_slice::<Response>(body) {
            Ok(res) => Incoming::Response(res),
            Err(e) => invalid(format!(
                "an invalid JSON-RPC response ({e}): {}",
                preview(body)
            )),
        }
    } else {
        invalid(format!(
            "a message has neither a method nor a result: {}",
            preview(body)
        ))
    }
}

fn preview(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(120)]);
    let mut s: String = text.chars().filter(|c| !c.is_control()).collect();
    if body.len() > 120 {
        s.push_str("...");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn classify_messages() {
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            Incoming::Request(_)
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Incoming::Response(_)
        ));
        let code = |b: &[u8]| match classify(b) {
            Incoming::Invalid { response, .. } => {
                let v = serde_json::to_value(&response).unwrap();
                (v["error"]["code"].as_i64().unwrap(), v["id"].clone())
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(code(b"{not json"), (-32700, Value::Null));
        assert_eq!(code(b"\xff\xfe"), (-32700, Value::Null));
        assert_eq!(code(b"[1,2]"), (-32600, Value::Null));
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":7}"#), (-32600, json!(7)));
        assert_eq!(
            code(br#"{"jsonrpc":"1.0","id":"x","method":"a"}"#),
            (-32600, json!("x"))
        );
        assert_eq!(
            code(br#"{"jsonrpc":"2.0","id":3,"method":5}"#),
            (-32600, json!(3))
        );
    }
}
