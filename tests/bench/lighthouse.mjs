// Lighthouse (mobile preset) on the overview and an explainer of a built dist/, 3 runs each,
// medians printed, in both throttling modes: Lighthouse's default simulation ("simulate") and
// real throttling applied to the browser ("devtools"). Prints figures and asserts nothing.
// dist/ is served compressed (brotli), as static hosts serve it; `--raw` serves it as files.
//   node tests/bench/lighthouse.mjs [--dist DIR] [--raw]
// Lighthouse is installed on first use into .tools/lighthouse (pinned below), not with the
// project's other tools: only this benchmark needs it.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, ROOT } from '../e2e/harness.mjs';

const VERSION = '12.8.2';
const RUNS = 3;
const argv = process.argv.slice(2);
const at = argv.indexOf('--dist');
const DIST = resolve(at >= 0 ? argv[at + 1] : join(ROOT, 'dist'));
const tools = join(ROOT, '.tools', 'lighthouse');
const bin = join(tools, 'node_modules', '.bin', 'lighthouse');
if (!existsSync(bin)) {
  mkdirSync(tools, { recursive: true });
  console.error(`installing lighthouse ${VERSION} into ${tools}`);
  execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${VERSION}`], { stdio: 'inherit' });
}

const run = promisify(execFile);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RAW = argv.includes('--raw');
const server = await serve({ dir: DIST, compress: !RAW });
const pages = [['overview', 'index.html'], ['explainer', 'p/uncc.html']];
const out = join(ROOT, 'target', 'lighthouse');
mkdirSync(out, { recursive: true });
const rows = [];
for (const method of ['simulate', 'devtools']) {
  for (const [name, path] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const file = join(out, `${name}-${method}-${i}.json`);
      // Asynchronously: the server runs in this process and must keep answering.
      await run(bin, [`${server.url}${path}`, '--quiet', `--throttling-method=${method}`,
        '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${file}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, timeout: 180_000 });
      runs.push(JSON.parse(readFileSync(file, 'utf8')));
    }
    const score = (k) => median(runs.map((r) => Math.round(r.categories[k].score * 100)));
    const ms = (a) => median(runs.map((r) => r.audits[a].numericValue));
    rows.push([name, method, score('performance'), score('accessibility'), score('best-practices'), score('seo'),
      (ms('first-contentful-paint') / 1000).toFixed(2), (ms('largest-contentful-paint') / 1000).toFixed(2),
      Math.round(ms('total-blocking-time')), ms('cumulative-layout-shift').toFixed(4)]);
  }
}
await server.close();
console.log(`Lighthouse ${VERSION}, mobile preset, median of ${RUNS} runs; dist/ served ${RAW ? 'uncompressed' : 'with brotli'} by scripts/serve.mjs\n`);
const head = ['page', 'throttling', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP s', 'LCP s', 'TBT ms', 'CLS'];
console.log(head.join(' | '));
console.log(head.map(() => '---').join(' | '));
for (const r of rows) console.log(r.join(' | '));
