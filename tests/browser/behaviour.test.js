// Behaviour a teacher expects (issue 12): the address follows the settings
// and a reload keeps them; a fork in the past can be undone; the event log
// folds lost heartbeats and hides them with the heartbeat filter; unsafe
// switches and a too-slow network are flagged; loss in percent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP, NODE, openApp, oneLeader, submit, tickOf, waitTick } from './lib/harness.js';

const WAIT = { timeout: 20000 };
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

test('the URL follows nodes, seed, PreVote, CheckQuorum, no-op and language; a reload keeps them', async (t) => {
  const { page, done } = await openApp(t, '?lang=en');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') !== null);
  assert.deepEqual(
    { lang: params(page).lang, nodes: params(page).nodes, prevote: params(page).prevote },
    { lang: 'en', nodes: '5', prevote: '0' },
  );
  await page.selectOption('[data-input=nodes]', '3');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('nodes') === '3');
  await page.$eval('[data-input=seed]', (el) => {
    el.value = '77';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '77');
  await page.locator('[data-input=prevote]').check();
  await page.locator('[data-input=check-quorum]').check();
  await page.locator('[data-input=noop]').uncheck();
  await page.click('[data-action=lang]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh');
  assert.deepEqual(
    (({ lang, seed, nodes, prevote, checkquorum, noop }) => ({ lang, seed, nodes, prevote, checkquorum, noop }))(params(page)),
    { lang: 'zh', seed: '77', nodes: '3', prevote: '1', checkquorum: '1', noop: '0' },
  );
  // A reload comes back with the same settings (and the same run).
  await page.reload();
  await page.locator('[data-testid=app][data-ready=true]').waitFor();
  assert.equal(await page.locator(NODE).count(), 3);
  assert.equal(await page.inputValue('[data-input=seed]'), '77');
  assert.equal(await page.isChecked('[data-input=prevote]'), true);
  assert.equal(await page.isChecked('[data-input=check-quorum]'), true);
  assert.equal(await page.isChecked('[data-input=noop]'), false);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  // And in a fresh tab (no session), the address alone rebuilds them.
  const { page: fresh, done: done2 } = await openApp(t, new URL(page.url()).search);
  assert.equal(await fresh.locator(NODE).count(), 3);
  assert.equal(await fresh.inputValue('[data-input=seed]'), '77');
  assert.equal(await fresh.isChecked('[data-input=check-quorum]'), true);
  await done2();
  await done();
});

test('forking the past sets the future aside, and it can be restored', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await oneLeader(page);
  await page.click('[data-action=pause]');
  const head = await tickOf(page);
  const roleAtHead = await page.getAttribute(`${NODE}[data-node-id="2"]`, 'data-role');
  const back = head - 20;
  await page.$eval('[data-testid=timeline-slider]', (el) => el.focus());
  await page.keyboard.press('Shift+ArrowLeft');
  await waitTick(page, head - 10);
  await page.keyboard.press('Shift+ArrowLeft');
  await waitTick(page, back);
  assert.equal(await page.locator('[data-testid=fork-undo]').count(), 0);
  // Acting in the past (crash n2) forks: the bar says what was set aside.
  await page.click(`${NODE}[data-node-id="2"]`);
  await page.click('.node-actions [data-action=crash]');
  const bar = page.locator('[data-testid=fork-undo]');
  await bar.waitFor();
  assert.equal(await bar.getAttribute('data-fork-at'), String(back));
  assert.equal(await bar.getAttribute('data-discarded-head'), String(head));
  assert.match(await bar.textContent(), new RegExp(`ticks ${back + 1}–${head}`));
  assert.equal(await page.getAttribute(`${NODE}[data-node-id="2"]`, 'data-role'), 'crashed');
  // Restoring brings back the old branch, at the fork's tick, with its future.
  await page.click('[data-action=restore-branch]');
  await page.waitForSelector(`${NODE}[data-node-id="2"]:not([data-role=crashed])`);
  assert.equal(await tickOf(page), back);
  assert.equal(await page.getAttribute('[data-testid=timeline-slider]', 'aria-valuemax'), String(head));
  await page.$eval('[data-testid=timeline-slider]', (el) => el.focus());
  await page.keyboard.press('End');
  await waitTick(page, head);
  assert.equal(await page.getAttribute(`${NODE}[data-node-id="2"]`, 'data-role'), roleAtHead);
  // The crashed fork is now the one set aside: flip back to it.
  await page.click('[data-action=restore-branch]');
  await page.waitForSelector(`${NODE}[data-node-id="2"][data-role=crashed]`);
  await done();
});

