//! The offline catalogue of resolutions (SPEC section 3). Placeholder until the
//! catalogue lands.

#[derive(Debug, Default)]
pub struct Catalog {}

impl Catalog {
    /// The built-in catalogue, loaded once.
    pub fn builtin() -> &'static Catalog {
        static EMPTY: Catalog = Catalog {};
        &EMPTY
    }
}
