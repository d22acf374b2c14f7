// axe-core (npm, pinned in package-lock.json) injected into the page: WCAG
// 2.1 A/AA rules, and the violations a test must not have (serious or
// critical).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Runs axe on the page; returns every WCAG 2.1 A/AA violation ({ id, impact, help, targets }). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(1, 2).join('')}`),
      count: v.nodes.length,
    }));
  });
  return result;
}

/** The serious and critical violations, as readable lines (empty when clean). */
export async function seriousViolations(page) {
  const all = await axeViolations(page);
  return all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.count}): ${v.help}\n    ${v.targets.join('\n    ')}`);
}
