//! The tracker's entry page (`index.html`): install the panic hook (a panic then shows in the
//! console instead of vanishing) and mount the app with every page but the embed builder, which
//! has its own (`src/bin/embed-builder.rs`, `core::entry`).

#[cfg(target_arch = "wasm32")]
fn main() {
    process_tracker::ui::start(
        process_tracker::core::entry::Entry::Tracker,
        process_tracker::ui::pages::tracker,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "process-tracker is a browser app: build it with `scripts/dev serve` (Trunk, wasm32)."
    );
    std::process::exit(2);
}