test('the event log folds heartbeats lost on a cut link and hides them with the heartbeat filter', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1&nodes=3');
  const { id } = await oneLeader(page);
  const other = id === '1' ? 2 : 1;
  const [a, b] = [Number(id), other].sort();
  await page.click(`[data-link="${a}-${b}"]`); // up → cut
  await page.waitForFunction((t0) => Number(document.querySelector('[data-testid=app]').dataset.tick) > t0 + 60, await tickOf(page), WAIT);
  await page.click('[data-action=pause]');
  const folded = `[data-event=message-dropped][data-folded]`;
  assert.equal(await page.locator(folded).count(), 0, 'lost heartbeats are hidden with the heartbeats');
  await page.locator('[data-input=heartbeats]').check();
  const line = page.locator(folded).first();
  await line.waitFor();
  assert.ok(Number(await line.getAttribute('data-folded')) >= 3);
  assert.match(await line.textContent(), new RegExp(`\\d+ heartbeats lost on the cut link n${id}→n${other} \\(ticks \\d+–\\d+\\)`));
  await page.click('[data-action=lang]');
  assert.match(await page.locator(folded).first().textContent(), new RegExp(`\\d+ 个心跳在断开的链路 n${id}→n${other} 上丢失`));
  await done();
});

test('a strip while an unsafe switch is on, a warning when latency reaches the election timeout, loss in percent', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  assert.equal(await page.locator('[data-testid=unsafe-strip]').count(), 0);
  await page.click('.unsafe-switches summary');
  await page.locator('[data-input=unsafe-vote-without-log-check]').check();
  const strip = page.locator('[data-testid=unsafe-strip]');
  await strip.waitFor();
  assert.equal(await strip.getAttribute('data-switches'), 'vote-without-log-check');
  assert.match(await strip.textContent(), /Unsafe teaching switch on.*Vote without the log check/);
  await page.locator('[data-input=unsafe-vote-without-log-check]').uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-testid=unsafe-strip]'));
  // Latency: the default is fine; at 20 ticks a vote's round trip is 40 ≥ T.
  assert.equal(await page.locator('[data-testid=slow-network-warning]').count(), 0);
  await page.$eval('[data-input=latency]', (el) => {
    el.value = '20';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const warning = page.locator('[data-testid=slow-network-warning]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /Elections are unlikely to finish.*40 ticks.*§5\.6/);
  await page.$eval('[data-input=loss]', (el) => {
    el.value = '150';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('[data-input=loss]').closest('label').textContent.includes('Loss 15%'));
  await done();
});

test('Chinese: the page title, a notice and a rule chip follow the language switch; ?lang= follows it', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh&nodes=12');
  assert.equal(await page.title(), 'raftlab — 看得见的 Raft');
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  const zh = (await notice.textContent()).replace('×', '');
  assert.match(zh, /已忽略无效的网址参数 nodes=/);
  await page.click('[data-action=lang]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en');
  assert.equal(await page.title(), 'raftlab — Raft, visible');
  // The same notice, now in English (it was not re-raised: it re-translates).
  assert.match(await notice.textContent(), /ignored URL parameter nodes="12"/);
  assert.doesNotMatch(await notice.textContent(), /[\u4e00-\u9fff]/);
  // A step whose rule is a thesis section says so, in each language.
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="one-way-link"]');
  await page.locator('[data-testid=narration][data-step="0"]').waitFor();
  assert.equal((await page.textContent('[data-testid=narration] .rule')).trim(), 'thesis §6.2');
  await page.click('[data-action=lang]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh');
  assert.equal((await page.textContent('[data-testid=narration] .rule')).trim(), '博士论文 §6.2');
  assert.equal(await page.title(), 'raftlab — 看得见的 Raft');
  await done();
});

