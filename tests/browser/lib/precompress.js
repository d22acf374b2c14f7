// Writes a `.gz` (zopfli) and a `.br` (brotli, quality 11) next to every
// text or wasm file of a built site, so the server can send the smaller
// encoding the browser accepts without compressing on every request.
// zopfli is Debian's `zopfli` (scripts/lib.sh installs it): an encoder
// that searches harder than zlib, ~6 % smaller on the wasm, and its output
// is ordinary gzip that every browser decodes.
//
//   node tests/browser/lib/precompress.js dist
//
// Prints one line: site_gzip_bytes=N site_brotli_bytes=M (the wasm, JS, CSS
// and HTML a browser downloads, as sent compressed).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** Extensions worth compressing (images such as .png are already compressed). */
export const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|svg|json|txt|map)$/;
/** What counts as the shipped site in the size figures. */
export const SHIPPED = /\.(wasm|js|css|html)$/;

/** The gzip of `file` as zopfli writes it (5 iterations: 15 save ~20 bytes more). */
export function gzipFile(file) {
  try {
    return execFileSync('zopfli', ['--i5', '-c', file], { maxBuffer: 1 << 30 });
  } catch (e) {
    throw new Error(`zopfli failed on ${file} (apt-get install zopfli; scripts/lib.sh does): ${e.message}`);
  }
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
    const g = gzipFile(file);
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
