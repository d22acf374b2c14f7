// Projector-first (issue 12): at 1920×1080 and 1366×768, in both
// languages, in free play and at every step of every guided scenario, what a
// lesson needs is on one screen. Measured, not eyeballed:
//   - the bounding box of every node, of the narration and (1920×1080) of
//     every node's log row lies inside the viewport, without scrolling;
//   - (1920×1080) the smallest rendered text is ≥ 12 px, and ≥ 14 px for
//     node labels, log cells and the narration, SVG scale included;
//   - message pills never cover a node's name or labels, sampled over many
//     frames while the cluster plays;
//   - presenter mode toggles by key and by button, hides the settings and
//     the legend; a notice is a toast that does not move the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setSpeed, waitStep } from './lib/harness.js';

const WIDE = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

/**
 * Runs in the page: what is not inside the viewport. `logs`: also every log
 * row (the part of it its scroller shows).
 */
function outside({ logs }) {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const box = (r) => `[${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}]`;
  const inside = (r) => r.width > 0 && r.height > 0 && r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
  const bad = [];
  if (document.scrollingElement.scrollTop !== 0) bad.push(`page scrolled to ${document.scrollingElement.scrollTop}`);
  for (const n of document.querySelectorAll('[data-node-id]')) {
    const r = n.getBoundingClientRect();
    if (!inside(r)) bad.push(`node n${n.dataset.nodeId} ${box(r)}`);
  }
  const narration = document.querySelector('[data-testid=narration]');
  if (narration && !inside(narration.getBoundingClientRect())) {
    bad.push(`narration ${box(narration.getBoundingClientRect())}`);
  }
  if (logs) {
    const scroller = document.querySelector('.log-scroller');
    const s = scroller.getBoundingClientRect();
    for (const row of document.querySelectorAll('[data-log-row]')) {
      const r = row.getBoundingClientRect();
      const shown = new DOMRect(Math.max(r.left, s.left), r.top, Math.min(r.right, s.right) - Math.max(r.left, s.left), r.height);
      if (!inside(shown)) bad.push(`log row n${row.dataset.logRow} ${box(shown)}`);
    }
  }
  return bad;
}

/**
 * Runs in the page: every rendered text run smaller than it may be, as
 * "size text (where)". Sizes are on screen: CSS zoom and the SVG's scale
 * included. Decorative icons (aria-hidden) are not text to read.
 */
function smallText() {
  const big = '.cluster-canvas .node text, .log-cell, [data-narration]';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bad = [];
  const range = document.createRange();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.textContent.trim()) continue;
    const el = t.parentElement;
    if (!el || el.closest('[aria-hidden=true], script, style, noscript, title, option')) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
    range.selectNodeContents(t);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    let size = parseFloat(style.fontSize) * (el.currentCSSZoom ?? 1);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) size = parseFloat(style.fontSize) * Math.hypot(m.a, m.b);
    }
    const min = el.closest(big) ? 14 : 12;
    if (size < min - 0.05) {
      const where = el.className?.baseVal ?? el.className ?? el.tagName;
      bad.push(`${size.toFixed(1)}px < ${min} "${t.textContent.trim().slice(0, 30)}" (${el.tagName.toLowerCase()}.${where})`);
    }
  }
  return [...new Set(bad)];
}

/** Every scenario id in the menu, with its number of steps. */
async function scenarios(page) {
  await page.click('[data-action=scenarios]');
  const ids = await page.$$eval('[data-scenario]', (els) => els.map((e) => e.dataset.scenario));
  await page.click('[data-action=scenarios]');
  return ids;
}

async function openFromMenu(page, id) {
  await page.click('[data-action=scenarios]');
  await page.click(`[data-scenario="${id}"]`);
  await waitStep(page, id, 0);
}

