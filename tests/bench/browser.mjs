// Browser benchmark: the release build in headless Chromium on synthetic datasets. Prints figures
// and asserts nothing (timings depend on the machine).
//   node tests/bench/browser.mjs [data-dir] [--dist DIR]
// data-dir (default target/bench-data) holds synthetic-{1k,10k,100k}.json, written by
// `cargo bench --bench engine -- --write-data DIR`, and engine.json, whose native figures go in
// the summary. dist defaults to $BENCH_DIST, else dist/ (built with `trunk build --release`).
// BENCH_SIZES=1k,10k picks sizes; BENCH_RUNS (3) page loads per size; BENCH_UPDATES (60) filter
// updates per size; BENCH_VANILLA=0 skips the vanilla-JS floor (tests/bench/vanilla.html). Each
// update's script / style / layout split comes from CDP Performance.getMetrics read around it.
// Selectors live in SEL below (data- attributes where the page has them). --profile records a CPU profile of the updates and prints where the time goes
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
/** Typed one letter at a time, then cleared: prefixes of words the synthetic data uses (65 updates). */
const WORDS = ['security', 'cooperation', 'zurich', 'ha noi', 'plenary', 'geneva', 'consensus', 'lodz'];
/** Every selector the bench relies on, in one place: data- attributes and ids that are part of
 * the page's contract rather than styling classes. The vanilla floor page uses the same. */
const SEL = {
  // Everything is looked for under `body > main`: the app mounts there, while a prerendered
  // page's static copy (which has rows of its own) sits inside `#static` and must not count.
  eventsPage: 'body > main .page--events, body > main.page--events',
  /** A drawn row of the events list. */
  row: 'body > main li[data-event]',
  /** A facet option that can be clicked (a facet is a fieldset with data-facet). */
  facetOption: 'body > main [data-facet] input[type=checkbox]:not([disabled])',
  search: '#filter-q',
  resultCount: 'body > main [role=status]',
  loadError: '.load-error',
  anyPage: 'body > main .page',
  timeline: 'body > main .timeline',
};

for (const [what, path] of [['dist', join(DIST, 'index.html')], ['data directory', DATA]]) {
  if (!existsSync(path)) {
    console.error(`browser bench: no ${what} at ${path}. Build with \`trunk build --release --offline\` and write the data with \`cargo bench --bench engine -- --write-data ${DATA}\`.`);
    process.exit(2);
  }
}

// ---- in-page code (serialised by playwright; each gets the selectors as an argument) ----

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

/** One facet click: a random enabled option is chosen, and on the next call unchosen again.
 * Times click → the next rendered frame after the app has taken it (the URL holds the filters,
 * so an unchanged URL means the click is not applied yet). */
async function filterOnce({ sel, seed }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const st = (window.__benchFilter ??= { s: seed, chosen: null });
  let cb;
  if (st.chosen) {
    cb = document.getElementById(st.chosen);
    st.chosen = null;
  } else {
    const all = [...document.querySelectorAll(sel.facetOption)];
    if (all.length === 0) throw new Error(`no ${sel.facetOption} on the page`);
    st.s = (st.s * 1103515245 + 12345) % 2147483648;
    cb = all[st.s % all.length];
    st.chosen = cb.id;
  }
  if (!cb) throw new Error('the chosen checkbox vanished');
  const before = location.search;
  const t0 = performance.now();
  cb.click();
  await frame();
  let late = 0;
  while (location.search === before && performance.now() - t0 < 5000) {
    late++;
    await frame();
  }
  return { ms: performance.now() - t0, late };
}

/** One keystroke's worth of search: sets the box to `value` and fires `input`; times input → the
 * next rendered frame after the URL's `q` says the app has taken it. */
async function searchOnce({ sel, value }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const el = document.querySelector(sel.search);
  if (!el) throw new Error(`no ${sel.search} on the page`);
  const want = value.trim();
  const t0 = performance.now();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  let late = 0;
  while ((new URLSearchParams(location.search).get('q') ?? '') !== want && performance.now() - t0 < 5000) {
    late++;
    await frame();
  }
  return { ms: performance.now() - t0, late };
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
    ([n, err]) => window.__bench?.[`${n}Frame`] !== undefined || document.querySelector(err),
    [name, SEL.loadError],
    { timeout, polling: 50 },
  );
  const err = await page.evaluate((e) => document.querySelector(e)?.textContent, SEL.loadError);
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
    const p = await openPage(browser, url, { page: SEL.eventsPage, results: SEL.row }, { profile: PROFILE && last });
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

/** Runs `one` (an in-page update) `warmup + n` times from here, reading the main-thread counters
 * before each, so every update has its own script / style / layout split: from its input to the
 * next one's, so work the page leaves for after the frame still counts against the update that
 * caused it. The in-page time is input → next rendered frame; the round trips to node fall
 * between updates, not inside them. */
async function timed(p, one, args) {
  const { page, cdp } = p;
  const rows = [];
  let a = await metrics(cdp);
  for (let i = 0; i < args.length; i++) {
    const r = await page.evaluate(one, args[i].arg);
    if (i === args.length - 1) await page.evaluate(() => new Promise((res) => setTimeout(res, 50)));
    const b = await metrics(cdp);
    if (!args[i].warmup) rows.push({ ...r, ...split(a, b, 1) });
    a = b;
  }
  const pick = (k) => stats(rows.map((r) => r[k]));
  const mean = (k) => rows.reduce((t, r) => t + r[k], 0) / Math.max(1, rows.length);
  return {
    ...pick('ms'),
    late: rows.reduce((t, r) => t + r.late, 0),
    split: { script: mean('script'), style: mean('style'), layout: mean('layout') },
    scriptP95: pick('script').p95,
  };
}

