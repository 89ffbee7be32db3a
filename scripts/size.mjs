// Sizes of the first view, raw and brotli (quality 11, as static hosts precompress), against
// the 150 KB budget. Prints a table; `--json` prints the figures for the benchmark report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET = 150 * 1024;
// One page is the first view: the prerendered overview (index.html), not every static page.
const firstView = (f) =>
  ['.css', '.js', '.wasm'].includes(extname(f)) || f === 'index.html' || f === join('data', 'un-cyber-processes.json');
const rows = [];
function walk(dir, rel = '') {
  for (const name of readdirSync(join(dir, rel))) {
    const r = join(rel, name);
    if (name.startsWith('.')) continue;
    if (statSync(join(dir, r)).isDirectory()) walk(dir, r);
    else if (firstView(r) && r !== '404.html' && !r.startsWith('partner')) {
      const raw = readFileSync(join(dir, r));
      const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      rows.push({ file: r, raw: raw.length, brotli: br });
    }
  }
}
walk(dist);
rows.sort((a, b) => b.brotli - a.brotli);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, total, budget: BUDGET }));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
  console.log('file'.padEnd(48) + 'raw'.padStart(11) + 'brotli'.padStart(11));
  for (const r of rows) console.log(r.file.padEnd(48) + kb(r.raw) + kb(r.brotli));
  console.log('first view total'.padEnd(48) + kb(total.raw) + kb(total.brotli) + `   (budget ${BUDGET / 1024} KB: ${total.brotli <= BUDGET ? 'within' : 'OVER'})`);
}
