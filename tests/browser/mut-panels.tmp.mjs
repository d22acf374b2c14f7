// Temporary (not a test): DOM mutations per frame, grouped by panel.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const srv = await startServer({ root: process.env.DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await ctx.newPage();
await page.goto(`${srv.url}?lang=en&seed=3&nodes=9`);
await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, { timeout: 120000 });
const speed = async (v) => page.$eval('[data-input=speed]', (el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, v);
await speed(5);
for (let i = 0; i < 90; i++) { await page.fill('[data-input=command]', `put k${i % 9} v${i}`); await page.press('[data-input=command]', 'Enter'); }
await page.waitForTimeout(3000);
await speed(7);
const out = await page.evaluate(() => new Promise((resolve) => {
  const counts = {};
  let frames = 0;
  const area = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    const p = el?.closest('.logs,.events,.timeline,.inspector,.client,.safety,.cluster-pane,.toolbar,.settings');
    return p ? p.className.split(' ')[0] : 'other';
  };
  const mo = new MutationObserver((ms) => {
    for (const m of ms) {
      const k = `${area(m.target)} ${m.type}${m.type === 'attributes' ? ':' + m.attributeName : ''}`;
      counts[k] = (counts[k] ?? 0) + (m.type === 'childList' ? m.addedNodes.length + m.removedNodes.length : 1);
    }
  });
  mo.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  const end = performance.now() + 3000;
  const loop = (now) => { frames++; if (now < end) requestAnimationFrame(loop); else { mo.disconnect(); resolve({ frames, counts }); } };
  requestAnimationFrame(loop);
}));
console.log('frames', out.frames);
for (const [k, v] of Object.entries(out.counts).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / out.frames).toFixed(1).padStart(7), k);
await browser.close(); await srv.close();
