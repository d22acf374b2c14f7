// Issue 16: a link or a file from anyone cannot hurt the page, and a reload
// loses nothing. Refusals say what was wrong and what was kept; a wasm trap
// shows the error panel; a reload returns to the same moment, paused; a
// fastest-speed soak stays under a memory ceiling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const raft = { election_timeout: 10000, heartbeat_interval: 1, pre_vote: false, check_quorum: false, leader_noop: true, max_entries_per_message: 1000, unsafe_switches: [] };
const network = { latency_min: 1, latency_max: 1000, loss_permille: 0, duplicate_permille: 0, manual_delivery: false };
/** The "18 KB" work bomb: 9 nodes, heartbeat 1, latency 1000, 200,000 ticks. */
function bomb() {
  const a = [];
  for (let i = 0; i < 107; i++) a.push([i * 1800, { Propose: ['Cluster', { Put: { key: `k${i}`, value: String(i).padStart(60, '0') } }] }]);
  const json = JSON.stringify({ c: { nodes: 9, seed: 1, raft, network }, a, t: 200000, h: 200000 });
  return 'v1.' + Buffer.from(json).toString('base64url');
}

const alertText = async (page) => {
  const alert = page.locator('[role=alert]').first();
  await alert.waitFor({ state: 'visible' });
  return alert.textContent();
};

test('a work-bomb link is refused at once, saying why and what opened', async (t) => {
  const { page, done } = await openApp(t, `?lang=en#${bomb()}`);
  const text = await alertText(page);
  assert.match(text, /would take too long to replay/);
  assert.match(text, /The default cluster was opened instead\./);
  assert.equal(await page.locator('[data-node-id]').count(), 5);
  await done();
});

test('with query parameters the refusal names the cluster they set; zh too; duplicates reported', async (t) => {
  const { page, done } = await openApp(t, `?lang=zh&nodes=3&nodes=7#${bomb()}`);
  const text = await alertText(page);
  assert.match(text, /重放耗时过长/);
  assert.match(text, /已改为打开网址参数设定的集群/);
  assert.match(text, /网址参数 nodes 出现了不止一次/);
  assert.equal(await page.locator('[data-node-id]').count(), 3);
  await done();
});

test('a forged message in a link is refused as malformed', async (t) => {
  const cfg = { nodes: 3, seed: 1, raft: { ...raft, election_timeout: 20, heartbeat_interval: 5, max_entries_per_message: 8 }, network: { ...network, latency_min: 2, latency_max: 4 } };
  const msg = { from: 1, to: 2, term: 18446744073709551615, body: { RequestVoteResponse: { pre_vote: false, vote_granted: true } } };
  // JSON.stringify would round the term; write it by hand.
  const json = JSON.stringify({ c: cfg, a: [[3, { Inject: { ...msg, term: 0 } }]], t: 5, h: 5 }).replace('"term":0', '"term":18446744073709551615');
  const { page, done } = await openApp(t, `?lang=en#v1.${Buffer.from(json).toString('base64url')}`);
  const text = await alertText(page);
  assert.match(text, /bad hand-written message \(action 1\)/);
  assert.match(text, /term is above/);
  await done();
});


const moment = (page) =>
  page.evaluate(() => ({
    tick: Number(document.querySelector('[data-testid=app]').dataset.tick),
    nodes: [...document.querySelectorAll('[data-node-id]')]
      .sort((a, b) => Number(a.dataset.nodeId) - Number(b.dataset.nodeId))
      .map((n) => ({ id: n.dataset.nodeId, role: n.dataset.role, term: n.dataset.term, commit: n.dataset.commit })),
  }));

async function setSpeed(page, index) {
  await page.$eval('[data-input=speed]', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, index);
}

test('a reload returns to the same moment, paused', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=5');
  await setSpeed(page, 5);
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, { timeout: 20000 });
  await page.fill('[data-input=command]', 'put x 1');
  await page.press('[data-input=command]', 'Enter');
  await page.waitForSelector('[data-op-status=committed]', { timeout: 20000 });
  await page.click('[data-action=pause]');
  const before = await moment(page);
  await page.waitForTimeout(1500); // the keeper writes at most once a second
  await page.reload();
  await page.waitForSelector('[data-testid=app]');
  await page.waitForFunction((tick) => Number(document.querySelector('[data-testid=app]').dataset.tick) === tick, before.tick, { timeout: 10000 });
  assert.deepEqual(await moment(page), before);
  assert.match(await page.locator('[role=status], [role=alert]').allTextContents().then((a) => a.join(' ')), /back where you left it/);
  await page.waitForTimeout(500);
  assert.equal((await moment(page)).tick, before.tick, 'paused after the reload');
  await done();
});

test('60 s at the fastest speed, 9 nodes, steady client load: wasm memory stays under 64 MB', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&nodes=9&seed=2');
  const mem = () => page.evaluate(() => window.wasmBindings?.raftlab_memory_bytes?.());
  const start = await mem();
  assert.ok(start > 0, 'raftlab_memory_bytes is exported');
  await setSpeed(page, 7);
  if (await page.locator('[data-action=play]').count()) await page.click('[data-action=play]');
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < 60_000) {
    await page.fill('[data-input=command]', `put k${i % 20} ${i}`);
    await page.press('[data-input=command]', 'Enter');
    i++;
    await page.waitForTimeout(400);
  }
  const tick = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  const end = await mem();
  console.log(`soak ticks=${tick} commands=${i} wasm_memory_start_mb=${(start / 2 ** 20).toFixed(1)} wasm_memory_end_mb=${(end / 2 ** 20).toFixed(1)}`);
  assert.ok(tick > 10_000, `the clock ran fast (${tick} ticks)`);
  assert.ok(end < 64 * 2 ** 20, `wasm memory ${end} bytes is under the 64 MB ceiling`);
  await done();
});

