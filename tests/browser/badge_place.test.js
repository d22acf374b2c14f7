// The safety badge (top left of the ring) and the export buttons (top right)
// sit in the ring's empty corners. They must never cover a node: its body,
// its name, its role and its labels. Measured at the widths where the
// corners are narrowest (a phone, a laptop, a window of 1100–1499 px), in
// both languages (the Chinese badge text has another width), for 3, 5 and
// 9 nodes: every node's drawn parts are compared with both boxes on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApp } from './lib/harness.js';

/** Runs in the page: each overlap of a corner box with a node's drawn part. */
function overlaps() {
  const boxes = [...document.querySelectorAll('.cluster-pane > .safety, .cluster-pane > .cluster-export')]
    .map((e) => ({ what: e.className, r: e.getBoundingClientRect() }))
    .filter((b) => b.r.width > 0 && b.r.height > 0);
  // What a node draws (not the select ring, which is only drawn when the
  // node is selected, nor the invisible hit targets).
  const parts = [...document.querySelectorAll('.cluster-canvas [data-node-id] .body, .cluster-canvas [data-node-id] .crown, .cluster-canvas .node-labels text, .cluster-canvas .node-labels .badge circle')]
    .map((e) => {
      const g = e.closest('[data-node-id], .node-labels');
      const id = g?.dataset.nodeId ?? g?.previousElementSibling?.dataset?.nodeId ?? '?';
      return { what: `n${id} ${e.getAttribute('class')}`, r: e.getBoundingClientRect(), text: e.textContent };
    })
    .filter((p) => p.r.width > 0 && p.r.height > 0);
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const bad = [];
  for (const b of boxes) {
    for (const p of parts) {
      if (hit(b.r, p.r)) bad.push(`${b.what} covers ${p.what} "${p.text}"`);
    }
  }
  return { bad, boxes: boxes.length, parts: parts.length };
}

const CASES = [
  [420, 800],
  [700, 800],
  [1100, 800],
  [1280, 800],
  [1366, 768],
  [1499, 900],
  [1600, 900],
  [1920, 1080],
];

/** Opens `query` and checks every width of CASES. */
async function check(t, query, nodes, ready = async () => {}) {
  const { page, done } = await openApp(t, query, { viewport: { width: CASES[0][0], height: CASES[0][1] } });
  try {
    await ready(page);
    for (const [width, height] of CASES) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(150);
      const { bad, boxes, parts } = await page.evaluate(overlaps);
      assert.equal(boxes, 2, `${width}px: both corner boxes are shown`);
      assert.ok(parts >= nodes * 2, `${width}px: every node's body and labels were found (${parts})`);
      assert.deepEqual(bad, [], `${width}×${height}`);
    }
  } finally {
    await done();
  }
}

const WIDTHS = CASES.map(([w]) => w).join('/');

for (const lang of ['en', 'zh']) {
  for (const nodes of [3, 5, 9]) {
    test(`${lang}, ${nodes} nodes: the safety badge and export buttons cover no node at ${WIDTHS} px`, (t) =>
      check(t, `?lang=${lang}&seed=1&nodes=${nodes}`, nodes));
  }
}

// A broken run: the red badge names the property and is at its widest.
const links = JSON.parse(readFileSync(fileURLToPath(new URL('./generated/cause-links.json', import.meta.url)), 'utf8'));
for (const lang of ['en', 'zh']) {
  test(`${lang}, a red badge (${links[0].switch}) covers no node at ${WIDTHS} px`, (t) =>
    check(t, `?lang=${lang}#${links[0].link}`, links[0].nodes, (page) => page.locator('[data-testid=safety][data-safety=violated]').waitFor()));
}
