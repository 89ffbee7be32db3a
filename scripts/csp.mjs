// Content-Security-Policy for the built pages. Trunk starts the wasm with an inline module script
// whose text names the hashed file names, so its hash changes with every build: this runs as a
// Trunk post_build hook (Trunk.toml) and writes a <meta http-equiv="Content-Security-Policy"> with
// the hash of each inline script (and inline <style>, if a page has one) into every HTML page of
// the staged build, right after <meta charset>, before anything the policy must cover.
//
//   node scripts/csp.mjs                  as a hook: pages in $TRUNK_STAGING_DIR
//   node scripts/csp.mjs <dir>            the same for a built dist/
//   node scripts/csp.mjs --header <dir>   print one policy for every page of <dir> as a header line,
//                                         for hosts that would rather send it (plus frame-ancestors)
//
// Running it twice is harmless: an existing policy meta is replaced, not duplicated.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the policy allows inline `style=""` attributes. It does not: the app sets every
 * computed style (timeline positions, progress bars) as a CSS property through the CSSOM
 * (`style:inline-size=…` in Leptos), which no policy governs, so markup can carry no style at
 * all. The e2e suite counts violations on every view; flip this only with a reason.
 */
export const ALLOW_STYLE_ATTRIBUTES = false;

/** The policy for a page whose inline scripts and styles have these hashes ('sha256-…'). */
export function policy({ scripts = [], styles = [] } = {}) {
  return [
    ["default-src", "'self'"],
    // wasm needs 'wasm-unsafe-eval' to compile; nothing else is evaluated.
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...scripts],
    ["style-src", "'self'", ...styles],
    ...(ALLOW_STYLE_ATTRIBUTES ? [["style-src-attr", "'unsafe-inline'"]] : []),
    // Partner datasets (`data=` in the URL) may live on any web origin, which the host cannot
    // list in advance. They are read as JSON text and validated, never run, so allowing any
    // http(s) source for fetch() costs no script-injection protection.
    ["connect-src", "'self'", "https:", "http:"],
    ["img-src", "'self'", "data:"],
    // The embed builder previews the app itself.
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ]
    .map((d) => d.join(' '))
    .join('; ');
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of the page's inline scripts and styles, exactly as the browser will hash them. */
export function inlineHashes(html) {
  const scripts = [];
  const styles = [];
  // Attribute values here are Trunk's own or ours; none contains '>'.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) scripts.push(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(sha256(m[1]));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

const META = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;

/** The page with its policy meta (re)written. */
export function withPolicy(html) {
  const bare = html.replace(META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineHashes(bare))}">`;
  const charset = /<meta charset=[^>]*>\n?/i;
  if (!charset.test(bare)) throw new Error('no <meta charset> to put the policy after');
  return bare.replace(charset, (m) => `${m.endsWith('\n') ? m : m + '\n'}  ${meta}\n`);
}

/** Every HTML page under `dir` (prerendered explainers sit in `p/`), as paths relative to it. */
function htmlPages(dir, sub = '') {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'data' ? [] : htmlPages(dir, rel);
    return e.name.endsWith('.html') ? [rel] : [];
  });
}

/**
 * One policy for every page under `dir`, for a host that sends it as a header on every response:
 * the hashes of all the pages' inline scripts and styles. Each page's own is narrower, but a
 * header cannot differ by page on most hosts, and browsers enforce header and meta together, so
 * a header made from one page would block the other pages' scripts (their loaders reach the
 * wasm through `../`, and the site root's pages each send readers to their language's page).
 */
export function headerPolicy(dir) {
  const scripts = new Set();
  const styles = new Set();
  for (const page of htmlPages(dir)) {
    const h = inlineHashes(readFileSync(join(dir, page), 'utf8').replace(META, ''));
    h.scripts.forEach((x) => scripts.add(x));
    h.styles.forEach((x) => styles.add(x));
  }
  return `${policy({ scripts: [...scripts], styles: [...styles] })}; frame-ancestors *`;
}

function run(dir) {
  const pages = htmlPages(dir);
  if (!pages.includes('index.html')) throw new Error(`no index.html in ${dir}`);
  for (const page of pages) {
    const file = join(dir, page);
    writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
    console.log(`csp: ${page}: policy written`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--header') {
    console.log(`Content-Security-Policy: ${headerPolicy(args[1] ?? 'dist')}`);
  } else {
    const dir = args[0] ?? process.env.TRUNK_STAGING_DIR;
    if (!dir) {
      console.error('csp: no directory given and TRUNK_STAGING_DIR unset');
      process.exit(2);
    }
    run(dir);
  }
}
