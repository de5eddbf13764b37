//! The prevention-chain domain: vocabulary, offers, districts, roles and the rules and
//! computations over them. Pure: no I/O, no SQL, no HTTP. Every other crate speaks these types.

pub mod access;
pub mod age;
pub mod agreements;
pub mod bodies;
pub mod boundary;
pub mod chain;
pub mod clock;
pub mod cycle;
pub mod disclosure;
pub mod engagement;
pub mod events;
pub mod funding;
pub mod goals;
pub mod matrix;
pub mod model;
pub mod navigator;
pub mod needs;
pub mod privacy;
pub mod proposals;
pub mod review;
pub mod survey;
pub mod synonyms;
pub mod validate;
pub mod vocab;

pub use access::Role;
pub use clock::Clock;
pub use model::*;
pub use validate::{FieldError, ValidationErrors};
pub use vocab::{Term, TermKind};
