// Membership change (thesis ch. 4), in both languages: add a server (it
// appears as a learner, drawn as a square, data-role=learner,
// data-voter=false), promote it, remove the leader; the configuration panel
// shows voters, learners and the halves of a joint configuration; the unsafe
// one-step-membership-change scenario elects two leaders and turns the
// safety badge red, with the switch on in the settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const NODE = '[data-node-id]';
const LEADER = `${NODE}[data-role=leader]`;
const WAIT = { timeout: 30000 };

async function openScenario(page, id, step) {
  await page.click('[data-action=scenarios]');
  await page.click(`[data-scenario="${id}"]`);
  await page.waitForSelector(`[data-testid=narration][data-scenario-id="${id}"]`);
  for (let k = 1; k <= step; k++) {
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`[data-testid=narration][data-step="${k}"]`, WAIT);
  }
}

for (const lang of ['en', 'zh']) {
  test(`add a server, promote it, remove the leader (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1&nodes=3`);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, LEADER, WAIT);
    assert.equal(await page.locator('.membership-panel[data-config=simple]').count(), 1);
    for (const id of ['1', '2', '3']) {
      assert.equal(await page.locator(`${NODE}[data-node-id="${id}"]`).getAttribute('data-voter'), 'true');
    }
    await page.click('[data-action=add-server]');
    const learner = `${NODE}[data-node-id="4"][data-role=learner][data-voter=false]`;
    await page.waitForSelector(learner, WAIT);
    assert.equal(await page.locator(`${NODE}[data-node-id="4"] rect.body`).count(), 1, 'a learner is a square');
    assert.equal(await page.locator(`${NODE}[data-node-id="1"] circle.body`).count(), 1, 'a voter is a circle');
    await page.waitForSelector('[data-config-member="4"][data-kind=learner]', WAIT);
    await page.waitForSelector('.membership-panel[data-config-committed=true]', WAIT);
    await screenshot(`membership-learner-${lang}`);
    // Promote n4 from its action bar.
    await page.click(`${NODE}[data-node-id="4"]`);
    await page.click('[data-actions-for="4"] [data-action=promote]');
    await page.waitForSelector(`${NODE}[data-node-id="4"][data-voter=true]`, WAIT);
    assert.notEqual(await page.locator(`${NODE}[data-node-id="4"]`).getAttribute('data-role'), 'learner');
    await page.waitForSelector('[data-config-member="4"][data-kind=voter]', WAIT);
    await page.waitForSelector('.membership-panel[data-config-committed=true]', WAIT);
    // Remove the leader: it steps down once C_new commits, another is elected.
    const old = await page.locator(LEADER).getAttribute('data-node-id');
    await page.click(`${NODE}[data-node-id="${old}"]`);
    await page.click(`[data-actions-for="${old}"] [data-action=remove-server]`);
    await page.waitForSelector(`${NODE}[data-node-id="${old}"][data-voter=false]`, WAIT);
    await page.waitForFunction(
      (o) => {
        const l = document.querySelectorAll('[data-node-id][data-role=leader]');
        return l.length === 1 && l[0].dataset.nodeId !== o;
      },
      old,
      WAIT,
    );
    assert.equal(await page.locator(`[data-config-member="${old}"]`).count(), 0, 'gone from the panel');
    // A refused change explains itself: promoting a voter.
    await page.click(`${NODE}[data-node-id="4"]`);
    assert.equal(await page.locator('[data-actions-for="4"] [data-action=promote]').isDisabled(), true);
    await done();
  });

  test(`joint consensus and the unsafe one-step change (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}`);
    await openScenario(page, 'joint-consensus', 2);
    await page.waitForSelector('.membership-panel[data-config=joint]', WAIT);
    assert.deepEqual(
      await page.$$eval('[data-config-member][data-half=old]', (els) => els.map((e) => e.dataset.configMember)),
      ['1', '2', '3'],
    );
    assert.deepEqual(
      await page.$$eval('[data-config-member][data-half=new]', (els) => els.map((e) => e.dataset.configMember)),
      ['3', '4', '5'],
    );
    await screenshot(`membership-joint-${lang}`);
    await openScenario(page, 'one-step-change', 3);
    await page.waitForSelector('[data-testid=safety][data-safety=violated]', WAIT);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, LEADER, WAIT);
    assert.equal(await page.locator('input[name=one-step-membership-change]').isChecked(), true);
    await screenshot(`membership-two-leaders-${lang}`);
    await done();
  });
}
