// A tiny static file server for dist/, bound to loopback only.
//
// Precompressed files: when `X.br` or `X.gz` lies next to `X` (the build
// writes them, see precompress.js) and the request's Accept-Encoding allows
// it, the server sends that file with Content-Encoding (brotli preferred),
// the content type of `X` and `Vary: Accept-Encoding`.
//
//   import { startServer } from './lib/server.js';
//   const { url, close } = await startServer({ root, port: 0 });
//
// Run directly (scripts/serve.sh does): node lib/server.js <root> [port]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The encodings a request accepts, from its Accept-Encoding header (q=0 refuses). */
export function acceptedEncodings(header = '') {
  const out = new Set();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** The precompressed variant of `file` to send, if one exists and is accepted. */
async function pickEncoded(file, acceptHeader) {
  const accepted = acceptedEncodings(acceptHeader);
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!accepted.has(encoding) && !accepted.has('*')) continue;
    try {
      const info = await stat(file + ext);
      if (info.isFile()) return { encoding, path: file + ext, size: info.size };
    } catch {
      // no such variant
    }
  }
  return null;
}

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no ../ escapes
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = join(candidate, 'index.html');
      return (await stat(index)).isFile() ? index : null;
    }
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Serve `root` on 127.0.0.1. `port: 0` picks a free ephemeral port.
 * Resolves to { url, port, close() } once listening.
 */
export function startServer({ root, port = 0, log = false } = {}) {
  const absRoot = resolve(root);
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, `http://${HOST}`);
    const file = await resolveFile(absRoot, pathname);
    if (log) console.log(`${req.method} ${pathname} ${file ? 200 : 404}`);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(file ? 'method not allowed\n' : 'not found\n');
      return;
    }
    const encoded = await pickEncoded(file, req.headers['accept-encoding']);
    const headers = {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (encoded) {
      headers['content-encoding'] = encoded.encoding;
      headers['content-length'] = String(encoded.size);
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(encoded ? encoded.path : file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

// CLI: node lib/server.js <root> [port]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  let url;
  try {
    ({ url } = await startServer({ root, port, log: process.env.LOG_REQUESTS === '1' }));
  } catch (error) {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is taken: try PORT=${port + 1})` : '';
    console.error(`cannot serve ${root} on ${HOST}:${port}${hint}: ${error.message}`);
    process.exit(1);
  }
  console.log(`raftlab is being served at ${url}  (Ctrl-C to stop)`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
