// The app mounts, the wasm simulation is live (the clock advances and a
// leader is elected by the real Raft core), and nothing goes wrong on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

test('app mounts, the clock runs and a leader is elected', async (t) => {
  const { page, screenshot, done } = await openApp(t, '?lang=en&seed=1');

  assert.equal(await page.title(), 'raftlab — Raft, visible');
  const tick = async () => Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  const first = await tick();
  await page.waitForFunction(
    (t0) => Number(document.querySelector('[data-testid=app]')?.dataset.tick) > t0 + 5,
    first,
    { timeout: 15000 },
  );
  // Five nodes, exactly one leader eventually (default: 5 ticks/s, election
  // timeout 20–40 ticks, so within ~12 s).
  assert.equal(await page.locator('[data-node-id]').count(), 5);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1,
    null,
    { timeout: 20000 },
  );
  // Pausing stops the clock.
  await page.click('[data-action=pause]');
  const paused = await tick();
  await page.waitForTimeout(600);
  assert.equal(await tick(), paused);
  // Step advances exactly one tick.
  await page.click('[data-action=step]');
  await page.waitForFunction((p) => Number(document.querySelector('[data-testid=app]')?.dataset.tick) === p + 1, paused);

  await screenshot('smoke');
  await done();
});
