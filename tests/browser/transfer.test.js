// Leadership transfer (thesis §3.10) from the node actions
// (data-action=transfer-leader), in English and Chinese: the TimeoutNow pill
// (data-msg=timeout-now) flies and the chosen node becomes leader; a transfer
// to a crashed node times out visibly; with no leader the request is refused
// with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEADER, openApp, setSpeed, waitLeader } from './lib/harness.js';

const WAIT = { timeout: 30000 };

for (const lang of ['en', 'zh']) {
  test(`transfer leadership to a follower; TimeoutNow flies (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1&prevote=1&checkquorum=1`);
    await setSpeed(page, 4);
    const old = await waitLeader(page);
    const target = old === '2' ? '3' : '2';
    await page.click('[data-action=pause]');
    await page.locator(`[data-node-id="${target}"]`).click();
    const button = page.locator('[data-action=transfer-leader]');
    assert.ok(await button.isEnabled());
    assert.match(await button.textContent(), lang === 'en' ? /Transfer leadership here/ : /移交领导权到此/);
    await button.click();
    // The leader first brings the target up to date, then sends TimeoutNow:
    // step until it is in flight (a few ticks at most).
    for (let i = 0; i < 30 && (await page.locator('[data-msg="timeout-now"]').count()) === 0; i++) {
      await page.click('[data-action=step]');
    }
    await page.waitForSelector('[data-msg="timeout-now"]', WAIT);
    await page.click('[data-action=play]');
    await page.waitForFunction((n) => document.querySelector(`[data-node-id="${n}"]`)?.dataset.role === 'leader', target, WAIT);
    assert.ok((await page.locator('[data-event=transfer-started]').count()) > 0);
    // Still selected, now the leader: its button is disabled (no transfer to itself).
    assert.ok(await page.locator('[data-action=transfer-leader]').isDisabled());
    await done();
  });

  test(`a transfer to a crashed node times out visibly; none without a leader (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`);
    // No leader yet at tick 0: refused with a message.
    await page.click('[data-action=pause]');
    await page.locator('[data-node-id="2"]').click();
    await page.click('[data-action=transfer-leader]');
    assert.match(await page.locator('[data-testid=notice]').textContent(), lang === 'en' ? /no leader/ : /没有领导者/);
    await page.click('[data-action=play]');
    await setSpeed(page, 4);
    const leader = await waitLeader(page);
    const target = leader === '2' ? '3' : '2';
    await page.locator(`[data-node-id="${target}"]`).click();
    await page.click('[data-action=crash]');
    await page.click('[data-action=transfer-leader]');
    await page.waitForSelector('[data-event=transfer-ended]', WAIT);
    const line = await page.locator('[data-event=transfer-ended]').first().textContent();
    assert.match(line, lang === 'en' ? /aborted the transfer/ : /放弃向/, line);
    assert.equal(await page.getAttribute(`[data-node-id="${leader}"]`, 'data-role'), 'leader');
    await done();
  });
}
