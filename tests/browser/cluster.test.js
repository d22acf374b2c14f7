// The cluster view: a real election shows up as exactly one leader node,
// messages are drawn in flight, crashing the leader through the node's
// action bar elects a new one in a higher term, restart brings the node
// back as a follower, links cycle through their four states, and a message
// can be held, released and delivered from its card. Screenshots at laptop
// and projector sizes, during an election and with a partition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEADER, NODE, oneLeader, openApp, SCREENSHOT_DIR, setControl, setSpeed } from './lib/harness.js';

const WAIT = { timeout: 20000 };

async function shootCluster(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.querySelector('.cluster-view')?.scrollIntoView({ block: 'start' }));
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

test('election, messages, crash the leader, re-election, restart', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=en');
  assert.equal(await page.locator(NODE).count(), 5);
  for (const attr of ['data-role', 'data-term', 'data-commit', 'data-voted-for']) {
    assert.notEqual(await page.locator(`${NODE}[data-node-id="1"]`).getAttribute(attr), null, attr);
  }
  assert.equal(await page.locator(`${NODE}[data-node-id="1"]`).getAttribute('role'), 'button');
  // An election happens at the default speed: catch it for a screenshot.
  await page.waitForFunction(
    () => document.querySelector('[data-node-id][data-role=candidate],[data-node-id][data-role=precandidate]'),
    null,
    WAIT,
  );
  await shootCluster(page, 'cluster-election-1280');
  const first = await oneLeader(page);
  assert.ok(first.term >= 1);
  assert.match(await page.locator(LEADER).getAttribute('aria-label'), new RegExp(`^n${first.id}, Leader, term ${first.term}$`));
  // Heartbeats and their replies fly.
  await page.waitForFunction(() => document.querySelectorAll('[data-msg]').length > 0, null, WAIT);
  const kinds = await page.$$eval('[data-msg]', (els) => els.map((e) => e.dataset.msg));
  assert.ok(kinds.every((k) => /^(pre-vote|request-vote|append-entries)(-resp)?$/.test(k)), kinds.join());
  // The leader pulses as it sends AppendEntries.
  await page.waitForFunction(() => document.querySelector('.pulse'), null, WAIT);

  await setSpeed(page, 4); // 20 ticks/s
  await page.locator(`${NODE}[data-node-id="${first.id}"]`).click();
  assert.equal(await page.locator(`${NODE}[data-node-id="${first.id}"]`).getAttribute('aria-pressed'), 'true');
  await page.locator('[data-action=crash]').click();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-node-id="${id}"]`)?.dataset.role === 'crashed',
    first.id,
    WAIT,
  );
  assert.ok(await page.locator('[data-action=restart]').isEnabled());
  assert.ok(await page.locator('[data-action=crash]').isDisabled());
  await page.waitForFunction(
    ({ sel, term }) => {
      const ls = document.querySelectorAll(sel);
      return ls.length === 1 && Number(ls[0].dataset.term) > term;
    },
    { sel: LEADER, term: first.term },
    WAIT,
  );
  const second = await oneLeader(page);
  assert.notEqual(second.id, first.id);

  // The crashed node is still selected: restart it; it rejoins as a follower.
  await page.locator('[data-action=restart]').click();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-node-id="${id}"]`)?.dataset.role === 'follower',
    first.id,
    WAIT,
  );
  // Click again to deselect.
  await page.locator(`${NODE}[data-node-id="${first.id}"]`).click();
  await page.waitForFunction(() => !document.querySelector('.node-actions'), null, WAIT);
  await done();
});

test('a link cycles up → cut → one-way → other way → up, by click and by keyboard', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=en');
  await page.click('[data-action=pause]');
  const link = page.locator('[data-link="1-2"]');
  assert.equal(await page.locator('[data-link]').count(), 10);
  const states = [await link.getAttribute('data-link-state')];
  for (let i = 0; i < 4; i++) {
    await link.click();
    await page.waitForFunction(
      (prev) => document.querySelector('[data-link="1-2"]').dataset.linkState !== prev,
      states.at(-1),
      WAIT,
    );
    states.push(await link.getAttribute('data-link-state'));
  }
  assert.deepEqual(states, ['up', 'cut', 'one-way-a-b', 'one-way-b-a', 'up']);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-link="1-2"]').dataset.linkState === 'cut', null, WAIT);
  // Space on a focused link cycles it and does not toggle play.
  await page.keyboard.press(' ');
  await page.waitForFunction(
    () => document.querySelector('[data-link="1-2"]').dataset.linkState === 'one-way-a-b',
    null,
    WAIT,
  );
  assert.equal(await page.getAttribute('[data-testid=app]', 'data-playing'), 'false');
  await done();
});

