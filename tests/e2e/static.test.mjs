// Prerendered pages (src/bin/prerender.rs): readable and navigable without JavaScript, taken over
// by the live app on the same view without a jump, and kept (with a message) when the app cannot
// start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop, newPage, shot, params, dataset, messages, DIST, text } from './harness.mjs';

let browser, root, sub;
before(async () => ({ browser, root, sub } = await start({ sub: '/some/deep/path/' })));
after(() => stop(browser, root, sub));

const data = dataset();
const LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const FILES = Object.fromEntries(LANGS.map((l) => [l, messages(l)]));
const byId = Object.fromEntries(data.processes.map((p) => [p.id, p]));
const ownEvents = (id) => data.events.filter((e) => e.processes.includes(id)).map((e) => e.id).sort();

/** Every static page with what it must show, computed from the dataset. */
const PAGES = [
  { path: 'index.html', h1: text(data.meta.title), cards: data.processes.map((p) => p.id).sort() },
  ...data.processes.map((p) => ({ path: `p/${p.id}.html`, h1: text(p.name), events: ownEvents(p.id) })),
  { path: 'events.html', h1: 'Events', events: data.events.map((e) => e.id).sort() },
  { path: 'resources.html', h1: 'Resources', resources: data.resources.map((r) => r.id).sort() },
  { path: 'about.html', h1: 'About the data' },
];

async function noJsPage() {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const ids = (page, sel, attr) => page.locator(sel).evaluateAll((els, a) => els.map((e) => e.dataset[a]).sort(), attr);

test('without JavaScript every static page shows its content and metadata', async () => {
  const page = await noJsPage();
  for (const p of PAGES) {
    const res = await page.goto(root.url + p.path);
    assert.equal(res.status(), 200, p.path);
    assert.equal((await page.locator('main h1').textContent()).trim(), p.h1, p.path);
    assert.ok(await page.locator('main h1').isVisible(), `${p.path}: content visible`);
    if (p.cards) assert.deepEqual(await ids(page, '.card', 'process'), p.cards);
    if (p.events) {
      // The explainer's own list (not the overview's "next" list) holds exactly its events.
      const shown = [...new Set(await ids(page, 'main .event', 'event'))].sort();
      assert.deepEqual(shown, p.events, `${p.path}: events`);
    }
    if (p.resources) assert.deepEqual(await ids(page, '.resource', 'resource'), p.resources);
    const meta = async (sel) => page.locator(sel).getAttribute('content');
    assert.equal(await meta('meta[property="og:title"]'), await page.title(), `${p.path}: og:title`);
    assert.ok((await meta('meta[property="og:description"]')).length > 20, `${p.path}: og:description`);
    assert.ok(await meta('meta[name="twitter:card"]'));
    assert.equal(await meta('meta[name="description"]'), await meta('meta[property="og:description"]'));
    assert.ok(await page.locator('noscript').count(), 'a note for readers without JavaScript');
    assert.equal(await page.locator('.static-fail').isVisible(), false, 'no failure message');
  }
  await page.goto(root.url + 'events.html');
  assert.ok(await page.locator('.explore__filters .static-note').isVisible(), 'says filters need JavaScript');
  // "Jump to today" is a link to the marker, so it works without JavaScript too.
  await page.locator('.page-head a', { hasText: 'Jump to today' }).click();
  assert.equal(new URL(page.url()).hash, '#today');
  assert.ok(await page.locator('#today').isVisible());
  // The blocks that hold the place of the app's download buttons take no room without JavaScript.
  assert.ok(await page.locator('#static .downloads').count(), 'the page has a downloads block');
  assert.equal(await page.locator('#static .downloads').evaluate((e) => e.getBoundingClientRect().height), 0);
  await shot(page, 'static-events-nojs');
  await page.context().close();
});

test('each process has a 1200×630 PNG link preview drawn at build time, in every language', () => {
  for (const file of data.processes.flatMap((p) => [`${p.id}.png`, ...LANGS.map((l) => `${l}/${p.id}.png`)])) {
    const p = { id: file };
    const png = readFileSync(join(DIST, 'og', file));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', p.id);
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], p.id);
    assert.ok(png.length > 5000, `${p.id}: has drawn content`);
  }
});

