// Browser budgets, measured (not asserted): prints numbers for the issue notes.
//
//   node tests/browser/measure.mjs            (after a release build into dist/)
//
// - first_render_ms: navigation start → first node drawn (a live cluster),
//   on loopback, median of 5 fresh loads.
// - frame_ms p50/p95/max: 9 nodes at the fastest speed under a command burst,
//   rAF-to-rAF deltas over 5 s in headless Chromium.
// - browser bench: the same steady-load workload as `cargo run --release
//   --example bench`, run inside the page's wasm, in events/s.
// - site_gzip_bytes: wasm + js + css + html in dist/, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST, percentile, sampleFrames, setSpeed } from './lib/harness.js';
import { startServer } from './lib/server.js';

const pct = (xs, p) => percentile([...xs].sort((a, b) => a - b), p);

const srv = await startServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  // First render.
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-node-id]')) {
          window.__firstRender = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${srv.url}?lang=en&seed=1`);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 10000 });
    firsts.push(await page.evaluate(() => window.__firstRender));
    await ctx.close();
  }
  console.log(`first_render_ms median=${pct(firsts, 50).toFixed(0)} max=${Math.max(...firsts).toFixed(0)}`);

  // Frame times: 9 nodes, fastest speed, a burst of commands.
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await page.goto(`${srv.url}?lang=en&seed=1&nodes=9`);
  await page.waitForSelector('[data-node-id]');
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, {
    timeout: 30000,
  });
  await setSpeed(page, 'max');
  const burst = async (n) => {
    for (let i = 0; i < n; i++) {
      await page.fill('[data-input=command]', `put k${i % 7} v${i}`);
      await page.click('[data-action=submit]');
    }
  };
  await burst(30);
  const deltas = await sampleFrames(page, 5000);
  const tick = await page.getAttribute('[data-testid=app]', 'data-tick');
  console.log(
    `frame_ms nodes=9 speed=max frames=${deltas.length} p50=${pct(deltas, 50).toFixed(1)} ` +
      `p95=${pct(deltas, 95).toFixed(1)} max=${Math.max(...deltas).toFixed(1)} (tick reached ${tick})`,
  );

  // The native benchmark's workload, in the page's wasm.
  const bench = await page.evaluate(() => {
    const b = window.wasmBindings;
    if (!b || typeof b.raftlab_bench !== 'function') return null;
    const out = {};
    for (const nodes of [3, 5, 9]) {
      const t0 = performance.now();
      const events = Number(b.raftlab_bench(nodes, 6000));
      const ms = performance.now() - t0;
      out[nodes] = { events, ms, eps: Math.round(events / (ms / 1000)) };
    }
    const t0 = performance.now();
    b.raftlab_bench(5, 6000);
    out.ten_minutes_5_nodes_ms = performance.now() - t0;
    out.fixture_hash = typeof b.raftlab_fixture_hash === 'function' ? b.raftlab_fixture_hash() : null;
    return out;
  });
  if (bench) {
    for (const n of [3, 5, 9]) {
      console.log(`browser_bench nodes=${n} ticks=6000 events=${bench[n].events} ms=${bench[n].ms.toFixed(0)} events_per_sec=${bench[n].eps}`);
    }
    console.log(`browser_fast_forward_10min_5nodes_ms=${bench.ten_minutes_5_nodes_ms.toFixed(0)}`);
    if (bench.fixture_hash) console.log(`browser_fixture_trace_hash=${bench.fixture_hash}`);
  } else {
    console.log('browser_bench unavailable (no raftlab_bench export)');
  }
  await ctx.close();

  // Size.
  let total = 0;
  for (const f of readdirSync(DIST)) {
    if (/\.(wasm|js|css|html)$/.test(f)) total += gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
  }
  console.log(`site_gzip_bytes=${total} (${(total / 1024).toFixed(1)} KiB)`);
} finally {
  await browser.close();
  await srv.close();
}
