// Browser benchmark: the release build in headless Chromium on synthetic datasets. Prints figures
// and asserts nothing (timings depend on the machine).
//   node tests/bench/browser.mjs [data-dir] [--dist DIR]
// data-dir (default target/bench-data) holds synthetic-{1k,10k,100k}.json, written by
// `cargo bench --bench engine -- --write-data DIR`, and engine.json, whose native figures go in
// the summary. dist defaults to $BENCH_DIST, else dist/ (built with `trunk build --release`).
// BENCH_SIZES=1k,10k picks sizes; BENCH_RUNS (3) page loads per size; BENCH_UPDATES (60) filter
// updates per size. --profile records a CPU profile of the updates and prints where the time goes
// (function names need a build whose wasm keeps its name section).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, serve, ROOT, TODAY } from '../e2e/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--dist');
const DATA = resolve(positional[0] ?? join(ROOT, 'target', 'bench-data'));
const DIST = resolve(opt('--dist') ?? process.env.BENCH_DIST ?? join(ROOT, 'dist'));
const SIZES = (process.env.BENCH_SIZES ?? '1k,10k,100k').split(',').map((s) => s.trim()).filter(Boolean);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 60);
const PROFILE = argv.includes('--profile');
/** A full load of 100k events in wasm takes seconds; this only stops a hung page. */
const LOAD_TIMEOUT = 300_000;
const TIMELINE_TIMEOUT = 10_000;
/** Typed one letter at a time, then cleared: prefixes of words the synthetic data uses. */
const WORDS = ['security', 'cooperation', 'zurich', 'ha noi', 'plenary', 'geneva', 'consensus', 'lodz'];

for (const [what, path] of [['dist', join(DIST, 'index.html')], ['data directory', DATA]]) {
  if (!existsSync(path)) {
    console.error(`browser bench: no ${what} at ${path}. Build with \`trunk build --release --offline\` and write the data with \`cargo bench --bench engine -- --write-data ${DATA}\`.`);
    process.exit(2);
  }
}

// ---- in-page code (serialised by playwright) ----

/** Records performance.now() (0 = navigation start) when each selector first matches, and when the
 * frame after that has rendered. */
function observe(selectors) {
  const marks = (window.__bench = {});
  const check = () => {
    for (const [name, sel] of Object.entries(selectors)) {
      if (marks[name] === undefined && document.querySelector(sel)) {
        marks[name] = performance.now();
        requestAnimationFrame(() => setTimeout(() => (marks[`${name}Frame`] = performance.now())));
      }
    }
    if (Object.keys(selectors).every((n) => marks[n] !== undefined)) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
}

/** Clicks facet options, each chosen then unchosen on the next update; times click → next frame. */
async function filterUpdates({ n, warmup, seed }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  let s = seed;
  const rand = (k) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % k;
  };
  const times = [];
  let chosen = null;
  let stale = 0;
  for (let i = 0; i < n + warmup; i++) {
    let cb;
    if (chosen) {
      cb = document.getElementById(chosen);
      chosen = null;
    } else {
      const all = [...document.querySelectorAll('.filters .facet input[type=checkbox]:not([disabled])')];
      if (all.length === 0) throw new Error('no enabled facet checkbox on the page');
      cb = all[rand(all.length)];
      chosen = cb.id;
    }
    if (!cb) throw new Error('the chosen checkbox vanished');
    const before = location.search;
    const t0 = performance.now();
    cb.click();
    await frame();
    // The URL holds the filters: if it has not changed, the app has not taken the click yet.
    while (location.search === before && performance.now() - t0 < 5000) {
      stale++;
      await frame();
    }
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return { times, stale, results: document.querySelector('.result-count')?.textContent };
}

/** Input-free updates: what "next frame" alone costs, the floor under every update figure. */
async function frameFloor(n) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await frame();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Types each word a letter at a time into the search box, then clears it; times input → next frame. */
async function searchUpdates({ words, warmup }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const steps = [];
  for (const w of words) {
    for (let k = 1; k <= w.length; k++) steps.push(w.slice(0, k));
    steps.push('');
  }
  const all = [...Array(warmup).fill(0).flatMap(() => ['x', '']), ...steps];
  const times = [];
  let stale = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i];
    const el = document.getElementById('filter-q');
    if (!el) throw new Error('no #filter-q on the page');
    const want = v.trim();
    const t0 = performance.now();
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    while ((new URLSearchParams(location.search).get('q') ?? '') !== want && performance.now() - t0 < 5000) {
      stale++;
      await frame();
    }
    if (i >= warmup * 2) times.push(performance.now() - t0);
  }
  return { times, stale };
}

