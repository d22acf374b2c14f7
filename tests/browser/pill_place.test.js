// Message pills are drawn where their message is, at any drawing size
// (issue 12's projector layout, issue 15's message layer): when the ring is
// drawn small a pill grows (`pill_scale`) about its own centre, and when it
// is drawn large it gets no transform at all. Measured: the centre of every
// pill's shape on screen against its own centre in view units mapped by the
// overlay's screen matrix. (A pill once grew about the drawing's corner and
// was drawn hundreds of pixels off its link on a phone.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './lib/harness.js';

const WAIT = { timeout: 30000 };

/** Runs in the page: each shown pill's offset (px) and whether it is transformed. */
function pillPlaces() {
  const m = document.querySelector('.cluster-overlay').getScreenCTM();
  return [...document.querySelectorAll('.cluster-overlay [data-msg]')].map((g) => {
    const s = g.querySelector('.shape');
    const n = (a) => Number(s.getAttribute(a));
    const c = s.tagName === 'circle' ? [n('cx'), n('cy')] : [n('x') + n('width') / 2, n('y') + n('height') / 2];
    const want = new DOMPoint(c[0], c[1]).matrixTransform(m);
    const b = s.getBoundingClientRect();
    return {
      off: Math.hypot(b.x + b.width / 2 - want.x, b.y + b.height / 2 - want.y),
      grown: g.hasAttribute('transform'),
      width: b.width,
      unit: m.a,
      viewWidth: s.tagName === 'circle' ? 2 * n('r') : n('width'),
    };
  });
}

for (const [viewport, grows] of [
  [{ width: 1920, height: 1080 }, false],
  [{ width: 700, height: 900 }, true],
  [{ width: 420, height: 860 }, true],
]) {
  test(`pills sit on their messages' place at ${viewport.width} px (${grows ? 'grown' : 'as drawn'})`, async (t) => {
    const { page, done } = await openApp(t, '?lang=en&seed=1', { viewport });
    await page.waitForSelector('.cluster-overlay [data-msg]', WAIT);
    let seen = 0;
    for (let i = 0; i < 12; i++) {
      const pills = await page.evaluate(pillPlaces);
      for (const p of pills) {
        assert.ok(p.off < 1.5, `a pill drawn ${p.off.toFixed(1)} px from its place`);
        assert.equal(p.grown, grows, 'a pill has a transform only when the drawing is small');
        // Grown: bigger on screen than its view-unit size maps to.
        if (grows) assert.ok(p.width > p.viewWidth * p.unit + 0.5, `width ${p.width} vs ${p.viewWidth * p.unit}`);
      }
      seen += pills.length;
      await page.waitForTimeout(60);
    }
    assert.ok(seen > 0, 'pills were seen');
    await done();
  });
}
