// Browser budgets, measured (not asserted): prints numbers for the issue notes.
//
//   node tests/browser/measure.mjs            (after a release build into dist/)
//   RAFTLAB_DIST_BEFORE=/path/to/old/dist node tests/browser/measure.mjs
//                                             (also measures an older build, interleaved
//                                              in the same run, and prints ratios)
//   MEASURE_ROUNDS=3 (default 1): repeat the frame measurements, medians printed.
//
// - first_render_ms: navigation start → first node drawn (a live cluster),
//   on loopback, median of 7 fresh loads.
// - frame_ms p50/p95/max and long tasks (> 50 ms, PerformanceObserver
//   'longtask'): 9 nodes at the fastest speed under a 30-command burst,
//   rAF-to-rAF deltas over 5 s in headless Chromium; unthrottled and with the
//   CPU throttled 4× and 6× through CDP (Emulation.setCPUThrottlingRate);
//   once per view: the ring, the space-time diagram on screen (spacetime,
//   issue 13's frame figure), and the diagram with every heartbeat drawn
//   (spacetime-all).
// - browser bench: the same steady-load workload as `cargo run --release
//   --example bench`, run inside the page's wasm, in events/s.
// - site_gzip_bytes / site_brotli_bytes: wasm + js + css + html in dist/, as
//   sent: the build's precompressed .gz / .br files (the same sum as
//   scripts/lib.sh site_gzip_size); a file without one is compressed here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from './lib/harness.js';
import { openBurst } from './lib/burst.js';
import { startServer } from './lib/server.js';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => pct(xs, 50);
const ROUNDS = Number(process.env.MEASURE_ROUNDS ?? 1);
// MEASURE_THROTTLES=4 (default 1,4,6): the CPU throttles to measure at.
const THROTTLES = (process.env.MEASURE_THROTTLES ?? '1,4,6').split(',').map(Number);
// MEASURE_CSS='…': a style sheet added after the burst (try a rendering
// hypothesis without a build; the same in both builds).
const CSS = process.env.MEASURE_CSS ?? '';
// MEASURE_VIEWS=ring (or spacetime, spacetime-all) measures one view only.
// spacetime: the diagram open and on screen, heartbeats collapsed (as a class
// sees it); spacetime-all: every heartbeat drawn (its busiest).
const VIEWS = (process.env.MEASURE_VIEWS ?? 'ring,spacetime,spacetime-all').split(',');

const builds = [{ name: 'after', root: DIST }];
if (process.env.RAFTLAB_DIST_BEFORE) builds.unshift({ name: 'before', root: resolve(process.env.RAFTLAB_DIST_BEFORE) });

/**
 * Shipped bytes: the site files as the server sends them. The build writes
 * each file's `.gz` and `.br` next to it (scripts/lib.sh, `site_gzip_size`
 * sums the same files) and the server sends those; only a file without a
 * precompressed copy is compressed here, at the highest level.
 */
function sizes(root) {
  let gz = 0;
  let br = 0;
  const files = new Set(readdirSync(root));
  for (const f of files) {
    if (!/\.(wasm|js|css|html)$/.test(f)) continue;
    const data = () => readFileSync(join(root, f));
    gz += files.has(`${f}.gz`) ? statSync(join(root, `${f}.gz`)).size : gzipSync(data(), { level: 9 }).length;
    br += files.has(`${f}.br`)
      ? statSync(join(root, `${f}.br`)).size
      : brotliCompressSync(data(), {
          params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: data().length },
        }).length;
  }
  return { gz, br };
}

async function firstRender(browser, url) {
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
  await page.goto(`${url}?lang=en&seed=1`);
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 20000 });
  const ms = await page.evaluate(() => window.__firstRender);
  await ctx.close();
  return ms;
}

