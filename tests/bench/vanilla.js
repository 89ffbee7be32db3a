// The floor under the app's update figures: the same synthetic dataset filtered and searched by
// plain DOM code, drawing the same rows (a window of 60, grouped by year, opened at today) and
// facet counts, with the same ids and classes the bench drives (tests/bench/browser.mjs).
// Nothing clever: one pass over every event per update, rows rebuilt, counts set in place.
//   vanilla.html?data=URL&today=YYYY-MM-DD&css=URL
'use strict';

const WINDOW = 60;
const params = new URLSearchParams(location.search);
const TODAY = params.get('today') ?? new Date().toISOString().slice(0, 10);

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøæß]/g, (c) => ({ ł: 'l', ø: 'o', æ: 'ae', ß: 'ss' })[c]);
const words = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const text = (t) => (typeof t === 'string' ? t : t?.en ?? Object.values(t ?? {})[0] ?? '');
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** First and last day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date covers, as comparable strings. */
function span(d) {
  const [y, m, day] = d.split('-');
  if (day) return [d, d];
  if (m) return [`${d}-01`, `${d}-${String(lastDay(+y, +m)).padStart(2, '0')}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

function prepare(ds) {
  const tagIds = ds.taxonomies.flatMap((t) => t.tags.map((g) => g.id));
  const procIx = new Map(ds.processes.map((p, i) => [p.id, i]));
  const ancestors = ds.processes.map((p) => {
    const up = [];
    for (let q = p, n = 0; q && n < 32; q = ds.processes[procIx.get(q.parent)], n++) up.push(procIx.get(q.id));
    return up;
  });
  const procTags = ds.processes.map((p) => (p.tags ?? []).map((t) => tagIds.indexOf(t)).filter((i) => i >= 0));
  const kinds = ds.event_kinds.map((k) => k.id);
  const countries = [...new Set(ds.events.map((e) => e.location?.country).filter(Boolean))].sort();
  const events = ds.events.map((e) => {
    const [first] = span(e.start);
    const last = span(e.end ?? e.start)[1];
    const procs = e.processes.map((p) => procIx.get(p)).filter((i) => i !== undefined);
    // A process facet counts the events of its sub-processes too, as the app's does.
    const lineage = [...new Set(procs.flatMap((p) => ancestors[p]))];
    const years = [];
    for (let y = +first.slice(0, 4); y <= +last.slice(0, 4); y++) years.push(y);
    return {
      e,
      first,
      last,
      procs,
      lineage,
      tags: [...new Set(procs.flatMap((p) => procTags[p]))],
      kind: kinds.indexOf(e.kind),
      years,
      country: countries.indexOf(e.location?.country),
      // What the app's search reads of an event (core::search_text).
      words: words([e.title, e.summary, e.outcome, e.location?.city, e.location?.venue,
        ...procs.flatMap((p) => [ds.processes[p].short_name, ds.processes[p].name])].map(text).join(' ')),
    };
  });
  events.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const years = [...new Set(events.flatMap((k) => k.years))].sort((a, b) => b - a);
  const yearIx = new Map(years.map((y, i) => [y, i]));
  let tagLo = 0;
  const facets = [
    { id: 'process', legend: 'Process', values: ds.processes.map((p) => p.id), labels: ds.processes.map((p) => text(p.short_name ?? p.name)), of: (k) => k.lineage },
    ...ds.taxonomies.map((t) => {
      const lo = tagLo;
      tagLo += t.tags.length;
      const hi = tagLo;
      return { id: `tax-${t.id}`, legend: text(t.label), values: t.tags.map((g) => g.id), labels: t.tags.map((g) => text(g.label)), of: (k) => k.tags.filter((g) => g >= lo && g < hi).map((g) => g - lo) };
    }),
    { id: 'kind', legend: 'Kind', values: kinds, labels: ds.event_kinds.map((k) => text(k.label)), of: (k) => (k.kind >= 0 ? [k.kind] : []) },
    { id: 'year', legend: 'Year', values: years.map(String), labels: years.map(String), of: (k) => k.years.map((y) => yearIx.get(y)) },
    { id: 'country', legend: 'Country', values: countries, labels: countries, of: (k) => (k.country >= 0 ? [k.country] : []) },
    { id: 'when', legend: 'When', values: ['upcoming', 'past'], labels: ['Upcoming and ongoing', 'Past'], of: (k) => [k.last >= TODAY ? 0 : 1] },
  ];
  for (const f of facets) f.chosen = new Set();
  // Each event's values per facet, computed once into flat typed arrays (offsets + values):
  // an update only reads them.
  for (const f of facets) {
    const per = events.map((k) => f.of(k));
    f.off = new Uint32Array(events.length + 1);
    per.forEach((v, r) => (f.off[r + 1] = f.off[r] + v.length));
    f.val = new Uint16Array(f.off[events.length]);
    per.forEach((v, r) => f.val.set(v, f.off[r]));
  }
  return { events, facets, search: searchIndex(events), procNames: ds.processes.map((p) => text(p.short_name ?? p.name)) };
}

/** Word-prefix search as the app does it, from a sorted vocabulary with postings: the events
 * whose words start with every query word. */
function searchIndex(events) {
  const post = new Map();
  events.forEach((k, r) => {
    for (const w of new Set(k.words)) {
      let p = post.get(w);
      if (!p) post.set(w, (p = []));
      p.push(r);
    }
  });
  const vocab = [...post.keys()].sort();
  const lists = vocab.map((w) => post.get(w));
  const lower = (q) => {
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocab[mid] < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** A mask of the matching events, or null for an empty query. */
  return (qw) => {
    if (!qw.length) return null;
    let mask = null;
    for (const w of qw) {
      const m = new Uint8Array(events.length);
      for (let i = lower(w); i < vocab.length && vocab[i].startsWith(w); i++) for (const r of lists[i]) m[r] = 1;
      if (mask) for (let r = 0; r < m.length; r++) mask[r] &= m[r];
      else mask = m;
    }
    return mask;
  };
}

function el(tag, cls, ...kids) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  for (const k of kids) n.append(k);
  return n;
}

function buildFilters(model, onChange) {
  const body = document.querySelector('.filters__body');
  for (const f of model.facets) {
    const ul = el('ul', 'facet__options');
    f.counts = f.values.map((v, i) => {
      const id = `f-${f.id}-${v}`;
      const input = el('input');
      input.type = 'checkbox';
      input.id = id;
      input.addEventListener('change', () => {
        if (input.checked) f.chosen.add(i);
        else f.chosen.delete(i);
        onChange();
      });
      const count = el('span', 'facet__count');
      const label = el('label', '', el('span', 'facet__label', f.labels[i]), ' ', count);
      label.htmlFor = id;
      const li = el('li', 'facet__option', input, label);
      ul.append(li);
      return { input, count, li };
    });
    const fs = el('fieldset', 'facet', el('legend', '', f.legend), ul);
    fs.dataset.facet = f.id;
    body.append(fs);
  }
}

/** One pass: which events match, and for each facet the disjunctive counts (every other facet
 * applied, this one not). */
function compute(model, q) {
  const { events, facets } = model;
  const mask = model.search(words(q));
  const counts = facets.map((f) => new Uint32Array(f.values.length));
  const chosen = facets.map((f) => {
    if (!f.chosen.size) return null;
    const m = new Uint8Array(f.values.length);
    for (const v of f.chosen) m[v] = 1;
    return m;
  });
  const nf = facets.length;
  const hits = [];
  for (let r = 0; r < events.length; r++) {
    if (mask && !mask[r]) continue;
    let misses = 0;
    let missed = -1;
    for (let f = 0; f < nf; f++) {
      const ch = chosen[f];
      if (!ch) continue;
      const { off, val } = facets[f];
      let hit = false;
      for (let j = off[r]; j < off[r + 1]; j++) if (ch[val[j]]) hit = true;
      if (!hit && ++misses > 1) break;
      if (!hit) missed = f;
    }
    if (misses > 1) continue;
    for (let f = 0; f < nf; f++) {
      if (misses === 1 && f !== missed) continue;
      const { off, val } = facets[f];
      const c = counts[f];
      for (let j = off[r]; j < off[r + 1]; j++) c[val[j]]++;
    }
    if (misses === 0) hits.push(r);
  }
  return { hits, counts };
}

function render(model, { hits, counts }, q) {
  document.querySelector('.result-count').textContent = `${hits.length} events`;
  model.facets.forEach((f, fi) =>
    f.counts.forEach((c, i) => {
      const n = counts[fi][i];
      const chosen = f.chosen.has(i);
      c.input.checked = chosen;
      c.input.disabled = n === 0 && !chosen;
      c.li.classList.toggle('facet__option--empty', n === 0 && !chosen);
      c.count.textContent = String(n);
    }),
  );
  // The window: at the first event not yet over (or the top when searching), as the app opens.
  const open = q ? 0 : Math.max(0, hits.findIndex((r) => model.events[r].last >= TODAY));
  const start = Math.max(0, Math.min(open, hits.length - WINDOW));
  const out = [];
  let year = null;
  let list = null;
  for (const r of hits.slice(start, start + WINDOW)) {
    const k = model.events[r];
    const y = q ? null : k.first.slice(0, 4);
    if (!list || y !== year) {
      year = y;
      list = el('ol', 'event-list');
      out.push(y ? el('section', 'year', el('h2', 'year__title', y), list) : list);
    }
    const e = k.e;
    const a = el('a', '', text(e.title));
    a.href = `?event=${e.id}`;
    const meta = el('p', 'event__meta', el('span', 'event__kind', e.kind), ' · ', k.procs.map((p) => model.procNames[p]).join(', '));
    if (e.location?.city) meta.append(' · ', el('span', 'event__place', text(e.location.city)));
    const li = el('li', 'event', el('div', 'event__date', el('time', '', e.end ? `${e.start} – ${e.end}` : e.start)), el('div', 'event__body', el('p', 'event__title', a), meta));
    li.dataset.event = e.id;
    li.dataset.tense = k.last < TODAY ? 'past' : 'upcoming';
    list.append(li);
  }
  const results = document.querySelector('.events-results');
  if (out.length) results.replaceChildren(...out);
  else results.replaceChildren(el('p', 'empty', 'No results'));
}

/** The URL carries the state, as in the app; the bench waits for it to change. */
function writeUrl(model, q, push) {
  const u = new URLSearchParams(location.search);
  for (const f of model.facets) {
    const v = [...f.chosen].map((i) => f.values[i]).join(',');
    if (v) u.set(f.id, v);
    else u.delete(f.id);
  }
  if (q) u.set('q', q);
  else u.delete('q');
  history[push ? 'pushState' : 'replaceState'](null, '', `?${u}`);
}

async function main() {
  const res = await fetch(params.get('data'));
  const model = prepare(await res.json());
  const search = document.getElementById('filter-q');
  const update = (push) => {
    const q = search.value.trim();
    render(model, compute(model, q), q);
    writeUrl(model, q, push);
  };
  buildFilters(model, () => update(true));
  search.addEventListener('input', () => update(false));
  update(false);
}

main().catch((e) => {
  document.body.append(el('p', 'load-error', String(e)));
});