test('a message can be held, released and delivered from its card', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=en');
  await oneLeader(page);
  await page.click('[data-action=pause]');
  for (let i = 0; i < 10 && (await page.locator('[data-msg]').count()) === 0; i++) {
    await page.click('[data-action=step]');
  }
  const id = await page.locator('[data-msg]').first().getAttribute('data-msg-id');
  const msg = page.locator(`[data-msg-id="${id}"]`);
  // Messages overlap at times: target the glyph itself.
  await msg.dispatchEvent('click');
  const card = page.locator(`[data-card-msg="${id}"]`);
  await card.waitFor(WAIT);
  // The card is this message's: its sender, receiver, id and term.
  const [from, to] = [await msg.getAttribute('data-from'), await msg.getAttribute('data-to')];
  const head = await card.locator('.message-card-head').textContent();
  assert.ok(head.includes(`n${from} → n${to}`) && head.includes(`#${id}`), head);
  const fields = await card
    .locator('.msg-fields > dt')
    .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
  const term = Number(Object.fromEntries(fields).term);
  const newest = Math.max(...(await page.$$eval(NODE, (els) => els.map((e) => Number(e.dataset.term)))));
  assert.ok(Number.isInteger(term) && term >= 1 && term <= newest, `term field ${JSON.stringify(fields)}`);
  await card.locator('[data-action=hold]').click();
  await page.waitForFunction((id) => document.querySelector(`[data-msg-id="${id}"]`)?.dataset.held === 'true', id, WAIT);
  // A held message stays in flight however long we wait.
  for (let i = 0; i < 6; i++) await page.click('[data-action=step]');
  assert.equal(await msg.getAttribute('data-held'), 'true');
  await card.locator('[data-action=release]').click();
  await page.waitForFunction((id) => document.querySelector(`[data-msg-id="${id}"]`)?.dataset.held === 'false', id, WAIT);
  await card.locator('[data-action=deliver]').click();
  await page.waitForFunction((id) => !document.querySelector(`[data-msg-id="${id}"]`), id, WAIT);
  await done();
});

test('manual delivery: due messages wait at the receiver, a second click delivers; duplicates are marked', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=en');
  const set = (sel, prop, value) => setControl(page, sel, prop, value);
  await set('[data-input=manual]', 'checked', true);
  await set('[data-input=duplicate]', 'value', '500');
  await page.waitForFunction(() => document.querySelector('[data-testid=cluster]')?.dataset.manual === 'true', null, WAIT);
  await setSpeed(page, 4);
  await page.waitForFunction(() => document.querySelector('[data-msg][data-duplicate=true]'), null, WAIT);
  await page.waitForFunction(() => document.querySelector('[data-msg].waiting'), null, WAIT);
  await page.click('[data-action=pause]');
  const id = await page.locator('[data-msg].waiting').first().getAttribute('data-msg-id');
  const msg = page.locator(`[data-msg-id="${id}"]`);
  await msg.dispatchEvent('click');
  const card = page.locator(`[data-card-msg="${id}"]`);
  await card.waitFor(WAIT);
  assert.match(await card.textContent(), /waiting for manual delivery/);
  await msg.dispatchEvent('click');
  await page.waitForFunction((id) => !document.querySelector(`[data-msg-id="${id}"]`), id, WAIT);
  await done();
});

test('reduced motion: no heartbeat pulses', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=en');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await page.locator('.cluster-view.reduced-motion').waitFor(WAIT);
  // A reload keeps the run, paused (issue 16): play it again.
  if (await page.locator('[data-action=play]').count()) await page.click('[data-action=play]');
  await setSpeed(page, 4);
  await oneLeader(page);
  await page.waitForFunction(() => document.querySelector('[data-msg=append-entries]'), null, WAIT);
  assert.equal(await page.locator('.pulse').count(), 0);
  await done();
});

test('keyboard: Enter selects a node and shows its actions', async (t) => {
  const { page, done } = await openApp(t, '?seed=1&lang=zh');
  await page.click('[data-action=pause]');
  const node = page.locator(`${NODE}[data-node-id="3"]`);
  assert.match(await node.getAttribute('aria-label'), /^n3，跟随者，任期 0$/);
  await node.focus();
  await page.keyboard.press('Enter');
  await page.locator('.node-actions [data-action=timeout]').waitFor(WAIT);
  assert.ok(await page.locator('[data-action=pause-node]').isEnabled());
  await page.locator('[data-action=pause-node]').click();
  await page.waitForFunction(() => document.querySelector('[data-node-id="3"]').dataset.role === 'paused', null, WAIT);
  assert.ok(await page.locator('[data-action=timeout]').isDisabled());
  await page.locator('[data-action=pause-node]').click();
  await page.waitForFunction(() => document.querySelector('[data-node-id="3"]').dataset.role === 'follower', null, WAIT);
  await page.locator('[data-action=timeout]').click();
  await page.waitForFunction(
    () => ['candidate', 'precandidate'].includes(document.querySelector('[data-node-id="3"]').dataset.role),
    null,
    WAIT,
  );
  await done();
});

for (const [width, height, nodes] of [
  [1280, 800, 5],
  [1920, 1080, 9],
]) {
  test(`partition at ${width}×${height}, ${nodes} nodes: majority and minority bubbles`, async (t) => {
    const { page, done } = await openApp(t, `?seed=1&lang=en&nodes=${nodes}`, { viewport: { width, height } });
    assert.equal(await page.locator(NODE).count(), nodes);
    assert.equal(await page.locator('[data-link]').count(), (nodes * (nodes - 1)) / 2);
    await setSpeed(page, 3);
    await page.waitForFunction(
      () => document.querySelector('[data-node-id] .tally'),
      null,
      { timeout: 30000 },
    );
    await shootCluster(page, `cluster-election-${width}-${nodes}`);
    await oneLeader(page);
    await page.click('[data-action=split]');
    await page.locator('[data-group=majority]').waitFor(WAIT);
    assert.equal(await page.locator('[data-group=minority]').count(), 1);
    await page.waitForTimeout(2500);
    await shootCluster(page, `cluster-partition-${width}-${nodes}`);
    await page.click('[data-action=heal]');
    await page.waitForFunction(() => !document.querySelector('[data-group]'), null, WAIT);
    await done();
  });
}
