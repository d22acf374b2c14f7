// Pictures and bookmarks: the ring and the space-time diagram export as SVG
// (styles inlined, every node named) and as PNG at 2×; bookmarks pin notes
// to ticks and take the run back there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp } from './lib/harness.js';

const tick = (page) => page.getAttribute('[data-testid=app]', 'data-tick').then(Number);

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function parseSvg(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return {
      error: err ? err.textContent : null,
      root: doc.documentElement.nodeName,
      ns: doc.documentElement.getAttribute('xmlns'),
      width: Number(doc.documentElement.getAttribute('width')),
      texts: [...doc.querySelectorAll('text')].map((e) => e.textContent),
      styled: doc.querySelectorAll('[style*="fill:"]').length,
      background: !!doc.querySelector('[data-export-background]'),
    };
  }, text);
}

for (const lang of ['en', 'zh']) {
  test(`the ring exports as SVG and 2× PNG (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=2&nodes=5`);
    await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=leader]'), null, { timeout: 20000 });
    await page.click('[data-action=pause]');
    const svg = await download(page, () => page.click('.cluster-export [data-action=export-svg]'));
    assert.match(svg.name, /^raftlab-2-t\d+-cluster\.svg$/);
    const doc = await parseSvg(page, svg.bytes.toString('utf8'));
    assert.equal(doc.error, null);
    assert.deepEqual([doc.root, doc.ns, doc.background], ['svg', 'http://www.w3.org/2000/svg', true]);
    for (const n of [1, 2, 3, 4, 5]) assert.ok(doc.texts.some((x) => x.includes(`n${n}`)), `n${n} named in the SVG`);
    assert.ok(doc.styled > 20, 'computed styles inlined');
    const png = await download(page, () => page.click('.cluster-export [data-action=export-png]'));
    assert.match(png.name, /-cluster\.png$/);
    const { width, height } = pngSize(png.bytes);
    assert.equal(width, Math.round(doc.width * 2), 'PNG is 2× the SVG');
    assert.ok(height > 100);
    await done();
  });
}

test('the space-time diagram exports its tick range', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=2');
  await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=leader]'), null, { timeout: 20000 });
  await page.click('[data-action=pause]');
  await page.click('[data-action=view-spacetime]');
  const st = page.locator('[data-view=spacetime]');
  const svg = await download(page, () => st.locator('[data-action=export-svg]').click());
  assert.match(svg.name, /^raftlab-2-spacetime-\d+-\d+\.svg$/);
  const doc = await parseSvg(page, svg.bytes.toString('utf8'));
  assert.equal(doc.error, null);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(doc.texts.includes(`n${n}`), `lifeline n${n} in the SVG`);
  const png = await download(page, () => st.locator('[data-action=export-png]').click());
  assert.equal(pngSize(png.bytes).width, Math.round(doc.width * 2));
  await done();
});

test('bookmarks pin notes to ticks, seek back there, and refuse bad notes', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=2');
  await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=leader]'), null, { timeout: 20000 });
  await page.click('[data-action=pause]');
  const at = await tick(page);
  await page.fill('[data-input=bookmark-note]', 'leader elected here');
  await page.click('[data-action=bookmark]');
  const item = page.locator(`[data-bookmark-tick="${at}"]`);
  assert.match(await item.textContent(), /leader elected here/);
  for (let i = 0; i < 5; i++) await page.click('[data-action=step]');
  assert.equal(await tick(page), at + 5);
  await item.click();
  await page.waitForFunction((a) => Number(document.querySelector('[data-testid=app]').dataset.tick) === a, at);
  // The diagram shows it as a flag.
  await page.click('[data-action=view-spacetime]');
  assert.equal(await page.locator(`[data-view=spacetime] [data-st-mark=bookmark][data-tick="${at}"]`).count(), 1);
  // A note over the limit is refused with a message, and nothing is added.
  await page.evaluate(() => {
    const el = document.querySelector('[data-input=bookmark-note]');
    el.removeAttribute('maxlength');
    el.value = 'x'.repeat(300);
  });
  await page.click('[data-action=bookmark]');
  await page.locator('[role=alert]', { hasText: 'Bookmark not added' }).waitFor();
  assert.equal(await page.locator('[data-bookmark-tick]').count(), 1);
  await done();
});

