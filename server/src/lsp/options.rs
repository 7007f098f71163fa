//! How the server is started: the test hook.

/// The environment variable that turns the test hook on in the binary: its
/// value is the panic trigger (see [`Options::panic_trigger`]).
pub const TEST_PANIC_ENV: &str = "RESO_TEST_PANIC";

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Test hook, off by default: when set, analysing a text that contains
    /// this string panics, and the request `reso/testPanic` (which panics) is
    /// served. The tests use it to prove that a panic is caught.
    pub panic_trigger: Option<String>,
}

impl Options {
    pub fn from_env() -> Options {
        Options {
            panic_trigger: std::env::var(TEST_PANIC_ENV).ok().filter(|s| !s.is_empty()),
        }
    }
}
