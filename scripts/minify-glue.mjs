// Minifies the wasm-bindgen JavaScript glue of a built site in place and
// updates its integrity hash in index.html (issue 15: the shipped size).
//
//   node scripts/minify-glue.mjs dist
//
// trunk's own minifier gives up on this glue ("RequiredTokenNotFound …
// KeywordDefault": it cannot parse `export { … as default }`) and ships it
// unminified. esbuild (Debian's `esbuild`, scripts/lib.sh installs it)
// minifies it as an ES module, keeping every export name. Running it again
// on minified glue is harmless. Prints one line: glue_js=NAME bytes=A->B.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteArgs } from './lib/args.mjs';

const { dist, fail } = siteArgs('minify-glue');

const indexFile = join(dist, 'index.html');
let html = readFileSync(indexFile, 'utf8');
// trunk's modulepreload hint names the glue and carries its SRI hash
// (release builds minify index.html: attributes may be unquoted).
const link = html.match(/<link\b[^>]*\bhref="?\/?([^"\s>]+\.js)"?[^>]*>/);
if (!link) fail('no <link> to the JavaScript glue in index.html (has trunk output changed?)');
const name = link[1];
if (name.includes('/') || name.includes('..')) fail(`unexpected glue path ${name}`);
const file = join(dist, name);
const before = readFileSync(file);

let after;
try {
  after = execFileSync('esbuild', ['--minify', '--format=esm', '--log-level=warning', file], {
    maxBuffer: 1 << 28,
  });
} catch (e) {
  fail(`esbuild failed on ${name} (apt-get install esbuild; scripts/lib.sh does): ${e.message}`);
}
if (after.length === 0) fail(`esbuild wrote nothing for ${name}`);
writeFileSync(file, after);

// Every integrity attribute that held the old hash now gets the new one.
for (const algo of ['sha256', 'sha384', 'sha512']) {
  const old = `${algo}-${createHash(algo).update(before).digest('base64')}`;
  const now = `${algo}-${createHash(algo).update(after).digest('base64')}`;
  html = html.split(old).join(now);
}
writeFileSync(indexFile, html);
console.log(`glue_js=${name} bytes=${before.length}->${after.length}`);
