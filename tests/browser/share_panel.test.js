// The Share panel (data-action=share) as a pop-over, at 1920x1080 and
// 1366x768 in English and Chinese: it opens below the playback toolbar and
// covers none of the toolbar's or the header's controls; Esc, a click
// outside and its × button close it, and the focus goes back to the Share
// button; a click inside (the link field) keeps it open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const PANEL = '.share-panel';
const SHARE = '[data-action=share]';
const CONTROLS = 'nav.toolbar button, nav.toolbar input, nav.toolbar select, nav.toolbar label, .app-header button, .app-header select';

/** The controls the open panel overlaps (empty when it covers none). */
const covered = (page) =>
  page.evaluate(
    ([panel, controls]) => {
      const p = document.querySelector(panel).getBoundingClientRect();
      return [...document.querySelectorAll(controls)]
        .filter((el) => !document.querySelector(panel).contains(el))
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height > 0)
        .filter(([, r]) => r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom)
        .map(([el]) => el.outerHTML.slice(0, 80));
    },
    [PANEL, CONTROLS],
  );

const focusIsShare = (page) => page.evaluate((sel) => document.activeElement === document.querySelector(sel), SHARE);

async function openPanel(page) {
  await page.click(SHARE);
  await page.waitForSelector(PANEL, { state: 'visible' });
  assert.equal(await page.getAttribute(SHARE, 'aria-expanded'), 'true');
}

async function closed(page) {
  await page.waitForSelector(PANEL, { state: 'detached' });
  assert.equal(await page.getAttribute(SHARE, 'aria-expanded'), 'false');
  assert.ok(await focusIsShare(page), 'the focus is back on the Share button');
}

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
]) {
  for (const lang of ['en', 'zh']) {
    test(`the Share panel covers no toolbar control and closes on Esc, outside click and × (${width}x${height}, ${lang})`, async (t) => {
      const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`, { viewport: { width, height } });
      await openPanel(page);
      assert.deepEqual(await covered(page), [], 'controls under the panel');
      const toolbar = await page.locator('nav.toolbar').boundingBox();
      const panel = await page.locator(PANEL).boundingBox();
      assert.ok(panel.y >= toolbar.y + toolbar.height, `panel top ${panel.y} below the toolbar's bottom ${toolbar.y + toolbar.height}`);
      assert.ok(panel.x + panel.width <= width && panel.x >= 0, 'inside the window');
      await screenshot(`share-panel-${width}-${lang}`);

      // Esc from the link field (which has the focus once the panel opens).
      assert.ok(await page.evaluate(() => document.activeElement?.dataset.output === 'share-link'));
      await page.keyboard.press('Escape');
      await closed(page);

      // A click inside keeps it; a click on the page outside closes it.
      await openPanel(page);
      await page.click('[data-output=share-link]');
      assert.ok(await page.locator(PANEL).isVisible(), 'a click inside keeps it open');
      await page.click('.brand');
      await closed(page);

      // The × button.
      await openPanel(page);
      await page.click(`${PANEL} .share-close`);
      await closed(page);

      // Clicking a toolbar control while it is open closes it, and the
      // control does its job (the clock stops).
      await openPanel(page);
      await page.click('[data-action=pause]');
      await page.waitForSelector(PANEL, { state: 'detached' });
      assert.equal(await page.getAttribute('[data-testid=app]', 'data-playing'), 'false');
      await done();
    });
  }
}
