// A panel refresh re-lays-out only what changed, not the page (issue 15,
// render less; issue 13, the diagram keeps the frame budget). Blink starts a
// re-layout at the nearest relayout boundary above a change and never at a
// flex or grid item, so every text that changes while the clock runs sits in
// a box that is one: `live_num` / `live_line` (ui::components::live_num),
// the fixed-height event list and operation list, the log rows' facts line,
// the timeline's absolutely placed layer for its handle and axis labels, and
// the live region with definite insets. Before, each refresh (~10 a second)
// laid out all ~5,400 boxes of the page.
//
// Measured from a Chrome trace (devtools.timeline `Layout` events and their
// `partialLayout` flag), unthrottled, at the fastest speed with 9 nodes and a
// leader, no new commands during the window: the heartbeats and the panels
// refreshing are the only changes. The previous build laid out the whole
// document about 25 times in such a window; now only a change of size (a
// number gaining a digit, a leader change) does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, LEADER, setSpeed, submit } from './lib/harness.js';

const WAIT = { timeout: 60000 };
const WINDOW_MS = 3000;
/** Whole-document layouts allowed in the window (digits gained, a rare resize). */
const MAX_WHOLE = 4;

/** Traces `ms` of the page; returns its layouts as { whole, objects }. */
async function traceLayouts(context, page, ms) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const finished = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await finished;
  return events
    .filter((e) => e.name === 'Layout' && e.ph === 'X' && (e.args?.beginData?.totalObjects ?? 0) > 50)
    .map((e) => ({ whole: !e.args.beginData.partialLayout, objects: e.args.beginData.totalObjects }));
}

for (const view of ['ring', 'spacetime']) {
  test(`panel refreshes do not re-lay-out the whole page (${view} view, 9 nodes, fastest)`, async (t) => {
    const { page, context, done } = await openApp(t, '?lang=en&seed=1&nodes=9', {
      viewport: { width: 1920, height: 1080 },
    });
    await page.waitForSelector(LEADER, WAIT);
    if (view === 'spacetime' && (await page.locator('[data-view=spacetime]').count()) === 0) {
      await page.click('[data-action=view-spacetime]');
      await page.waitForSelector('[data-view=spacetime] [data-lifeline]', WAIT);
    }
    // Enough operations and entries that every panel has content (the
    // operation list past its fixed-height threshold), then let them commit.
    for (let i = 0; i < 8; i++) await submit(page, `put k${i} v${i}`);
    await setSpeed(page, 'max');
    await page.waitForFunction(() => document.querySelectorAll('[data-op-status=committed]').length >= 8, null, WAIT);
    await page.waitForTimeout(1000);
    const layouts = await traceLayouts(context, page, WINDOW_MS);
    const whole = layouts.filter((l) => l.whole).length;
    const partial = layouts.length - whole;
    t.diagnostic(`layouts in ${WINDOW_MS} ms: ${whole} whole-document, ${partial} partial`);
    // The clock ran and the panels refreshed: many layouts happened ...
    assert.ok(partial >= 20, `only ${partial} partial layouts in ${WINDOW_MS} ms: did the clock run?`);
    // ... and almost none of them reached the document.
    assert.ok(
      whole <= MAX_WHOLE,
      `${whole} whole-document layouts (of ${layouts.length}) in ${WINDOW_MS} ms; at most ${MAX_WHOLE} expected`,
    );
    await done();
  });
}
