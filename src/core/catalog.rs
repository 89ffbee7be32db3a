//! A validated dataset: every reference resolves, ids are unique, events are in date order.
//! Built only by `load::load`, so code holding a `Catalog` can index without checking.

use super::model::{Event, Figure, Id, Kind, Meta, Process, Resource, Tag, Taxonomy};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Catalog {
    pub meta: Meta,
    pub taxonomies: Vec<Taxonomy>,
    pub event_kinds: Vec<Kind>,
    pub resource_kinds: Vec<Kind>,
    /// In the data's order, which is the order the overview shows.
    pub processes: Vec<Process>,
    /// Ascending by start, then end, then id.
    pub events: Vec<Event>,
    /// Newest first.
    pub resources: Vec<Resource>,
    pub figures: Vec<Figure>,
    pub(super) process_ix: HashMap<Id, usize>,
    pub(super) event_ix: HashMap<Id, usize>,
    /// Tag id → (taxonomy index, tag index).
    pub(super) tag_ix: HashMap<Id, (usize, usize)>,
    pub(super) children: Vec<Vec<usize>>,
    pub(super) successors: Vec<Vec<usize>>,
}

impl Catalog {
    pub fn process(&self, id: &str) -> Option<(usize, &Process)> {
        let i = *self.process_ix.get(id)?;
        Some((i, &self.processes[i]))
    }

    pub fn process_index(&self, id: &Id) -> Option<usize> {
        self.process_ix.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<(usize, &Event)> {
        let i = *self.event_ix.get(id)?;
        Some((i, &self.events[i]))
    }

    pub fn tag(&self, id: &str) -> Option<(&Taxonomy, &Tag)> {
        let (t, g) = *self.tag_ix.get(id)?;
        Some((&self.taxonomies[t], &self.taxonomies[t].tags[g]))
    }

    pub fn taxonomy_of(&self, tag: &str) -> Option<usize> {
        self.tag_ix.get(tag).map(|&(t, _)| t)
    }

    pub fn event_kind(&self, id: &str) -> Option<&Kind> {
        self.event_kinds.iter().find(|k| k.id.as_str() == id)
    }

    pub fn resource_kind(&self, id: &str) -> Option<&Kind> {
        self.resource_kinds.iter().find(|k| k.id.as_str() == id)
    }

    pub fn parent(&self, p: usize) -> Option<usize> {
        self.processes[p]
            .parent
            .as_ref()
            .and_then(|id| self.process_index(id))
    }

    pub fn children(&self, p: usize) -> &[usize] {
        &self.children[p]
    }

    pub fn predecessors(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.processes[p]
            .predecessors
            .iter()
            .filter_map(|id| self.process_index(id))
    }

    pub fn successors(&self, p: usize) -> &[usize] {
        &self.successors[p]
    }

    /// `p` and everything under it, parents before children.
    pub fn subtree(&self, p: usize) -> Vec<usize> {
        let mut out = vec![p];
        let mut i = 0;
        while i < out.len() {
            out.extend_from_slice(&self.children[out[i]]);
            i += 1;
        }
        out
    }

    /// Processes with no parent, in data order.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.processes.len()).filter(|&p| self.parent(p).is_none())
    }

    /// Indices of the events of process `p` (not of its children), in date order.
    pub fn events_of(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        let id = &self.processes[p].id;
        self.events
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.processes.contains(id))
            .map(|(i, _)| i)
    }

    pub fn resources_of(&self, p: usize) -> impl Iterator<Item = &Resource> + '_ {
        let id = &self.processes[p].id;
        self.resources
            .iter()
            .filter(move |r| r.processes.contains(id))
    }

    pub fn figures_of(&self, p: usize) -> impl Iterator<Item = &Figure> + '_ {
        let id = &self.processes[p].id;
        self.figures.iter().filter(move |f| &f.process == id)
    }

    pub fn lang(&self) -> &str {
        self.meta.default_lang.as_str()
    }
}
