// Loading and updating: the latest dataset request wins, a language switch needs no download,
// and list rows are kept and updated in place rather than rebuilt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, newPage, open, dataset, messages, params, TODAY } from './harness.mjs';

let browser, root;
before(async () => ({ browser, root } = await start()));
after(() => stop(browser, root));

const data = dataset();
const titled = (title) => JSON.stringify({ ...data, meta: { ...data.meta, title } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** In-app navigation to `query`, as a link or Back would do it (no page load). */
const navigate = (page, query) => page.evaluate((q) => {
  history.pushState(null, '', location.pathname + q);
  dispatchEvent(new PopStateEvent('popstate'));
}, query);

test('a slow first dataset never replaces a fast second one, and its download is aborted', async () => {
  const page = await newPage(browser, { allow: ['ERR_ABORTED', 'aborted'] });
  const SLOW_MS = 1500;
  await page.route('**/slow.json', async (route) => {
    await sleep(SLOW_MS);
    await route.fulfill({ status: 200, contentType: 'application/json', body: titled('Slow dataset') }).catch(() => {});
  });
  await page.route('**/fast.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: titled('Fast dataset') }));
  const failed = [];
  page.on('requestfailed', (r) => failed.push([r.url(), r.failure()?.errorText ?? '']));
  const slow = encodeURIComponent(`${root.url}data/slow.json`);
  const fast = encodeURIComponent(`${root.url}data/fast.json`);
  const asked = page.waitForRequest('**/slow.json');
  await page.goto(`${root.url}?data=${slow}&today=${TODAY}`);
  await asked;
  await navigate(page, `?data=${fast}&today=${TODAY}`);
  await page.waitForSelector('.page--overview h1');
  assert.equal(await page.locator('main h1').textContent(), 'Fast dataset');
  // Past the moment the slow answer would have arrived: the fast one still shows.
  await sleep(SLOW_MS + 500);
  assert.equal(await page.locator('main h1').textContent(), 'Fast dataset');
  assert.ok(failed.some(([u, e]) => u.includes('slow.json') && /ABORT/i.test(e)), `slow request aborted: ${JSON.stringify(failed)}`);
  assert.deepEqual(page.problems, []);
});

test('switching the language keeps the dataset: no second download', async () => {
  const page = await newPage(browser);
  let downloads = 0;
  page.on('request', (r) => { if (r.url().includes('un-cyber-processes.json')) downloads++; });
  await open(page, root.url, '?view=events');
  const first = await page.locator('.page--events .event').count();
  assert.equal(downloads, 1);
  await navigate(page, `?view=events&lang=fr&today=${TODAY}`);
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForSelector('.page--events .event');
  assert.equal(await page.locator('.page--events .event').count(), first);
  assert.equal(downloads, 1, 'the language switch re-read the loaded data');
  assert.deepEqual(page.problems, []);
});

test('typing a search updates the kept rows in place: same elements, new marks', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  // A word of some event's title that not every event has.
  const titles = data.events.map((e) => (typeof e.title === 'string' ? e.title : e.title.en));
  const word = titles.flatMap((t) => t.split(/\W+/)).find((w) => w.length > 4 && titles.filter((t) => t.includes(w)).length > 1
    && titles.filter((t) => t.includes(w)).length < titles.length / 2);
  const withWord = data.events[titles.findIndex((t) => t.includes(word))].id;
  const row = page.locator(`.page--events .event[data-event="${withWord}"]`);
  const input = page.locator('.explore input[type="search"]');
  const marked = () => row.locator('mark').allTextContents().then((m) => m.join(' ').toLowerCase());
  // The first letters switch the list from year groups to one ranked list; from then on each
  // keystroke keeps the rows and re-marks them.
  const stem = word.slice(0, 3).toLowerCase();
  await input.pressSequentially(stem);
  await page.waitForFunction((id) => document.querySelector(`.event[data-event="${id}"] mark`), withWord);
  await row.evaluate((el) => { el.dataset.probe = 'kept'; });
  assert.equal(await marked(), stem);
  await input.pressSequentially(word.slice(3).toLowerCase());
  await page.waitForFunction(([id, w]) => document.querySelector(`.event[data-event="${id}"] mark`)?.textContent.toLowerCase() === w,
    [withWord, word.toLowerCase()]);
  assert.equal(await row.getAttribute('data-probe'), 'kept', 'the row was updated, not rebuilt');
  assert.match(await marked(), new RegExp(word.toLowerCase()));
  assert.deepEqual(page.problems, []);
});

test('a grown list stays grown while a dialog opens and closes, and starts over for new filters', async () => {
  // 450 events: the list opens on a window, so "Show more" has something to add.
  const many = { ...data, events: [] };
  for (let i = 0; i < 450; i++) {
    const e = data.events[i % data.events.length];
    const y = 2000 + Math.floor(i / 18);
    many.events.push({ ...e, id: `${e.id}-${i}`, start: `${y}-0${1 + (i % 9)}-1${i % 10}`, end: undefined });
  }
  const page = await newPage(browser);
  await page.route('**/many.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(many) }));
  const url = encodeURIComponent(`${root.url}data/many.json`);
  await open(page, root.url, `?view=events&data=${url}`);
  const rows = () => page.locator('.page--events .events-results .event').count();
  const before = await rows();
  // Every event is past: the list opens on its latest page, with earlier ones to add.
  await page.locator('.show-more--earlier button').click();
  await page.waitForFunction((n) => document.querySelectorAll('.page--events .events-results .event').length > n, before);
  const grown = await rows();
  await page.locator('.page--events .event .event__title a').first().click();
  await page.waitForSelector('dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.equal(await rows(), grown, 'opening an event kept the grown window');
  await page.locator('#f-when-past').check();
  await page.waitForFunction((n) => document.querySelectorAll('.page--events .events-results .event').length <= n, before);
  assert.deepEqual(page.problems, []);
});

// The embed builder is an entry page of its own (src/core/entry.rs): its code is not in the
// tracker's wasm, and moving between the two is a page load with the same URL format.
const isWasm = (u, name) => new RegExp(`/${name}[^/]*_bg\\.wasm`).test(u);

test('the tracker never downloads the embed builder, and its link there opens the builder page', async () => {
  const page = await newPage(browser);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') || r.url().includes('.wasm?')) wasm.push(r.url()); });
  await open(page, root.url, '?view=events');
  await page.waitForSelector('.page--events .event');
  assert.ok(wasm.some((u) => isWasm(u, 'process-tracker')), `the tracker's wasm: ${wasm}`);
  assert.ok(!wasm.some((u) => isWasm(u, 'embed-builder')), `no builder wasm: ${wasm}`);

  const link = page.locator('.site-footer a', { hasText: messages('en').messages.nav_embed });
  const href = await link.getAttribute('href');
  assert.match(href, /^\/embed-builder\.html\?view=embed&/, href);
  await link.click();
  await page.waitForSelector('.embed-builder');
  const u = new URL(page.url());
  assert.equal(u.pathname, '/embed-builder.html');
  assert.equal(u.searchParams.get('today'), TODAY, 'the global settings carry over');
  assert.ok(wasm.some((w) => isWasm(w, 'embed-builder')), `the builder's own wasm: ${wasm}`);

  // Its menu leads back into the tracker, whose page loads as any link to it would.
  await page.locator('.site-header a[href*="view=events"]').first().click();
  await page.waitForSelector('.page--events .event');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(params(page).view, 'events');
  assert.deepEqual(page.problems, []);
});

test('an old ?view=embed link to the tracker lands on the builder page without the tracker wasm', async () => {
  const page = await newPage(browser, { locale: 'fr-FR' });
  const top = [];
  page.on('request', (r) => { if (r.frame() === page.mainFrame()) top.push(r.url()); });
  await page.goto(`${root.url}?view=embed&today=${TODAY}`);
  await page.waitForSelector('.embed-builder');
  assert.equal(new URL(page.url()).pathname, '/embed-builder.html');
  assert.equal(params(page).view, 'embed');
  assert.equal(await page.locator('main h1').textContent(), messages('fr').messages.nav_embed, 'in the reader\'s language');
  assert.ok(!top.some((u) => isWasm(u, 'process-tracker')), `the page itself loads no tracker wasm: ${top}`);
  // Bare, as the README links it: the builder too.
  await page.goto(`${root.url}embed-builder.html`);
  await page.waitForSelector('.embed-builder');
  assert.deepEqual(page.problems, []);
});

test('the builder page says so when its wasm cannot arrive, and offers to load again', async () => {
  const page = await newPage(browser, { allow: ['404', 'Failed to load', 'Failed to fetch', 'MIME'] });
  await page.route('**/embed-builder_bg.wasm*', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${root.url}embed-builder.html`);
  const box = page.locator('#static .static-fail');
  await box.waitFor({ state: 'visible', timeout: 15000 });
  assert.equal((await box.locator('p').first().textContent()).trim(), messages('en').messages.static_builder_needs_js);
  assert.equal(await box.locator('button[data-reload]').count(), 1);
  assert.equal(await page.locator('#static main h1').textContent(), messages('en').messages.nav_embed);
});