// ---- node side ----

function stats(xs) {
  if (!xs.length) return { p50: NaN, p95: NaN, max: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.round((s.length - 1) * p)];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}
const median = (xs) => stats(xs.filter((x) => x !== undefined && !Number.isNaN(x))).p50;
const f2 = (x) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2));

/** CDP counters (seconds of main-thread work since the page opened). */
async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
/** Main-thread milliseconds per update spent in script (wasm included), style and layout. */
function split(a, b, n) {
  const per = (k) => ((b[k] - a[k]) * 1000) / n;
  return { script: per('ScriptDuration'), style: per('RecalcStyleDuration'), layout: per('LayoutDuration'), task: per('TaskDuration') };
}

/** Self and total (inclusive) milliseconds per function in a CDP CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const per = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const name = (n) => {
    const f = n.callFrame;
    if (f.functionName.startsWith('(')) return f.functionName;
    const where = f.url.endsWith('.wasm') || f.url.startsWith('wasm://') ? 'wasm' : f.url ? 'js' : 'native';
    return `${f.functionName || '(anonymous)'} [${where}]`;
  };
  const self = new Map();
  const total = new Map();
  const walk = (id, stack) => {
    const n = byId.get(id);
    const key = name(n);
    const ms = n.hitCount * per;
    self.set(key, (self.get(key) ?? 0) + ms);
    // A recursive function counts once per sample, however deep it recurses.
    const fresh = !stack.has(key);
    if (fresh) stack.add(key);
    let sum = ms;
    for (const c of n.children ?? []) sum += walk(c, stack);
    if (fresh) {
      total.set(key, (total.get(key) ?? 0) + sum);
      stack.delete(key);
    }
    return sum;
  };
  walk(profile.nodes[0].id, new Set());
  const top = (m, k) => [...m].filter(([n]) => n !== '(root)' && n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, k);
  return { self: top(self, 15), total: top(total, 25), ms: (profile.endTime - profile.startTime) / 1000 };
}

async function profiled(cdp, run) {
  if (!PROFILE) return { value: await run() };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await run();
  const { profile } = await cdp.send('Profiler.stop');
  return { value, profile: summarise(profile) };
}

async function openPage(browser, url, selectors, { profile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(observe, selectors);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page, problems, cdp };
}

/** Waits for `name`'s frame mark, failing early if the app shows a load error. */
async function waitMark(page, name, timeout) {
  await page.waitForFunction(
    (n) => window.__bench?.[`${n}Frame`] !== undefined || document.querySelector('.load-error'),
    name,
    { timeout, polling: 50 },
  );
  const err = await page.evaluate(() => document.querySelector('.load-error')?.textContent);
  if (err) throw new Error(`the app could not load the dataset: ${err.replace(/\s+/g, ' ').trim()}`);
  return page.evaluate(() => window.__bench);
}

async function firstLoad(browser, appUrl, dataUrl) {
  const url = `${appUrl}?view=events&today=${TODAY}&data=${encodeURIComponent(dataUrl)}`;
  const runs = [];
  let keep = null;
  let profile = null;
  for (let r = 0; r < RUNS; r++) {
    const last = r === RUNS - 1;
    const p = await openPage(browser, url, { page: '.page--events', results: '.events-results .event' }, { profile: PROFILE && last });
    const marks = await waitMark(p.page, 'results', LOAD_TIMEOUT);
    if (PROFILE && last) {
      // A navigation can move the page to another renderer; then there is no profile to show.
      profile = await p.cdp.send('Profiler.stop').then((x) => summarise(x.profile), () => null);
    }
    const timing = await p.page.evaluate((d) => {
      const res = performance.getEntriesByType('resource');
      const end = (pred) => res.find(pred)?.responseEnd;
      return { wasm: end((e) => e.name.endsWith('.wasm')), data: end((e) => e.name === d) };
    }, dataUrl);
    const m = await metrics(p.cdp);
    runs.push({ ...marks, ...timing, script: m.ScriptDuration * 1000, layout: m.LayoutDuration * 1000, style: m.RecalcStyleDuration * 1000 });
    if (r === RUNS - 1) keep = p;
    else await p.context.close();
  }
  const pick = (k) => median(runs.map((x) => x[k]));
  return {
    page: keep,
    profile,
    wasm: pick('wasm'),
    data: pick('data'),
    pageShown: pick('page'),
    results: pick('results'),
    resultsFrame: pick('resultsFrame'),
    script: pick('script'),
    style: pick('style'),
    layout: pick('layout'),
  };
}

