//! The one module that talks to the network: fetch a dataset, load it, index it. Only the
//! latest request counts: starting one aborts the download before it, and an answer that
//! arrives after a newer request started is dropped, so a slow old file never replaces a new one.

use crate::core::dataset::Dataset;
use crate::core::issue::{LoadError, MAX_DATASET_BYTES};
use gloo_net::http::Request;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

/// Where the default dataset lives, relative to the page, so `dist/` works at any path.
pub const DEFAULT_DATA: &str = "data/un-cyber-processes.json";
/// A slow network gets this long before the reader is told and offered a retry.
pub const TIMEOUT_MS: i32 = 20_000;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("the browser is offline")]
    Offline,
    #[error("no answer within {} seconds", TIMEOUT_MS / 1000)]
    Timeout,
    #[error("the server answered {status} {status_text}")]
    Http { status: u16, status_text: String },
    /// Network failure, refused connection, or a cross-origin response without CORS headers:
    /// the browser does not say which.
    #[error("the request failed ({0})")]
    Network(String),
    #[error("{0}")]
    Load(#[from] LoadError),
}

impl FetchError {
    /// True where trying again may help.
    pub fn is_transient(&self) -> bool {
        !matches!(self, FetchError::Load(_))
    }
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

thread_local! {
    /// Numbers requests; only the one with the latest number may deliver.
    static LATEST: Cell<u64> = const { Cell::new(0) };
    static IN_FLIGHT: RefCell<Option<AbortController>> = const { RefCell::new(None) };
}

/// Fetches and loads the dataset at `url`, read in `lang` (else its default language).
/// `None` when a newer request started meanwhile: its answer is the one to show.
pub async fn load(url: String, lang: Option<String>) -> Option<Result<Dataset, FetchError>> {
    let me = LATEST.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let controller = AbortController::new().ok();
    if let Some(before) = IN_FLIGHT.with(|f| f.replace(controller.clone())) {
        before.abort();
    }
    let result = fetch_and_load(&url, lang.as_deref(), controller).await;
    let current = LATEST.with(Cell::get) == me;
    if current {
        IN_FLIGHT.with(|f| f.borrow_mut().take());
    }
    current.then_some(result)
}

async fn fetch_and_load(
    url: &str,
    lang: Option<&str>,
    controller: Option<AbortController>,
) -> Result<Dataset, FetchError> {
    if offline() {
        return Err(FetchError::Offline);
    }
    let text = fetch_text(url, controller).await?;
    if text.len() > MAX_DATASET_BYTES {
        return Err(LoadError::TooLarge { size: text.len() }.into());
    }
    Ok(Dataset::load(&text, url, lang)?)
}

async fn fetch_text(url: &str, controller: Option<AbortController>) -> Result<String, FetchError> {
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        let cb = Closure::once(move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        });
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
        });
        (cb, id)
    };
    let result = async {
        let resp = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| FetchError::Network(e.to_string()))?;
        if !resp.ok() {
            return Err(FetchError::Http {
                status: resp.status(),
                status_text: resp.status_text(),
            });
        }
        resp.text()
            .await
            .map_err(|e| FetchError::Network(e.to_string()))
    }
    .await;
    if let (Some(w), Some(id)) = (web_sys::window(), timer.1) {
        w.clear_timeout_with_handle(id);
    }
    drop(timer.0);
    match result {
        Err(_) if timed_out.get() => Err(FetchError::Timeout),
        Err(FetchError::Network(_)) if offline() => Err(FetchError::Offline),
        other => other,
    }
}
