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
