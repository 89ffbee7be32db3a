//! The pure core: no DOM, no network, no clock. Everything here compiles and is tested natively.

pub mod catalog;
pub mod colour;
pub mod date;
pub mod fold;
pub mod issue;
pub mod json_path;
pub mod load;
pub mod model;
pub mod query;
pub mod route;
pub mod search;
pub mod sort;
pub mod synth;
pub mod text;
pub mod timeline;

#[cfg(test)]
mod load_tests;