/** The facet clicks and keystrokes, the same sequence for the app and the vanilla floor. */
function plan(label) {
  const seed = 1 + [...label].reduce((a, c) => a + c.charCodeAt(0), 0);
  const filter = Array.from({ length: UPDATES + 4 }, (_, i) => ({ warmup: i < 4, arg: { sel: SEL, seed } }));
  const steps = [];
  for (const w of WORDS) {
    for (let k = 1; k <= w.length; k++) steps.push(w.slice(0, k));
    steps.push('');
  }
  const search = [
    ...['x', '', 'x', ''].map((value) => ({ warmup: true, arg: { sel: SEL, value } })),
    ...steps.map((value) => ({ warmup: false, arg: { sel: SEL, value } })),
  ];
  return { filter, search };
}

async function updates(p, label) {
  const floor = stats(await p.page.evaluate(frameFloor, 30));
  const { filter: fp, search: sp } = plan(label);
  const { value: filter, profile: filterProfile } = await profiled(p.cdp, () => timed(p, filterOnce, fp));
  const { value: search, profile: searchProfile } = await profiled(p.cdp, () => timed(p, searchOnce, sp));
  return {
    floor,
    filter: { ...filter, profile: filterProfile && { ...filterProfile, count: fp.length } },
    search: { ...search, profile: searchProfile && { ...searchProfile, count: sp.length } },
  };
}

/** The vanilla-JS floor (tests/bench/vanilla.html) on the same data, styled by the app's own
 * stylesheet, driven by the same clicks and keystrokes. */
async function vanilla(browser, benchUrl, dataUrl, css, label) {
  const url = `${benchUrl}tests/bench/vanilla.html?today=${TODAY}&data=${encodeURIComponent(dataUrl)}${css ? `&css=${encodeURIComponent(css)}` : ''}`;
  const p = await openPage(browser, url, { page: SEL.eventsPage, results: SEL.row });
  try {
    const marks = await waitMark(p.page, 'results', LOAD_TIMEOUT);
    const up = await updates(p, label);
    return { resultsFrame: marks.resultsFrame, up, problems: p.problems };
  } finally {
    await p.context.close();
  }
}

async function timeline(browser, appUrl, dataUrl) {
  const url = `${appUrl}?view=timeline&today=${TODAY}&data=${encodeURIComponent(dataUrl)}`;
  const p = await openPage(browser, url, { page: SEL.anyPage, timeline: SEL.timeline });
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
// The vanilla floor page, from a third origin like the data, with the app's stylesheet (which
// dist/ inlines into each page; Trunk copies it unchanged).
const bench = await serve({ dir: ROOT });
const css = `${bench.url}style/main.css`;
const VANILLA = process.env.BENCH_VANILLA !== '0';
const version = browser.version();
console.log(`Browser benchmark: headless Chromium ${version}, release build from ${DIST}, 1280×900, today=${TODAY}`);
const loadAvg = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`host: ${availableParallelism()} cores, load average ${loadAvg()} (timings on a busy machine are inflated)`);
console.log(`(first results: median of ${RUNS} cold page loads; updates: ${UPDATES} facet clicks and ${WORDS.reduce((n, w) => n + w.length + 1, 0)} keystrokes, each timed to the next rendered frame; the vanilla floor gets the same)\n`);

const results = {};
try {
  // The first page a fresh browser opens pays one-off start-up costs; keep them out of the 1k figures.
  const warm = await openPage(browser, `${app.url}?view=events&today=${TODAY}`, { results: SEL.row });
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
    let floor = null;
    if (VANILLA) {
      process.stderr.write(' vanilla…');
      floor = await vanilla(browser, bench.url, dataUrl, css, size);
      problems.push(...floor.problems.map((x) => `vanilla: ${x}`));
    }
    process.stderr.write(' done\n');
    results[size] = { mb, load, up, tl, problems, floor };
  }
} finally {
  await browser.close();
  await app.close();
  await data.close();
  await bench.close();
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

console.log('Updates (ms, input → next rendered frame; script/style/layout = mean main-thread ms per update, from CDP Performance.getMetrics around each update):');
table(
  ['events', 'kind', 'page', 'n', 'p50', 'p95', 'max', 'script', 'script p95', 'style', 'layout', 'late'],
  sizes.flatMap((s) =>
    ['filter', 'search'].flatMap((k) =>
      [['app', results[s].up], ['vanilla', results[s].floor?.up]]
        .filter(([, up]) => up)
        .map(([who, up]) => {
          const u = up[k];
          return [s, k, who, u.n, f2(u.p50), f2(u.p95), f2(u.max), f2(u.split.script), f2(u.scriptP95), f2(u.split.style), f2(u.split.layout), u.late];
        }),
    ),
  ),
);
console.log('"vanilla" is tests/bench/vanilla.html: the same data, rows and facet counts in plain DOM code, with the app\'s stylesheet: the floor.');
console.log('"late" counts frames an update waited because the page had not applied it by the first one.');
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
console.log('\nSummary (ms; targets: update p95 ≤ 16 at 10k, ≤ 50 at 100k):');
table(
  ['events', 'load+index (native)', 'filter p50/p95 (native)', 'first results (browser)', 'filter p50/p95 (browser)', 'search p50/p95 (browser)', 'filter p50/p95 (vanilla)', 'search p50/p95 (vanilla)'],
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
      results[s].floor ? pair(results[s].floor.up.filter.p50, results[s].floor.up.filter.p95) : '–',
      results[s].floor ? pair(results[s].floor.up.search.p50, results[s].floor.up.search.p95) : '–',
    ];
  }),
);
