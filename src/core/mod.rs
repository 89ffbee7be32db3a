//! The pure core: no DOM, no network, no clock. Everything here compiles and is tested natively.

pub mod catalog;
pub mod colour;
pub mod dataset;
pub mod date;
mod envelope;
pub mod facet;
pub mod fold;
pub mod issue;
pub mod json_path;
pub mod load;
pub mod model;
pub mod pages;
pub mod paging;
pub mod query;
pub mod route;
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
