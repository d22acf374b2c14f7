// Read modes in the client panel (data-input=read-mode: log|read-index|lease)
// and the unsafe stale-leader-read switch, in English and Chinese: a
// ReadIndex read shows its round trip and read index; a lease read without
// CheckQuorum is refused with a clear message and nothing changes; with the
// unsafe switch an isolated old leader answers a stale value and the safety
// badge turns red.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, opStatus, setSpeed, submit, waitLeader, waitOp } from './lib/harness.js';

const WAIT = { timeout: 30000 };

for (const lang of ['en', 'zh']) {
  test(`read modes: log, ReadIndex with its round trip, lease refused without CheckQuorum (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await setSpeed(page, 4);
    await waitLeader(page);
    const modes = await page.$$eval('[data-input=read-mode] option', (os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(modes.map(([v]) => v), ['log', 'read-index', 'lease']);
    if (lang === 'zh') for (const [, text] of modes) assert.match(text, /[\u4e00-\u9fff]/, text);

    await submit(page, 'put x 1');
    await waitOp(page, 1, 'committed');
    await submit(page, 'get x', 'cluster', 'read-index');
    await waitOp(page, 2, 'answered');
    const text = await page.textContent('[data-op-id="2"] .op-status');
    if (lang === 'en') {
      assert.match(text, /answered by n\d at read index \d+ → value 1/, text);
      assert.match(text, /heartbeat round 1/, text);
      assert.match(text, /confirmed by n\d, n\d/, text);
    } else {
      assert.match(text, /读索引 \d+ 处回答 → 值 1/, text);
      assert.match(text, /由 n\d, n\d/, text);
    }
    assert.equal(await page.getAttribute('[data-op-id="2"] [data-read-mode]', 'data-read-mode'), 'read-index');
    assert.ok((await page.locator('[data-event=read]').count()) > 0, 'the event log explains the read');

    // Lease without CheckQuorum: the caveat is shown, the read refused, nothing changes.
    await page.selectOption('[data-input=read-mode]', 'lease');
    const caveat = await page.textContent('[data-output=lease-caveat]');
    assert.match(caveat, lang === 'en' ? /clock/ : /时钟/);
    const before = await page.locator('[data-op-id]').count();
    await submit(page, 'get x', 'cluster', 'lease');
    const notice = await page.locator('[data-testid=notice]').textContent();
    assert.match(notice, lang === 'en' ? /needs CheckQuorum/ : /需要 CheckQuorum/);
    assert.equal(await page.locator('[data-op-id]').count(), before, 'no operation was added');
    await done();
  });
}

for (const lang of ['en', 'zh']) {
  test(`stale-leader-read: an isolated old leader answers a stale value; the badge turns red (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1&nodes=3`);
    await page.click('.unsafe-switches summary');
    await page.locator('[data-input=unsafe-stale-leader-read]').check();
    await setSpeed(page, 4);
    const old = await waitLeader(page);
    await submit(page, 'put x 1');
    await waitOp(page, 1, 'committed');
    await page.click('[data-action=isolate-leader]');
    // The other two elect a new leader and commit put x 2.
    await page.waitForFunction(
      (old) => [...document.querySelectorAll('[data-node-id][data-role=leader]')].some((n) => n.dataset.nodeId !== old),
      old,
      WAIT,
    );
    const fresh = await page.$eval(
      '[data-node-id][data-role=leader]:not([data-node-id="' + old + '"])',
      (n) => n.dataset.nodeId,
    );
    await submit(page, 'put x 2', fresh);
    await waitOp(page, 2, 'committed');
    await submit(page, 'get x', old, 'read-index');
    await waitOp(page, 3, 'answered');
    const text = await page.textContent('[data-op-id="3"] .op-status');
    assert.match(text, lang === 'en' ? /value 1/ : /值 1/, text);
    await page.waitForSelector('[data-testid=safety][data-safety=violated]', WAIT);
    assert.equal(await opStatus(page, 3), 'answered');
    await done();
  });
}
