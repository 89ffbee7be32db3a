// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the built
// dist/ served like a static host, and helpers to open the app at a fixed "today".
import { chromium } from '../../scripts/node_modules/playwright-core/index.mjs';
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST ?? join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');
/** Every test pins "today", so no assertion depends on the clock. */
export const TODAY = '2026-11-26';

/** The default dataset, read from the built dist/ (what the browser loads). */
export function dataset() {
  return JSON.parse(readFileSync(join(DIST, 'data', 'un-cyber-processes.json'), 'utf8'));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export { serve };

/**
 * A test file's browser and its servers of dist/: `root` at `/`, and one per entry of `bases`
 * (`{ sub: '/some/deep/path/' }`) at that sub-path. For `before`; `stop` closes them in `after`.
 */
export async function start(bases = {}) {
  const out = { browser: await launch(), root: await serve({ dir: DIST }) };
  for (const [name, base] of Object.entries(bases)) out[name] = await serve({ dir: DIST, base });
  return out;
}

/** Closes what `start` opened (any of it may be missing if `before` failed). */
export async function stop(...opened) {
  for (const o of opened) await o?.close();
}

/**
 * A page that fails the test on any uncaught error, console error or CSP violation.
 * `allow` lists console-error substrings a test expects (a deliberate 404, say); `locale` sets the
 * browser's preferred language (`navigator.languages`).
 */
export async function newPage(browser, { width = 1280, height = 900, allow = [], locale } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow.some((a) => m.text().includes(a))) page.problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    page.problems.push(`dialog opened: ${d.message()}`);
    d.dismiss();
  });
  return page;
}

/** Opens `query` on the app at `base` and waits for the page heading. */
export async function open(page, base, query = '') {
  const sep = query.includes('?') ? '&' : '?';
  const q = query.includes('today=') ? query : `${query || '?'}${query ? sep : ''}today=${TODAY}`;
  await page.goto(base + q.replace('?&', '?'));
  await page.waitForSelector('main h1');
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The app's query string as a map. */
export function params(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/**
 * A dataset text as the app shows it in `lang`: a plain string, or the entry of a per-language
 * object for `lang`, else for the dataset's default language.
 */
export function text(t, lang = 'en', fallback = 'en') {
  if (typeof t === 'string') return t;
  return t[lang] ?? t[fallback] ?? Object.values(t)[0];
}

/**
 * Reads a message file. Only the TOML the files use: `[section]`, `key = "text"`, `key = true`
 * and one-line tables of strings; anything else fails loudly rather than being skipped.
 */
export function messages(tag) {
  const text = readFileSync(join(ROOT, 'src', 'i18n', 'messages', `${tag}.toml`), 'utf8');
  const out = {};
  let section = null;
  const str = '"(?:[^"\\\\]|\\\\.)*"';
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let m;
    if ((m = line.match(/^\[(\w+)\]$/))) {
      section = out[m[1]] = {};
    } else if ((m = line.match(new RegExp(`^(\\w+) = (${str})$`)))) {
      section[m[1]] = JSON.parse(m[2]);
    } else if ((m = line.match(/^(\w+) = (true|false)$/))) {
      section[m[1]] = m[2] === 'true';
    } else if ((m = line.match(/^(\w+) = \{ (.*) \}$/))) {
      const forms = {};
      for (const f of m[2].matchAll(new RegExp(`(\\w+) = (${str})`, 'g'))) forms[f[1]] = JSON.parse(f[2]);
      section[m[1]] = forms;
    } else {
      throw new Error(`${tag}.toml:${i + 1}: not understood: ${line}`);
    }
  }
  return out;
}
