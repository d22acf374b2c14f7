// A Rust panic must never leave a dead page: `?selftest=panic` panics right
// after mounting (src/ui/mod.rs) and the panic hook (src/ui/panic_panel.rs)
// must put a visible, accessible error panel on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

test('a panic shows the error panel', async (t) => {
  const { page, issues, screenshot, done } = await openApp(t, '?selftest=panic', { ready: false });

  const panel = page.locator('[data-testid=panic-panel]');
  await panel.waitFor({ state: 'visible' });
  assert.equal(await panel.getAttribute('role'), 'alert');
  const text = await panel.textContent();
  assert.match(text, /raftlab hit an internal error/);
  assert.match(text, /raftlab 内部错误/);
  assert.match(text, /selftest: deliberate panic/);
  assert.equal(await panel.locator('button[data-action=reload]').count(), 1);

  // The panic was logged to the console as well.
  assert.ok(
    issues.consoleErrors.some((line) => line.includes('raftlab panicked')),
    `expected a console error about the panic, got: ${JSON.stringify(issues.consoleErrors)}`,
  );

  await screenshot('panic');
  // Console and page errors are expected here; external requests still are not.
  await done({ consoleErrors: true, pageErrors: true });
});

test('the reload button reloads the page', async (t) => {
  const { page, done } = await openApp(t, '?selftest=panic', { ready: false });
  await page.locator('[data-testid=panic-panel]').waitFor({ state: 'visible' });
  await Promise.all([
    page.waitForEvent('load'),
    page.click('[data-testid=panic-panel] button[data-action=reload]'),
  ]);
  // Same URL, so it panics again; what matters is that the page reloaded and
  // the panel came back.
  await page.locator('[data-testid=panic-panel]').waitFor({ state: 'visible' });
  await done({ consoleErrors: true, pageErrors: true });
});

// A WebAssembly trap skips the Rust panic hook; index.html's fallback must
// still put the same panel up (issue 16: "an out-of-memory or any other trap
// shows the error panel, never a dead page").
for (const which of ['trap', 'oom']) {
  test(`a wasm ${which} shows the error panel`, async (t) => {
    const { page, done } = await openApp(t, `?selftest=${which}`, { ready: false });
    const panel = page.locator('[data-testid=panic-panel]');
    await panel.waitFor({ state: 'visible', timeout: 60000 });
    assert.equal(await panel.getAttribute('role'), 'alert');
    const text = await panel.textContent();
    assert.match(text, /raftlab hit an internal error/);
    assert.match(text, /raftlab 内部错误/);
    assert.match(await page.locator('[data-testid=panic-message]').textContent(), /unreachable|memory|RuntimeError/i);
    assert.equal(await panel.locator('button[data-action=reload]').count(), 1);
    await done({ consoleErrors: true, pageErrors: true });
  });
}
