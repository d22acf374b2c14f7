// Writes one self-contained HTML file from a built site: the CSS, the icon,
// the JavaScript glue and the wasm are inlined, so the page opens from
// file:// with no server and no network ("download, double-click").
//
//   node scripts/build-single.mjs [dist] [out.html]
//
// Defaults: dist/ → dist-single/raftlab.html. Run by scripts/build-single.sh.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { siteArgs } from './lib/args.mjs';

const { dist, fail } = siteArgs('build-single');
const out = resolve(process.argv[3] ?? join(dist, '..', 'dist-single', 'raftlab.html'));

const read = (href) => {
  const name = href.replace(/^\.?\//, '');
  if (name.includes('/') || name.includes('..')) fail(`unexpected asset path ${href}`);
  return readFileSync(join(dist, name));
};

let html = readFileSync(join(dist, 'index.html'), 'utf8');

// Stylesheets → <style>.
// (Release builds minify index.html: attributes may be unquoted and in any order.)
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const links = (rel) => new RegExp(`<link\\b(?=[^>]*\\srel="?(?:${rel})"?[\\s>])[^>]*>`, 'g');
html = html.replace(links('stylesheet'), (tag) => `<style>\n${read(attr(tag, 'href'))}\n</style>`);
// The icon → a data: URL.
html = html.replace(
  links('icon'),
  (tag) => `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${read(attr(tag, 'href')).toString('base64')}">`,
);
// Preload hints point at files that no longer exist.
html = html.replace(links('modulepreload|preload'), '');

// trunk's loader: `import init, * as bindings from '/x.js'; await init({ module_or_path: '/x_bg.wasm' })`.
const loader = /<script type="?module"?>\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);([\s\S]*?)<\/script>/;
const m = html.match(loader);
if (!m) fail("trunk's module loader was not found in index.html (has trunk's output changed?)");
const [, jsHref, wasmHref, rest] = m;
const js = read(jsHref).toString('base64');
const wasm = read(wasmHref).toString('base64');
const inline = `<script type="module">
// Inlined by scripts/build-single.mjs: the wasm as base64, the glue as a data: module.
const text = atob(${JSON.stringify(wasm)});
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
const bindings = await import("data:text/javascript;base64,${js}");
const wasm = await bindings.default({ module_or_path: bytes });${rest.replace(/^\s*/, '\n')}</script>`;
html = html.replace(loader, () => inline);

for (const left of html.matchAll(/\s(?:href|src)="?(\/[^"\s>]*)/g)) fail(`a reference to ${left[1]} is left`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single_file=${out} bytes=${Buffer.byteLength(html)}`);
