// Embedding end to end: partner pages on another origin load embed.js from the tracker and get
// sandboxed frames that size themselves, take the partner's theme and dataset, and ignore
// anyone else's messages; the app passes its own Content-Security-Policy, standalone and
// embedded; the Embed page writes snippets that show what the partner chose.
//   DIST=/tmp/embed-dist node --test tests/e2e/embed.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, cpSync, copyFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, open, serve, text, DIST as DEFAULT_DIST, ROOT, TODAY } from './harness.mjs';
import { headerPolicy } from '../../scripts/csp.mjs';

const DIST = process.env.DIST ?? DEFAULT_DIST;
const FIXTURES = join(ROOT, 'tests', 'e2e', 'partner');
const MESSAGE = 'process-tracker:height';
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const data = JSON.parse(readFileSync(join(DIST, 'data', 'un-cyber-processes.json'), 'utf8'));
const uncc = data.processes.find((p) => p.id === 'uncc');

// A partner's own dataset: the same schema, fewer records, its own title.
const partnerData = structuredClone(data);
partnerData.meta.title = 'Partner dataset (test)';
delete partnerData.meta.home;
partnerData.events = data.events.filter((e) => e.processes.includes('uncc') || e.processes.includes('ahc'));
partnerData.resources = data.resources.filter((r) => r.processes.includes('uncc') || r.processes.includes('ahc'));

let browser, tracker, sub, partner, withCors, withoutCors, work;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'embed-test-'));
  mkdirSync(join(work, 'partner'));
  mkdirSync(join(work, 'data'));
  copyFileSync(join(FIXTURES, 'partner.css'), join(work, 'partner', 'partner.css'));
  writeFileSync(join(work, 'data', 'partner.json'), JSON.stringify(partnerData));
  browser = await launch();
  tracker = await serve({ dir: DIST });
  sub = await serve({ dir: DIST, base: '/tools/tracker/' });
  partner = await serve({ dir: join(work, 'partner') });
  withCors = await serve({ dir: join(work, 'data'), cors: true });
  withoutCors = await serve({ dir: join(work, 'data') });
});
after(async () => {
  await browser?.close();
  for (const s of [tracker, sub, partner, withCors, withoutCors]) await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

let pages = 0;
/** Writes a fixture with its {{PLACEHOLDERS}} filled onto the partner's server; returns its URL. */
function partnerPage(fixture, vars) {
  let html = readFileSync(join(FIXTURES, fixture), 'utf8');
  for (const [k, v] of Object.entries(vars)) html = html.replaceAll(`{{${k}}}`, v);
  const name = `${++pages}-${fixture}`;
  writeFileSync(join(work, 'partner', name), html);
  return partner.url + name;
}

/** Collects Content-Security-Policy violations from every frame of the page, from the start. */
async function watchCsp(page) {
  const seen = [];
  await page.context().exposeBinding('__reportCsp', ({ frame }, v) => seen.push({ frame: frame.url(), ...v }));
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    }, true);
  });
  return seen;
}

/** The frame ids embed.js gave the page's placeholders, in document order. */
async function frameIds(page, n) {
  await page.waitForFunction((n) => {
    const els = [...document.querySelectorAll('[data-process-tracker]')];
    return els.length === n && els.every((e) => e.querySelector('iframe'));
  }, n);
  return page.$$eval('[data-process-tracker]', (els) => els.map((e) => e.getAttribute('data-process-tracker-frame')));
}

/** The tracker inside frame `id`, once it has rendered a heading (lazy frames are scrolled to). */
async function frameOf(page, id) {
  const el = await page.waitForSelector(`iframe[data-frame="${id}"]`);
  await el.scrollIntoViewIfNeeded();
  const frame = await el.contentFrame();
  await frame.waitForSelector('main h1');
  return frame;
}

const iframeHeight = (page, id) => page.locator(`iframe[data-frame="${id}"]`).evaluate((f) => f.getBoundingClientRect().height);

/**
 * Waits until frame `id` is exactly as tall as its content: no scrollbar inside, no blank space
 * below. `unlike` waits for the height to differ from a previous one first. Returns the height.
 */
