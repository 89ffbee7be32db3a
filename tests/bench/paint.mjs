// First paint of the prerendered pages against the app drawing them itself, on a slow phone:
// Lighthouse's mobile DevTools throttling (slow 4G: 562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s
// up) and a 4× slower CPU, applied through CDP. Prints figures and asserts nothing.
//   node tests/bench/paint.mjs [--dist DIR] [--runs N] [--plain]   (--plain: uncompressed, scripts/serve.mjs)
// For each page: first contentful paint and largest contentful paint from navigation, when the
// live app has replaced the static content (filters respond from then on), and the brotli bytes of
// the HTML and CSS a first paint needs. "app URL" is the same view by its query URL, which the
// static content does not claim: the page as it was before prerendering (blank until the wasm).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { launch, serve, ROOT } from '../e2e/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name, d) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : d);
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const RUNS = Number(opt('--runs', 3));
const PAGES = [
  ['overview', 'index.html', ''],
  ['explainer', 'p/oewg-2021-2025.html', '?view=process&id=oewg-2021-2025'],
];

const br = (file) =>
  brotliCompressSync(readFileSync(join(DIST, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// The stylesheet is inlined into each page (one request fewer before the first paint); a build
// that links it instead counts its file too.
const css = readdirSync(DIST).find((f) => f.endsWith('.css'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new MutationObserver(() => {
      if (window.__live === undefined && !document.getElementById('static') && document.querySelector('main h1')) {
        window.__live = performance.now();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    live: window.__live,
  }));
  await context.close();
  return r;
}

const browser = await launch();
// Brotli, as static hosts send it, so the bytes on the throttled link are the real ones.
const server = await serve({ dir: DIST, compress: !argv.includes('--plain') });
console.log(`slow 4G + 4× CPU, ${RUNS} runs each, median (ms from navigation)`);
console.log('page'.padEnd(24) + 'FCP'.padStart(8) + 'LCP'.padStart(8) + 'app live'.padStart(10) + 'HTML+CSS br'.padStart(13));
for (const [name, file, query] of PAGES) {
  for (const [label, url] of [
    [`${name} (static)`, server.url + (file === 'index.html' ? '' : file)],
    [`${name} (app URL)`, server.url + (query || '?today=' + new Date().toISOString().slice(0, 10))],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url));
    const m = (k) => median(runs.map((r) => r[k])).toFixed(0).padStart(k === 'live' ? 10 : 8);
    const bytes = label.includes('static') ? `${((br(file) + (css ? br(css) : 0)) / 1024).toFixed(1)} KB` : '';
    console.log(label.padEnd(24) + m('fcp') + m('lcp') + m('live') + bytes.padStart(13));
  }
}
await server.close();
await browser.close();