test('bookmarks survive a share link and a file, in both languages', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh&seed=2');
  await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=leader]'), null, { timeout: 20000 });
  await page.click('[data-action=pause]');
  const at = await tick(page);
  await page.fill('[data-input=bookmark-note]', '领导者当选');
  await page.click('[data-action=bookmark]');
  for (let i = 0; i < 3; i++) await page.click('[data-action=step]');
  await page.click('[data-action=share]');
  const link = await page.inputValue('[data-output=share-link]');
  const file = await download(page, () => page.click('[data-action=export]'));
  await done();

  const fresh = await openApp(t, new URL(link).search + new URL(link).hash);
  const item = fresh.page.locator(`[data-bookmark-tick="${at}"]`);
  await item.waitFor();
  assert.match(await item.textContent(), /领导者当选/);
  assert.equal(await tick(fresh.page), at + 3);
  await item.click();
  await fresh.page.waitForFunction((a) => Number(document.querySelector('[data-testid=app]').dataset.tick) === a, at);
  await fresh.done();

  assert.match(file.bytes.toString('utf8'), /"bookmarks"/);
  const other = await openApp(t, '?lang=en&seed=5');
  await other.page.click('[data-action=share]');
  await other.page.setInputFiles('[data-input=import]', { name: file.name, mimeType: 'application/json', buffer: file.bytes });
  await other.page.locator(`[data-bookmark-tick="${at}"]`).waitFor();
  await other.done();
});

test('the run exports as a JSON trace with its events, and import opens the same moment', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=3');
  await page.waitForFunction(() => document.querySelector('[data-node-id][data-role=leader]'), null, { timeout: 20000 });
  await page.click('[data-action=pause]');
  await page.fill('[data-input=command]', 'put a 1');
  await page.click('[data-action=submit]');
  for (let i = 0; i < 20; i++) await page.click('[data-action=step]');
  const at = await tick(page);
  await page.click('[data-action=share]');
  const trace = await download(page, () => page.click('[data-action=export-trace]'));
  assert.match(trace.name, /^raftlab-3-t\d+-trace\.json$/);
  const doc = JSON.parse(trace.bytes.toString('utf8'));
  assert.equal(doc.format, 'raftlab-trace');
  assert.equal(doc.tick, at);
  assert.ok(doc.events.length > 10 && doc.events.length === doc.events_total);
  assert.ok(doc.events.some((e) => e.kind && typeof e.text === 'string' && e.data), 'events carry kind, text and data');
  assert.ok(doc.actions.length >= 1);
  await done();

  const fresh = await openApp(t, '?lang=zh&seed=9');
  await fresh.page.click('[data-action=share]');
  await fresh.page.setInputFiles('[data-input=import-trace]', { name: trace.name, mimeType: 'application/json', buffer: trace.bytes });
  await fresh.page.waitForFunction((a) => Number(document.querySelector('[data-testid=app]').dataset.tick) === a, at);
  await fresh.page.locator('[role=status], [role=alert]', { hasText: '轨迹已载入' }).first().waitFor();
  // A bad trace: a clear message, and the run stays.
  const bad = JSON.stringify({ ...doc, version: 99 });
  if (!(await fresh.page.locator('[data-input=import-trace]').count())) await fresh.page.click('[data-action=share]');
  await fresh.page.setInputFiles('[data-input=import-trace]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await fresh.page.locator('[role=alert]', { hasText: '更新版本' }).first().waitFor();
  assert.equal(Number(await fresh.page.getAttribute('[data-testid=app]', 'data-tick')), at);
  await fresh.done();
});
