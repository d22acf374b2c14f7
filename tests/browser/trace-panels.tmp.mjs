// Temporary (not a test): Chrome trace during fast play, time per event name.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const root = process.env.DIST;
const srv = await startServer({ root, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await ctx.newPage();
await page.goto(`${srv.url}?lang=en&seed=3&nodes=9`);
await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, { timeout: 120000 });
const speed = async (v) => page.$eval('[data-input=speed]', (el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, v);
await speed(5);
for (let i = 0; i < Number(process.env.CMDS ?? 90); i++) {
  await page.fill('[data-input=command]', `put k${i % 9} v${i}`);
  await page.press('[data-input=command]', 'Enter');
}
await page.waitForTimeout(3000);
if (process.env.HIDE) await page.addStyleTag({ content: process.env.HIDE + ' { display: none !important }' });
await speed(Number(process.env.SPEED ?? 7));
await page.waitForTimeout(500);
await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
const deltas = await page.evaluate(() => new Promise((resolve) => {
  const out = []; let last = performance.now(); const end = last + 4000;
  const loop = (now) => { out.push(now - last); last = now; if (now < end) requestAnimationFrame(loop); else resolve(out); };
  requestAnimationFrame(loop);
}));
await browser.stopTracing();
deltas.sort((a, b) => a - b);
console.log(`frames=${deltas.length} p50=${deltas[deltas.length >> 1].toFixed(1)} p95=${deltas[Math.floor(deltas.length * 0.95)].toFixed(1)}`);
const ev = JSON.parse(readFileSync('/tmp/prof/trace.json', 'utf8')).traceEvents;
const sum = new Map();
for (const e of ev) if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
console.log([...sum].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([n, d]) => `${d.toFixed(0).padStart(6)} ms ${n}`).join('\n'));
await browser.close();
await srv.close();
