// Predict, then reveal, and teacher-written scenarios, in English and in
// Chinese at 1920x1080: a question (data-quiz) answered by a choice
// (data-choice) or by clicking a node or a log cell, revealed by Next and
// graded by the run (data-quiz-result), with the session's score; a teacher's
// scenario file imported and stepped through; a bad file refused with the
// line at fault, the run untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openScenario, waitStep } from './lib/harness.js';

const VIEWPORT = { width: 1920, height: 1080 };
const NARRATION = '[data-testid=narration]';
const ASKED = `${NARRATION} [data-quiz]:not([data-quiz-result]):not(.revealed)`;
const REVEALED = `${NARRATION} .quiz.revealed`;
const CJK = /[\u4e00-\u9fff]/;

const score = (page) => page.getAttribute(`${REVEALED} [data-quiz-score]`, 'data-quiz-score');

for (const lang of ['en', 'zh']) {
  test(`predict, reveal, grade, score (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}`, { viewport: VIEWPORT });
    // Split vote, step 3 of 4: the next step asks who will lead.
    await openScenario(page, 'split-vote', 2);
    const prompt = (await page.locator(`${ASKED} .quiz-prompt`).textContent()).trim();
    if (lang === 'zh') assert.match(prompt, CJK);
    else assert.doesNotMatch(prompt, CJK);
    const choices = await page.$$eval(`${ASKED} [data-choice]`, (els) => els.map((e) => e.dataset.choice));
    assert.deepEqual(choices, ['2', '3']);
    await page.click(`${ASKED} [data-choice="3"]`);
    await page.waitForSelector(`${ASKED} [data-choice="3"][aria-pressed=true]`);
    await screenshot(`quiz-asked-${lang}`);

    // Reveal: the step plays; the run decides (n3 leads term 4).
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'split-vote', 3);
    await page.waitForSelector(`${REVEALED}[data-quiz-result=correct]`);
    assert.equal(await page.getAttribute(`${REVEALED} [data-quiz-actual]`, 'data-quiz-actual'), '3');
    assert.equal(await page.getAttribute('[data-node-id="3"]', 'data-role'), 'leader');
    assert.equal(await score(page), '1/1');
    await screenshot(`quiz-revealed-${lang}`);

    // Back, answer otherwise: graded wrong, not counted twice.
    await page.click('[data-action=scenario-back]');
    await waitStep(page, 'split-vote', 2);
    await page.click(`${ASKED} [data-choice="2"]`);
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`${REVEALED}[data-quiz-result=wrong]`);
    assert.equal(await score(page), '1/1');

    // Clicking a node in the cluster answers "who leads term 1?".
    await openScenario(page, 'election-basics', 1);
    await page.click('[data-node-id="1"]');
    await page.waitForSelector(`${ASKED} [data-choice="1"][aria-pressed=true]`);
    await page.click('[data-action=scenario-next]');
    await page.waitForSelector(`${REVEALED}[data-quiz-result=wrong]`);
    assert.equal(await page.getAttribute(`${REVEALED} [data-quiz-actual]`, 'data-quiz-actual'), '3');
    assert.equal(await score(page), '1/2');

    // Next without answering: revealed, not graded, never stuck.
    await openScenario(page, 'log-replication', 4);
    await page.waitForSelector(ASKED);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'log-replication', 5);
    await page.waitForSelector(REVEALED);
    assert.equal(await page.locator(`${NARRATION} [data-quiz-result]`).count(), 0);
    assert.equal(await page.getAttribute(`${REVEALED} [data-quiz-actual]`, 'data-quiz-actual'), '1');
    await done();
  });
}
