//! What shows while the dataset loads, and when it cannot: never a blank page.

use super::ctx::use_ctx;
use crate::api::FetchError;
use crate::core::issue::LoadError;
use crate::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    let t = use_ctx().messages();
    view! {
        <div class="load-status" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{t.loading}</p>
        </div>
    }
}

#[component]
pub fn Failed(error: FetchError, retry: impl Fn() + 'static) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let partner = ctx
        .state
        .with_untracked(|s| s.globals.data.as_ref().map(|u| u.as_str().to_owned()));
    let source = partner
        .clone()
        .unwrap_or_else(|| crate::api::DEFAULT_DATA.to_owned());
    let (headline, advice) = match &error {
        FetchError::Offline => (t.error_offline, t.error_offline_advice),
        FetchError::Timeout => (t.error_timeout, t.error_retry_advice),
        FetchError::Http { status: 404, .. } => (t.error_not_found, t.error_not_found_advice),
        FetchError::Http { .. } => (t.error_server, t.error_retry_advice),
        FetchError::Network(_) if partner.is_some() => (t.error_network, t.error_cors_advice),
        FetchError::Network(_) => (t.error_network, t.error_retry_advice),
        FetchError::Load(LoadError::Json { .. }) => (t.error_invalid, t.error_invalid_advice),
        FetchError::Load(_) => (t.error_invalid, t.error_invalid_advice),
    };
    let detail = error.to_string();
    let transient = error.is_transient();
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-title">
            <h1 id="load-error-title">{t.error_title}</h1>
            <p class="load-error__headline">{headline}</p>
            <p>{advice}</p>
            <p class="load-error__detail">
                {fill(t.error_detail, &[("source", &source)])} " " <code>{detail}</code>
            </p>
            <p>
                <button type="button" class="button button--primary" on:click=move |_| retry()>
                    {if transient { t.retry } else { t.reload }}
                </button>
            </p>
        </section>
    }
}
