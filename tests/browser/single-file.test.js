// The classroom file (scripts/build-single.sh → dist-single/raftlab.html)
// opens from file:// with no server and no network: every request it makes
// is the file itself or a data: URL, and the real Raft core elects a leader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, browser } from './lib/harness.js';

const SINGLE = resolve(process.env.RAFTLAB_SINGLE ?? join(DIST, '..', 'dist-single', 'raftlab.html'));

test('the single HTML file runs from file:// with no network', async (t) => {
  assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run bash scripts/build-single.sh after the site build`);
  const html = readFileSync(SINGLE, 'utf8');
  assert.doesNotMatch(html, /(?:src|href)="\/(?!\/)/, 'no reference to a file next to it');
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  const fileUrl = pathToFileURL(SINGLE).href;
  const requests = [];
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === fileUrl || url.startsWith(`${fileUrl}?`) || url.startsWith(`${fileUrl}#`) || url.startsWith('data:')) {
      return route.continue();
    }
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(`${fileUrl}?lang=en&seed=1`, { waitUntil: 'load' });
  await page.locator('[data-testid=app][data-ready=true]').waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1,
    null,
    { timeout: 30000 },
  );
  assert.equal(await page.locator('[data-node-id]').count(), 5);
  const tick = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  assert.ok(tick > 0, `the clock runs (tick ${tick})`);
  // The simulation in the file is the same build: the determinism fixture.
  const expected = readFileSync(new URL('../fixtures/trace_hash.txt', import.meta.url), 'utf8').trim();
  const hash = await page.evaluate(() => String(window.wasmBindings.raftlab_fixture_hash()));
  assert.equal(hash, expected);
  assert.deepEqual(refused, [], 'no request left the file');
  assert.deepEqual(errors, [], 'no console or page errors');
});
