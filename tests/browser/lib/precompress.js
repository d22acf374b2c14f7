// Writes a `.gz` (gzip -9) and a `.br` (brotli, quality 11) next to every
// text or wasm file of a built site, so the server can send the smaller
// encoding the browser accepts without compressing on every request.
//
//   node tests/browser/lib/precompress.js dist
//
// Prints one line: site_gzip_bytes=N site_brotli_bytes=M (the wasm, JS, CSS
// and HTML a browser downloads, as sent compressed).

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions worth compressing (images such as .png are already compressed). */
export const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|svg|json|txt|map)$/;
/** What counts as the shipped site in the size figures. */
export const SHIPPED = /\.(wasm|js|css|html)$/;

export function gzip(data) {
  return gzipSync(data, { level: 9 });
}

export function brotli(data) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** Compresses every eligible file of `root` (not recursive); returns the totals. */
export function precompress(root) {
  let gz = 0;
  let br = 0;
  for (const name of readdirSync(root)) {
    const file = join(root, name);
    if (!statSync(file).isFile() || !COMPRESSIBLE.test(name)) continue;
    const data = readFileSync(file);
    const g = gzip(data);
    const b = brotli(data);
    writeFileSync(`${file}.gz`, g);
    writeFileSync(`${file}.br`, b);
    if (SHIPPED.test(name)) {
      gz += g.length;
      br += b.length;
    }
  }
  return { gz, br };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'dist');
  const { gz, br } = precompress(root);
  console.log(
    `site_gzip_bytes=${gz} (${(gz / 1024).toFixed(1)} KiB) site_brotli_bytes=${br} (${(br / 1024).toFixed(1)} KiB)`,
  );
}
