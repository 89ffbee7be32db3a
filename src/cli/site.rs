//! `tracker site DIST`: the files built beside the app, from its dataset: subscribable
//! calendars (all upcoming events, and one per process), Atom feeds of upcoming events and of
//! resources, the JSON Schema and the template workbook.

use super::fsx::write_atomic;
use crate::core::atom::{events_feed, resources_feed, Feed};
use crate::core::catalog::Catalog;
use crate::core::export::{dataset_key, is_absolute, Words};
use crate::core::ics::{calendar, Calendar};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

pub struct SiteOptions {
    /// The app's public address; else the dataset's `meta.home`; else feeds link relatively
    /// and calendars carry no `URL`.
    pub base_url: Option<String>,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    /// The dataset's file name without extension: part of every calendar and feed id.
    pub dataset: String,
}

/// Writes the files into `dist`, returning their paths relative to it.
pub fn build(dist: &Path, c: &Catalog, o: &SiteOptions) -> Result<Vec<String>, String> {
    let lang = c.lang().to_owned();
    let fb = c.lang();
    let title = c.meta.title.get(&lang, fb).to_owned();
    let base = o
        .base_url
        .clone()
        .or_else(|| c.meta.home.as_ref().map(|u| u.as_str().to_owned()));
    let absolute = base.as_deref().filter(|b| is_absolute(b)).map(|b| {
        let b = b.strip_suffix("index.html").unwrap_or(b);
        if b.ends_with('/') {
            b.to_owned()
        } else {
            format!("{b}/")
        }
    });
    let key = dataset_key(&o.dataset);
    let mut written = Vec::new();
    let mut put = |rel: &str, bytes: &[u8]| -> Result<(), String> {
        write_atomic(&dist.join(rel), bytes).map_err(|e| format!("{rel}: {e}"))?;
        written.push(rel.to_owned());
        Ok(())
    };

    let upcoming: Vec<usize> = (0..c.events.len())
        .filter(|&i| c.events[i].is_open(o.today))
        .collect();
    let upcoming_name = format!("{title}: upcoming events");
    let cal = Calendar {
        name: &upcoming_name,
        dataset: &key,
        base_url: absolute.as_deref(),
        lang: &lang,
        stamp: o.now,
        words: Words::ENGLISH,
    };
    put(
        "calendar/upcoming.ics",
        calendar(c, &upcoming, &cal).as_bytes(),
    )?;
    for (p, process) in c.processes.iter().enumerate() {
        let events: Vec<usize> = c.events_of(p).collect();
        let name = process
            .short_name
            .as_ref()
            .unwrap_or(&process.name)
            .get(&lang, fb)
            .to_owned();
        put(
            &format!("calendar/{}.ics", process.id),
            calendar(
                c,
                &events,
                &Calendar {
                    name: &format!("{title}: {name}"),
                    ..cal
                },
            )
            .as_bytes(),
        )?;
    }

    let feed_base = absolute.clone().unwrap_or_else(|| "../".to_owned());
    let self_url = |file: &str| absolute.as_ref().map(|b| format!("{b}feeds/{file}"));
    let upcoming_self = self_url("upcoming.atom");
    let feed = Feed {
        title: &upcoming_name,
        dataset: &key,
        name: "upcoming",
        base_url: &feed_base,
        self_url: upcoming_self.as_deref(),
        lang: &lang,
        updated: o.now,
        words: Words::ENGLISH,
    };
    put(
        "feeds/upcoming.atom",
        events_feed(c, &upcoming, &feed).as_bytes(),
    )?;
    let resources_self = self_url("resources.atom");
    let all: Vec<usize> = (0..c.resources.len()).collect();
    let resources_title = format!("{title}: resources");
    let feed = Feed {
        title: &resources_title,
        name: "resources",
        self_url: resources_self.as_deref(),
        ..feed
    };
    put(
        "feeds/resources.atom",
        resources_feed(c, &all, &feed).as_bytes(),
    )?;

    if !dist.join("schema/v1.json").exists() {
        put(
            "schema/v1.json",
            crate::core::schema::dataset_schema().as_bytes(),
        )?;
    }
    put("template.xlsx", &super::template_xlsx()?)?;
    Ok(written)
}
