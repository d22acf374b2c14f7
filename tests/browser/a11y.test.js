// Keyboard and screen readers (issue 12): axe-core (npm, pinned in the lock
// file) finds no serious or critical WCAG 2.1 A/AA violation in six states;
// the keyboard reaches everything without being trapped or hijacked; the
// help is a modal dialog; the polite live region says what happened, in the
// current language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP, NODE, LEADER, openApp, openScenario, oneLeader, isPlaying, tickOf, setSpeed } from './lib/harness.js';
import { seriousViolations } from './lib/axe.js';

const WAIT = { timeout: 20000 };

async function assertAxeClean(page, state) {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `axe (${state}):\n${found.join('\n')}`);
}

/** Describes the focused element: tag, data-action/data-testid, whether inside the dialog. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { body: true };
    return {
      body: false,
      tag: el.tagName.toLowerCase(),
      action: el.dataset?.action ?? null,
      msg: !!el.closest('[data-msg-id]'),
      inDialog: !!el.closest('dialog[open]'),
      disabled: !!el.disabled,
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
    };
  });

test('axe: no serious or critical violations by default, with a node selected, and in dark mode', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await oneLeader(page);
  await page.click('[data-action=pause]');
  await assertAxeClean(page, 'default');
  await page.click(LEADER);
  await page.locator('.node-actions').waitFor();
  await assertAxeClean(page, 'node selected');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAxeClean(page, 'dark mode, node selected');
  await page.click('[data-action=deselect]');
  await assertAxeClean(page, 'dark mode');
  await page.click('[data-action=lang]');
  await assertAxeClean(page, 'dark mode, Chinese');
  await done();
});

test('axe: no serious or critical violations with a scenario running, the help open, and a safety violation', async (t) => {
  const { page, done } = await openApp(t, '?lang=en');
  await openScenario(page, 'election-basics', 1);
  await page.click('[data-action=play]');
  await page.waitForTimeout(500);
  await assertAxeClean(page, 'scenario running');
  await page.click('[data-action=lang]');
  await assertAxeClean(page, 'scenario running, Chinese');
  await page.click('[data-action=lang]');
  await page.click('[data-action=help]');
  await page.locator('dialog[open][data-testid=help]').waitFor();
  await assertAxeClean(page, 'help open');
  await page.keyboard.press('Escape');
  const badge = page.locator('[data-testid=safety]');
  await openScenario(page, 'figure-8-unsafe', 0);
  const steps = Number(await page.getAttribute('[data-testid=narration]', 'data-steps'));
  for (let k = 1; k < steps && (await badge.getAttribute('data-safety')) === 'ok'; k++) {
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`[data-testid=narration][data-step="${k}"]`, WAIT);
  }
  await page.waitForSelector('[data-testid=safety][data-safety=violated]');
  await badge.locator('[data-action=safety-details]').click();
  await assertAxeClean(page, 'safety violation shown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAxeClean(page, 'safety violation shown, dark mode');
  await done();
});

test('names start with the visible label; the language button carries lang', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  const lang = page.locator('[data-action=lang]');
  assert.equal(await lang.getAttribute('lang'), 'zh-CN');
  assert.equal(await lang.getAttribute('aria-label'), null, 'named by its visible text');
  assert.equal((await lang.textContent()).trim(), '中文');
  await lang.click();
  assert.equal(await lang.getAttribute('lang'), 'en');
  assert.equal((await lang.textContent()).trim(), 'English');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.locator(`${NODE}[data-node-id="1"]`).getAttribute('aria-label'), /^n1，/);
  await done();
});

test('messages in flight are not Tab stops, and Tab never gets stuck while playing', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await setSpeed(page, 5);
  await page.waitForSelector('[data-msg-id]', WAIT);
  assert.equal(await page.locator('[data-msg-id][tabindex]').count(), 0);
  assert.ok(await isPlaying(page));
  const seen = new Set();
  for (let k = 0; k < 30; k++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.equal(f.body, false, `Tab ${k + 1} dropped the focus to the page`);
    assert.equal(f.msg, false, 'a message took the focus');
    seen.add(`${f.tag}:${f.action}:${f.text}`);
  }
  assert.ok(seen.size >= 25, `Tab walked ${seen.size} distinct controls`);
  assert.ok(await isPlaying(page), 'Tab does not pause');
  await done();
});

test('global shortcuts leave a focused button, slider or field alone; Esc leaves the command box', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  // Space on a focused button presses it; it does not pause the clock.
  const st = page.locator('[data-action=view-spacetime]');
  await st.focus();
  await page.keyboard.press(' ');
  assert.equal(await st.getAttribute('aria-pressed'), 'true');
  assert.ok(await isPlaying(page), 'Space pressed the button, not pause');
  // Space with nothing focused pauses.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press(' ');
  assert.equal(await isPlaying(page), false);
  // → steps while paused, but not while the speed slider has the focus.
  const tick = await tickOf(page);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t0) => Number(document.querySelector('[data-testid=app]').dataset.tick) === t0 + 1, tick);
  const speed = page.locator('[data-input=speed]');
  const before = await speed.inputValue();
  await speed.focus();
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await speed.inputValue(), before, 'the slider moved');
  assert.equal(await tickOf(page), tick + 1, 'and the clock did not step back');
  // Typing in the command box types; Escape leaves it.
  const box = page.locator('[data-input=command]');
  await box.focus();
  await page.keyboard.type('put c 1');
  assert.equal(await box.inputValue(), 'put c 1');
  await page.keyboard.press('Escape');
  assert.equal(await box.evaluate((el) => document.activeElement === el), false, 'Esc left the command box');
  assert.equal(await box.inputValue(), 'put c 1', 'and kept the text');
  await done();
});

test('help is a modal dialog: focus moves in, stays in, Esc closes, focus returns', async (t) => {
  const { page, done } = await openApp(t, '?lang=zh&seed=1');
  await page.click('[data-action=help]');
  const dialog = page.locator('dialog[open][data-testid=help]');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true, 'opened with showModal');
  assert.equal(await dialog.getAttribute('aria-labelledby'), 'help-title');
  let f = await focused(page);
  assert.deepEqual([f.inDialog, f.action], [true, 'close-help']);
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
    await page.keyboard.press(key);
    f = await focused(page);
    assert.equal(f.inDialog, true, `${key} left the dialog`);
  }
  // Shortcuts behind a modal do nothing: Space does not pause.
  await page.keyboard.press('c');
  assert.ok(await isPlaying(page));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-testid=help]'));
  f = await focused(page);
  assert.equal(f.action, 'help', 'focus returned to the Help button');
  // Opened with ? from the page, it closes with its button and focus comes back.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('?');
  await dialog.waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-testid=help]'));
  assert.equal((await focused(page)).body, false);
  await done();
});

test('focus lands sensibly: on the narration after opening a scenario, on a neighbour when a control disables itself', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  await oneLeader(page);
  await page.click('[data-action=pause]');
  await page.click(`${NODE}[data-node-id="2"]`);
  const crash = page.locator('.node-actions [data-action=crash]');
  await crash.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${NODE}[data-node-id="2"][data-role=crashed]`);
  await page.waitForFunction(() => document.activeElement?.dataset?.action === 'restart');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${NODE}[data-node-id="2"]:not([data-role=crashed])`);
  const f = await focused(page);
  assert.equal(f.body, false);
  assert.equal(f.disabled, false);
  // Opening a scenario from the menu by keyboard puts the focus on its title.
  await page.focus('[data-action=scenarios]');
  await page.keyboard.press('Enter');
  await page.focus('[data-scenario="election-basics"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=narration][data-scenario-id="election-basics"]');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=narration]') && document.activeElement.tagName === 'H2');
  await done();
});

test('the live region announces elections, crashes, restarts and links in the current language', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=1');
  const region = page.locator('[data-testid=announcer]');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  const { id, term } = await oneLeader(page);
  await page.waitForFunction(
    // One by one, or (when a slow frame brought several at once) in a summary.
    ([id, term]) =>
      new RegExp(`n${id} (won the election for term ${term}|leads term ${term})`).test(
        document.querySelector('[data-testid=announcer]').textContent,
      ),
    [id, term],
    WAIT,
  );
  await page.click('[data-action=pause]');
  await page.click(`${NODE}[data-node-id="${id}"]`);
  await page.keyboard.press('c');
  await page.waitForFunction((id) => document.querySelector('[data-testid=announcer]').textContent.includes(`n${id} crashed`), id, WAIT);
  await page.click('[data-action=lang]');
  await page.waitForFunction((id) => document.querySelector('[data-testid=announcer]').textContent.includes(`n${id} 崩溃了`), id, WAIT);
  await page.keyboard.press('r');
  await page.waitForFunction((id) => document.querySelector('[data-testid=announcer]').textContent.includes(`n${id} 已重启`), id, WAIT);
  // Cutting a link (activating it cycles up → cut) is said once for both
  // directions. The link is a keyboard control: while paused, a pill may sit
  // on the middle of the link, where a mouse click would select the message.
  await page.focus('[data-link="1-2"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=announcer]').textContent.includes('链路 n1–n2 已断开'), null, WAIT);
  await done();
});

test('at high speed the live region speaks in summaries, not a flood', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&seed=3');
  await oneLeader(page);
  // Count how often the text changes over three seconds of a busy cluster.
  await page.evaluate(() => {
    window.__changes = 0;
    new MutationObserver(() => window.__changes++).observe(document.querySelector('[data-testid=announcer]'), {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  await setSpeed(page, 'max');
  for (let i = 0; i < 5; i++) {
    await page.fill('[data-input=command]', `put k${i} ${i}`);
    await page.press('[data-input=command]', 'Enter');
  }
  await page.waitForTimeout(3000);
  const changes = await page.evaluate(() => window.__changes);
  assert.ok(changes <= 4, `the region changed ${changes} times in 3 s`);
  assert.match(await page.locator('[data-testid=announcer]').textContent(), /commit|won the election/);
  await done();
});
