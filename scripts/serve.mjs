// A small static file server, like any static host: no rewrites, correct MIME types, optional
// base path (the app must work under a sub-path), optional CORS (partner datasets), optional
// compression (brotli, else gzip, for text and wasm, as GitHub Pages, Netlify and CDNs send).
//   node scripts/serve.mjs <dir> [port] [--base /some/path/] [--cors] [--compress]
// The end-to-end tests import `serve` to start several at once.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.ics', '.atom', '.xml']);

/** `body` (of `file`, stat `s`) compressed for a client that sent `accept`: [body, encoding or null]. */
function encode(body, accept, file, s, cache) {
  if (!COMPRESSIBLE.has(extname(file))) return [body, null];
  const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!enc) return [body, null];
  const key = `${enc}:${file}:${s.mtimeMs}:${s.size}`;
  if (!cache.has(key)) {
    cache.set(key, enc === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return [cache.get(key), enc];
}

/**
 * Starts a server; resolves to { url, close }. `headers` are added to every response;
 * `compress` sends text and wasm compressed to clients that accept it.
 */
export function serve({ dir, port = 0, base = '/', cors = false, headers = {}, compress = false }) {
  const cache = new Map();
  const root = resolve(dir);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const extra = { ...headers, ...(cors ? { 'access-control-allow-origin': '*' } : {}) };
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      // A host serving the app under a sub-path still answers its own 404 elsewhere.
      return send(404, 'Not found');
    }
    path = path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return send(403, 'Forbidden');
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        file = join(file, 'index.html');
        s = await stat(file);
      }
      const raw = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const [body, enc] = compress ? encode(raw, req.headers['accept-encoding'] ?? '', file, s, cache) : [raw, null];
      if (enc) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': enc, vary: 'accept-encoding', 'cache-control': 'no-store', ...extra });
        return res.end(body);
      }
      return send(200, body, type);
    } catch {
      return send(404, 'Not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ url: `http://127.0.0.1:${p}${base}`, port: p, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => args.includes(name);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--base'));
  const dir = positional[0] ?? 'dist';
  const port = Number(positional[1] ?? 8080);
  const { url } = await serve({ dir, port, base: opt('--base', '/'), cors: flag('--cors'), compress: flag('--compress') });
  console.log(`Serving ${dir} at ${url}`);
}