test('without JavaScript the links lead to the other static pages, at any sub-path', async () => {
  const page = await noJsPage();
  for (const base of [root.url, sub.url]) {
    // Every relative link on every page names a page that exists (or the app's own URL).
    for (const p of PAGES) {
      await page.goto(base + p.path);
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of hrefs.filter((h) => !/^([a-z]+:|#)/.test(h))) {
        const target = new URL(href, base + p.path);
        assert.ok(target.pathname.startsWith(new URL(base).pathname), `${p.path}: ${href} stays under the base`);
        if (target.search) continue; // the app's own URL: the overview page, which needs JS to go further
        const file = target.pathname.slice(new URL(base).pathname.length) || 'index.html';
        assert.ok(existsSync(join(DIST, file)), `${p.path}: ${href} → ${file} exists`);
      }
    }
    // Following them: overview → an explainer → the events list → about → the overview.
    await page.goto(base);
    await page.locator('.card[data-process="uncc"] h3 a').click();
    assert.equal(new URL(page.url()).pathname, new URL(base).pathname + 'p/uncc.html');
    assert.equal((await page.locator('main h1').textContent()).trim(), text(byId.uncc.name));
    await page.locator('.site-nav a', { hasText: 'Events' }).click();
    assert.equal(new URL(page.url()).pathname, new URL(base).pathname + 'events.html');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Events');
    await page.locator('.site-nav a', { hasText: 'About' }).click();
    assert.equal((await page.locator('main h1').textContent()).trim(), 'About the data');
    await page.locator('a.site-title').click();
    assert.equal((await page.locator('main h1').textContent()).trim(), text(data.meta.title));
  }
  await page.context().close();
});

/** Opens a static page with JavaScript and waits until the app has replaced it. */
async function openLive(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('static') && !document.documentElement.hasAttribute('data-static'));
  await page.waitForSelector('main h1');
}