for (const lang of ['zh', 'en']) {
  for (const viewport of [WIDE, LAPTOP]) {
    const wide = viewport === WIDE;
    const name = `${viewport.width}×${viewport.height} ${lang}`;
    test(`${name}: nodes, narration${wide ? ', log rows' : ''} on screen in free play and every scenario step${wide ? '; no small text' : ''}`, async (t) => {
      const { page, done } = await openApp(t, `?lang=${lang}&seed=1`, { viewport });
      const problems = [];
      const check = async (where) => {
        // The panels follow the clock at most ten times a second: let them settle.
        await page.waitForTimeout(60);
        for (const p of await page.evaluate(outside, { logs: wide })) problems.push(`${where}: ${p}`);
        if (wide) for (const p of await page.evaluate(smallText)) problems.push(`${where}: ${p}`);
      };
      await page.waitForTimeout(1500);
      await check('free play');
      const ids = await scenarios(page);
      assert.ok(ids.length >= 20, `${ids.length} scenarios in the menu`);
      let steps = 0;
      for (const id of ids) {
        await openFromMenu(page, id);
        const n = Number(await page.getAttribute('[data-testid=narration]', 'data-steps'));
        for (let k = 0; k < n; k++) {
          if (k > 0) {
            await page.click(`[data-testid=narration] [data-step="${k}"]`);
            await waitStep(page, id, k);
          }
          await check(`${id} step ${k + 1}/${n}`);
          steps++;
        }
      }
      assert.ok(steps > ids.length * 3, `${steps} steps walked`);
      assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
      await done();
    });
  }

  test(`1366×768 ${lang}: the header and toolbar fit: the header is one row, no control wraps or is cut off`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`, { viewport: LAPTOP });
    const check = (where) =>
      page.evaluate((where) => {
        const bad = [];
        for (const bar of document.querySelectorAll('.app-header, .toolbar')) {
          const row = bar.getBoundingClientRect();
          const kids = [...bar.children].filter((k) => k.getBoundingClientRect().width > 0);
          const tallest = Math.max(...kids.map((k) => k.getBoundingClientRect().height));
          // The header is one row; the toolbar may wrap, between its groups only.
          if (bar.matches('.app-header') && row.height > tallest * 1.5) bad.push(`${where}: the header wraps onto more rows (${Math.round(row.height)} px)`);
          const items = bar.querySelectorAll('button, summary, label, select, h1, .clock');
          for (const el of items) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
            const name = `${where}: ${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`;
            if (r.left < 0 || r.right > innerWidth + 0.5) bad.push(`${name} outside the viewport (${Math.round(r.left)}–${Math.round(r.right)})`);
            if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT') bad.push(`${name} cut off (${el.scrollWidth} > ${el.clientWidth})`);
            if (['BUTTON', 'SUMMARY', 'H1'].includes(el.tagName)) {
              const cs = getComputedStyle(el);
              const lh = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3;
              const inner = r.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) - parseFloat(cs.borderTopWidth) - parseFloat(cs.borderBottomWidth);
              if (inner > lh * 1.5) bad.push(`${name} wraps (${Math.round(inner)} px for ${Math.round(lh)} px lines)`);
            }
          }
        }
        return bad;
      }, where);
    const problems = [...(await check('free play'))];
    // A scenario open (its name in the menu), comparing, and a node selected.
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="figure-8-noop"]');
    await page.locator('[data-testid=narration][data-step="0"]').waitFor();
    problems.push(...(await check('scenario')));
    await page.click('[data-node-id="1"]');
    problems.push(...(await check('node selected')));
    assert.deepEqual(problems, []);
    await done();
  });

  test(`1366×768 ${lang}: a selected node's action buttons are on screen, not cut off`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=1`, { viewport: LAPTOP });
    for (const id of ['1', '3', '4']) {
      await page.click(`[data-node-id="${id}"]`);
      await page.locator('.node-actions').waitFor();
      const bad = await page.$$eval('.node-actions button', (buttons) =>
        buttons
          .map((b) => [b.textContent.trim(), b.getBoundingClientRect()])
          .filter(([, r]) => r.width === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
          .map(([text, r]) => `${text} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`),
      );
      assert.deepEqual(bad, [], `n${id}: buttons outside the viewport`);
      const nodes = await page.evaluate(outside, { logs: false });
      assert.deepEqual(nodes, [], `n${id} selected: every node still on screen`);
    }
    await done();
  });
}

test('presenter mode: the f key and the button toggle it; settings and legends go, the ring grows', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1', { viewport: WIDE });
  const app = page.locator('[data-testid=app]');
  assert.equal(await app.getAttribute('data-presenter'), 'off');
  assert.ok(await page.locator('.settings').isVisible());
  assert.ok(await page.locator('.cluster-legend').isVisible());
  const ringBefore = (await page.locator('.cluster-svg').boundingBox()).height;
  const labelBefore = await page.$eval('.node-role', (el) => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a);

  await page.keyboard.press('f');
  await page.waitForSelector('[data-testid=app][data-presenter=on]');
  assert.equal(await page.getAttribute('[data-action=presenter]', 'aria-pressed'), 'true');
  assert.equal(await page.locator('.settings').isVisible(), false, 'settings hidden');
  assert.equal(await page.locator('.cluster-legend').isVisible(), false, 'legend hidden');
  const ringAfter = (await page.locator('.cluster-svg').boundingBox()).height;
  const labelAfter = await page.$eval('.node-role', (el) => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a);
  assert.ok(ringAfter >= ringBefore, `ring ${ringBefore} → ${ringAfter} px`);
  assert.ok(labelAfter >= labelBefore, `node label ${labelBefore} → ${labelAfter} px`);
  const narrationSize = async () => {
    await page.click('[data-action=scenarios]');
    await page.click('[data-scenario="log-replication"]');
    await waitStep(page, 'log-replication', 0);
    return page.$eval('[data-narration]', (el) => parseFloat(getComputedStyle(el).fontSize));
  };
  const bigText = await narrationSize();
  assert.deepEqual(await page.evaluate(outside, { logs: true }), [], 'presenter mode keeps everything on screen');

  // Typing f in the command box types an f; it does not leave presenter mode.
  await page.fill('[data-input=command]', 'f');
  await page.press('[data-input=command]', 'f');
  assert.equal(await app.getAttribute('data-presenter'), 'on');
  await page.evaluate(() => document.activeElement.blur());

  await page.click('[data-action=presenter]');
  await page.waitForSelector('[data-testid=app][data-presenter=off]');
  assert.ok(await page.locator('.settings').isVisible());
  const normalText = await page.$eval('[data-narration]', (el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(bigText > normalText, `narration ${normalText} px, in presenter mode ${bigText} px`);
  await done();
});

test('zoom: the control and + / − scale the logs and the event log, not the page', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh&seed=1', { viewport: WIDE });
  const cellZoom = () => page.$eval('.logs', (el) => el.currentCSSZoom);
  assert.equal(await cellZoom(), 1);
  await page.selectOption('[data-input=zoom]', { label: '150%' });
  await page.waitForSelector('[data-testid=app][data-zoom="150"]');
  assert.equal(await cellZoom(), 1.5);
  assert.equal(await page.$eval('.events', (el) => el.currentCSSZoom), 1.5);
  assert.equal(await page.$eval('.toolbar', (el) => el.currentCSSZoom), 1, 'the toolbar keeps its size');
  await page.keyboard.press('-');
  await page.waitForSelector('[data-testid=app][data-zoom="130"]');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.waitForSelector('[data-testid=app][data-zoom="175"]');
  assert.equal(await page.inputValue('[data-input=zoom]'), '6');
  // The ring and its nodes stay on screen at any zoom.
  const nodes = await page.evaluate(outside, { logs: false });
  assert.deepEqual(nodes, []);
  await done();
});

/** Runs in the page: pairs (pill, label) whose boxes overlap by more than 1 px. */
function pillsOnLabels() {
  const labels = [...document.querySelectorAll('.cluster-canvas .node .node-id, .cluster-canvas .node .node-role, .cluster-canvas .node .node-info')]
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width > 0 && el.textContent.trim());
  const hits = [];
  for (const pill of document.querySelectorAll('.cluster-overlay [data-msg] .shape')) {
    const p = pill.getBoundingClientRect();
    for (const [el, r] of labels) {
      const w = Math.min(p.right, r.right) - Math.max(p.left, r.left);
      const h = Math.min(p.bottom, r.bottom) - Math.max(p.top, r.top);
      if (w > 1 && h > 1) {
        const msg = pill.closest('[data-msg]');
        hits.push(`${msg.dataset.msg} ${msg.dataset.from}→${msg.dataset.to} on n${el.closest('[data-node-id]').dataset.nodeId} "${el.textContent}"`);
      }
    }
  }
  return hits;
}