async function fitted(page, id, { unlike, timeout = 10000 } = {}) {
  const frame = await frameOf(page, id);
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    const outer = await iframeHeight(page, id);
    const inner = await frame.evaluate(() => ({
      content: document.body.getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
      view: innerHeight,
    }));
    last = { outer, ...inner };
    const fits = Math.abs(outer - inner.content) <= 3 && inner.scroll <= inner.view + 1;
    if (fits && (unlike === undefined || Math.abs(outer - unlike) > 3)) return outer;
    await page.waitForTimeout(100);
  }
  assert.fail(`frame ${id} is not sized to its content${unlike !== undefined ? ` (was ${unlike}px)` : ''}: ${JSON.stringify(last)}`);
}

function rgb(css) {
  const s = css.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(s);
  assert.ok(m, `a colour: ${css}`);
  return m.slice(1, 4).map(Number);
}
function luminance(c) {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** The accent and the page background the tracker in `frame` actually uses. */
const colours = (frame) => frame.evaluate(() => ({
  accent: getComputedStyle(document.documentElement).getPropertyValue('--accent'),
  bg: getComputedStyle(document.body).backgroundColor,
  link: getComputedStyle(document.querySelector('.embed-bar__out')).color,
  font: getComputedStyle(document.body).fontFamily,
  theme: document.documentElement.dataset.theme ?? null,
  embed: document.documentElement.hasAttribute('data-embed'),
}));

// A date of year or month precision lasts to the end of its year or month.
const lastDay = (d) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
const upcoming = data.events.filter((e) => lastDay(e.end ?? e.start) >= TODAY);

test('embed.js turns two placeholders into two sandboxed trackers, each sized to its content', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('two-trackers.html', { TRACKER: tracker.url }));
  const [a, b] = await frameIds(page, 2);
  assert.notEqual(a, b, 'each frame has its own id');

  // The frames as the partner's page holds them.
  const attrs = await page.$$eval('[data-process-tracker] iframe', (fs) => fs.map((f) => ({
    title: f.getAttribute('title'), sandbox: f.getAttribute('sandbox'), loading: f.getAttribute('loading'),
    referrer: f.getAttribute('referrerpolicy'), width: f.getBoundingClientRect().width, parent: f.parentElement.getBoundingClientRect().width,
    border: getComputedStyle(f).borderTopWidth, src: f.src, siblings: f.parentElement.childNodes.length,
  })));
  assert.deepEqual(attrs.map((x) => x.title), ['Upcoming UN cyber meetings', 'UN Convention against Cybercrime explained']);
  for (const x of attrs) {
    assert.equal(x.sandbox, SANDBOX);
    assert.equal(x.loading, 'lazy');
    assert.equal(x.referrer, 'strict-origin-when-cross-origin');
    assert.equal(x.border, '0px');
    assert.ok(Math.abs(x.width - (x.parent - 2)) <= 1, `full width: ${x.width} of ${x.parent}`);
    assert.equal(x.siblings, 1, 'the fallback link is gone');
    assert.ok(x.src.startsWith(tracker.url + '?'), x.src);
  }
  const qa = new URL(attrs[0].src).searchParams;
  assert.equal(qa.get('view'), 'events');
  assert.equal(qa.get('when'), 'upcoming');
  assert.equal(qa.get('embed'), '1');
  assert.equal(qa.get('frame'), a);
  const qb = new URL(attrs[1].src).searchParams;
  assert.equal(qb.get('view'), 'process');
  assert.equal(qb.get('id'), 'uncc');
  assert.equal(qb.get('accent'), '0a7c5a');

  // The events view, filtered to what is still to come.
  const fa = await frameOf(page, a);
  await fa.waitForSelector('.page--events');
  const shown = await fa.locator('.page--events .event').count();
  assert.equal(shown, upcoming.length);
  assert.ok(await fa.locator('#f-when-upcoming').isChecked());
  assert.equal(await fa.locator('.site-header').count(), 0, 'no site chrome');
  assert.equal(await fa.locator('.embed-bar__out').count(), 1, 'a link out to the full tracker');

  // The explainer, dark, with the partner's accent made readable.
  const fb = await frameOf(page, b);
  assert.equal(await fb.locator('main h1').textContent(), text(uncc.name));

  const ca = await colours(fa);
  assert.ok(ca.embed);
  assert.equal(ca.theme, 'light');
  assert.ok(luminance(rgb(ca.bg)) > 0.9, `light background: ${ca.bg}`);
  assert.notEqual(ca.accent.trim(), '#ffff00', 'yellow on white is adjusted');
  assert.ok(contrast(rgb(ca.accent), rgb(ca.bg)) >= 4.5, `accent ${ca.accent} on ${ca.bg}`);
  assert.ok(contrast(rgb(ca.link), rgb(ca.bg)) >= 4.5, `link ${ca.link} on ${ca.bg}`);
  assert.match(ca.font, /system-ui/, 'the system font stack, not the partner’s serif');

  const cb = await colours(fb);
  assert.equal(cb.theme, 'dark');
  assert.ok(luminance(rgb(cb.bg)) < 0.05, `dark background: ${cb.bg}`);
  assert.ok(contrast(rgb(cb.accent), rgb(cb.bg)) >= 4.5, `accent ${cb.accent} on ${cb.bg}`);

  // Each frame is exactly as tall as what it shows.
  const ha = await fitted(page, a);
  const hb = await fitted(page, b);
  assert.ok(ha > 480 && hb > 480, `taller than the placeholder height: ${ha}, ${hb}`);
  assert.notEqual(Math.round(ha), Math.round(hb));
  // The partner's page is not restyled by the frames.
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Georgia/);
  assert.deepEqual(page.problems, []);
});

