// What a throttled frame spends its time on, measured (not asserted): 9
// nodes at the fastest speed after a command burst, a CDP CPU profile of
// PROFILE_SECONDS (default 4) under PROFILE_THROTTLE× (default 4) CPU
// throttling. Prints the functions with the most self time and the most
// inclusive time (Rust names need a wasm with its name section: point
// RAFTLAB_DIST at a dist whose .wasm is target/wasm-bindgen/release's, before
// wasm-opt strips the names), then a devtools.timeline trace of the same
// length: per frame, script / style / layout / paint, with the elements
// style recalculation touched.
//
//   RAFTLAB_DIST=/tmp/dist-prof node tests/browser/profile.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from './lib/harness.js';
import { openBurst } from './lib/burst.js';
import { startServer } from './lib/server.js';

const THROTTLE = Number(process.env.PROFILE_THROTTLE ?? 4);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 4);
const TOP = Number(process.env.PROFILE_TOP ?? 45);
const VIEW = process.env.PROFILE_VIEW ?? 'ring';

const srv = await startServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await openBurst(page, srv.url, { view: VIEW });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  // 1. CPU profile.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(SECONDS * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return f.functionName || (f.url ? `(anon ${f.url.split('/').pop()}:${f.lineNumber})` : `(${f.functionName || 'root'})`);
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    let id = profile.samples[i];
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    while (id !== undefined) {
      const nm = name(byId.get(id));
      if (!seen.has(nm)) {
        seen.add(nm);
        incl.set(nm, (incl.get(nm) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const ms = (us) => (us / 1000 / SECONDS).toFixed(1);
  console.log(`profile throttle=${THROTTLE}x seconds=${SECONDS} sampled_ms_per_s=${ms(total)}`);
  console.log('--- self ms/s');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(v).padStart(7)}  ${k.slice(0, 150)}`);
  console.log('--- inclusive ms/s');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, TOP * 2)) console.log(`${ms(v).padStart(7)}  ${k.slice(0, 150)}`);

  // 2. Timeline trace: per-frame split.
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const finished = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(SECONDS * 1000);
  await cdp.send('Tracing.end');
  await finished;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && e.dur && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const kinds = {
    FireAnimationFrame: 'raf',
    FunctionCall: 'call',
    UpdateLayoutTree: 'style',
    Layout: 'layout',
    PrePaint: 'prepaint',
    Paint: 'paint',
    Layerize: 'layerize',
    Commit: 'commit',
    MinorGC: 'gc',
    MajorGC: 'gc',
    HitTest: 'hittest',
  };
  const rows = [];
  for (const t of tasks) {
    if (t.dur < 8000) continue;
    const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && kinds[e.name]);
    const sum = {};
    let styleEls = 0;
    for (const e of inside) {
      sum[kinds[e.name]] = (sum[kinds[e.name]] ?? 0) + e.dur / 1000;
      if (e.name === 'UpdateLayoutTree') styleEls += e.args?.elementCount ?? 0;
    }
    rows.push({ dur: t.dur / 1000, sum, styleEls });
  }
  console.log(`--- main-thread tasks >= 8 ms in ${SECONDS} s: ${rows.length}`);
  for (const r of rows.slice(0, 30)) {
    const parts = Object.entries(r.sum)
      .map(([k, v]) => `${k}=${v.toFixed(1)}`)
      .join(' ');
    console.log(`task ${r.dur.toFixed(1)} ms: ${parts} style_elements=${r.styleEls}`);
  }
  await ctx.close();
} finally {
  await browser.close();
  await srv.close();
}
