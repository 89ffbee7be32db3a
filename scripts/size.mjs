// Sizes of the first view, raw and brotli (quality 11, as static hosts precompress), against
// the 150 KB aim. Prints a table; `--json` prints the figures for the benchmark report.
// `firstViewSizes` is also what tests/e2e/size-budget.test.mjs checks against
// tests/size-budget.json, so the budget and this table always count the same files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

export const AIM = 150 * 1024;

/** What the default view downloads: the prerendered overview (`index.html`, not every static
 * page, with the stylesheet inlined), the scripts, stylesheets and wasm that page names, and the
 * default dataset. `embed.js` is not part of it (partners load it on their own pages), nor is
 * the embed builder's wasm (`embed-builder.html` loads it), as `index.html` names neither. */
const firstView = (dist) => {
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = new Set([...page.matchAll(/['"]\.\/([\w.-]+\.(?:js|wasm|css))(?:\?[^'"]*)?['"]/g)].map((m) => m[1]));
  return (f) => named.has(f) || f === 'index.html' || f === join('data', 'un-cyber-processes.json');
};

export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** `{ rows: [{file, raw, brotli}], total: {raw, brotli} }`, largest first. */
export function firstViewSizes(dist) {
  const rows = [];
  const inFirstView = firstView(dist);
  const walk = (rel) => {
    for (const name of readdirSync(join(dist, rel))) {
      const r = join(rel, name);
      if (name.startsWith('.')) continue;
      if (statSync(join(dist, r)).isDirectory()) walk(r);
      else if (inFirstView(r)) {
        const raw = readFileSync(join(dist, r));
        rows.push({ file: r, raw: raw.length, brotli: brotli(raw) });
      }
    }
  };
  walk('');
  rows.sort((a, b) => b.brotli - a.brotli);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
  return { rows, total };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const { rows, total } = firstViewSizes(dist);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ rows, total, budget: AIM }));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
    console.log('file'.padEnd(48) + 'raw'.padStart(11) + 'brotli'.padStart(11));
    for (const r of rows) console.log(r.file.padEnd(48) + kb(r.raw) + kb(r.brotli));
    console.log('first view total'.padEnd(48) + kb(total.raw) + kb(total.brotli)
      + `   (${total.brotli} B; aim ${AIM / 1024} KB: ${total.brotli <= AIM ? 'within' : 'over'})`);
  }
}
