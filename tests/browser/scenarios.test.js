// Every guided scenario walked to its end through the UI, in English and in
// Chinese: the final roles, terms and commit indexes (read through the
// automation contract) must be exactly what tests/scenarios.rs asserts
// natively; the narration must be on screen; Back, jumping to a step and
// taking over must work; and nothing may log an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, waitStep } from './lib/harness.js';

// [role, term, commit] of n1, n2, … at the end of each scenario — the same
// values tests/scenarios.rs states, except that a crashed node shows no
// commit index (null: commitIndex is volatile, Figure 2, and lost in the
// crash; tests/scenarios.rs checks what the core held when it crashed).
const END = {
  'election-basics': [['follower', 1, 3], ['crashed', 1, null], ['leader', 1, 3], ['crashed', 1, null], ['follower', 1, 3]],
  'leader-crash': [['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4]],
  'split-vote': [['crashed', 1, null], ['follower', 4, 2], ['leader', 4, 3]],
  'log-replication': [['follower', 1, 2], ['leader', 1, 2], ['follower', 1, 2]],
  'election-restriction': [['follower', 3, 4], ['follower', 3, 4], ['leader', 3, 4]],
  'divergent-logs': [['follower', 2, 4], ['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4], ['follower', 2, 4]],
  'figure-8': [['crashed', 3, null], ['follower', 4, 3], ['follower', 4, 3], ['follower', 4, 3], ['leader', 4, 3]],
  'figure-8-unsafe': [['crashed', 3, null], ['follower', 4, 3], ['follower', 4, 3], ['follower', 4, 3], ['leader', 4, 3]],
  'figure-8-noop': [['crashed', 3, null], ['follower', 5, 6], ['leader', 5, 6], ['follower', 5, 6], ['follower', 5, 6]],
  partition: [['follower', 2, 4], ['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4], ['follower', 2, 4]],
  'prevote-off': [['follower', 7, 5], ['follower', 7, 5], ['leader', 7, 5]],
  'prevote-on': [['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4]],
  'prevote-alone': [['follower', 2, 3], ['follower', 2, 3], ['leader', 2, 3]],
  'prevote-check-quorum': [['leader', 1, 2], ['follower', 1, 2], ['follower', 1, 2]],
  'one-way-link': [['follower', 2, 4], ['follower', 2, 4], ['leader', 2, 4]],
  'leader-failures': [['follower', 9, 15], ['leader', 9, 15], ['follower', 9, 15]],
  'why-consensus': [['crashed', 1, null], ['leader', 2, 3], ['crashed', 2, null]],
  'replication-modes': [['follower', 5, 7], ['crashed', 3, null], ['leader', 5, 8]],
  'figure-7': [['leader', 8, 11], ...Array.from({ length: 6 }, () => ['follower', 8, 11])],
  'snapshot-catch-up': [['leader', 1, 7], ['follower', 1, 7], ['follower', 1, 7]],
  'read-index': [['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4]],
  'stale-leader-read': [['follower', 2, 4], ['leader', 2, 4], ['follower', 2, 4]],
  'leader-transfer': [['follower', 2, 5], ['follower', 2, 5], ['leader', 2, 5]],
  'add-server': [['leader', 1, 5], ['follower', 1, 5], ['follower', 1, 5], ['follower', 1, 5]],
  'joint-consensus': [['follower', 1, 6], ['follower', 1, 5], ['follower', 2, 7], ['leader', 2, 7], ['follower', 2, 7]],
  'one-step-change': [['follower', 2, 5], ['leader', 2, 5], ['follower', 2, 5], ['leader', 2, 5], ['follower', 2, 5]],
  'remove-leader': [['follower', 1, 3], ['leader', 2, 5], ['follower', 2, 5]],
};

const NARRATION = '[data-testid=narration]';

/** Roles, terms and commits of every node, plus the tick: one comparable string. */
const snapshot = (page) =>
  page.evaluate(() => {
    const nodes = [...document.querySelectorAll('[data-node-id]')]
      .sort((a, b) => Number(a.dataset.nodeId) - Number(b.dataset.nodeId))
      .map((n) => [n.dataset.role, Number(n.dataset.term), n.dataset.commit === '' ? null : Number(n.dataset.commit)]);
    return JSON.stringify({ tick: document.querySelector('[data-testid=app]').dataset.tick, nodes });
  });

const endState = (page) =>
  page.$$eval('[data-node-id]', (els) =>
    els
      .sort((a, b) => Number(a.dataset.nodeId) - Number(b.dataset.nodeId))
      .map((n) => [n.dataset.role, Number(n.dataset.term), n.dataset.commit === '' ? null : Number(n.dataset.commit)]),
  );

const stepOf = async (page) => Number(await page.getAttribute(NARRATION, 'data-step'));

async function narrationText(page) {
  const text = page.locator('[data-narration]');
  assert.ok(await text.isVisible(), 'narration text visible');
  return (await text.textContent()).trim();
}

for (const lang of ['en', 'zh']) {
  test(`every scenario runs to its end (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`);
    const ids = await page.$$eval('[data-scenario]', (els) => els.map((e) => e.dataset.scenario));
    assert.deepEqual([...ids].sort(), Object.keys(END).sort(), 'the menu lists every scenario');

    for (const id of ids) {
      await page.click('[data-action=scenarios]');
      const entry = page.locator(`[data-scenario="${id}"]`);
      const title = (await entry.textContent()).trim();
      assert.ok(lang === 'zh' ? /[\u4e00-\u9fff]/.test(title) : /^[\x00-\x7f·]+$/.test(title), `${id}: title in ${lang}: ${title}`);
      await entry.click();
      await waitStep(page, id, 0);
      assert.equal(await page.getAttribute('[data-testid=app]', 'data-playing'), 'false', `${id}: paused`);
      const steps = Number(await page.getAttribute(NARRATION, 'data-steps'));
      const seen = [await snapshot(page)];
      const texts = new Set([await narrationText(page)]);
      // The live check of each step, as seen on arrival there.
      const liveCheck = async () => ((await page.locator(`${NARRATION} .step-title .expect.ok`).count()) ? 'ok' : null);
      const live = [await liveCheck()];

      // Next until the last step; each step's narration is on screen.
      for (let k = 1; k < steps; k++) {
        await page.click('[data-action=scenario-next]');
        await waitStep(page, id, k);
        const text = await narrationText(page);
        assert.ok(text.length > 40, `${id} step ${k}: narration`);
        if (lang === 'zh') assert.match(text, /[\u4e00-\u9fff]/, `${id} step ${k}: Chinese narration`);
        else assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `${id} step ${k}: English narration`);
        texts.add(text);
        seen.push(await snapshot(page));
        live.push(await liveCheck());
      }
      // At the end every step in the list keeps the mark its own end earned.
      const marks = await page.$$eval(`${NARRATION} .step-list [data-step]`, (els) =>
        els.map((e) => e.querySelector('[data-step-check]')?.dataset.stepCheck ?? null),
      );
      assert.deepEqual(marks, live, `${id}: step check marks`);
      assert.ok(live.includes('ok'), `${id}: some step shows its check`);
      assert.equal(texts.size, steps, `${id}: every step has its own narration`);
      assert.equal(await page.locator('[data-action=scenario-next]').count(), 0, `${id}: no Next at the end`);
      assert.equal(await page.getAttribute(NARRATION, 'data-mode'), 'guided');

      // The end state is exactly what the native test asserts.
      const expected = END[id].map(([role, term, commit]) => [role, term, commit]);
      assert.deepEqual(await endState(page), expected, `${id}: end state`);

      // Back lands exactly where the previous step ended; jumping works too.
      if (steps > 1) {
        await page.click('[data-action=scenario-back]');
        await waitStep(page, id, steps - 2);
        assert.equal(await snapshot(page), seen[steps - 2], `${id}: back`);
      }
      const mid = Math.floor(steps / 2);
      await page.click(`${NARRATION} [data-step="${mid}"]`);
      await waitStep(page, id, mid);
      assert.equal(await snapshot(page), seen[mid], `${id}: jump to step ${mid + 1}`);
      await page.click('[data-action=scenario-restart]');
      await waitStep(page, id, 0);
      assert.equal(await snapshot(page), seen[0], `${id}: restart`);
      assert.equal(await stepOf(page), 0);
    }

    // Taking over: the run is the teacher's; returning restores the step.
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="leader-crash"]');
    await waitStep(page, 'leader-crash', 0);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'leader-crash', 1);
    const step1 = await snapshot(page);
    await page.click('[data-action=scenario-takeover]');
    await page.waitForSelector(`${NARRATION}[data-mode=free]`);
    await page.click('[data-action=play]');
    await page.waitForFunction((s) => {
      const t = Number(document.querySelector('[data-testid=app]').dataset.tick);
      return t > JSON.parse(s).tick;
    }, step1);
    await page.click('[data-action=pause]');
    await page.click('[data-action=scenario-return]');
    await page.waitForSelector(`${NARRATION}[data-mode=guided]`);
    assert.equal(await snapshot(page), step1, 'return to step');
    // Acting on the run counts as taking over.
    await page.click('[data-action=step]');
    await page.waitForSelector(`${NARRATION}[data-mode=free]`);
    await screenshot(`scenario-free-${lang}`);
    await page.click('[data-action=scenario-close]');
    assert.equal(await page.locator(NARRATION).count(), 0);

    await done();
  });
}

test('the narration reads well on a projector and a laptop', async (t) => {
  for (const [lang, width, height] of [['zh', 1920, 1080], ['en', 1280, 800]]) {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}`, { viewport: { width, height } });
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="log-replication"]');
    for (let k = 1; k <= 3; k++) {
      await page.click('[data-action=scenario-next]');
      await waitStep(page, 'log-replication', k);
    }
    await screenshot(`scenario-${lang}-${width}`);
    await done();
  }
});

test('a guided step highlights the nodes and log cells it talks about, and free play none', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  const lit = () =>
    page.$$eval('[data-node-id][data-highlight=step]', (els) => els.map((e) => Number(e.dataset.nodeId)).sort());
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="leader-crash"]');
  await waitStep(page, 'leader-crash', 0);
  // Step 1 expects n1 to lead and n3 to have committed index 2 (tests/scenarios_steps.rs).
  assert.deepEqual(await lit(), [1, 3]);
  await page.locator('[data-log-node="3"][data-log-index="2"][data-highlight=step]').waitFor();
  assert.equal(await page.locator('[data-log-index][data-highlight=step]').count(), 1);
  await page.click('[data-action=scenario-next]');
  await waitStep(page, 'leader-crash', 1);
  assert.deepEqual(await lit(), [2]);
  await page.click('[data-action=scenario-takeover]');
  await page.waitForFunction(() => document.querySelectorAll('[data-highlight=step]').length === 0);
  await done();
});

test('a guided step highlights the messages it talks about, in the ring and the space-time diagram', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  const pills = () =>
    page.$$eval('[data-msg-id][data-highlight=step]', (els) =>
      els.map((e) => `${e.dataset.msg} ${e.dataset.from}->${e.dataset.to}`).sort(),
    );
  const arrows = () =>
    page.$$eval('[data-st-msg][data-highlight=step]', (els) =>
      els.map((e) => `${e.dataset.kind} ${e.dataset.from}->${e.dataset.to} ${e.dataset.delivered || 'in flight'}`),
    );
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="log-replication"]');
  await waitStep(page, 'log-replication', 0);
  assert.deepEqual(await pills(), [], 'step 1 names no message');
  // Step 2: B (n2) sends AppendEntries to A (n1) and C (n3); they wait.
  await page.click('[data-action=scenario-next]');
  await waitStep(page, 'log-replication', 1);
  await page.waitForFunction(() => document.querySelectorAll('[data-msg-id][data-highlight=step]').length === 2);
  const ae = (await pills())[0].split(' ')[0];
  assert.deepEqual(await pills(), [`${ae} 2->1`, `${ae} 2->3`]);
  // Step 3 delivers n2's AppendEntries to n3 by hand; n3's answer waits.
  await page.click('[data-action=scenario-next]');
  await waitStep(page, 'log-replication', 2);
  await page.waitForFunction(() => document.querySelectorAll('[data-msg-id][data-highlight=step]').length === 1);
  const [answer] = await pills();
  assert.match(answer, / 3->2$/);
  // The diagram marks the delivered request and the waiting answer, and no older arrow.
  await page.click('[data-action=view-spacetime]');
  await page.locator('[data-view=spacetime]').waitFor();
  const tick = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  const lit = await arrows();
  assert.equal(lit.length, 2, lit.join('; '));
  assert.match(lit[0], new RegExp(`^${ae} 2->3 \\d+$`));
  assert.equal(lit[1], `${answer.split(' ')[0]} 3->2 in flight`);
  assert.equal(Number(lit[0].split(' ')[2]), tick, 'delivered by the step, at its tick');
  await page.click('[data-action=scenario-takeover]');
  await page.waitForFunction(() => document.querySelectorAll('[data-highlight=step]').length === 0);
  await done();
});

test('the current step is scrolled into view in the step list, the page does not move', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1', { viewport: { width: 1920, height: 1080 } });
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="leader-failures"]');
  await waitStep(page, 'leader-failures', 0);
  const last = Number(await page.getAttribute(NARRATION, 'data-steps')) - 1;
  const shown = () =>
    page.evaluate(() => {
      const ol = document.querySelector('.narration .step-list');
      const li = ol.querySelector('li.current');
      const [o, i] = [ol.getBoundingClientRect(), li.getBoundingClientRect()];
      return { inside: i.top >= o.top - 1 && i.bottom <= o.bottom + 1, scrolls: ol.scrollHeight > ol.clientHeight, pageY: window.scrollY };
    });
  for (let k = 1; k <= last; k += 1) {
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'leader-failures', k);
  }
  const s = await shown();
  assert.ok(s.scrolls, 'the list of this scenario is longer than its box (the test needs it)');
  assert.ok(s.inside, 'the last step is visible in the list');
  assert.equal(s.pageY, 0, 'the page itself did not scroll');
  await done();
});
