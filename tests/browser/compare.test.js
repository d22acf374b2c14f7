// A/B comparison and challenge mode (issue 14), at 1920x1080 in English and
// Chinese, against the real wasm simulation: each side in data-pane=a|b with
// its own nodes, the first divergence (data-divergence-tick) named in words
// built from both runs, teacher actions applied to both sides, opening from
// the button, a scenario and the URL; and "Break it" reaching the red badge
// with a score (data-challenge-score) and the cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, APP, setSpeed, submit } from './lib/harness.js';

const VIEWPORT = { viewport: { width: 1920, height: 1080 } };
const WAIT = { timeout: 30000 };

const TEXT = {
  en: {
    prevote: 'A: n2 became candidate in term 1; B: n2 became pre-candidate in term 0.',
    stepDown: /A: n(\d) stayed leader in term (\d+); B: n\1 became follower in term \2\./,
    headA: /^A — CheckQuorum off/,
    headB: /^B — CheckQuorum on/,
    offer: /Compare with PreVote off/,
    paneB: /^B — PreVote off/,
    rules: /Loosened: async/,
    whole: /no sequence of actions can break safety/,
    cause: /asynchronous replication/,
  },
  zh: {
    prevote: 'A：n2 在任期 1 成为候选人；B：n2 在任期 0 成为预候选人。',
    stepDown: /A：n(\d) 仍是任期 (\d+) 的领导者；B：n\1 在任期 \2 成为跟随者。/,
    headA: /^A — CheckQuorum 关闭/,
    headB: /^B — CheckQuorum 开启/,
    offer: /对比：预投票 关闭/,
    paneB: /^B — 预投票 关闭/,
    rules: /已放松的规则：async/,
    whole: /任何操作序列都无法破坏安全性/,
    cause: /异步复制/,
  },
};

const count = (page, sel) => page.locator(sel).count();

