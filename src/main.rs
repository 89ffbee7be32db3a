//! The browser entry point: install the panic hook (a panic then shows in the console instead of
//! vanishing) and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Before the app reads the URL: a prerendered page's path becomes the app's query URL.
    process_tracker::web::static_page::adopt();
    leptos::mount::mount_to_body(process_tracker::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "process-tracker is a browser app: build it with `scripts/dev serve` (Trunk, wasm32)."
    );
    std::process::exit(2);
}