test('a filter change inside one frame resizes that frame only, larger and smaller', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('two-trackers.html', { TRACKER: tracker.url }));
  const [a, b] = await frameIds(page, 2);
  const hb = await fitted(page, b);
  const fa = await frameOf(page, a);
  const h0 = await fitted(page, a);

  await fa.locator('#f-when-upcoming').uncheck();
  await fa.waitForFunction((n) => document.querySelectorAll('.page--events .event').length === n, data.events.length);
  const h1 = await fitted(page, a, { unlike: h0 });
  assert.ok(h1 > h0, `all events take more room: ${h0} → ${h1}`);

  // Fewer results: the frame must shrink back, not keep its largest height.
  await fa.locator('#f-kind-deadline').check();
  const deadlines = data.events.filter((e) => e.kind === 'deadline').length;
  await fa.waitForFunction((n) => document.querySelectorAll('.page--events .event').length === n, deadlines);
  const h2 = await fitted(page, a, { unlike: h1 });
  assert.ok(h2 < h1, `fewer events, less room: ${h1} → ${h2} (src/web/resize.rs must measure the content, not scrollHeight)`);

  assert.equal(await iframeHeight(page, b), hb, 'the other frame is untouched');
  assert.deepEqual(page.problems, []);
});

test('height messages from another origin, another frame or of the wrong shape are ignored', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('two-trackers.html', { TRACKER: tracker.url }));
  const [a, b] = await frameIds(page, 2);
  const ha = await fitted(page, a);
  const hb = await fitted(page, b);
  const fa = await frameOf(page, a);
  const fb = await frameOf(page, b);

  // The partner's own origin (or a script on its page) claiming to be frame a.
  await page.evaluate(([type, frame]) => window.postMessage({ type, height: 77, frame }, '*'), [MESSAGE, a]);
  // The tracker's origin, but the other frame, using a's id.
  await fb.evaluate(([type, frame]) => parent.postMessage({ type, height: 77, frame }, '*'), [MESSAGE, a]);
  // The right frame, the wrong shapes.
  await fa.evaluate(([type, frame]) => {
    for (const m of [
      { type: 'other', height: 77, frame },
      { type, height: '77', frame },
      { type, height: NaN, frame },
      { type, height: Infinity, frame },
      { type, height: -77, frame },
      { type, height: 77, frame: 'pt-nope-9' },
      { type, height: 77 },
      { type, height: 77, frame: 7 },
      'process-tracker:height',
      null,
      [type, 77, frame],
    ]) parent.postMessage(m, '*');
  }, [MESSAGE, a]);
  await page.waitForTimeout(400);
  assert.equal(await iframeHeight(page, a), ha);
  assert.equal(await iframeHeight(page, b), hb);

  // The same listener does take a well-formed message from the right frame.
  await fa.evaluate(([type, frame]) => parent.postMessage({ type, height: 321, frame }, '*'), [MESSAGE, a]);
  await page.waitForFunction((id) => document.querySelector(`iframe[data-frame="${id}"]`).style.height === '321px', a);
  assert.equal(await iframeHeight(page, b), hb);
  assert.deepEqual(page.problems, []);
});