for (const [query, label] of [
  ['?lang=zh&seed=1', 'five nodes'],
  ['?lang=en&seed=4&nodes=7', 'seven nodes'],
  ['?lang=zh&seed=2&nodes=9', 'nine nodes'],
]) {
  test(`message pills never cover node names or labels while playing (${label})`, async (t) => {
    const { page, done } = await openApp(t, query, { viewport: WIDE });
    await setSpeed(page, 3);
    const hits = [];
    let frames = 0;
    let pills = 0;
    for (let i = 0; i < 120; i++) {
      if (i === 40) {
        await page.fill('[data-input=command]', 'put x 1');
        await page.press('[data-input=command]', 'Enter');
        await page.evaluate(() => document.activeElement.blur());
      }
      const found = await page.evaluate(pillsOnLabels);
      pills += await page.locator('.cluster-overlay [data-msg]').count();
      hits.push(...found);
      frames++;
      await page.waitForTimeout(50);
    }
    assert.ok(pills > 50, `${pills} pills seen over ${frames} frames`);
    assert.deepEqual([...new Set(hits)], [], `overlaps over ${frames} frames`);
    await done();
  });
}

test('a notice is a toast: showing it does not move the page', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1', { viewport: WIDE });
  await page.click('[data-action=pause]').catch(() => {});
  const before = await page.$eval('.cluster-pane', (el) => el.getBoundingClientRect().top);
  await page.fill('[data-input=command]', 'frobnicate');
  await page.press('[data-input=command]', 'Enter');
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  assert.equal(await notice.evaluate((el) => getComputedStyle(el).position), 'fixed');
  const after = await page.$eval('.cluster-pane', (el) => el.getBoundingClientRect().top);
  assert.equal(after, before, 'the stage did not move');
  const r = await notice.boundingBox();
  assert.ok(r.y >= 0 && r.y + r.height <= WIDE.height && r.x >= 0 && r.x + r.width <= WIDE.width, 'the toast is on screen');
  await page.click('[data-testid=notice] .dismiss');
  await page.waitForSelector('[data-testid=notice]', { state: 'detached' });
  assert.equal(await page.$eval('.cluster-pane', (el) => el.getBoundingClientRect().top), before);
  await done();
});
