// Shared harness for the browser suite: one loopback static server and one
// headless Chromium per test file, a fresh browser context per test, and a
// record of everything that should not happen (console errors, uncaught page
// errors, requests that leave the machine).
//
//   import { test } from 'node:test';
//   import { openApp } from './lib/harness.js';
//
//   test('something', async (t) => {
//     const { page, done } = await openApp(t, '?lang=en');
//     await page.click('[data-action=demo]');
//     await done(); // fails the test on any console error, page error or external request
//   });
//
// Environment: RAFTLAB_DIST (default: ../../dist), CHROMIUM_PATH (default:
// /usr/bin/chromium), SCREENSHOT_DIR (default: ./screenshots).

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(process.env.RAFTLAB_DIST ?? join(here, '..', '..', '..', 'dist'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? join(here, '..', 'screenshots'));

// Flags for a closed network: without the background-networking ones
// Chromium keeps trying (and failing) to reach Google's services.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs that stay on this machine (loopback, data:, blob:, about:). */
export function isLocalUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

let serverPromise;
let browserPromise;

/** The static server for dist/, started once per test file. */
export function server() {
  if (!serverPromise) {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error(
        `${DIST}/index.html is missing: build first (bash scripts/test.sh, or trunk build --release --offline)`,
      );
    }
    serverPromise = startServer({ root: DIST, port: 0 });
  }
  return serverPromise;
}

/** Headless Debian Chromium, launched once per test file (each launch gets a fresh temporary profile). */
export function browser() {
  if (!browserPromise) {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (scripts/test.sh does it)`);
    }
    browserPromise = chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }
  return browserPromise;
}

after(async () => {
  if (browserPromise) await (await browserPromise).close();
  if (serverPromise) await (await serverPromise).close();
});

/**
 * Open the app in a fresh browser context.
 *
 * @param t        the node:test context (the context is closed when the test ends)
 * @param query    appended to the app URL, e.g. '?lang=en' or '#share=...'
 * @param options  ready:  wait for [data-testid=app][data-ready=true] (default true)
 *                 viewport: { width, height } (default 1280x800)
 * @returns { page, context, url, issues, assertClean(allow), screenshot(name), done(allow) }
 *
 * `allow` may be { consoleErrors: true, pageErrors: true } for a test that
 * expects them. External requests are never allowed: they are aborted and
 * reported.
 */
export async function openApp(t, query = '', { ready = true, viewport = { width: 1280, height: 800 } } = {}) {
  const { url: base } = await server();
  const context = await (await browser()).newContext({ viewport, serviceWorkers: 'block' });
  context.setDefaultTimeout(10_000);
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await context.close();
    }
  };
  t.after(close);

  const issues = { consoleErrors: [], pageErrors: [], externalRequests: [], requests: [] };

  // Every request goes through here: loopback ones continue, anything else
  // is aborted and recorded, so a stray CDN link fails the test, offline.
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (isLocalUrl(requestUrl)) return route.continue();
    issues.externalRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => issues.requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (ws) => {
    if (!isLocalUrl(ws.url())) issues.externalRequests.push(ws.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      issues.consoleErrors.push(`${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => issues.pageErrors.push(String(error?.stack ?? error)));

  const url = new URL(query, base).href;
  await page.goto(url, { waitUntil: 'load' });
  if (ready) {
    await page.locator('[data-testid=app][data-ready=true]').waitFor({ state: 'visible' });
  }

  const assertClean = ({ consoleErrors = false, pageErrors = false } = {}) => {
    const problems = [];
    if (!consoleErrors && issues.consoleErrors.length) {
      problems.push(`console errors:\n  ${issues.consoleErrors.join('\n  ')}`);
    }
    if (!pageErrors && issues.pageErrors.length) {
      problems.push(`uncaught page errors:\n  ${issues.pageErrors.join('\n  ')}`);
    }
    if (issues.externalRequests.length) {
      problems.push(`requests off this machine:\n  ${issues.externalRequests.join('\n  ')}`);
    }
    assert.equal(problems.length, 0, `page at ${url} was not clean:\n${problems.join('\n')}`);
  };

  const screenshot = async (name) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };

  const done = async (allow) => {
    try {
      assertClean(allow);
    } finally {
      await close();
    }
  };

  return { page, context, url, issues, assertClean, screenshot, done };
}

