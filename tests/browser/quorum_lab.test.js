// The quorum read/write lab (issue 11 §4; contract data-view="quorum-lab",
// data-input="quorum-n|quorum-w|quorum-r"): opened from the page, a real model
// of versions per replica, fresh reads when r + w > n, a stale read when
// r + w <= n, and bad input refused with a message, in English and Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const LAB = '[data-view=quorum-lab]';

async function slide(page, name, value) {
  await page.$eval(
    `${LAB} [data-input=${name}]`,
    (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

const versions = (page) =>
  page.$$eval(`${LAB} [data-replica][data-version]`, (els) => els.map((e) => Number(e.dataset.version)));

const TEXT = {
  en: { fresh: /returns v1, the newest version: fresh/, stale: /returns v0, but v1 was written: stale/, bad: /w must be between 1 and n = 3 .* not 5; nothing changed/, overlap: /r \+ w = 4 > n = 3/ },
  zh: { fresh: /返回 v1，是最新版本/, stale: /返回 v0，但最新写入的是 v1：读到旧值/, bad: /w 必须在 1 到 n = 3 之间.*而不是 5；没有任何改变/, overlap: /r \+ w = 4 > n = 3/ },
};

for (const lang of ['en', 'zh']) {
  test(`quorum lab: fresh with r + w > n, stale with r + w <= n, bad input refused (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}&seed=1`);
    assert.equal(await page.locator(LAB).count(), 0, 'closed at first');
    await page.click('[data-action=quorum-lab]');
    await page.waitForSelector(LAB);
    const lab = page.locator(LAB);
    assert.deepEqual(
      [await lab.getAttribute('data-n'), await lab.getAttribute('data-w'), await lab.getAttribute('data-r')],
      ['3', '2', '2'],
    );
    assert.match(await page.textContent(`${LAB} [data-quorum-overlap=true]`), TEXT[lang].overlap);

    // n = 3, w = 2, r = 2: write to R1, R2, read R2, R3 → the newest.
    await page.click(`${LAB} [data-action=quorum-write]`);
    assert.deepEqual(await versions(page), [1, 1, 0]);
    await page.click(`${LAB} [data-action=quorum-read]`);
    assert.match(await page.textContent(`${LAB} [data-quorum-result=fresh]`), TEXT[lang].fresh);

    // w = 1, r = 1 (r + w = 2 <= 3): the default sets R1 and R3 are disjoint.
    await slide(page, 'quorum-w', 1);
    await slide(page, 'quorum-r', 1);
    await page.waitForSelector(`${LAB} [data-quorum-overlap=false]`);
    await slide(page, 'quorum-n', 3); // start over at v0 with the same w, r
    await page.click(`${LAB} [data-action=quorum-write]`);
    assert.deepEqual(await versions(page), [1, 0, 0]);
    await page.click(`${LAB} [data-action=quorum-read]`);
    assert.match(await page.textContent(`${LAB} [data-quorum-result=stale]`), TEXT[lang].stale);
    // Reading from the replica the write reached instead: fresh again.
    await page.click(`${LAB} [data-action=quorum-toggle-read][data-replica="2"]`);
    await page.click(`${LAB} [data-action=quorum-toggle-read][data-replica="0"]`);
    await page.click(`${LAB} [data-action=quorum-read]`);
    await page.waitForSelector(`${LAB} [data-quorum-result=fresh]`);

    // Bad input: w = 5 with n = 3 → a message, nothing changes.
    await slide(page, 'quorum-w', 5);
    await page.waitForSelector(`${LAB} [data-quorum-error]`);
    assert.match(await page.textContent(`${LAB} [data-quorum-error]`), TEXT[lang].bad);
    assert.equal(await lab.getAttribute('data-w'), '1');
    assert.deepEqual(await versions(page), [1, 0, 0]);
    // n below w is refused too, and r = 0.
    await slide(page, 'quorum-r', 0);
    assert.equal(await lab.getAttribute('data-r'), '1');
    await screenshot(`quorum-lab-${lang}`);
    await page.click('[data-action=quorum-lab]');
    await page.waitForFunction((sel) => !document.querySelector(sel), LAB);
    await done();
  });
}
