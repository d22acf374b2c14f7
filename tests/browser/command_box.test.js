// The client's command box (data-input=command) takes commands as fast as
// they are typed: two submitted back to back, with no wait between them,
// both reach the leader's log, in English and Chinese. (They may reach it in
// either order: a command sent just after an election goes first to a
// server that may not know the new leader yet, and the client retries it
// after a pause, §8; the client panel shows it waiting meanwhile.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setSpeed, submit, waitLeader } from './lib/harness.js';

const WAIT = { timeout: 30000 };

/** The commands in `node`'s log cells, in index order. */
const logCommands = (page, node) =>
  page.$$eval(`[data-log-node="${node}"] .cell-cmd`, (els) => els.map((e) => e.textContent.trim()).filter(Boolean));

for (const lang of ['en', 'zh']) {
  test(`two commands submitted back to back both reach the leader's log (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await setSpeed(page, 4);
    const leader = await waitLeader(page);
    await submit(page, 'put x 1');
    await submit(page, 'put y 2');
    await page.waitForFunction(
      (n) => document.querySelectorAll(`[data-log-node="${n}"] .cell-cmd`).length >= 3,
      leader,
      WAIT,
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-op-id]').length === 2, null, WAIT);
    const cmds = await logCommands(page, leader);
    assert.ok(cmds.includes('put x 1') && cmds.includes('put y 2'), `leader n${leader}'s log: ${JSON.stringify(cmds)}`);
    assert.equal(await page.inputValue('[data-input=command]'), '', 'the box is empty after both');
    await done();
  });
}