test('a partner dataset loads; a missing one and one without CORS explain themselves, never a blank frame', async () => {
  const page = await newPage(browser, { allow: ['404', 'CORS', 'Failed to load resource', 'ERR_FAILED'] });
  await page.goto(partnerPage('datasets.html', {
    TRACKER: tracker.url,
    GOOD: withCors.url + 'partner.json',
    MISSING: withCors.url + 'missing.json',
    NOCORS: withoutCors.url + 'partner.json',
  }));
  const [good, missing, nocors] = await frameIds(page, 3);

  const fg = await frameOf(page, good);
  await fg.waitForSelector('.page--events');
  assert.equal(await fg.locator('.embed-bar__title').textContent(), 'Partner dataset (test)');
  assert.equal(await fg.locator('.page--events .event').count(), partnerData.events.length);
  await fitted(page, good);

  const fm = await frameOf(page, missing);
  const m = await fm.locator('.load-error').textContent();
  assert.match(m, /not found \(error 404\)/);
  assert.match(m, /missing\.json/, 'names the address that failed');
  assert.equal(await fm.locator('.load-error button').count(), 1, 'offers a retry');
  assert.ok((await fitted(page, missing)) > 150, 'the message shows in full');

  const fn = await frameOf(page, nocors);
  const n = await fn.locator('.load-error').textContent();
  assert.match(n, /could not be fetched/);
  assert.match(n, /CORS/);
  assert.match(n, /Access-Control-Allow-Origin/);
  assert.ok((await fitted(page, nocors)) > 150);
  assert.deepEqual(page.problems, []);
});

test('the app passes its Content-Security-Policy with no violation, standalone and embedded', async (t) => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'the build wrote a policy meta');
  const directives = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy precedes every script');
  assert.ok(directives['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(directives['script-src'].some((s) => s.startsWith("'sha256-")), 'the inline loader is allowed by hash');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'https:', 'http:']) {
    assert.ok(!directives['script-src'].includes(bad), `script-src without ${bad}`);
  }
  // The stylesheet is inlined into the page and allowed by its hash alone.
  const [self, ...styleHashes] = directives['style-src'];
  assert.equal(self, "'self'");
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  assert.deepEqual(styleHashes.sort(), [...new Set(styles)].sort(), 'style-src allows exactly the inline stylesheets, by hash');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'", 'https:', 'http:']);

  const page = await newPage(browser);
  const seen = await watchCsp(page);
  for (const q of ['', '?view=process&id=uncc', '?view=process&id=oewg-2021-2025', '?view=events&event=oewg2-s11', '?view=timeline',
    '?view=resources', '?view=search&q=convention', '?view=about', '?view=embed', '?view=events&embed=1&theme=dark&accent=ff00aa']) {
    await open(page, tracker.url, q);
    await page.waitForTimeout(150);
  }
  assert.deepEqual(seen, [], 'standalone');

  await page.goto(partnerPage('two-trackers.html', { TRACKER: tracker.url }));
  const ids = await frameIds(page, 2);
  for (const id of ids) await fitted(page, id);
  assert.deepEqual(seen, [], 'embedded');
  assert.deepEqual(page.problems, []);

  // The one relaxation, style attributes, is there because the app needs it: without it, style
  // attributes are all that is blocked.
  const strictDir = join(work, 'strict');
  cpSync(DIST, strictDir, { recursive: true });
  writeFileSync(join(strictDir, 'index.html'), html.replace(/ style-src-attr 'unsafe-inline';/, ''));
  const strict = await serve({ dir: strictDir });
  try {
    const p2 = await newPage(browser);
    const blocked = await watchCsp(p2);
    for (const q of ['?view=process&id=uncc', '?view=timeline']) await open(p2, strict.url, q);
    await p2.waitForTimeout(200);
    assert.deepEqual([...new Set(blocked.map((v) => v.directive))].filter((d) => d !== 'style-src-attr'), []);
    if (blocked.length === 0) t.diagnostic('no style attribute was blocked: scripts/csp.mjs could set ALLOW_STYLE_ATTRIBUTES = false');
  } finally {
    await strict.close();
  }
});