// ------------------------------------------------------------------ page helpers
// Shared by the test files (and measure.mjs): reading the app's automation
// attributes and driving its controls the way a user does.

/** The app root, which carries data-tick, data-playing, data-ready. */
export const APP = '[data-testid=app]';
/** The cluster's nodes (other panels may carry data-role too). */
export const NODE = '[data-node-id]';
/** The cluster's leader node(s). */
export const LEADER = `${NODE}[data-role=leader]`;

/** An attribute of the app root. */
export const appAttr = (page, attr) => page.getAttribute(APP, attr);
/** The simulation tick on screen. */
export const tickOf = async (page) => Number(await appAttr(page, 'data-tick'));
/** Whether the clock is running. */
export const isPlaying = async (page) => (await appAttr(page, 'data-playing')) === 'true';

/** Waits until the tick on screen is exactly `tick`. */
export async function waitTick(page, tick) {
  await page.waitForFunction(
    ([app, tk]) => document.querySelector(app).dataset.tick === String(tk),
    [APP, tick],
  );
}

/**
 * Sets the speed slider as a user drags it: `index` into SPEEDS (4 = 20
 * ticks/s, 5 = 50, 7 = 1000), or 'max'.
 */
export async function setSpeed(page, index) {
  await page.$eval(
    '[data-input=speed]',
    (el, v) => {
      el.value = v === 'max' ? el.max : String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    index,
  );
}

/** Waits until exactly one node is leader; returns its id (a string) and term. */
export async function oneLeader(page, timeout = 20000) {
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, LEADER, { timeout });
  const el = page.locator(LEADER);
  return { id: await el.getAttribute('data-node-id'), term: Number(await el.getAttribute('data-term')) };
}

/** Sets a control's `prop` (value, checked) and fires `change`, as a user's edit does. */
export const setControl = (page, sel, prop, value) =>
  page.evaluate(
    ({ sel, prop, value }) => {
      const el = document.querySelector(sel);
      el[prop] = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { sel, prop, value },
  );

/** Waits until exactly one node is leader, as long as a slow machine needs; returns its id (a string). */
export const waitLeader = async (page) => (await oneLeader(page, 30000)).id;

/**
 * Types a command into the client box and submits it to `target` ('cluster'
 * or a node id); `mode` ('log', 'read-index' or 'lease'), when given, is how
 * a get is read.
 */
export async function submit(page, text, target = 'cluster', mode = undefined) {
  await page.selectOption('[data-input=target]', String(target));
  if (mode !== undefined) await page.selectOption('[data-input=read-mode]', mode);
  await page.fill('[data-input=command]', text);
  await page.press('[data-input=command]', 'Enter');
}

/** The status (data-op-status) of client operation `id`. */
export const opStatus = (page, id) => page.getAttribute(`[data-op-id="${id}"]`, 'data-op-status');

/** Waits until client operation `id` has `status` (committed, answered, failed, …). */
export async function waitOp(page, id, status, timeout = 30000) {
  await page.waitForFunction(
    ([id, status]) => document.querySelector(`[data-op-id="${id}"]`)?.dataset.opStatus === status,
    [String(id), status],
    { timeout },
  );
}

/** Waits until the narration shows scenario `id` at `step`. */
export async function waitStep(page, id, step) {
  await page.waitForFunction(
    ([id, step]) => {
      const n = document.querySelector('[data-testid=narration]');
      return n && n.dataset.scenarioId === id && n.dataset.step === String(step);
    },
    [id, step],
  );
}

/** Opens guided scenario `id` from the menu and clicks Next up to `step`. */
export async function openScenario(page, id, step = 0) {
  await page.click('[data-action=scenarios]');
  await page.click(`[data-scenario="${id}"]`);
  await page.waitForSelector(`[data-testid=narration][data-scenario-id="${id}"]`);
  for (let k = 1; k <= step; k++) {
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`[data-testid=narration][data-step="${k}"]`, { timeout: 20000 });
  }
}

/** requestAnimationFrame-to-rAF deltas (ms) in the page over `ms`, sorted ascending. */
export async function sampleFrames(page, ms) {
  const deltas = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const out = [];
        let last = performance.now();
        const end = last + ms;
        const loop = (now) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(loop);
          else resolve(out);
        };
        requestAnimationFrame(loop);
      }),
    ms,
  );
  return deltas.sort((a, b) => a - b);
}

/** The p-th percentile (0–100) of an ascending array. */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
