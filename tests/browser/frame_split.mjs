// Where a frame's time goes, measured (not asserted): 9 nodes at the fastest
// speed, 4 s of a Chrome performance trace (devtools.timeline), time summed
// by kind: script (wasm + JS: the simulation and Yew), style, layout,
// paint/composite. Ring view and space-time view, at a CPU throttle.
// Also: layouts per second and how many were whole-document ones, and how
// often each counted component rendered per second
// (`raftlab_render_counts`, src/ui/render_count.rs) — a panel that skips
// frames shows ~10/s, the moving overlay one per frame.
//
//   node tests/browser/frame_split.mjs            (after a release build into dist/)
//   FRAME_SPLIT_THROTTLE=4 node tests/browser/frame_split.mjs
//   FRAME_SPLIT_VIEWS=ring (one view), FRAME_SPLIT_CSS='…' (a style sheet
//   added after the burst: try a CSS hypothesis without a build).
// "commit" is Layerize + Commit (handing the layers to the compositor).
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from './lib/harness.js';
import { openBurst } from './lib/burst.js';
import { startServer } from './lib/server.js';

const THROTTLE = Number(process.env.FRAME_SPLIT_THROTTLE ?? 1);
const CSS = process.env.FRAME_SPLIT_CSS ?? '';
const VIEWS = (process.env.FRAME_SPLIT_VIEWS ?? 'ring,spacetime').split(',');
const KINDS = {
  script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.compile', 'MinorGC', 'MajorGC'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayer', 'UpdateLayerTree', 'PrePaint'],
  paint: ['Paint', 'PaintImage', 'RasterTask', 'CompositeLayers'],
  commit: ['Layerize', 'Commit'],
};

async function split(browser, url, view) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await openBurst(page, url, { view, css: CSS });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const counts = () =>
    page.evaluate(() => {
      const f = window.wasmBindings?.raftlab_render_counts;
      return f ? f() : '';
    });
  const parse = (text) => Object.fromEntries(text.split(' ').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  const before = parse(await counts());
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const finished = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(4000);
  await cdp.send('Tracing.end');
  await finished;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // Intervals per kind on the main thread, merged so nested events
  // (a FunctionCall inside FireAnimationFrame) count once.
  const spans = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
  for (const e of events) {
    if (main && (e.pid !== main.pid || e.tid !== main.tid)) continue;
    if (e.ph !== 'X' || !e.dur) continue;
    for (const [k, names] of Object.entries(KINDS)) if (names.includes(e.name)) spans[k].push([e.ts, e.ts + e.dur]);
  }
  const sums = {};
  for (const [k, list] of Object.entries(spans)) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of list) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    sums[k] = total / 1000;
  }
  const after = parse(await counts());
  const frames = events.filter((e) => e.name === 'AnimationFrame' || e.name === 'FireAnimationFrame').length;
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const whole = layouts.filter((e) => e.args?.beginData && !e.args.beginData.partialLayout).length;
  const tick = Number(await page.getAttribute('[data-testid=app]', 'data-tick'));
  await ctx.close();
  const line = Object.entries(sums).map(([k, v]) => `${k}_ms_per_s=${(v / 4).toFixed(0)}`).join(' ');
  console.log(
    `frame_split view=${view} throttle=${THROTTLE}x nodes=9 speed=max ${line} raf_callbacks_per_s=${(frames / 4).toFixed(0)} ` +
      `layouts_per_s=${(layouts.length / 4).toFixed(0)} whole_document_layouts_per_s=${(whole / 4).toFixed(0)} (tick ${tick})`,
  );
  const renders = Object.keys(after)
    .map((k) => [k, ((after[k] - (before[k] ?? 0)) / 4).toFixed(0)])
    .filter(([, v]) => v !== '0')
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  if (renders) console.log(`renders_per_s view=${view} ${renders}`);
}

const srv = await startServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  for (const view of VIEWS) await split(browser, srv.url, view);
} finally {
  await browser.close();
  await srv.close();
}
