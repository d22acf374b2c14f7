// Log compaction (thesis §5.1) through the UI, in English and Chinese: the
// per-node compact control, the snapshot marker in the logs panel and the
// card it opens, the auto-compaction threshold input (and its bad-input
// message), and InstallSnapshot with its reply as their own message type in
// flight, clickable like every message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setControl, setSpeed, submit, waitLeader } from './lib/harness.js';

const WAIT = { timeout: 30000 };

const markers = (page) =>
  page.$$eval('[data-snapshot-node]', (els) =>
    els
      .map((e) => [Number(e.dataset.snapshotNode), Number(e.dataset.snapshotIndex), Number(e.dataset.snapshotTerm)])
      .sort((a, b) => a[0] - b[0]),
  );

for (const lang of ['en', 'zh']) {
  const zh = lang === 'zh';

  test(`compact a node's log, open its snapshot, auto-compaction threshold (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await setSpeed(page, 4);
    const leader = await waitLeader(page);
    // Back to back: the second may reach the log first (the client's first
    // choice may not know the new leader yet, and retries), so wait for both.
    await submit(page, 'put x 1');
    await submit(page, 'put y 2');
    for (const [k, v] of [['x', '1'], ['y', '2']]) {
      await page.waitForFunction(
        ([k, v]) => document.querySelectorAll(`[data-kv-key=${k}][data-kv-value="${v}"]`).length >= 5,
        [k, v],
        WAIT,
      );
    }
    await page.click('[data-action=pause]');
    assert.deepEqual(await markers(page), [], 'no snapshot before compaction');

    // Compact the leader's log now: its compacted prefix becomes one block.
    await page.locator(`[data-node-id="${leader}"]`).first().click();
    const compact = page.locator(`[data-actions-for="${leader}"] [data-action=compact]`);
    assert.ok(await compact.isEnabled());
    await compact.click();
    await page.waitForSelector(`[data-snapshot-node="${leader}"]`, WAIT);
    const commit = Number(await page.getAttribute(`[data-node-id="${leader}"]`, 'data-commit'));
    const [[node, index, term]] = await markers(page);
    assert.deepEqual([node, index], [Number(leader), commit], 'snapshot up to the applied index');
    assert.ok(term >= 1);
    assert.ok(await compact.isDisabled(), 'nothing left to compact');
    const block = page.locator(`[data-snapshot-node="${leader}"]`);
    assert.match(await block.getAttribute('aria-label'), zh ? /快照：条目 1 到 \d+ 已压缩/ : /snapshot: entries 1 to \d+ compacted/);
    // The log keeps numbering after the snapshot.
    assert.equal(await page.locator(`[data-log-node="${leader}"][data-log-index="${index}"]`).count(), 0);

    // Opening the block shows what it holds: state machine and configuration.
    await block.click();
    const card = page.locator(`.logs [data-snapshot-card="${leader}"]`);
    await card.waitFor(WAIT);
    assert.equal(await block.getAttribute('aria-expanded'), 'true');
    const text = await card.textContent();
    assert.match(text, /lastIncludedIndex/);
    assert.match(text, zh ? /投票成员 \{n1, n2, n3, n4, n5\}/ : /voters \{n1, n2, n3, n4, n5\}/);
    assert.deepEqual(
      await card.locator('[data-snapshot-kv] td code').allTextContents(),
      ['x', '1', 'y', '2'],
    );
    // The inspector shows the same snapshot.
    await page.waitForSelector(`[data-testid=inspector] [data-snapshot-card="${leader}"]`, WAIT);
    await screenshot(`snapshot-card-${lang}`);

    // A bad threshold: a clear message, and the run goes on.
    await setControl(page, '[data-input=compact-threshold]', 'value', 'lots');
    const alert = page.locator('[role=alert]', { hasText: zh ? '压缩阈值' : 'compaction threshold' });
    await alert.waitFor(WAIT);
    // Auto-compaction after 2 applied entries: every node ends with a snapshot.
    await setControl(page, '[data-input=compact-threshold]', 'value', '2');
    await page.waitForFunction(() => document.querySelector('[data-input=compact-threshold]').value === '2');
    await page.click('[data-action=play]');
    await submit(page, 'put z 3');
    await submit(page, 'put w 4');
    await page.waitForFunction(() => document.querySelectorAll('[data-snapshot-node]').length === 5, null, WAIT);
    const all = await markers(page);
    assert.deepEqual(all.map((m) => m[0]), [1, 2, 3, 4, 5]);
    await done();
  });

  test(`a lagging follower gets InstallSnapshot, shown in flight (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="snapshot-catch-up"]');
    for (let k = 1; k <= 2; k++) {
      await page.click('[data-action=scenario-next]');
      await page.waitForFunction((k) => document.querySelector('[data-testid=narration]')?.dataset.step === String(k), k);
    }
    // n1 and n2 compacted up to index 6 (term 1); n3 is down with its old log.
    assert.deepEqual(await markers(page), [[1, 6, 1], [2, 6, 1]]);

    // Take over: manual delivery, restart n3, and deliver until the leader
    // sends its snapshot.
    await setControl(page, '[data-input=manual]', 'checked', true);
    await page.locator('[data-node-id="3"]').first().click();
    await page.click('[data-actions-for="3"] [data-action=restart]');
    const until = async (sel) => {
      for (let i = 0; i < 80 && (await page.locator(sel).count()) === 0; i++) {
        await page.click('[data-action=deliver-all]');
        await page.click('[data-action=step]');
      }
      await page.waitForSelector(sel, WAIT);
    };
    await until('[data-msg=install-snapshot]');
    const msg = page.locator('[data-msg=install-snapshot]').first();
    assert.equal(await msg.getAttribute('data-from'), '1');
    assert.match(await msg.getAttribute('aria-label'), zh ? /安装快照 n1 → n3.*快照 \d+ 字节/ : /InstallSnapshot n1 → n3.*snapshot of \d+ bytes/);
    const id = await msg.getAttribute('data-msg-id');
    await msg.dispatchEvent('click');
    const card = page.locator(`[data-card-msg="${id}"]`);
    await card.waitFor(WAIT);
    const text = await card.textContent();
    assert.match(text, /lastIncludedIndex6/);
    assert.match(text, /lastIncludedTerm1/);
    assert.match(text, zh ? /\d+ 字节/ : /\d+ bytes/);
    assert.match(text, /x=4, y=2, z=3/);
    await screenshot(`install-snapshot-card-${lang}`);
    await card.locator('[data-action=deliver]').click();
    // n3 installed it; its reply is in flight, then n3's marker is there.
    await page.waitForSelector('[data-msg=install-snapshot-resp]', WAIT);
    assert.deepEqual(await markers(page), [[1, 6, 1], [2, 6, 1], [3, 6, 1]]);
    await done();
  });
}
