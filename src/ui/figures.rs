//! A figure that changes over time: its latest reading with its "as of" date and source, its
//! progress against a target, and the readings before it.

use super::ctx::{use_ctx, Data};
use super::marks::Unconfirmed;
use super::prose::Sources;
use crate::core::model::Figure;
use crate::i18n::{dates, fill, pieces, Piece};
use crate::web::intl;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FigureCard(data: Arc<Data>, figure: Figure) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let lang = ctx.lang.get_untracked();
    let locale = dates::intl_locale(&lang).to_owned();
    let Some(latest) = figure.points.last().cloned() else {
        return ().into_any();
    };
    let num = |n: u64| intl::number(&locale, n);
    let label = data.t(&figure.label).to_owned();
    let as_of = dates::day(latest.as_of.0, &locale);
    let target = figure.target.as_ref().map(|tg| {
        // Integer per-mille: formatting floats would pull ~10 KB of wasm in for one bar.
        let per_mille = latest.value.saturating_mul(1000).checked_div(tg.value).unwrap_or(1000).min(1000);
        let text = fill(t.of_target, &[("n", &num(latest.value)), ("target", &num(tg.value)), ("label", data.t(&tg.label))]);
        view! {
            <p class="figure__target">{text.clone()}</p>
            <div class="bar" role="img" aria-label=text>
                <span class="bar__fill" style:inline-size=format!("{}.{}%", per_mille / 10, per_mille % 10)></span>
            </div>
        }
    });
    let history: Vec<_> = figure.points.iter().rev().skip(1).cloned().collect();
    view! {
        <div class="figure" class:figure--unconfirmed=!latest.confirmed data-figure=figure.id.to_string()>
            <h3 class="figure__label">{label}</h3>
            <p class="figure__value">
                {pieces(t.reading_as_of).into_iter().map(|p| match p {
                    Piece::Text(s) => view! { <span class="figure__asof">{s}</span> }.into_any(),
                    Piece::Slot("value") => view! { <span class="figure__number">{num(latest.value)}</span> }.into_any(),
                    Piece::Slot(_) => view! { <span class="figure__asof">{as_of.clone()}</span> }.into_any(),
                }).collect_view()}
                {(!latest.confirmed).then(|| view! { " " <Unconfirmed/> })}
            </p>
            {latest.note.as_ref().map(|n| view! { <p class="figure__note">{data.t(n).to_owned()}</p> })}
            {target}
            <Sources data=data.clone() sources=latest.sources.clone() inline=true/>
            {(!history.is_empty()).then(|| view! {
                <details class="figure__history">
                    <summary>{t.earlier_readings}</summary>
                    <ul>
                        {history.into_iter().map(|pt| view! {
                            <li>
                                {pieces(t.reading_as_of).into_iter().map(|p| match p {
                                    Piece::Text(s) => s.into_any(),
                                    Piece::Slot("value") => view! { <strong>{num(pt.value)}</strong> }.into_any(),
                                    Piece::Slot(_) => dates::day(pt.as_of.0, &locale).into_any(),
                                }).collect_view()}
                                {(!pt.confirmed).then(|| view! { " " <Unconfirmed/> })}
                                " " <Sources data=data.clone() sources=pt.sources.clone() inline=true/>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
    .into_any()
}
