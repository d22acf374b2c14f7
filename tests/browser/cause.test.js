// "Show the cause": a run that broke safety (one per unsafe switch, made by
// `cargo run --example cause_links`, which scripts/test.sh runs first) opens
// with a red badge; the button travels to the tick where a node broke the
// rule the switch allows, names it, and marks it on the space-time diagram.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib/harness.js';

const file = fileURLToPath(new URL('./generated/cause-links.json', import.meta.url));
const links = JSON.parse(readFileSync(file, 'utf8'));
const tick = (page) => page.getAttribute('[data-testid=app]', 'data-tick').then(Number);

test('the links cover every unsafe switch of the core', () => {
  assert.deepEqual(
    links.map((l) => l.switch),
    [
      'vote-without-log-check', 'commit-old-term-by-counting', 'forget-vote-on-restart', 'accept-stale-leader',
      'one-step-membership-change', 'stale-leader-read',
    ],
  );
});

for (const entry of links) {
  const lang = ['forget-vote-on-restart', 'one-step-membership-change'].includes(entry.switch) ? 'zh' : 'en';
  test(`show-cause lands on the causing tick: ${entry.switch} (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}#${entry.link}`);
    await page.locator('[data-testid=safety][data-safety=violated]').waitFor();
    assert.equal(await tick(page), entry.violation_tick);
    await page.click('[data-action=show-cause]');
    await page.waitForFunction((c) => Number(document.querySelector('[data-testid=app]').dataset.tick) === c, entry.cause_tick);
    const panel = page.locator('[data-testid=cause]');
    assert.equal(await panel.getAttribute('data-cause-switch'), entry.switch);
    assert.equal(Number(await panel.getAttribute('data-cause-tick')), entry.cause_tick);
    const text = await panel.textContent();
    assert.match(text, lang === 'zh' ? /不安全：/ : /UNSAFE: /);
    // The node that broke the rule is selected in the ring and marked on the diagram.
    const node = await panel.getAttribute('data-cause-node');
    assert.equal(await page.locator(`[data-node-id="${node}"][aria-pressed=true]`).count(), 1);
    const mark = page.locator(`[data-view=spacetime] [data-st-mark=cause][data-tick="${entry.cause_tick}"]`);
    assert.equal(await mark.count(), 1);
    // The messages the node exchanged at that tick with the others involved
    // are marked on the diagram (none for a rule broken on restart or alone).
    const involved = (await panel.getAttribute('data-cause-nodes')).split(' ').map((x) => Number(x.slice(1)));
    const arrows = await page.$$eval('[data-view=spacetime] [data-st-msg][data-st-cause=true]',
      (els) => els.map((e) => ({ from: Number(e.dataset.from), to: Number(e.dataset.to), sent: Number(e.dataset.sent), delivered: e.dataset.delivered })));
    for (const a of arrows) {
      assert.ok(a.from === Number(node) || a.to === Number(node), JSON.stringify(a));
      assert.ok(involved.includes(a.from) && involved.includes(a.to), JSON.stringify(a));
      assert.ok(a.sent === entry.cause_tick || Number(a.delivered) === entry.cause_tick, JSON.stringify(a));
    }
    if (['vote-without-log-check', 'accept-stale-leader'].includes(entry.switch)) assert.ok(arrows.length > 0, 'no cause arrow');
    // Back to the violation.
    await page.click('[data-action=cause-back]');
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid=app]').dataset.tick) === v, entry.violation_tick);
    await page.locator('[data-testid=safety][data-safety=violated]').waitFor();
    // At the violation, every log cell holding an entry it names is marked,
    // and no other cell (the list comes from the native cause_entries).
    const marked = await page.$$eval('[data-log-index][data-cause-cell=true]',
      (cells) => cells.map((c) => [Number(c.dataset.logIndex), Number(c.dataset.logTerm)]));
    const want = new Set(entry.cause_entries.map(([i, t]) => `${i}@${t}`));
    assert.ok(marked.every(([i, t]) => want.has(`${i}@${t}`)), `marked ${JSON.stringify(marked)}`);
    for (const [i, tm] of entry.cause_entries) {
      const cells = await page.locator(`[data-log-index="${i}"][data-log-term="${tm}"]`).count();
      const hit = await page.locator(`[data-log-index="${i}"][data-log-term="${tm}"][data-cause-cell=true]`).count();
      assert.equal(hit, cells, `entry ${i}@${tm}`);
    }
    // A linearizability violation's conflicting operations stand out on
    // the client lane, and only they.
    const conflict = await page.$$eval('[data-view=spacetime] [data-st-op][data-st-conflict=true]',
      (ops) => ops.map((o) => Number(o.dataset.stOp)));
    assert.deepEqual(conflict.sort((a, b) => a - b), entry.conflict_ops);
    await done();
  });
}
