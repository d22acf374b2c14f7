// Node aliases (issue 12): a scenario that narrates S1–S5 (Figure 8) shows
// those names on the ring, the log rows, the inspector and the space-time
// lifelines, while every automation contract keeps the numeric id; free
// play shows n1…n5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openScenario } from './lib/harness.js';

/** What each place shows for each node, by numeric id, in id order. */
async function shown(page) {
  return page.evaluate(() => {
    const byId = (sel, id, text) =>
      [...document.querySelectorAll(sel)]
        .sort((a, b) => Number(id(a)) - Number(id(b)))
        .map((e) => [id(e), e.dataset.nodeName, text(e)]);
    return {
      ring: byId('[data-node-id]', (e) => e.dataset.nodeId, (e) =>
        e.nextElementSibling.querySelector('.node-id').textContent,
      ),
      ringAria: [...document.querySelectorAll('[data-node-id]')].map((e) => e.getAttribute('aria-label')),
      logs: byId('[data-log-row]', (e) => e.dataset.logRow, () => null),
      logChips: byId('[data-select-node]', (e) => e.dataset.selectNode, (e) => e.textContent.trim()),
    };
  });
}

function expectNames(s, names, what) {
  const ids = names.map((_, i) => String(i + 1));
  assert.deepEqual(s.ring, ids.map((id, i) => [id, names[i], names[i]]), `${what}: ring`);
  s.ringAria.forEach((a, i) => assert.ok(a.startsWith(`${names[i]}, `) || a.startsWith(`${names[i]}，`), `${what}: ring name "${a}"`));
  assert.deepEqual(s.logs, ids.map((id, i) => [id, names[i], null]), `${what}: log rows`);
  assert.deepEqual(s.logChips, ids.map((id, i) => [id, names[i], names[i]]), `${what}: log labels`);
}

for (const lang of ['en', 'zh']) {
  test(`Figure 8 shows S1–S5 everywhere; free play shows n1–n5 (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await page.click('[data-action=pause]');
    expectNames(await shown(page), ['n1', 'n2', 'n3', 'n4', 'n5'], 'free play');

    // Step (c): S1 leads term 3.
    await openScenario(page, 'figure-8', 2);
    const s1 = ['S1', 'S2', 'S3', 'S4', 'S5'];
    expectNames(await shown(page), s1, 'figure 8');
    assert.equal(await page.getAttribute('[data-node-id="1"]', 'data-role'), 'leader');
    const narration = await page.locator('[data-narration]').textContent();
    assert.doesNotMatch(narration, /\bn[1-5]\b/, 'the narration names the nodes as they are shown');
    // The event log explains in the same names.
    const log = await page.locator('.events.panel').textContent();
    assert.doesNotMatch(log, /\bn[1-5]\b/, 'event log');
    assert.match(log, /S1/);

    // The inspector of node 1: its name, and "Follows leader" among the rows.
    await page.click('[data-select-node="1"]');
    const inspector = page.locator('[data-testid=inspector][data-inspect=node]');
    await inspector.waitFor();
    assert.equal(await inspector.getAttribute('data-node'), '1');
    assert.equal(await inspector.getAttribute('data-node-name'), 'S1');
    assert.equal((await inspector.locator('h2 .node-chip').textContent()).trim(), 'S1');
    const progress = await inspector.locator('[data-progress-node] th').allTextContents();
    assert.deepEqual(progress, ['S2', 'S3', 'S4', 'S5'], 'the leader table names its followers');
    assert.doesNotMatch(await inspector.textContent(), /\bn[1-5]\b/);

    // The space-time lifelines: numeric contract, shown name.
    await page.click('[data-action=view-spacetime]');
    const diagram = page.locator('[data-view=spacetime]');
    await diagram.waitFor();
    const lanes = await diagram.locator('[data-lifeline]:not([data-lifeline=client])').evaluateAll((els) =>
      els.map((e) => [e.dataset.lifeline, e.dataset.nodeName, e.querySelector('.st-label').textContent]),
    );
    assert.deepEqual(lanes, s1.map((n, i) => [String(i + 1), n, n]));
    const arrows = await diagram.locator('[data-st-msg] title').allTextContents();
    assert.ok(arrows.length > 0);
    for (const a of arrows) assert.doesNotMatch(a, /\bn[1-5]\b/, `arrow title "${a}"`);
    assert.ok(arrows.some((a) => /S\d→S\d/.test(a)), 'arrow titles name both ends');
    // Messages keep their numeric ends.
    const ends = await diagram.locator('[data-st-msg]').evaluateAll((els) => els.map((e) => e.dataset.from + e.dataset.to));
    for (const e of ends) assert.match(e, /^[1-5][1-5]$/);

    // A share link of this moment opens with the same names.
    if (lang === 'en') {
      await page.click('[data-action=share]');
      const link = new URL(await page.inputValue('[data-output=share-link]'));
      const fresh = await openApp(t, link.search + link.hash);
      await fresh.page.waitForSelector('[data-testid=narration][data-scenario-id="figure-8"]');
      expectNames(await shown(fresh.page), s1, 'shared link');
      await fresh.done();
    }

    // A fork of the scenario's run keeps the names.
    await page.click('[data-action=step]');
    await page.waitForSelector('[data-testid=narration][data-mode=free]');
    expectNames(await shown(page), s1, 'taken over');

    // Closing the scenario is free play again: n1…n5.
    await page.click('[data-action=scenario-close]');
    await page.waitForFunction(() => document.querySelector('[data-node-id="1"]').dataset.nodeName === 'n1');
    expectNames(await shown(page), ['n1', 'n2', 'n3', 'n4', 'n5'], 'after closing');
    await done();
  });
}

test('the course notes\' A/B/C scenarios show A, B and C', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await openScenario(page, 'leader-crash', 2);
  expectNames(await shown(page), ['A', 'B', 'C'], 'leader crash');
  // The quiz choices are the names shown.
  await done();
});
