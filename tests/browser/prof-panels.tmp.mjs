// Temporary profiling script (not a test): CDP CPU profile during fast play.
import { chromium } from 'playwright-core';
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
await speed(Number(process.env.SPEED ?? 7));
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.waitForTimeout(Number(process.env.MS ?? 4000));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
// inclusive time per function name: walk parents
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
let total = 0;
for (const [id, c] of counts) {
  total += c;
  const n = byId.get(id);
  const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + c);
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) {
    const f = byId.get(cur).callFrame.functionName;
    if (f && !seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + c); }
    cur = parent.get(cur);
  }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, c]) => `${(100 * c / total).toFixed(1)}% ${n.slice(0, 150)}`).join('\n');
console.log('TOTAL samples', total, '\n--- self\n' + top(self, 25));
const pat = new RegExp(process.env.PAT ?? 'components');
console.log('--- inclusive (filtered)\n' + top(new Map([...incl].filter(([n]) => pat.test(n))), 40));
await browser.close();
await srv.close();
