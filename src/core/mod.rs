//! The pure core: no DOM, no network, no clock. Everything here compiles and is tested natively.

pub mod atom;
pub mod catalog;
pub mod colour;
pub mod csv;
pub mod dataset;
pub mod date;
pub mod entry;
mod envelope;
pub mod export;
pub mod facet;
pub mod file;
pub mod fold;
pub mod ics;
pub mod issue;
pub mod json_path;
pub mod load;
pub mod markup;
pub mod model;
pub mod pages;
pub mod paging;
pub mod query;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod search;
pub mod search_index;
mod search_text;
pub mod sort;
pub mod synth;
pub mod text;
pub mod timeline;
mod word_table;

#[cfg(test)]
mod load_tests;
