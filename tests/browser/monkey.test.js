// Monkey test: thousands of random user actions — clicks on every control,
// node, link, message and log cell, random (and hostile) command text,
// settings changes, keyboard shortcuts — and the app must never log an
// error, never panic, and still be live at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const ACTIONS = Number(process.env.MONKEY_ACTIONS ?? 2500);
const SEED = Number(process.env.MONKEY_SEED ?? 20261122);

test(`monkey: ${ACTIONS} random actions, no error, no panic`, async (t) => {
  const { page, screenshot, done } = await openApp(t, '?lang=en&seed=3');

  const summary = await page.evaluate(
    async ({ count, seed }) => {
      // mulberry32: a small seeded generator so a failure can be replayed.
      let s = seed >>> 0;
      const rand = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let x = s;
        x = Math.imul(x ^ (x >>> 15), x | 1);
        x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
      };
      const pick = (xs) => xs[Math.floor(rand() * xs.length)];
      const click = (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const texts = [
        'put x 1', 'get x', 'del x', 'put hello world', '', '   ', 'put', 'drop table',
        'x'.repeat(5000), 'put 键 值', 'get ' + 'k'.repeat(70), 'PUT A B', 'del', '💥 ☃ \u0000',
      ];
      const keys = [' ', 'ArrowRight', 'ArrowLeft', 'c', 'r', 't', 'p', '?', 'Escape', 's', 'x'];
      const skip = '[data-action=import],[data-action=export],input[type=file]';
      const counts = {};
      const bump = (k) => (counts[k] = (counts[k] ?? 0) + 1);
      for (let i = 0; i < count; i++) {
        const kind = pick(['action', 'action', 'node', 'node', 'link', 'msg', 'log', 'input', 'key', 'command', 'select']);
        const all = (sel) => [...document.querySelectorAll(sel)].filter((e) => !e.matches(skip));
        let targets = [];
        if (kind === 'action') targets = all('[data-action]:not([disabled])');
        if (kind === 'node') targets = all('[data-node-id]');
        if (kind === 'link') targets = all('[data-link]');
        if (kind === 'msg') targets = all('[data-msg]');
        if (kind === 'log') targets = all('[data-log-index], [data-scenario], [role=slider]');
        if (kind === 'key') {
          window.dispatchEvent(new KeyboardEvent('keydown', { key: pick(keys), bubbles: true }));
          bump(kind);
        } else if (kind === 'command') {
          const box = document.querySelector('[data-input=command]');
          if (box) {
            box.value = pick(texts);
            box.dispatchEvent(new Event('input', { bubbles: true }));
            const submit = document.querySelector('[data-action=submit]');
            if (submit) click(submit);
            bump(kind);
          }
        } else if (kind === 'input' || kind === 'select') {
          const inputs = all('input[data-input]:not([type=file]), select[data-input]');
          const el = inputs.length ? pick(inputs) : null;
          if (el) {
            if (el.tagName === 'SELECT') {
              const opts = [...el.options];
              if (opts.length) el.value = pick(opts).value;
            } else if (el.type === 'checkbox') {
              el.checked = !el.checked;
            } else if (el.type === 'range') {
              const min = Number(el.min || 0), max = Number(el.max || 100);
              el.value = String(Math.round(min + rand() * (max - min)));
            } else if (el.dataset.input === 'seed') {
              el.value = pick(['1', '42', '-3', 'abc', '99999999999999999999999', '7']);
            } else {
              el.value = pick(texts);
            }
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
            bump('input:' + (el.dataset.input ?? el.tagName));
          }
        }
        if (targets.length) {
          click(pick(targets));
          bump(kind);
        }
        if (i % 8 === 0) await frame();
        if (document.querySelector('[data-testid=panic-panel]')) {
          return { panicked: true, at: i, counts };
        }
      }
      return { panicked: false, counts };
    },
    { count: ACTIONS, seed: SEED },
  );
  t.diagnostic(`actions by kind: ${JSON.stringify(summary.counts)}`);
  assert.equal(summary.panicked, false, `panic panel after action ${summary.at}`);

  // Still alive: close any overlay, play at a visible speed, the clock advances.
  await page.keyboard.press('Escape');
  const tick = async () => Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  if (await page.locator('[data-action=play]').count()) await page.click('[data-action=play]');
  const t0 = await tick();
  await page.waitForFunction(
    (x) => Number(document.querySelector('[data-testid=app]')?.dataset.tick) > x,
    t0,
    { timeout: 15000 },
  );
  assert.equal(await page.locator('[data-testid=panic-panel]').count(), 0);
  await screenshot('monkey-end');
  await done();
});
