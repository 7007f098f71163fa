//! The organs of the United Nations that reso knows by name.
//!
//! [`Body`] is the one enumeration of the four organs whose resolutions the
//! catalogue holds and whose symbols reso parses; [`Organ`] is the organ a
//! chapeau names, one of those four or any other (`The Conference of the
//! Parties,`), kept as written.

use std::fmt;

/// The four organs whose resolutions the catalogue holds (its `body` column)
/// and whose symbols [`symbol`](super::symbol) parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Body {
    GA,
    SC,
    ECOSOC,
    HRC,
}

impl Body {
    pub const ALL: [Body; 4] = [Body::GA, Body::SC, Body::ECOSOC, Body::HRC];

    /// As the `body` column writes it (`GA`, `SC`, `ECOSOC`, `HRC`).
    pub fn code(self) -> &'static str {
        match self {
            Body::GA => "GA",
            Body::SC => "SC",
            Body::ECOSOC => "ECOSOC",
            Body::HRC => "HRC",
        }
    }

    pub fn parse(s: &str) -> Option<Body> {
        Body::ALL.into_iter().find(|b| b.code() == s)
    }

    /// `General Assembly` ...
    pub fn name(self) -> &'static str {
        match self {
            Body::GA => "General Assembly",
            Body::SC => "Security Council",
            Body::ECOSOC => "Economic and Social Council",
            Body::HRC => "Human Rights Council",
        }
    }

    /// The organ a name (`Security Council`) names, among the four.
    pub fn from_name(name: &str) -> Option<Body> {
        Body::ALL.into_iter().find(|b| b.name() == name)
    }

    /// Whether the organ numbers its resolutions by year (SC, ECOSOC) rather
    /// than by session (GA, HRC).
    pub fn by_year(self) -> bool {
        matches!(self, Body::SC | Body::ECOSOC)
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The organ a chapeau names; it decides what "its resolution 16/18" means.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Organ {
    /// One of the four organs reso knows.
    Known(Body),
    /// Any other organ (`The Conference of the Parties,`), as written.
    Other(String),
}

impl Organ {
    /// From the words of a chapeau without `The` and the comma, case as printed.
    pub fn from_name(name: &str) -> Organ {
        let name = name.trim();
        match Body::from_name(name) {
            Some(b) => Organ::Known(b),
            None => Organ::Other(name.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Organ::Known(b) => b.name(),
            Organ::Other(s) => s,
        }
    }

    /// The organ among the four, `None` for any other.
    pub fn body(&self) -> Option<Body> {
        match self {
            Organ::Known(b) => Some(*b),
            Organ::Other(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for b in Body::ALL {
            assert_eq!(Body::parse(b.code()), Some(b));
            assert_eq!(Organ::from_name(b.name()), Organ::Known(b));
            assert_eq!(Organ::from_name(b.name()).name(), b.name());
        }
        let cop = Organ::from_name(" Conference of the Parties ");
        assert_eq!(cop, Organ::Other("Conference of the Parties".into()));
        assert_eq!(cop.body(), None);
    }
}
