// The first view's download, brotli-compressed as static hosts serve it, must stay within the
// number checked in at tests/size-budget.json. Bytes are deterministic for a given build, so this
// fails on a real regression, not on a busy machine. scripts/size.mjs counts the same files.
//   DIST=/path/to/dist node --test tests/e2e/size-budget.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './harness.mjs';
import { firstViewSizes } from '../../scripts/size.mjs';

const budget = JSON.parse(readFileSync(join(ROOT, 'tests', 'size-budget.json'), 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// scripts/wasm-build.sh records which toolchain built dist/. A stable fallback build (the pinned
// nightly could not be installed) is held to its own limit; any other dist/ to the strict one.
let toolchain = 'nightly';
try {
  toolchain = readFileSync(join(DIST, '.toolchain'), 'utf8').trim();
} catch {}
const limit = toolchain === 'stable' ? budget.stable_fallback_first_view_brotli_bytes : budget.first_view_brotli_bytes;

test('the budget file says what it limits and how to change it', () => {
  for (const k of ['first_view_brotli_bytes', 'stable_fallback_first_view_brotli_bytes']) {
    assert.ok(Number.isInteger(budget[k]) && budget[k] > 0, k);
  }
  assert.match(budget.comment, /reason in the commit message/);
});

test(`the first view downloads at most ${kb(limit)} brotli (${toolchain} build)`, () => {
  if (toolchain === 'stable') console.log('# dist/ was built with the stable fallback: checked against its larger limit');
  const { rows, total } = firstViewSizes(DIST);
  // A budget met by an empty or half-built dist/ proves nothing.
  for (const ext of ['.wasm', '.js', '.html', '.json']) {
    assert.ok(rows.some((r) => r.file.endsWith(ext)), `dist/ has a ${ext} file in the first view`);
  }
  // The stylesheet, inlined into the page (or, in a build that links it, its own file).
  const inline = /<style\b[^>]*>[\s\S]*\.site-header/.test(readFileSync(join(DIST, 'index.html'), 'utf8'));
  assert.ok(inline || rows.some((r) => r.file.endsWith('.css')), 'the stylesheet is in the first view');
  const table = rows.map((r) => `  ${r.file}: ${r.brotli} B`).join('\n');
  assert.ok(
    total.brotli <= limit,
    `the first view is ${total.brotli} B brotli (${kb(total.brotli)}), over the ${toolchain} budget of ${limit} B `
      + `in tests/size-budget.json by ${total.brotli - limit} B:\n${table}\n`
      + 'Make it smaller, or raise the budget with the reason in the commit message.',
  );
});
