import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const srv = await startServer({ root: process.env.RAFTLAB_DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const variants = JSON.parse(process.argv[2] ?? '{"base": ""}');
try {
  for (const [name, css] of Object.entries(variants)) {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}?lang=en&seed=1&nodes=9`);
    await page.waitForSelector('[data-node-id]');
    if (css) await page.addStyleTag({ content: css });
    await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, { timeout: 30000 });
    await page.evaluate(() => { const s = document.querySelector('[data-input=speed]'); s.value = s.max; s.dispatchEvent(new Event('input', { bubbles: true })); });
    for (let i = 0; i < 30; i++) { await page.fill('[data-input=command]', `put k${i % 7} v${i}`); await page.click('[data-action=submit]'); }
    const cdp = await ctx.newCDPSession(page); await cdp.send('Performance.enable');
    const m0 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const deltas = await page.evaluate(() => new Promise((resolve) => { const out = []; let last = performance.now(); const end = last + 5000;
      const loop = (now) => { out.push(now - last); last = now; if (now < end) requestAnimationFrame(loop); else resolve(out); }; requestAnimationFrame(loop); }));
    const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const per = (k) => ((m1[k] - m0[k]) * 1000 / deltas.length).toFixed(2);
    const msgs = await page.locator('[data-msg]').count();
    console.log(`  per-frame ms: task=${per('TaskDuration')} script=${per('ScriptDuration')} style=${per('RecalcStyleDuration')} layout=${per('LayoutDuration')}`);
    console.log(`${name}: frames=${deltas.length} p50=${pct(deltas, 50).toFixed(1)} p95=${pct(deltas, 95).toFixed(1)} max=${Math.max(...deltas).toFixed(1)} msgs=${msgs} dom=${await page.evaluate(() => document.getElementsByTagName('*').length)}`);
    await ctx.close();
  }
} finally { await browser.close(); await srv.close(); }
