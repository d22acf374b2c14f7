// Through the UI controls alone: isolate the leader in a minority — it cannot
// commit — the majority elects a new leader; heal — the old leader steps down
// and its uncommitted entry is replaced (§5.3, §5.4: no split brain). Then
// rewind and fork: acting in the past discards the recorded future.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appAttr, LEADER, openApp, setSpeed } from './lib/harness.js';

test('an isolated leader cannot commit; on heal it steps down and its entry is replaced', async (t) => {
  const { page, screenshot, done } = await openApp(t, '?lang=en&seed=1');
  await setSpeed(page, 4); // 20 ticks/s
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, LEADER, { timeout: 20000 });
  // Wait until the leader's no-op is committed, so only the new command is at stake.
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.commit) >= 1, LEADER, {
    timeout: 20000,
  });
  const old = await page.getAttribute(LEADER, 'data-node-id');
  const oldTerm = Number(await page.getAttribute(LEADER, 'data-term'));
  const lastCell = async (node) =>
    page.evaluate((n) => {
      const cells = [...document.querySelectorAll(`[data-log-node="${n}"][data-log-index]`)];
      const c = cells.sort((a, b) => Number(a.dataset.logIndex) - Number(b.dataset.logIndex)).pop();
      return c ? { index: Number(c.dataset.logIndex), term: Number(c.dataset.logTerm), committed: c.dataset.committed } : null;
    }, node);
  const before = (await lastCell(old)).index;

  await page.click('[data-action=isolate-leader]');
  // A command sent only to the isolated leader is appended there but cannot commit.
  await page.selectOption('[data-input=target]', old);
  await page.fill('[data-input=command]', 'put lost 1');
  await page.click('[data-action=submit]');
  await page.waitForFunction(
    ({ n, i }) => document.querySelector(`[data-log-node="${n}"][data-log-index="${i}"]`),
    { n: old, i: before + 1 },
  );
  const orphan = await lastCell(old);
  assert.equal(orphan.committed, 'false');
  assert.equal(orphan.term, oldTerm);

  // The majority elects a new leader in a higher term.
  await page.waitForFunction(
    ({ sel, oldTerm }) => [...document.querySelectorAll(sel)].some((e) => Number(e.dataset.term) > oldTerm),
    { sel: LEADER, oldTerm },
    { timeout: 30000 },
  );
  assert.equal(await lastCell(old).then((c) => c.committed), 'false', 'the minority leader never commits');
  await screenshot('partition-isolated-leader');

  await page.click('[data-action=heal]');
  // The old leader steps down, and its entry at that index is replaced by the new leader's.
  await page.waitForFunction(
    ({ old, index, term }) => {
      const node = document.querySelector(`[data-node-id="${old}"]`);
      const cell = document.querySelector(`[data-log-node="${old}"][data-log-index="${index}"]`);
      return node?.dataset.role === 'follower' && cell && Number(cell.dataset.logTerm) !== term && cell.dataset.committed === 'true';
    },
    { old, index: orphan.index, term: orphan.term },
    { timeout: 30000 },
  );
  assert.equal(await page.locator(LEADER).count(), 1);
  assert.equal(await page.getAttribute('[data-testid=safety]', 'data-safety'), 'ok');
  await done();
});

test('rewind and fork: acting in the past discards the recorded future', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=2');
  await setSpeed(page, 5);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=app]')?.dataset.tick) > 120, null, {
    timeout: 20000,
  });
  await page.click('[data-action=pause]');
  const head = Number(await appAttr(page, 'data-tick'));
  for (let i = 0; i < 30; i++) await page.click('[data-action=back]');
  assert.equal(Number(await appAttr(page, 'data-tick')), head - 30);
  // The clock shows we are in the past, with the head still reachable.
  await page.locator('.clock .past').waitFor();
  // Act in the past: crash n1. History forks: the head becomes now.
  await page.click('[data-node-id="1"]');
  await page.click('[data-action=crash]');
  await page.waitForFunction(() => document.querySelector('[data-node-id="1"]')?.dataset.role === 'crashed');
  assert.equal(await page.locator('.clock .past').count(), 0, 'after acting, the present is the head again');
  assert.equal(Number(await appAttr(page, 'data-tick')), head - 30);
  await done();
});
