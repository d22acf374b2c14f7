import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const srv = await startServer({ root: process.env.RAFTLAB_DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const css = process.argv[2] ?? '';
try {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await page.goto(`${srv.url}?lang=en&seed=1&nodes=9`);
  await page.waitForSelector('[data-node-id]');
  if (css) await page.addStyleTag({ content: css });
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, { timeout: 30000 });
  await page.evaluate(() => { const s = document.querySelector('[data-input=speed]'); s.value = s.max; s.dispatchEvent(new Event('input', { bubbles: true })); });
  for (let i = 0; i < 30; i++) { await page.fill('[data-input=command]', `put k${i % 7} v${i}`); await page.click('[data-action=submit]'); }
  await browser.startTracing(page, { path: '/tmp/trace-cluster.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'] });
  await page.waitForTimeout(3000);
  await browser.stopTracing();
  const ev = JSON.parse(readFileSync('/tmp/trace-cluster.json')).traceEvents;
  // main thread = CrRendererMain
  const main = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const agg = {}; const cnt = {};
  for (const e of ev) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    agg[e.name] = (agg[e.name] ?? 0) + (e.dur ?? 0) / 1000;
    cnt[e.name] = (cnt[e.name] ?? 0) + 1;
  }
  const frames = cnt['ProxyMain::BeginMainFrame'];
  const line = ['ProxyMain::BeginMainFrame', 'Paint', 'Layerize', 'FunctionCall', 'Document::recalcStyle', 'PrePaint', 'Commit'].map((k) => `${k.replace(/.*::/, '')}=${((agg[k] ?? 0) / frames).toFixed(2)}`).join(' ');
  console.log(`${css || 'base'}: frames=${frames} per-frame ms: ${line}`);
  await ctx.close();
} finally { await browser.close(); await srv.close(); }