for (const lang of ['en', 'zh']) {
  const en = lang === 'en';
  test(`a crashed leader (${lang}): one commit index everywhere, "last known leader", a retry relative to now`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1&nodes=3`);
    const leader = await oneLeader(page);
    await submit(page, 'put x 1');
    await page.locator('[data-op-id="1"][data-op-status=committed]').waitFor(WAIT);
    const known = page.locator('[data-output=known-leader]');
    assert.equal(await known.getAttribute('data-known-leader-standing'), 'leads');
    assert.equal((await known.textContent()).trim(), en ? `believes the leader is n${leader.id}` : `认为领导者是 n${leader.id}`);
    // Pause, select the leader, crash it.
    await page.click('[data-action=pause]');
    const node = `${NODE}[data-node-id="${leader.id}"]`;
    await page.click(node);
    await page.click('[data-action=crash]');
    await page.waitForSelector(`${node}[data-role=crashed]`);
    // One commit index: none, on the ring, the node's actions, the inspector and the log row.
    assert.equal(await page.getAttribute(node, 'data-commit'), '');
    const lost = en ? '— (lost in the crash)' : '—（随崩溃丢失）';
    assert.equal((await page.textContent('[data-output=node-commit]')).trim(), `${en ? 'commit' : '提交'} ${lost}`);
    const inspector = page.locator('[data-testid=inspector][data-inspect=node]');
    assert.match(await inspector.textContent(), new RegExp(`commitIndex${lost.replace(/[()（）]/g, '.')}`));
    const facts = page.locator('.log-label.status-crashed .log-facts');
    assert.match(await facts.textContent(), /C — · /);
    assert.equal(await page.locator(`[data-log-node="${leader.id}"][data-committed=true]`).count(), 0);
    // The client's remembered leader is gone.
    assert.equal(await known.getAttribute('data-known-leader-standing'), 'crashed');
    assert.equal((await known.textContent()).trim(), en ? `last known leader: n${leader.id} (crashed)` : `最后已知的领导者：n${leader.id}（已崩溃）`);
    // A write now tries the crashed leader, fails, and says when it retries, from now.
    await submit(page, 'put y 2');
    const op = page.locator('[data-op-id="2"] .op-status');
    const retry = en ? /^retrying 2\/8 in (\d+) ticks? \(tick (\d+)\)/ : /^将在 (\d+) 个时钟周期后（时刻 (\d+)）重试（第 2\/8 次）/;
    for (let k = 0; k < 5 && !retry.test((await op.textContent()).trim()); k++) {
      const now = await tickOf(page);
      await page.click('[data-action=step]');
      await waitTick(page, now + 1);
    }
    const first = (await op.textContent()).trim().match(retry);
    assert.ok(first, await op.textContent());
    const [inTicks, at] = [Number(first[1]), Number(first[2])];
    assert.equal(at - (await tickOf(page)), inTicks, 'relative to the tick on screen');
    if (inTicks > 1) {
      const now = await tickOf(page);
      await page.click('[data-action=step]');
      await waitTick(page, now + 1);
      await page.waitForFunction(
        ([sel, old]) => document.querySelector(sel).textContent.trim() !== old,
        ['[data-op-id="2"] .op-status', first[0]],
      );
      const next = (await op.textContent()).trim().match(retry);
      assert.deepEqual([Number(next[1]), Number(next[2])], [inTicks - 1, at]);
    }
    await done();
  });

  test(`m / Shift+m select the messages in flight from the keyboard, announced (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`);
    await oneLeader(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-msg-id]').length >= 2, null, WAIT);
    await page.keyboard.press('m');
    await page.waitForSelector('[data-card-msg]');
    assert.equal(await page.getAttribute(APP, 'data-playing'), 'false', 'm pauses');
    const position = page.locator('[data-testid=message-position]');
    const said = en ? /^message 1 of (\d+) in flight/ : /^飞行中的第 1 条消息，共 (\d+) 条/;
    const m1 = (await position.textContent()).trim().match(said);
    assert.ok(m1, await position.textContent());
    const n = Number(m1[1]);
    assert.ok(n >= 2, `${n} in flight`);
    assert.equal(await position.getAttribute('aria-live'), 'polite');
    const first = await page.getAttribute('[data-card-msg]', 'data-card-msg');
    await page.keyboard.press('m');
    const second = await page.getAttribute('[data-card-msg]', 'data-card-msg');
    assert.ok(Number(second) > Number(first), `${second} after ${first}`);
    assert.match((await position.textContent()).trim(), en ? /^message 2 of/ : /^飞行中的第 2 条/);
    await page.keyboard.press('Shift+M');
    assert.equal(await page.getAttribute('[data-card-msg]', 'data-card-msg'), first);
    await page.keyboard.press('Shift+M');
    assert.match((await position.textContent()).trim(), en ? new RegExp(`^message ${n} of ${n}`) : new RegExp(`^飞行中的第 ${n} 条`), 'wraps');
    // Help lists the key.
    await page.keyboard.press('?');
    assert.match(await page.textContent('dialog'), /m \/ Shift\+m/);
    await done();
  });
}