test('the policy printed for a header (csp.mjs --header) lets every page start, folders and the builder too', async () => {
  const header = headerPolicy(DIST);
  assert.match(header, /frame-ancestors \*$/);
  const strict = await serve({ dir: DIST, headers: { 'content-security-policy': header } });
  try {
    const page = await newPage(browser);
    const seen = await watchCsp(page);
    for (const [path, ready] of [['index.html', '.page--overview'], ['ar/p/uncc.html', '.page--process'],
      ['zh/events.html', '.page--events .event'], ['p/gge.html', '.page--process'], ['embed-builder.html', '.embed-builder']]) {
      await page.goto(`${strict.url}${path}`);
      // The app has taken over from the static page: its own nodes, no static copy left.
      await page.waitForSelector(`${ready}:not(#static *)`);
      await page.waitForFunction(() => !document.getElementById('static'));
    }
    assert.deepEqual(seen, [], 'nothing blocked by the header');
    assert.deepEqual(page.problems, []);
  } finally {
    await strict.close();
  }
});

test('the Embed page writes snippets that show what was chosen', async () => {
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(tracker.url).origin });
  await open(page, tracker.url, '?view=embed');
  assert.equal(await page.locator('main h1').textContent(), 'Embed this tracker');
  for (const id of ['embed-view', 'embed-process', 'embed-upcoming', 'embed-kind', 'embed-theme', 'embed-accent', 'embed-lang', 'embed-code-script', 'embed-code-iframe']) {
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `${id} has a label`);
  }

  await page.selectOption('#embed-view', 'process');
  await page.selectOption('#embed-process', 'uncc');
  await page.selectOption('#embed-theme', 'dark');
  await page.locator('#embed-accent').fill('#0a7c5a');
  await page.selectOption('#embed-lang', 'fr');
  const iframeCode = await page.locator('#embed-code-iframe').inputValue();
  const src = /src="([^"]+)"/.exec(iframeCode)[1].replaceAll('&amp;', '&');
  assert.match(iframeCode, new RegExp(`sandbox="${SANDBOX}"`));
  assert.match(iframeCode, /title="UN cyber processes"/);
  assert.match(iframeCode, /loading="lazy"/);
  const q = new URL(src).searchParams;
  assert.deepEqual(Object.fromEntries(q), { view: 'process', id: 'uncc', today: TODAY, embed: '1', theme: 'dark', accent: '0a7c5a', lang: 'fr' });
  assert.ok(src.startsWith(tracker.url), src);

  // The live preview is that same URL.
  const preview = page.locator('iframe.embed-preview__frame');
  assert.equal(await preview.getAttribute('src'), src);
  assert.ok((await preview.getAttribute('title')).length > 5);
  assert.equal(await preview.getAttribute('sandbox'), SANDBOX);
  const pf = await (await preview.elementHandle()).contentFrame();
  await pf.waitForFunction((name) => document.querySelector('main h1')?.textContent === name, text(uncc.name, 'fr'));

  // Opened on its own, the URL shows the explainer, dark, in French, embedded.
  const opened = await newPage(browser);
  await opened.goto(src);
  await opened.waitForSelector('main h1');
  assert.equal(await opened.locator('main h1').textContent(), text(uncc.name, 'fr'));
  assert.equal(await opened.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await opened.evaluate(() => document.documentElement.lang), 'fr');
  assert.ok(await opened.evaluate(() => document.documentElement.hasAttribute('data-embed')));

  // The script variant, pasted into a partner's page, shows the filtered events.
  await page.selectOption('#embed-view', 'events');
  await page.selectOption('#embed-kind', 'meeting');
  await page.selectOption('#embed-process', '');
  assert.ok(await page.locator('#embed-upcoming').isChecked());
  const scriptCode = await page.locator('#embed-code-script').inputValue();
  assert.match(scriptCode, new RegExp(`^<script src="${tracker.url}embed.js" async></script>\\n<div data-process-tracker `));
  assert.match(scriptCode, /data-view="events"/);
  assert.match(scriptCode, /data-when="upcoming"/);
  assert.match(scriptCode, /data-kind="meeting"/);
  assert.match(scriptCode, /data-accent="#0a7c5a"/);
  assert.doesNotMatch(scriptCode, /data-process=/);
  const partnerUrl = partnerPage('snippet.html', { SNIPPET: scriptCode });
  const pasted = await newPage(browser);
  await pasted.goto(partnerUrl);
  const [id] = await frameIds(pasted, 1);
  const frame = await frameOf(pasted, id);
  await frame.waitForSelector('.page--events');
  const shown = await frame.locator('.page--events .event').evaluateAll((els) => els.map((e) => e.dataset.event));
  assert.deepEqual(shown, upcoming.filter((e) => e.kind === 'meeting').map((e) => e.id));
  assert.ok(await frame.locator('#f-when-upcoming').isChecked());
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await fitted(pasted, id);

  // Copy: to the clipboard, announced.
  await page.locator('.snippet', { has: page.locator('#embed-code-script') }).getByRole('button', { name: 'Copy' }).click();
  const status = page.locator('.snippet', { has: page.locator('#embed-code-script') }).locator('[role="status"]');
  await page.waitForFunction((el) => el.textContent === 'Copied', await status.elementHandle());
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), scriptCode);
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  for (const p of [page, opened, pasted]) assert.deepEqual(p.problems, []);
});

