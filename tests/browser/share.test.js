// Share links and files: a link reopens exactly the moment it was made (the
// same tick, roles, terms and commit indexes, paused); a broken link opens
// the default cluster with an alert saying what was wrong; Export downloads
// the run as a file and Import loads it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEADER, openApp, setSpeed, tickOf } from './lib/harness.js';

/** Tick, and role/term/commit of every node: what must survive a link. */
const moment = (page) =>
  page.evaluate(() => ({
    tick: Number(document.querySelector('[data-testid=app]').dataset.tick),
    nodes: [...document.querySelectorAll('[data-node-id]')]
      .sort((a, b) => Number(a.dataset.nodeId) - Number(b.dataset.nodeId))
      .map((n) => ({ id: n.dataset.nodeId, role: n.dataset.role, term: n.dataset.term, commit: n.dataset.commit })),
  }));

/** Plays until there is a leader, crashes a follower, submits a command, lets it commit, pauses. */
async function playAndAct(page) {
  await setSpeed(page, 5); // 50 ticks/s
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, LEADER, { timeout: 20000 });
  const follower = await page.getAttribute('[data-node-id][data-role=follower]', 'data-node-id');
  await page.click(`[data-node-id="${follower}"]`);
  await page.click(`[data-actions-for="${follower}"] [data-action=crash]`);
  await page.fill('[data-input=command]', 'put hello world');
  await page.press('[data-input=command]', 'Enter');
  await page.waitForSelector('[data-op-status=committed]', { timeout: 20000 });
  await page.click('[data-action=pause]');
  return follower;
}

test('a share link reopens exactly that moment, paused', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=3');
  const crashed = await playAndAct(page);
  // Look a little into the past too: the link must keep the future.
  const head = await tickOf(page);
  await page.click('[data-action=back]');
  await page.waitForFunction((h) => Number(document.querySelector('[data-testid=app]').dataset.tick) === h - 1, head);
  const before = await moment(page);
  assert.equal(before.nodes.find((n) => n.id === crashed).role, 'crashed');

  await page.click('[data-action=share]');
  const link = await page.inputValue('[data-output=share-link]');
  assert.ok(await page.locator('[data-output=share-link]').isVisible());
  assert.match(link, /\?lang=en#v1\.[A-Za-z0-9_-]+$/);
  await done();

  const fresh = await openApp(t, new URL(link).search + new URL(link).hash);
  const after = await moment(fresh.page);
  assert.deepEqual(after, before);
  assert.equal(await fresh.page.getAttribute('[data-testid=app]', 'data-playing'), 'false');
  assert.equal(await fresh.page.locator('[role=alert]').count(), 0);
  // Stays paused, and the future is still there to step into.
  await fresh.page.waitForTimeout(400);
  assert.equal(await tickOf(fresh.page), before.tick);
  await fresh.page.click('[data-action=step]');
  await fresh.page.waitForFunction((t0) => Number(document.querySelector('[data-testid=app]').dataset.tick) === t0 + 1, before.tick);
  await fresh.done();
});

test('a scenario step travels with its link', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh');
  await page.click('[data-action=scenarios]');
  await page.click('[data-scenario="partition"]');
  await page.click('[data-action=scenario-next]');
  await page.click('[data-action=scenario-next]');
  await page.waitForSelector('[data-testid=narration][data-step="2"]');
  const before = await moment(page);
  await page.click('[data-action=share]');
  const link = await page.inputValue('[data-output=share-link]');
  await done();

  const fresh = await openApp(t, new URL(link).search + new URL(link).hash);
  await fresh.page.waitForSelector('[data-testid=narration][data-scenario-id=partition][data-step="2"][data-mode=guided]');
  assert.deepEqual(await moment(fresh.page), before);
  assert.match(await fresh.page.textContent('[data-narration]'), /[\u4e00-\u9fff]/);
  await fresh.done();
});

const BAD = [
  ['malformed', '#v1.!!!', /malformed/],
  ['truncated', null, /truncated/],
  ['newer version', '#v9.eyJjIjp7fX0', /newer version/],
  ['too large', `#v1.${'A'.repeat(300 * 1024)}`, /too large/],
];

test('broken links open the default cluster with an alert saying why', async (t) => {
  // A real link, cut in half, for the truncated case.
  const { page, done } = await openApp(t, '?lang=en');
  await page.click('[data-action=share]');
  const good = new URL(await page.inputValue('[data-output=share-link]')).hash;
  await done();
  for (const [name, fragment, why] of BAD) {
    const hash = fragment ?? good.slice(0, Math.floor(good.length / 2));
    const { page, done } = await openApp(t, `?lang=en${hash}`);
    const alert = page.locator('[role=alert]');
    await alert.waitFor({ state: 'visible' });
    const text = await alert.textContent();
    assert.match(text, why, `${name}: ${text}`);
    assert.match(text, /default cluster/);
    // The default cluster runs: five nodes, the clock moves.
    assert.equal(await page.locator('[data-node-id]').count(), 5);
    const t0 = await tickOf(page);
    await page.waitForFunction((t0) => Number(document.querySelector('[data-testid=app]').dataset.tick) > t0, t0);
    await done();
  }
  // And in Chinese.
  const zh = await openApp(t, '?lang=zh#v1.!!!');
  await zh.page.locator('[role=alert]').waitFor({ state: 'visible' });
  assert.match(await zh.page.textContent('[role=alert]'), /格式错误.*默认集群/);
  await zh.done();
});

test('export downloads the run; import loads it back, or says why not', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'raftlab-share-'));
  const { page, screenshot, done } = await openApp(t, '?lang=en&seed=5');
  await playAndAct(page);
  const before = await moment(page);
  await page.click('[data-action=share]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export]')]);
  assert.equal(download.suggestedFilename(), `raftlab-5-t${before.tick}.json`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.format, 'raftlab');
  assert.equal(saved.seed, 5);
  assert.equal(saved.tick, before.tick);
  await screenshot('share-panel');
  await done();

  const fresh = await openApp(t, '?lang=en&seed=9');
  await fresh.page.click('[data-action=share]');
  await fresh.page.setInputFiles('[data-input=import]', file);
  await fresh.page.waitForFunction((t0) => Number(document.querySelector('[data-testid=app]').dataset.tick) === t0, before.tick);
  assert.deepEqual(await moment(fresh.page), before);
  assert.equal(await fresh.page.getAttribute('[data-testid=app]', 'data-playing'), 'false');

  // A newer version's file is refused with its reason; the run is untouched.
  const newer = join(dir, 'newer.json');
  await writeFile(newer, JSON.stringify({ ...saved, version: 7 }));
  await fresh.page.setInputFiles('[data-input=import]', newer);
  await fresh.page.locator('[role=alert]').waitFor({ state: 'visible' });
  assert.match(await fresh.page.textContent('[role=alert]'), /file was made by a newer version/);
  const cut = join(dir, 'cut.json');
  await writeFile(cut, (await readFile(file, 'utf8')).slice(0, 200));
  await fresh.page.setInputFiles('[data-input=import]', cut);
  await fresh.page.waitForFunction(() => /truncated/.test(document.querySelector('[role=alert]')?.textContent ?? ''));
  assert.deepEqual(await moment(fresh.page), before);
  await fresh.done();
});
