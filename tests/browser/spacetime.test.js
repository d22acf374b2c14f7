// The space-time diagram draws what the simulation did: every message the
// ring showed in flight becomes an arrow from its send tick to the tick it
// was delivered (or a cross where it died); clicking an arrow seeks there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const tick = (page) => page.getAttribute('[data-testid=app]', 'data-tick').then(Number);

async function pausedWithLeader(page) {
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, {
    timeout: 20000,
  });
  await page.click('[data-action=pause]');
}

test('arrows match the messages the simulation sent and delivered', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=3');
  await pausedWithLeader(page);
  await page.click('[data-action=view-spacetime]');
  const diagram = page.locator('[data-view=spacetime]');
  await diagram.waitFor();
  assert.equal(await diagram.locator('[data-lifeline]').count(), 5);
  await page.check('[data-input=st-heartbeats]');

  // Step 25 ticks, watching the ring's message pills.
  const seen = new Map(); // id -> { from, to, firstTick, goneAt }
  for (let i = 0; i < 25; i++) {
    const now = await tick(page);
    const pills = await page.$$eval('[data-msg-id]', (els) =>
      els.map((e) => ({ id: e.dataset.msgId, from: e.dataset.from, to: e.dataset.to })),
    );
    const ids = new Set(pills.map((p) => p.id));
    for (const p of pills) if (!seen.has(p.id)) seen.set(p.id, { ...p, firstTick: now, goneAt: null });
    for (const [id, m] of seen) if (m.goneAt === null && !ids.has(id)) m.goneAt = now;
    await page.click('[data-action=step]');
    await page.waitForFunction((p) => Number(document.querySelector('[data-testid=app]').dataset.tick) === p + 1, now);
  }
  assert.ok(seen.size > 10, `the ring showed only ${seen.size} messages`);
  const arrows = await diagram.locator('[data-st-msg]').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e) => [
        e.dataset.stMsg,
        { from: e.dataset.from, to: e.dataset.to, sent: Number(e.dataset.sent), delivered: e.dataset.delivered, kind: e.dataset.kind, dropped: e.classList.contains('dropped') },
      ]),
    ),
  );
  let delivered = 0;
  for (const [id, m] of seen) {
    const a = arrows[id];
    assert.ok(a, `message ${id} (n${m.from}→n${m.to}) has no arrow`);
    assert.deepEqual([a.from, a.to], [m.from, m.to], `message ${id} endpoints`);
    assert.ok(a.sent <= m.firstTick, `message ${id} sent at ${a.sent}, seen at ${m.firstTick}`);
    if (m.goneAt !== null && !a.dropped) {
      // It left the ring during the step that ended at tick goneAt.
      assert.equal(Number(a.delivered), m.goneAt, `message ${id} delivered tick`);
      delivered += 1;
    }
  }
  assert.ok(delivered > 5, `only ${delivered} deliveries checked`);

  // Clicking a delivered arrow seeks the run to its delivery tick.
  const end = await tick(page);
  const target = Object.entries(arrows).find(([, a]) => a.delivered && Number(a.delivered) < end - 3);
  assert.ok(target, 'a delivered arrow to click');
  await diagram.locator(`[data-st-msg="${target[0]}"]`).dispatchEvent('click');
  await page.waitForFunction((d) => Number(document.querySelector('[data-testid=app]').dataset.tick) === d, Number(target[1].delivered));
  await done();
});

// An arrow's 10-unit hit line is never painted (styles/panels.css) but
// still takes the pointer: a click 4 units beside the thin visible line,
// where only the hit line is, seeks to the arrow's delivery tick.
test('a pointer click beside an arrow line seeks to its delivery tick', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=3');
  await pausedWithLeader(page);
  for (let i = 0; i < 12; i++) await page.click('[data-action=step]');
  await page.click('[data-action=view-spacetime]');
  const diagram = page.locator('[data-view=spacetime]');
  await diagram.waitFor();
  await page.check('[data-input=st-heartbeats]');
  await diagram.locator('[data-st-msg]').first().waitFor();
  const end = await tick(page);
  const pick = await diagram.locator('[data-st-msg]').evaluateAll((els, end) => {
    for (const g of els) {
      const delivered = Number(g.dataset.delivered);
      if (!g.dataset.delivered || delivered >= end - 2) continue;
      g.scrollIntoView({ block: 'center' });
      const hit = g.querySelector('.st-hit');
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(hit.getAttribute(a)));
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len < 1) continue;
      // 4 units off the midpoint, along the line's normal, in screen pixels.
      const m = hit.getScreenCTM();
      const p = new DOMPoint((x1 + x2) / 2 - (4 * (y2 - y1)) / len, (y1 + y2) / 2 + (4 * (x2 - x1)) / len).matrixTransform(m);
      if (document.elementFromPoint(p.x, p.y) !== hit) continue;
      return { delivered, x: p.x, y: p.y };
    }
    return null;
  }, end);
  assert.ok(pick, 'an arrow whose hit line alone is beside its visible line');
  await page.mouse.click(pick.x, pick.y);
  await page.waitForFunction((d) => Number(document.querySelector('[data-testid=app]').dataset.tick) === d, pick.delivered);
  await done();
});

test('heartbeats collapse by default, filters and lanes can hide, both languages', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh&seed=3');
  await pausedWithLeader(page);
  for (let i = 0; i < 12; i++) await page.click('[data-action=step]'); // two heartbeat rounds
  await page.click('[data-action=view-spacetime]');
  const diagram = page.locator('[data-view=spacetime]');
  assert.equal(await diagram.getAttribute('aria-label'), '时空图');
  assert.ok((await diagram.locator('[data-st-mark=heartbeats]').count()) > 0, 'collapsed heartbeat marks');
  assert.ok((await diagram.locator('[data-st-mark=elected]').count()) >= 1, 'an election mark');
  // Collapsed: no single heartbeat arrow is drawn.
  const shown = await diagram.locator('[data-st-msg][data-kind=append-entries]').count();
  await page.check('[data-input=st-heartbeats]');
  assert.ok((await diagram.locator('[data-st-msg][data-kind=append-entries]').count()) > shown, 'heartbeats shown one by one');
  assert.equal(await diagram.locator('[data-st-mark=heartbeats]').count(), 0);
  // Hide every AppendEntries reply: none remains.
  await diagram.locator('[data-input=st-kind][data-kind=append-entries-resp]').uncheck();
  assert.equal(await diagram.locator('[data-st-msg][data-kind=append-entries-resp]').count(), 0);
  // A lane label cycles highlight → hidden; the hidden node gets a show button.
  const label = diagram.locator('[data-lifeline="2"] .st-label');
  await label.click();
  await label.click();
  assert.equal(await diagram.locator('[data-lifeline="2"]').count(), 0);
  await diagram.locator('[data-action=st-show-node][data-node="2"]').click();
  assert.equal(await diagram.locator('[data-lifeline="2"]').count(), 1);
  await done();
});
