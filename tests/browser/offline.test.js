// Offline by construction: every request the page makes stays on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, isLocalUrl } from './lib/harness.js';

test('every request goes to 127.0.0.1', async (t) => {
  const { page, issues, url, done } = await openApp(t);
  await page.waitForLoadState('networkidle');

  const origin = new URL(url).origin;
  assert.ok(issues.requests.length >= 3, `expected html, js and wasm requests, got ${issues.requests}`);
  for (const requestUrl of issues.requests) {
    assert.ok(isLocalUrl(requestUrl), `request off this machine: ${requestUrl}`);
    if (!requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:')) {
      assert.equal(new URL(requestUrl).origin, origin, `request to another origin: ${requestUrl}`);
    }
  }
  assert.ok(issues.requests.some((r) => r.endsWith('.wasm')), 'the wasm module was fetched');
  await done();
});

test('the built page names no remote resource', async (t) => {
  const { page, done } = await openApp(t);
  // No element of the final DOM points off the machine (src, href, srcset, action).
  const remote = await page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('[src], [href], [srcset], [action]')) {
      for (const attr of ['src', 'href', 'srcset', 'action']) {
        const value = el.getAttribute(attr);
        if (value && /^(https?:)?\/\//i.test(value.trim())) found.push(`${el.tagName} ${attr}=${value}`);
      }
    }
    return found;
  });
  assert.deepEqual(remote, []);
  await done();
});
