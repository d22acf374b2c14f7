// The workload the measurement scripts share (measure.mjs, frame_split.mjs,
// profile.mjs): 9 nodes, seed 1, English, a leader elected, optionally the
// space-time diagram open (and scrolled into view), the clock at its
// fastest, then a burst of 30 commands — the page as a class sees it at its
// busiest.

/** Commands in the burst. */
export const BURST = 30;

/**
 * Opens `url` in `page` with 9 nodes and runs the burst. `view` is `ring`,
 * `spacetime` or `spacetime-all` (every heartbeat drawn); `beforeBurst`
 * (optional) runs after the page is ready and before the clock speeds up
 * (measure.mjs starts its CPU throttle there); `css` (optional) is a style
 * sheet added after the burst, to try a rendering hypothesis without a
 * build.
 */
export async function openBurst(page, url, { view = 'ring', beforeBurst, css = '' } = {}) {
  await page.goto(`${url}?lang=en&seed=1&nodes=9`);
  await page.waitForSelector('[data-node-id]');
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id][data-role=leader]').length === 1, null, {
    timeout: 60000,
  });
  const diagram = view.startsWith('spacetime');
  if (diagram && (await page.locator('[data-view=spacetime]').count()) === 0) {
    await page.click('[data-action=view-spacetime]');
    await page.waitForSelector('[data-view=spacetime] [data-lifeline]');
  }
  // `spacetime-all`: every heartbeat drawn as an arrow (the diagram's
  // busiest: about 16 arrows every 3 ticks at 9 nodes), not collapsed.
  if (view === 'spacetime-all') await page.check('[data-input=st-heartbeats]');
  if (beforeBurst) await beforeBurst();
  await page.evaluate(() => {
    const speed = document.querySelector('[data-input=speed]');
    speed.value = speed.max;
    speed.dispatchEvent(new Event('input', { bubbles: true }));
  });
  for (let i = 0; i < BURST; i++) {
    await page.fill('[data-input=command]', `put k${i % 7} v${i}`);
    await page.click('[data-action=submit]');
  }
  // The diagram on screen (it sits below the timeline; the burst leaves the
  // page scrolled to the client box): what is off screen is not painted.
  if (diagram) {
    await page.evaluate(() => document.querySelector('[data-view=spacetime]').scrollIntoView({ block: 'center' }));
  }
  if (css) await page.addStyleTag({ content: css });
}