async function updates(p, label) {
  const { page, cdp } = p;
  const seed = 1 + [...label].reduce((a, c) => a + c.charCodeAt(0), 0);
  const floor = stats(await page.evaluate(frameFloor, 30));
  let a = await metrics(cdp);
  const { value: filter, profile: filterProfile } = await profiled(cdp, () => page.evaluate(filterUpdates, { n: UPDATES, warmup: 4, seed }));
  let b = await metrics(cdp);
  const filterSplit = split(a, b, filter.times.length + 4);
  a = b;
  const { value: search, profile: searchProfile } = await profiled(cdp, () => page.evaluate(searchUpdates, { words: WORDS, warmup: 2 }));
  b = await metrics(cdp);
  const searchSplit = split(a, b, search.times.length + 4);
  return {
    floor,
    filter: { ...stats(filter.times), stale: filter.stale, split: filterSplit, profile: filterProfile && { ...filterProfile, count: filter.times.length + 4 } },
    search: { ...stats(search.times), stale: search.stale, split: searchSplit, profile: searchProfile && { ...searchProfile, count: search.times.length + 4 } },
  };
}

async function timeline(browser, appUrl, dataUrl) {
  const url = `${appUrl}?view=timeline&today=${TODAY}&data=${encodeURIComponent(dataUrl)}`;
  const p = await openPage(browser, url, { page: 'main .page', timeline: '.timeline' });
  try {
    await waitMark(p.page, 'page', LOAD_TIMEOUT);
    try {
      const marks = await waitMark(p.page, 'timeline', TIMELINE_TIMEOUT);
      return { shown: marks.timeline, frame: marks.timelineFrame };
    } catch (e) {
      if (e.name === 'TimeoutError') return null;
      throw e;
    }
  } finally {
    await p.context.close();
  }
}

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(' | ');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('-+-'));
  for (const r of rows) console.log(line(r));
}

const browser = await launch();
const app = await serve({ dir: DIST });
// A partner dataset lives on another host; the app fetches it cross-origin, as in production.
const data = await serve({ dir: DATA, cors: true });
const version = browser.version();
console.log(`Browser benchmark: headless Chromium ${version}, release build from ${DIST}, 1280×900, today=${TODAY}`);
const loadAvg = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`host: ${availableParallelism()} cores, load average ${loadAvg()} (timings on a busy machine are inflated)`);
console.log(`(first results: median of ${RUNS} cold page loads; updates: ${UPDATES} facet clicks and ${WORDS.reduce((n, w) => n + w.length + 1, 0)} keystrokes, each timed to the next rendered frame)\n`);

const results = {};
try {
  // The first page a fresh browser opens pays one-off start-up costs; keep them out of the 1k figures.
  const warm = await openPage(browser, `${app.url}?view=events&today=${TODAY}`, { results: '.events-results .event' });
  await waitMark(warm.page, 'results', LOAD_TIMEOUT);
  await warm.context.close();
  for (const size of SIZES) {
    const file = `synthetic-${size}.json`;
    if (!existsSync(join(DATA, file))) {
      console.log(`${size}: no ${file} in ${DATA}, skipped`);
      continue;
    }
    const mb = statSync(join(DATA, file)).size / 1e6;
    process.stderr.write(`  ${size} events (${mb.toFixed(1)} MB): loading…`);
    const dataUrl = data.url + file;
    const load = await firstLoad(browser, app.url, dataUrl);
    process.stderr.write(' updating…');
    const up = await updates(load.page, size);
    const problems = load.page.problems;
    await load.page.context.close();
    process.stderr.write(' timeline…');
    const tl = await timeline(browser, app.url, dataUrl);
    process.stderr.write(' done\n');
    results[size] = { mb, load, up, tl, problems };
  }
} finally {
  await browser.close();
  await app.close();
  await data.close();
}

