// The replication-mode switch (issue 11 §4, contract data-input="replication-mode"
// with values async|semi-sync|sync|raft) and the guided scenario that contrasts
// the modes, in English and Chinese, against the real wasm simulation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setSpeed, submit } from './lib/harness.js';

const WAIT = { timeout: 30000 };

const TEXT = {
  en: { ack: /acknowledged by n\d at tick \d+ before commit/, hint: /acknowledged write/, label: /Asynchronous/ },
  zh: { ack: /提交前就已应答/, hint: /已确认的写入/, label: /异步复制/ },
};

for (const lang of ['en', 'zh']) {
  test(`replication mode switch: all four values, async answers before commit (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`);
    const select = page.locator('[data-input=replication-mode]');
    assert.equal(await select.inputValue(), 'raft', 'Raft by default');
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(values, ['async', 'semi-sync', 'sync', 'raft']);
    assert.match(await select.locator('option[value=async]').textContent(), TEXT[lang].label);

    await setSpeed(page, 4);
    await page.waitForSelector('[data-node-id][data-role=leader]', WAIT);
    await select.selectOption('async');
    await page.waitForSelector('[data-mode-hint=async]');
    assert.match(await page.textContent('[data-mode-hint]'), TEXT[lang].hint);
    await submit(page, 'put x 1');
    const op = page.locator('[data-op-status=acknowledged]');
    await op.waitFor(WAIT);
    assert.match(await op.textContent(), TEXT[lang].ack);
    await page.waitForSelector('[data-event=write-acknowledged]', WAIT);

    // Every other value is accepted and shown back; the run goes on.
    for (const v of ['semi-sync', 'sync', 'raft']) {
      await select.selectOption(v);
      await page.waitForSelector(`[data-mode-hint="${v}"]`);
      assert.equal(await select.inputValue(), v);
    }
    await screenshot(`replication-mode-${lang}`);
    await done();
  });
}

test('full sync: a crashed follower leaves the write unanswered; its return answers it', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1&nodes=3');
  await setSpeed(page, 4);
  await page.waitForSelector('[data-node-id][data-role=leader]', WAIT);
  await page.locator('[data-input=replication-mode]').selectOption('sync');
  const follower = await page.getAttribute('[data-node-id][data-role=follower]', 'data-node-id');
  await page.click(`[data-node-id="${follower}"]`);
  await page.click(`[data-actions-for="${follower}"] [data-action=crash]`);
  await page.waitForSelector(`[data-node-id="${follower}"][data-role=crashed]`, WAIT);
  await submit(page, 'put y 2');
  await page.waitForSelector('[data-op-status=pending]', WAIT);
  const start = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid=app]').dataset.tick) > s + 60,
    start,
    WAIT,
  );
  assert.equal(await page.locator('[data-op-status=acknowledged]').count(), 0, 'no answer while a follower is down');
  assert.equal(await page.locator('[data-op-status=pending]').count(), 1);
  // The node's action panel is still open from the crash.
  await page.click(`[data-actions-for="${follower}"] [data-action=restart]`);
  await page.waitForSelector('[data-op-status=acknowledged]', WAIT);
  await done();
});

test('the replication-modes scenario ends with the lost write flagged (badge red)', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="replication-modes"]');
  const steps = Number(await page.getAttribute('[data-testid=narration]', 'data-steps'));
  for (let k = 1; k < steps; k++) {
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`[data-testid=narration][data-step="${k}"]`);
    const safety = await page.getAttribute('[data-testid=safety]', 'data-safety');
    assert.equal(safety, k < steps - 1 ? 'ok' : 'violated', `step ${k + 1}: badge`);
  }
  assert.equal(await page.locator('[data-op-status=acknowledged]').count(), 4);
  await done();
});
