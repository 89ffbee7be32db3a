//! The embed builder's entry page (`embed-builder.html`, written by the prerender step): the same
//! app holding the builder alone, so partners' one tool is not in every reader's download
//! (`core::entry`). Trunk builds it in the same run as the tracker (`index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    process_tracker::ui::start(
        process_tracker::core::entry::Entry::EmbedBuilder,
        process_tracker::ui::pages::embed_builder,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("embed-builder is a browser app: `scripts/dev serve` builds it with the tracker.");
    std::process::exit(2);
}