test('with JavaScript a static page becomes the live app on the same view; history works', async () => {
  for (const base of [root.url, sub.url]) {
    const page = await newPage(browser);
    await openLive(page, base + 'p/uncc.html');
    const url = new URL(page.url());
    assert.equal(url.pathname, new URL(base).pathname, 'the canonical app URL, at the same base');
    assert.deepEqual(params(page), { view: 'process', id: 'uncc' });
    assert.equal(await page.locator('main h1').textContent(), text(byId.uncc.name));
    assert.equal(await page.locator('main h1').count(), 1, 'one page, not two');
    // In-app navigation, then back and forward.
    await page.locator('.site-nav a', { hasText: 'Events' }).click();
    await page.waitForSelector('.page--events');
    assert.equal(params(page).view, 'events');
    await page.goBack();
    await page.waitForSelector('.page--process');
    assert.equal(await page.locator('main h1').textContent(), text(byId.uncc.name));
    await page.goForward();
    await page.waitForSelector('.page--events');
    // Reload keeps the view (the URL is the app's own now).
    await page.reload();
    await page.waitForSelector('.page--events');
    assert.equal(params(page).view, 'events');
    assert.equal(await page.locator('#static').count(), 0);
    // The list page maps too.
    await openLive(page, base + 'resources.html');
    assert.equal(params(page).view, 'resources');
    await page.waitForSelector('.page--resources .explore__filters input');
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

/** Where the visible landmarks of the page are: headings, cards, event and resource rows. */
function landmarks() {
  const seen = new Map();
  for (const e of document.querySelectorAll('main h1, main h2, main h3, main dt, main section, main .page-head, main .card, main .event, main .resource, .site-header, .site-footer')) {
    const r = e.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight || r.height === 0) continue;
    // Rows by their record, headings by their text.
    const id = e.dataset.event ?? e.dataset.process ?? e.dataset.resource ?? e.getAttribute('aria-labelledby');
    // The header and footer are one each (their text differs: the static language switcher
    // lists its links where the app's select has options).
    const whole = e.matches('.site-header, .site-footer');
    const key = `${e.tagName}.${e.className}:${whole ? '' : id ?? e.textContent.trim().slice(0, 80)}`;
    if (!seen.has(key)) seen.set(key, { top: r.top, left: r.left, width: r.width, height: r.height });
  }
  return Object.fromEntries(seen);
}

test('the hand-over does not move what is on screen (CLS ≤ 0.02, landmarks within 1 px)', async () => {
  for (const path of ['', 'p/oewg-2021-2025.html', 'p/uncc.html', 'events.html', 'ar/p/uncc.html', 'zh/index.html']) {
    const page = await newPage(browser, { width: 1280, height: 900 });
    // The app's today is the reader's clock; the page's is the build date. Pin the clock to the
    // build date so the comparison does not depend on when the suite runs.
    const asOf = readFileSync(join(DIST, path || 'index.html'), 'utf8').match(/data-as-of="([\d-]+)"/)[1];
    await page.clock.setFixedTime(new Date(`${asOf}T12:00:00`));
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the wasm until the static page has been measured. The Layout Instability API does
    // not count nodes that are replaced (only nodes that move), so the swap is also checked by
    // comparing where each visible heading, card and row is before and after it.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (r) => {
      await held;
      await r.continue();
    });
    await page.goto(root.url + path);
    await page.waitForSelector('#static main h1');
    const before = await page.evaluate(landmarks);
    release();
    await page.waitForFunction(() => !document.getElementById('static') && !document.documentElement.hasAttribute('data-static'));
    await page.waitForTimeout(300);
    const after = await page.evaluate(landmarks);
    const keys = Object.keys(before);
    assert.ok(keys.length >= 5, `${path}: landmarks measured (${keys.length})`);
    let worst = 0, moved = '';
    for (const k of keys) {
      assert.ok(after[k], `${path}: ${k} still on screen after the hand-over`);
      for (const dim of ['top', 'left', 'width', 'height']) {
        const d = Math.abs(after[k][dim] - before[k][dim]);
        if (d > worst) [worst, moved] = [d, `${k} ${dim}`];
      }
    }
    const cls = await page.evaluate(() => window.__cls);
    console.log(`${path || 'index.html'}: CLS ${cls.toFixed(4)}, ${keys.length} landmarks, largest move ${worst.toFixed(1)} px`);
    assert.ok(cls <= 0.02, `${path}: CLS ${cls}`);
    assert.ok(worst <= 1, `${path}: ${moved} moved ${worst} px`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('when the wasm cannot be fetched the static content stays, with a message and a reload button', async () => {
  for (const path of ['p/uncc.html', 'index.html', 'events.html?today=2026-11-26']) {
    const page = await newPage(browser, { allow: ['Failed to load', 'net::ERR_FAILED', 'WebAssembly', 'TypeError'] });
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(root.url + path);
    const box = page.locator('.static-fail');
    await box.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await box.textContent(), /could not start/);
    assert.ok(await box.locator('button', { hasText: 'Load again' }).isVisible());
    assert.ok(await page.locator('main h1').first().isVisible(), `${path}: content still shown`);
    await shot(page, `static-failed-${path.replace(/[^a-z0-9]+/g, '-')}`);
    // The button reloads; once the wasm arrives the app takes over.
    await page.unroute('**/*.wasm');
    await box.locator('button').click();
    await page.waitForFunction(() => !document.getElementById('static'));
    await page.waitForSelector('main h1');
    await page.close();
  }
});

test('a partner dataset whose app cannot start shows the message, not the default content', async () => {
  const page = await newPage(browser, { allow: ['Failed to load', 'net::ERR_FAILED', 'WebAssembly', 'TypeError'] });
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(root.url + '?data=' + encodeURIComponent(root.url + 'data/un-cyber-processes.json'));
  await page.locator('.static-fail').waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await page.locator('main h1').first().isVisible(), false);
  await page.close();
});

test('a URL with a query hides the static content and the app draws it as before', async () => {
  const page = await newPage(browser);
  await page.goto(root.url + '?view=about&today=2026-11-26');
  await page.waitForSelector('.page--about');
  assert.equal(await page.locator('#static').count(), 0);
  assert.equal(await page.locator('main h1').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});


test('each interface language has its static pages, in that language, linked from every other', async () => {
  const page = await noJsPage();
  for (const base of [root.url, sub.url]) {
    for (const lang of LANGS) {
      const t = FILES[lang].messages;
      await page.goto(`${base}${lang}/p/uncc.html`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal((await page.locator('main h1').textContent()).trim(), text(byId.uncc.name, lang));
      assert.ok((await page.title()).endsWith(` — ${text(data.meta.title, lang)}`), `${lang}: the title names the site`);
      // Its menu leads to its own language's pages.
      await page.locator('.site-nav a', { hasText: t.nav_events }).click();
      assert.equal(new URL(page.url()).pathname, `${new URL(base).pathname}${lang}/events.html`);
      assert.equal((await page.locator('main h1').textContent()).trim(), t.nav_events);
      assert.equal(await page.locator('main .event').count(), data.events.length, `${lang}: every event`);
      assert.equal(await page.locator('.explore__filters .static-note').textContent(), t.static_filters_need_js);
    }
    // The switcher, a disclosure of links without JavaScript: from Arabic to Chinese, same page.
    await page.goto(`${base}ar/p/uncc.html`);
    const sw = page.locator('.site-header .lang-switch');
    await sw.locator('summary').click();
    await sw.locator('a', { hasText: FILES.zh.meta.name }).click();
    assert.equal(new URL(page.url()).pathname, `${new URL(base).pathname}zh/p/uncc.html`);
    assert.equal((await page.locator('main h1').textContent()).trim(), text(byId.uncc.name, 'zh'));
    // From the root's pages (no language chosen) into French.
    await page.goto(`${base}events.html`);
    await page.locator('.site-header .lang-switch summary').click();
    await page.locator('.site-header .lang-switch a', { hasText: FILES.fr.meta.name }).click();
    assert.equal(new URL(page.url()).pathname, `${new URL(base).pathname}fr/events.html`);
  }
  await page.goto(`${root.url}ar/index.html`);
  await shot(page, 'static-ar-nojs');
  await page.context().close();
});

test('with JavaScript a static page in a language becomes the live app in that language', async () => {
  for (const base of [root.url, sub.url]) {
    // The browser prefers English: the page's own language still wins, as a chosen one.
    const page = await newPage(browser, { locale: 'en-GB' });
    await openLive(page, `${base}zh/p/uncc.html`);
    assert.equal(new URL(page.url()).pathname, new URL(base).pathname, 'the app URL at the site root');
    assert.deepEqual(params(page), { view: 'process', id: 'uncc', lang: 'zh' });
    assert.equal(await page.locator('main h1').textContent(), text(byId.uncc.name, 'zh'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    // A query of the URL's own (a tracking tag here) keeps the page's view and language.
    await openLive(page, `${base}ar/events.html?utm_source=x`);
    assert.equal(params(page).view, 'events');
    assert.equal(params(page).lang, 'ar');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.waitForSelector('.page--events .explore__filters input');
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('an Arabic static page whose app cannot start says so in Arabic', async () => {
  const page = await newPage(browser, { allow: ['Failed to load', 'net::ERR_FAILED', 'WebAssembly', 'TypeError'] });
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${root.url}ar/p/uncc.html`);
  const box = page.locator('.static-fail');
  await box.waitFor({ state: 'visible', timeout: 10000 });
  assert.equal((await box.locator('p').first().textContent()).trim(), FILES.ar.messages.static_app_failed);
  assert.ok(await box.locator('button', { hasText: FILES.ar.messages.reload }).isVisible());
  await page.close();
});

test('a page at the site root sends a reader whose browser asks for French to the French page first', async () => {
  for (const base of [root.url, sub.url]) {
    const page = await newPage(browser, { locale: 'fr-FR' });
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await openLive(page, `${base}p/uncc.html`);
    const at = new URL(base).pathname;
    assert.ok(asked.includes(`${at}fr/p/uncc.html`), `the French static page was loaded: ${asked.join(' ')}`);
    assert.equal(await page.locator('main h1').textContent(), text(byId.uncc.name, 'fr'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    // The browser asks for French anyway: the app's URL does not carry it to whoever it is shared with.
    assert.deepEqual(params(page), { view: 'process', id: 'uncc' });
    assert.equal(new URL(page.url()).pathname, at);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
  // A browser asking for the default language (or none shipped) stays on the page.
  const page = await newPage(browser, { locale: 'de-DE' });
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await openLive(page, `${root.url}events.html`);
  assert.ok(!asked.some((p) => /\/(ar|en|es|fr|ru|zh)\//.test(p)), asked.join(' '));
  await page.close();
});

test('a link shared with tracking tags keeps its static content; a query naming a state hides it', async () => {
  const page = await newPage(browser);
  // Hold the wasm, so what shows is the static page alone.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (r) => {
    await held;
    await r.continue();
  });
  await page.goto(`${root.url}p/uncc.html?fbclid=abc&utm_source=social`);
  await page.waitForSelector('#static main h1');
  assert.ok(await page.locator('#static main h1').isVisible(), 'the explainer shows before the app');
  assert.equal(await page.locator('html').getAttribute('data-stale'), null);
  await page.goto(`${root.url}p/uncc.html?view=events`);
  assert.equal(await page.locator('html').getAttribute('data-stale'), '', 'a state of its own: hidden');
  assert.equal(await page.locator('#static main h1').isVisible(), false);
  release();
  // Once the app runs, the first link is the explainer and the second the events list.
  await openLive(page, `${root.url}p/uncc.html?fbclid=abc`);
  assert.equal(params(page).view, 'process');
  await openLive(page, `${root.url}p/uncc.html?view=events`);
  await page.waitForSelector('.page--events');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in the app, "Jump to today" scrolls to the marker and leaves the URL as it is', async () => {
  const page = await newPage(browser, { width: 1280, height: 700 });
  await openLive(page, `${root.url}events.html`);
  const before = page.url();
  await page.locator('.page-head a', { hasText: 'Jump to today' }).click();
  await page.waitForFunction(() => {
    const r = document.getElementById('today')?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.equal(page.url(), before, 'no #today added to the app URL');
  assert.deepEqual(page.problems, []);
  await page.close();
});
