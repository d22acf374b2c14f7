// Behaviour a teacher expects (issue 12): the address follows the settings
// and a reload keeps them; a fork in the past can be undone; the event log
// folds lost heartbeats and hides them with the heartbeat filter; unsafe
// switches and a too-slow network are flagged; loss in percent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP, NODE, openApp, oneLeader, tickOf, waitTick } from './lib/harness.js';

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