/** 9 nodes, fastest, a command burst, then 5 s of frames at `throttle`× CPU. */
async function frames(browser, url, throttle, view) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no longtask support: reported as none
    }
  });
  const cdp = await ctx.newCDPSession(page);
  await openBurst(page, url, {
    view,
    css: CSS,
    beforeBurst: () => cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle }),
  });
  await page.evaluate(() => {
    window.__longTasks = [];
  });
  const deltas = await page.evaluate(
    () =>
      new Promise((done) => {
        const out = [];
        let last = performance.now();
        const end = last + 5000;
        const loop = (now) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(loop);
          else done(out);
        };
        requestAnimationFrame(loop);
      }),
  );
  const long = await page.evaluate(() => window.__longTasks);
  const tick = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await ctx.close();
  return {
    fps: deltas.length / 5,
    p50: pct(deltas, 50),
    p95: pct(deltas, 95),
    max: Math.max(...deltas),
    long: long.length,
    longMax: long.length ? Math.max(...long) : 0,
    tick,
  };
}

async function wasmBench(browser, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${url}?lang=en&seed=1`);
  await page.waitForSelector('[data-node-id]');
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
    out.fixture_hash = typeof b.raftlab_fixture_hash === 'function' ? b.raftlab_fixture_hash() : null;
    return out;
  });
  await ctx.close();
  return bench;
}

const servers = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  for (const b of builds) {
    const srv = await startServer({ root: b.root, port: 0 });
    servers.push(srv);
    b.url = srv.url;
    b.first = [];
    b.frames = {};
    for (const v of VIEWS) for (const t of THROTTLES) b.frames[`${v}/${t}`] = [];
  }
  // Interleaved, so both builds see the same machine load.
  for (let i = 0; i < 7; i++) for (const b of builds) b.first.push(await firstRender(browser, b.url));
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of VIEWS) {
      for (const t of THROTTLES) for (const b of builds) b.frames[`${v}/${t}`].push(await frames(browser, b.url, t, v));
    }
  }
  for (const b of builds) {
    console.log(`[${b.name}] first_render_ms median=${median(b.first).toFixed(0)} max=${Math.max(...b.first).toFixed(0)}`);
    for (const v of VIEWS) for (const throttle of THROTTLES) {
      const runs = b.frames[`${v}/${throttle}`];
      const m = (k) => median(runs.map((x) => x[k]));
      console.log(
        `[${b.name}] frame_ms view=${v} throttle=${throttle}x nodes=9 speed=max fps=${m('fps').toFixed(0)} ` +
          `p50=${m('p50').toFixed(1)} p95=${m('p95').toFixed(1)} max=${m('max').toFixed(1)} ` +
          `long_tasks=${m('long')} long_task_max_ms=${m('longMax').toFixed(0)} (tick reached ${m('tick')}, rounds=${runs.length})`,
      );
    }
    const bench = await wasmBench(browser, b.url);
    if (bench) {
      for (const n of [3, 5, 9]) {
        console.log(`[${b.name}] browser_bench nodes=${n} ticks=6000 events=${bench[n].events} ms=${bench[n].ms.toFixed(0)} events_per_sec=${bench[n].eps}`);
      }
      if (bench.fixture_hash) console.log(`[${b.name}] browser_fixture_trace_hash=${bench.fixture_hash}`);
    }
    const { gz, br } = sizes(b.root);
    console.log(`[${b.name}] site_gzip_bytes=${gz} (${(gz / 1024).toFixed(1)} KiB) site_brotli_bytes=${br} (${(br / 1024).toFixed(1)} KiB)`);
  }
  if (builds.length === 2) {
    const [a, z] = builds;
    console.log(`ratio first_render after/before=${(median(z.first) / median(a.first)).toFixed(2)}`);
    const sa = sizes(a.root);
    const sz = sizes(z.root);
    console.log(`ratio gzip after/before=${(sz.gz / sa.gz).toFixed(2)} brotli after/before=${(sz.br / sa.br).toFixed(2)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
