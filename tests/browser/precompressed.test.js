// The local server sends the precompressed `.br` / `.gz` next to a file when
// the browser accepts that encoding (brotli first), with the original's
// content type; otherwise the file itself. The built site ships both
// variants of every file, each decoding to the original bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST } from './lib/harness.js';
import { COMPRESSIBLE, precompress } from './lib/precompress.js';
import { acceptedEncodings, startServer } from './lib/server.js';

function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('Accept-Encoding is parsed with q=0 meaning refused', () => {
  assert.deepEqual([...acceptedEncodings('gzip, deflate, br, zstd')], ['gzip', 'deflate', 'br', 'zstd']);
  assert.deepEqual([...acceptedEncodings('br;q=0, gzip;q=0.5')], ['gzip']);
  assert.deepEqual([...acceptedEncodings('')], []);
});

test('the server sends brotli, then gzip, then the plain file, as accepted', async () => {
  const root = mkdtempSync(join(tmpdir(), 'raftlab-precompressed-'));
  const js = Buffer.from('export const answer = 42;\n'.repeat(200));
  writeFileSync(join(root, 'app.js'), js);
  writeFileSync(join(root, 'plain.txt'), 'no variants\n');
  precompress(root);
  rmSync(join(root, 'plain.txt.gz'));
  rmSync(join(root, 'plain.txt.br'));
  const srv = await startServer({ root, port: 0 });
  try {
    const br = await get(`${srv.url}app.js`, 'gzip, deflate, br');
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.ok(br.body.length < js.length / 10, `${br.body.length} compressed bytes`);
    assert.deepEqual(brotliDecompressSync(br.body), js);

    const gz = await get(`${srv.url}app.js`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), js);

    const refused = await get(`${srv.url}app.js`, 'br;q=0, identity');
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.deepEqual(refused.body, js);

    const none = await get(`${srv.url}app.js`);
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.body, js);

    const plain = await get(`${srv.url}plain.txt`, 'br, gzip');
    assert.equal(plain.headers['content-encoding'], undefined, 'no variant on disk: the file itself');
    assert.equal(plain.body.toString(), 'no variants\n');
  } finally {
    await srv.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the built site ships a .br and a .gz of every file, each decoding to it', { skip: !existsSync(DIST) }, () => {
  const files = readdirSync(DIST).filter((f) => COMPRESSIBLE.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')), `a wasm in ${DIST}`);
  for (const f of files) {
    const original = readFileSync(join(DIST, f));
    assert.deepEqual(brotliDecompressSync(readFileSync(join(DIST, `${f}.br`))), original, `${f}.br`);
    assert.deepEqual(gunzipSync(readFileSync(join(DIST, `${f}.gz`))), original, `${f}.gz`);
  }
});
