//! Turns the interface message files (`src/i18n/messages/*.toml`) into Rust tables at build
//! time, so the wasm carries the text and no TOML parser. The logic lives in
//! `src/i18n/codegen.rs`, which the native tests also run against the shipped files.

#[path = "src/i18n/codegen.rs"]
#[allow(dead_code)]
mod codegen;
#[path = "src/i18n/plural.rs"]
#[allow(dead_code)]
mod plural;

use std::{env, fs, path::Path};

/// English first: it defines the keys and fills any key another language lacks.
const FILES: [&str; 6] = ["en", "ar", "es", "fr", "ru", "zh"];

fn main() {
    println!("cargo::rerun-if-changed=src/i18n/messages");
    println!("cargo::rerun-if-changed=src/i18n/codegen.rs");
    println!("cargo::rerun-if-changed=src/i18n/plural.rs");
    let mut files = Vec::new();
    for tag in FILES {
        let path = format!("src/i18n/messages/{tag}.toml");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        files.push(codegen::parse(tag, &text).unwrap_or_else(|e| panic!("{e}")));
    }
    // Missing keys fall back to English and are reported by the native test, not here, so a
    // half-translated file still builds while a translator works on it.
    let code = codegen::generate(&files).unwrap_or_else(|e| panic!("{e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
