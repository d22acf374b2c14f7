// The wasm build reproduces the native run exactly: the fixture scenario's
// trace hash computed in the page equals tests/fixtures/trace_hash.txt, which
// the native test suite computes (tests/sim_determinism.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib/harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const expected = readFileSync(join(here, '..', 'fixtures', 'trace_hash.txt'), 'utf8').trim();

test('wasm trace hash of the fixture scenario equals the native one', async (t) => {
  const { page, done } = await openApp(t, '?lang=en');
  const hash = await page.evaluate(() => window.wasmBindings?.raftlab_fixture_hash?.());
  assert.ok(hash, 'window.wasmBindings.raftlab_fixture_hash is exported');
  assert.equal(hash, expected);
  await done();
});
