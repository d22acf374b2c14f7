// The PreVote rule selector (data-input=prevote-mode, etcd|thesis): labelled
// in both languages, defaulting to etcd's, starting a new run with the chosen
// rule, and carried by a share link and the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const SELECT = 'select[data-input=prevote-mode]';

for (const lang of ['en', 'zh']) {
  test(`prevote-mode: default etcd, switch to thesis, shared (${lang})`, async (t) => {
    const { page, done } = await openApp(t, `?lang=${lang}&seed=3&prevote=1`);
    assert.equal(await page.inputValue(SELECT), 'etcd');
    const labels = await page.$$eval(`${SELECT} option`, (os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(labels.map(([v]) => v), ['etcd', 'thesis']);
    for (const [, text] of labels) {
      if (lang === 'zh') assert.match(text, /[\u4e00-\u9fff]/, `Chinese label: ${text}`);
      else assert.match(text, /^(etcd: term and log only|thesis §9\.6: also refused)/, text);
    }
    await page.selectOption(SELECT, 'thesis');
    await page.waitForFunction((s) => document.querySelector(s).value === 'thesis', SELECT);
    assert.equal(await page.isChecked('[data-input=prevote]'), true, 'the other settings are kept');

    // A share link carries the rule.
    await page.click('[data-action=share]');
    const link = await page.inputValue('[data-output=share-link]');
    const other = await openApp(t, new URL(link).pathname + new URL(link).search + new URL(link).hash);
    assert.equal(await other.page.inputValue(SELECT), 'thesis');
    await other.done();
    await done();
  });
}

test('prevote-mode from the URL; a bad value is reported and ignored', async (t) => {
  const { page, done } = await openApp(t, '?lang=en&prevotemode=thesis');
  assert.equal(await page.inputValue(SELECT), 'thesis');
  await done();
  const bad = await openApp(t, '?lang=en&prevotemode=raft');
  assert.equal(await bad.page.inputValue(SELECT), 'etcd');
  const alert = await bad.page.locator('[role=alert], [data-testid=notice]').first().textContent();
  assert.match(alert, /prevotemode/);
  await bad.done();
});
