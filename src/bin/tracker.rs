//! `tracker`: the dataset maintainers' command-line tool (see `cli::USAGE` and the README).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = process_tracker::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

// The crate's wasm build compiles every binary; this one has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
