// scratch: screenshots for the cluster view (not a test)
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const DIST = process.env.RAFTLAB_DIST;
const OUT = process.env.OUT ?? '/tmp/shots-cluster';
const srv = await startServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const only = process.argv[2];
const L = '[data-node-id][data-role=leader]';
try {
  for (const [w, h, nodes, lang] of [[1280, 800, 5, 'en'], [1920, 1080, 9, 'en'], [1280, 800, 9, 'zh']]) {
    if (only && only !== `${w}-${nodes}-${lang}`) continue;
    const tag = `${w}-${nodes}-${lang}`;
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
    page.on('pageerror', (e) => console.log('pageerror', e));
    await page.goto(`${srv.url}?lang=${lang}&seed=1&nodes=${nodes}`);
    await page.waitForSelector('[data-node-id]');
    const shot = async (name) => {
      await page.locator('.cluster-view').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('.cluster-view').scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${OUT}/${name}-${tag}.png` });
    };
    await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=candidate],[data-node-id][data-role=precandidate]'), null, { timeout: 30000 });
    await page.waitForTimeout(400);
    await shot('election');
    await page.waitForFunction((L) => document.querySelectorAll(L).length === 1, L, { timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.click('[data-action=split]');
    await page.waitForTimeout(300);
    await page.locator('[data-link="1-2"]').dispatchEvent('click');
    await page.locator('[data-link="1-2"]').dispatchEvent('click');
    await page.waitForTimeout(3500);
    await page.locator('[data-node-id="2"]').dispatchEvent('click');
    await page.waitForTimeout(300);
    await shot('partition');
    await page.click('[data-action=pause]');
    for (let i = 0; i < 10 && (await page.locator('[data-msg=append-entries]').count()) === 0; i++) await page.click('[data-action=step]');
    const m = page.locator('[data-msg=append-entries]').first();
    if (await m.count()) { await m.dispatchEvent('click'); await page.waitForTimeout(200);
      await page.locator('[data-action=hold]').click(); await page.waitForTimeout(200); }
    await shot('message');
    await ctx.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
