import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/harness.js';
import { startServer } from './lib/server.js';
const srv = await startServer({ root: process.env.RAFTLAB_DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e));
  await page.goto(`${srv.url}?lang=en&seed=1&nodes=${process.argv[2] ?? 5}`);
  await page.waitForSelector('[data-node-id]');
  await page.waitForFunction(() => document.querySelector("[data-role=candidate],[data-role=precandidate]"), null, { timeout: 30000 });
  await page.screenshot({ path: "/tmp/shots-cluster/probe.png" });
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(1500);
    console.log(await page.evaluate(() => document.querySelector('[data-testid=app]').dataset.tick + ' ' +
      [...document.querySelectorAll('[data-node-id]')].map(n => `${n.dataset.nodeId}:${n.dataset.role}:${n.dataset.term}`).join(' ') +
      ' L=' + [...document.querySelectorAll('[data-role=leader]')].map(e => e.tagName + '.' + e.className.baseVal + '|' + e.className).join(',') + ' msgs=' + document.querySelectorAll('[data-msg]').length));
  }
  await ctx.close();
} finally { await browser.close(); await srv.close(); }