test('without a clipboard API, Copy selects the snippet and says how to copy it', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await open(page, tracker.url, '?view=embed');
  const snippet = page.locator('.snippet', { has: page.locator('#embed-code-iframe') });
  await snippet.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'embed-code-iframe');
  const sel = await page.locator('#embed-code-iframe').evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
  assert.deepEqual(sel, [0, sel[2], sel[2]]);
  assert.match(await snippet.locator('[role="status"]').textContent(), /Ctrl\+C/);
  assert.deepEqual(page.problems, []);
});

test('the Embed page fits a 375 px screen without sideways scrolling', async () => {
  const page = await newPage(browser, { width: 375, height: 800 });
  await open(page, tracker.url, '?view=embed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  assert.deepEqual(page.problems, []);
});

test('a process alone means its explainer; unknown attributes and values are dropped', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('snippet.html', {
    SNIPPET: `<script src="${tracker.url}embed.js" async></script>
  <div data-process-tracker data-process="ahc" data-theme="sepia" data-accent="javascript:alert(1)" data-onload="alert(2)" data-today="${TODAY}"></div>`,
  }));
  const [id] = await frameIds(page, 1);
  const src = new URL(await page.locator(`iframe[data-frame="${id}"]`).getAttribute('src'));
  assert.equal(src.searchParams.get('view'), 'process');
  assert.equal(src.searchParams.get('id'), 'ahc');
  assert.equal(src.searchParams.get('onload'), null);
  const frame = await frameOf(page, id);
  assert.equal(await frame.locator('main h1').textContent(), text(data.processes.find((p) => p.id === 'ahc').name));
  // The app drops what it cannot use: no theme attribute, the default accent.
  const c = await colours(frame);
  assert.equal(c.theme, null);
  assert.ok(contrast(rgb(c.accent), rgb(c.bg)) >= 4.5);
  await fitted(page, id);
  assert.deepEqual(page.problems, []);
});

test('a timeline embed settles at its content height instead of chasing its own viewport', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('snippet.html', {
    SNIPPET: `<script src="${tracker.url}embed.js" async></script>
  <div data-process-tracker data-view="timeline" data-today="${TODAY}"></div>`,
  }));
  const [id] = await frameIds(page, 1);
  const frame = await frameOf(page, id);
  await frame.waitForSelector('.page--timeline');
  const h = await fitted(page, id);
  await page.waitForTimeout(1000);
  assert.equal(await iframeHeight(page, id), h, 'no growth once it fits');
  assert.ok(h < 4000, `a sensible height: ${h}`);
  assert.deepEqual(page.problems, []);
});