for (const lang of ['en', 'zh']) {
  const T = TEXT[lang];

  test(`compare from the button: two panes, an action on both, the divergence named (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`, VIEWPORT);
    assert.equal(await count(page, '[data-pane]'), 0, 'no panes while comparison is off');
    assert.equal(await count(page, '[data-node-id]'), 5);
    await setSpeed(page, 4);
    await page.waitForSelector('[data-node-id][data-role=leader]', WAIT);
    await page.selectOption('[data-input=compare-setting]', 'checkquorum');
    await page.click('[data-action=compare]');
    await page.waitForSelector('[data-testid=compare][data-compare-setting=checkquorum]');
    assert.equal(await page.getAttribute(APP, 'data-compare'), 'checkquorum');
    // Each side draws its own five nodes, and the single view is gone.
    assert.equal(await count(page, '[data-pane=a] [data-node-id]'), 5);
    assert.equal(await count(page, '[data-pane=b] [data-node-id]'), 5);
    assert.equal(await count(page, '[data-node-id]'), 10);
    assert.match(await page.textContent('[data-pane=a] .compare-head'), T.headA);
    assert.match(await page.textContent('[data-pane=b] .compare-head'), T.headB);
    // A healthy cluster: CheckQuorum changes nothing yet.
    assert.equal(await count(page, '[data-divergence-tick]'), 0);
    await page.waitForSelector('[data-pane=a] [data-node-id][data-role=leader]', WAIT);
    await page.waitForSelector('[data-pane=b] [data-node-id][data-role=leader]', WAIT);
    const leader = await page.getAttribute('[data-pane=a] [data-node-id][data-role=leader]', 'data-node-id');
    assert.equal(await page.getAttribute('[data-pane=b] [data-node-id][data-role=leader]', 'data-node-id'), leader);

    // The teacher isolates the leader: both sides cut the same links.
    await page.click('[data-action=isolate-leader]');
    for (const pane of ['a', 'b']) {
      await page.waitForFunction(
        (p) => document.querySelectorAll(`[data-pane=${p}] [data-link-state=cut]`).length === 4,
        pane,
      );
    }
    const isolatedAt = Number(await page.getAttribute(APP, 'data-tick'));
    // B's leader steps down (CheckQuorum); A's stays: the first divergence.
    const marker = page.locator('[data-divergence-tick]');
    await marker.waitFor(WAIT);
    const tick = Number(await marker.getAttribute('data-divergence-tick'));
    assert.ok(tick > isolatedAt, `divergence ${tick} after the cut at ${isolatedAt}`);
    const text = await marker.textContent();
    const m = text.match(T.stepDown);
    assert.ok(m, text);
    assert.equal(m[1], leader);
    assert.match(text, /§6\.2/);
    await screenshot(`compare-checkquorum-${lang}`);

    // A share link carries the comparison: it reopens at the same moment,
    // with the same divergence.
    await page.click('[data-action=pause]');
    const at = Number(await page.getAttribute(APP, 'data-tick'));
    await page.click('[data-action=share]');
    const link = new URL(await page.inputValue('[data-output=share-link]'));
    const fresh = await openApp(t, link.search + link.hash, VIEWPORT);
    await fresh.page.waitForSelector('[data-testid=compare][data-compare-setting=checkquorum]');
    assert.equal(Number(await fresh.page.getAttribute(APP, 'data-tick')), at);
    assert.equal(await fresh.page.getAttribute('[data-divergence-tick]', 'data-divergence-tick'), String(tick));
    assert.equal(await count(fresh.page, '[data-pane=b] [data-node-id]'), 5);

    // Closing brings back the single view.
    await fresh.page.click('[data-action=compare]');
    await fresh.page.waitForSelector('[data-testid=compare]', { state: 'detached' });
    assert.equal(await count(fresh.page, '[data-node-id]'), 5);
    assert.equal(await count(fresh.page, '[data-pane]'), 0);
    await fresh.done();
    await done();
  });

  test(`compare from the URL: PreVote parts the runs at the first timeout, tick 27 (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1&compare=prevote`, VIEWPORT);
    await page.waitForSelector('[data-testid=compare][data-compare-setting=prevote]');
    assert.equal(await count(page, '[data-pane=a] [data-node-id]'), 5);
    assert.equal(await count(page, '[data-pane=b] [data-node-id]'), 5);
    const marker = page.locator('[data-divergence-tick]');
    await marker.waitFor(WAIT);
    assert.equal(await marker.getAttribute('data-divergence-tick'), '27');
    assert.ok((await marker.textContent()).includes(T.prevote), await marker.textContent());
    // Stepping back and forth keeps both sides at the same tick.
    await page.click('[data-action=pause]');
    const now = Number(await page.getAttribute(APP, 'data-tick'));
    await page.click('[data-action=back]');
    await page.waitForFunction((t) => document.querySelector('[data-testid=app]').dataset.tick === String(t), now - 1);
    assert.equal(await marker.getAttribute('data-divergence-tick'), '27');
    await done();
  });

  test(`compare from a scenario: "compare with PreVote off" (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`, VIEWPORT);
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="prevote-on"]');
    await page.waitForSelector('[data-testid=narration][data-scenario-id="prevote-on"]');
    const offer = page.locator('[data-action=scenario-compare]');
    assert.match(await offer.textContent(), T.offer);
    await offer.click();
    await page.waitForSelector('[data-testid=compare][data-compare-setting=prevote]');
    assert.match(await page.textContent('[data-pane=b] .compare-head'), T.paneB);
    assert.equal(await count(page, '[data-pane=b] [data-node-id]'), 3);
    // The scenario's run is side A: the narration still follows it.
    assert.equal(await page.getAttribute('[data-testid=narration]', 'data-mode'), 'guided');
    await page.locator('[data-divergence-tick]').waitFor();
    await done();
  });

  test(`challenge: whole rules cannot be broken; async can, with a score and the cause (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`, VIEWPORT);
    await page.click('[data-action=challenge]');
    const panel = page.locator('[data-testid=challenge]');
    await panel.waitFor();
    assert.match(await panel.textContent(), T.whole);
    assert.equal(await panel.getAttribute('data-challenge-state'), 'armed');

    // Loosen one rule: early answers. A new attempt starts from tick 0.
    await page.selectOption('[data-input=replication-mode]', 'async');
    await page.click('[data-action=challenge-restart]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=app]').dataset.tick) < 20);
    assert.match(await panel.textContent(), T.rules);
    await setSpeed(page, 4);
    await page.waitForSelector('[data-node-id][data-role=leader]', WAIT);
    const old = await page.getAttribute('[data-node-id][data-role=leader]', 'data-node-id');
    await page.click('[data-action=isolate-leader]');
    await submit(page, 'put x 1');
    // The others elect a new leader; the old one still thinks it leads.
    await page.waitForFunction(
      (o) => [...document.querySelectorAll('[data-node-id][data-role=leader]')].some((n) => n.dataset.nodeId !== o),
      old,
      WAIT,
    );
    assert.equal(await page.getAttribute('[data-challenge-actions]', 'data-challenge-actions'), '2');
    await page.click('[data-action=heal]');
    await page.waitForFunction(
      (o) => document.querySelector(`[data-node-id="${o}"]`).dataset.role !== 'leader',
      old,
      WAIT,
    );
    await submit(page, 'get x');
    await page.waitForSelector('[data-testid=challenge][data-challenge-state=broken]', WAIT);
    await page.waitForSelector('[data-testid=safety][data-safety=violated]');
    assert.equal(await page.getAttribute('[data-challenge-score]', 'data-challenge-score'), '4');
    assert.equal(await page.getAttribute('[data-challenge-best]', 'data-challenge-best'), '4');
    assert.match(await page.textContent('.challenge-cause'), T.cause);
    await screenshot(`challenge-${lang}`);
    await done();
  });
}