const sizes = Object.keys(results);
console.log(`load average after: ${loadAvg()}\n`);
console.log('First load (ms from navigation start, median):');
table(
  ['events', 'JSON MB', 'wasm fetched', 'data fetched', '.page--events', 'first .event', 'its frame', 'data→results', 'script', 'style', 'layout'],
  sizes.map((s) => {
    const { load: l, mb } = results[s];
    return [s, mb.toFixed(1), f2(l.wasm), f2(l.data), f2(l.pageShown), f2(l.results), f2(l.resultsFrame), f2(l.resultsFrame - l.data), f2(l.script), f2(l.style), f2(l.layout)];
  }),
);
console.log('\n"data→results" is decode + load + Index::new + first render in wasm; script/style/layout are main-thread totals for the whole load.\n');

console.log('Updates (ms, input → next rendered frame; split = mean main-thread ms per update):');
table(
  ['events', 'kind', 'n', 'p50', 'p95', 'max', 'script', 'style', 'layout', 'late'],
  sizes.flatMap((s) =>
    ['filter', 'search'].map((k) => {
      const u = results[s].up[k];
      return [s, k, u.n, f2(u.p50), f2(u.p95), f2(u.max), f2(u.split.script), f2(u.split.style), f2(u.split.layout), u.stale];
    }),
  ),
);
console.log('"late" counts updates the app had not applied by the first frame (then timed to the frame it had).');
console.log(`Frame floor (the same wait with no input; p50/p95): ${sizes.map((s) => `${s} ${f2(results[s].up.floor.p50)}/${f2(results[s].up.floor.p95)}`).join(', ')}\n`);

if (PROFILE) {
  for (const s of sizes) {
    const p = results[s].load.profile;
    if (!p) continue;
    const pad = (rows) => rows.map(([name, ms]) => `    ${f2(ms).padStart(9)}  ${name}`).join('\n');
    console.log(`CPU profile, ${s} first load (${f2(p.ms)} ms recorded; ms, self | total):`);
    console.log(`  self:\n${pad(p.self)}\n  total:\n${pad(p.total)}\n`);
  }
  for (const s of sizes) {
    for (const k of ['filter', 'search']) {
      const p = results[s].up[k].profile;
      const n = p.count;
      console.log(`CPU profile, ${s} ${k} updates (${f2(p.ms)} ms recorded; ms per update, self | total):`);
      const pad = (rows) => rows.map(([name, ms]) => `    ${f2(ms / n).padStart(8)}  ${name}`).join('\n');
      console.log(`  self:\n${pad(p.self)}\n  total:\n${pad(p.total)}\n`);
    }
  }
}

console.log('Timeline (?view=timeline):');
for (const s of sizes) {
  const tl = results[s].tl;
  console.log(`  ${s}: ${tl ? `.timeline at ${f2(tl.shown)} ms, its frame at ${f2(tl.frame)} ms` : `no .timeline within ${TIMELINE_TIMEOUT / 1000} s of the page: skipped`}`);
}
for (const s of sizes) {
  for (const p of [...new Set(results[s].problems)].slice(0, 5)) console.log(`  warning (${s}): ${p}`);
}

// The summary joins the native figures written by the engine bench, when present.
let engine = {};
const enginePath = join(DATA, 'engine.json');
if (existsSync(enginePath)) {
  for (const r of JSON.parse(readFileSync(enginePath, 'utf8')).rows) {
    engine[r.events % 1000 === 0 ? `${r.events / 1000}k` : String(r.events)] = r;
  }
}
const pair = (a, b) => `${f2(a)} / ${f2(b)}`;
console.log('\nSummary (ms; targets: update p95 ≤ 16 at 10k, ≤ 100 at 100k):');
table(
  ['events', 'load+index (native)', 'filter p50/p95 (native)', 'first results (browser)', 'filter p50/p95 (browser)', 'search p50/p95 (browser)'],
  sizes.map((s) => {
    const n = engine[s];
    const { load: l, up } = results[s];
    return [
      s,
      n ? f2(n.load_ms + n.index_ms) : '–',
      n ? pair(n.filter_ms.p50, n.filter_ms.p95) : '–',
      f2(l.resultsFrame),
      pair(up.filter.p50, up.filter.p95),
      pair(up.search.p50, up.search.p95),
    ];
  }),
);