test('a tracker served under a sub-path embeds from a partner page, and links out to itself', async () => {
  const page = await newPage(browser);
  await page.goto(partnerPage('two-trackers.html', { TRACKER: sub.url }));
  const [a, b] = await frameIds(page, 2);
  for (const id of [a, b]) {
    const src = await page.locator(`iframe[data-frame="${id}"]`).getAttribute('src');
    assert.ok(src.startsWith(sub.url + '?'), src);
  }
  const fb = await frameOf(page, b);
  assert.equal(await fb.locator('main h1').textContent(), text(uncc.name));
  await fitted(page, a);
  await fitted(page, b);

  // The link out opens the full tracker in a new, unsandboxed tab: scripts run, chrome is back.
  const out = fb.locator('.embed-bar__out');
  assert.equal(await out.getAttribute('target'), '_blank');
  const [full] = await Promise.all([page.context().waitForEvent('page'), out.click()]);
  await full.waitForSelector('main h1');
  const u = new URL(full.url());
  assert.ok(full.url().startsWith(sub.url), full.url());
  assert.equal(u.searchParams.get('view'), 'process');
  assert.equal(u.searchParams.get('id'), 'uncc');
  for (const k of ['embed', 'theme', 'accent']) assert.equal(u.searchParams.get(k), null, `${k} dropped`);
  assert.equal(u.searchParams.get('frame'), null, 'frame id dropped (src/ui/shell.rs EmbedBar)');
  assert.equal(await full.locator('.site-header').count(), 1);
  assert.equal(await full.locator('main h1').textContent(), text(uncc.name));

  // The Embed page there points partners at the sub-path's embed.js.
  await open(full, sub.url, '?view=embed');
  assert.match(await full.locator('#embed-code-script').inputValue(), new RegExp(`^<script src="${sub.url}embed.js"`));
  assert.deepEqual(page.problems, []);
});

test('an event opened inside an embed shows where the reader is, and its close button works', async () => {
  const page = await newPage(browser, { width: 1024, height: 700 });
  await page.goto(partnerPage('two-trackers.html', { TRACKER: tracker.url }));
  const [a] = await frameIds(page, 2);
  const fa = await frameOf(page, a);
  await fa.locator('#f-when-upcoming').uncheck();
  await fa.waitForFunction((n) => document.querySelectorAll('.page--events .event').length === n, data.events.length);
  await fa.locator('.event[data-event="oewg2-s11"] .event__title a').click();
  const dialog = fa.locator('dialog.event-dialog');
  await dialog.waitFor({ state: 'visible' });
  // The frame is as tall as its content, so the dialog must be brought to the reader.
  const box = await dialog.boundingBox();
  assert.ok(box && box.y < 700 && box.y + box.height > 0, `dialog within the partner's viewport: ${JSON.stringify(box)}`);
  // Forms are not allowed in the sandbox; closing must not need one (src/ui/event_detail.rs).
  await fa.locator('.event-dialog__close button').click();
  await dialog.waitFor({ state: 'hidden' });

  // Opened from the very last row, it stays inside the frame instead of being cut off.
  await fa.locator('.page--events .event__title a').last().click();
  await dialog.waitFor({ state: 'visible' });
  const frameBox = await page.locator(`iframe[data-frame="${a}"]`).boundingBox();
  const last = await dialog.boundingBox();
  assert.ok(last.y + last.height <= frameBox.y + frameBox.height, `inside the frame: ${JSON.stringify({ last, frameBox })}`);
  assert.ok(last.y < 700 && last.y + last.height > 0, `within the partner's viewport: ${JSON.stringify(last)}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(page.problems, []);
});

test('404.html sends readers back to the tracker, under the same policy', async () => {
  const page = await newPage(browser);
  const seen = await watchCsp(page);
  await page.goto(tracker.url + '404.html');
  assert.equal(await page.locator('h1').textContent(), 'Page not found');
  assert.equal(await page.locator('main a').getAttribute('href'), './');
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /system-ui/, 'its own inline style is allowed by hash');
  await page.locator('main a').click();
  await page.waitForSelector('main h1');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(seen, []);
  assert.deepEqual(page.problems, []);
});

test('embed.js stays small and dependency-free', () => {
  const src = readFileSync(join(DIST, 'embed.js'), 'utf8');
  assert.ok(statSync(join(DIST, 'embed.js')).size < 6000, 'under 6 kB unminified');
  assert.doesNotMatch(src, /^\s*(import|export)\b/m, 'a classic script, no modules');
  assert.doesNotMatch(src, /\beval\(|new Function|innerHTML/, 'nothing a partner’s CSP would have to allow');
});
