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

    // Clicking a log cell answers "what is A's commit index?".
    await openScenario(page, 'log-replication', 4);
    await page.click('[data-log-node="2"][data-log-index="2"]');
    await page.waitForSelector(`${ASKED} [data-choice="2"][aria-pressed=true]`);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'log-replication', 5);
    await page.waitForSelector(`${REVEALED}[data-quiz-result=wrong]`);
    assert.equal(await page.getAttribute(`${REVEALED} [data-quiz-actual]`, 'data-quiz-actual'), '1');
    assert.equal(await score(page), '1/3');

    // Next without answering: revealed, not graded, never stuck.
    await openScenario(page, 'partition', 0);
    await page.waitForSelector(ASKED);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'partition', 1);
    await page.waitForSelector(REVEALED);
    assert.equal(await page.locator(`${NARRATION} [data-quiz-result]`).count(), 0);
    assert.equal(await page.getAttribute(`${REVEALED} [data-quiz-actual]`, 'data-quiz-actual'), 'no');
    assert.equal(await score(page), '1/3');
    await done();
  });
}

// A teacher's file: two steps, narration in both languages, a question.
const LESSON = `# written by hand
raftlab-scenario 1
id my-split
title en: Split vote, by hand
title zh: 手写的选票瓜分
nodes 3
seed 7

step
title en: n1 leads
title zh: n1 当选
rule §5.2
say en: n1 times out first and wins the election of term 1.
say zh: n1 最先超时，赢得任期 1 的选举。
timeout 1 10
until role 1 leader within 60
run 20
expect role 1 leader

step
title en: n1 crashes
title zh: n1 崩溃
say en: The leader crashes; n2 campaigns at once and asks n3 for its vote.
say zh: 领导者崩溃；n2 立即发起选举，请求 n3 投票。
crash 1
campaign 2
run 10
ask en: Who leads now?
ask zh: 现在谁是领导者？
probe leader
choices 1 2 3 none
`;

const file = (text) => ({ name: 'lesson.raftlab-scenario.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });

async function importScenario(page, text) {
  await page.click('[data-action=authoring]');
  await page.setInputFiles('[data-input=import-scenario]', file(text));
}

const nodesState = (page) =>
  page.$$eval('[data-node-id]', (els) => els.map((n) => [n.dataset.nodeId, n.dataset.role, n.dataset.term]).join(' '));

for (const lang of ['en', 'zh']) {
  test(`a teacher's scenario: import, step, grade; a bad file (${lang})`, async (t) => {
    const { page, screenshot, done } = await openApp(t, `?lang=${lang}`, { viewport: VIEWPORT });
    await page.click('[data-action=pause]');
    const before = { tick: await page.getAttribute('[data-testid=app]', 'data-tick'), nodes: await nodesState(page) };

    // A bad file: the line at fault, in this language; the run untouched.
    await importScenario(page, LESSON.replace('crash 1', 'crush 1'));
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    const msg = await alert.textContent();
    assert.match(msg, lang === 'en' ? /line 25: unknown keyword `crush`/ : /第 25 行：未知的关键字 `crush`/);
    assert.equal(await page.getAttribute('[data-testid=app]', 'data-tick'), before.tick);
    assert.equal(await nodesState(page), before.nodes);
    assert.equal(await page.locator(NARRATION).count(), 0);
    await screenshot(`teacher-bad-file-${lang}`);

    // The good file: opened at step 1, its narration in this language.
    await page.setInputFiles('[data-input=import-scenario]', file(LESSON));
    await waitStep(page, 'my-split', 0);
    const text = await page.locator('[data-narration]').textContent();
    assert.match(text, lang === 'en' ? /n1 times out first/ : /n1 最先超时/);
    assert.equal(await page.getAttribute('[data-node-id="1"]', 'data-role'), 'leader');
    await page.click(`${ASKED} [data-choice="2"]`);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'my-split', 1);
    await page.waitForSelector(`${REVEALED}[data-quiz-result=correct]`);
    assert.equal(await page.getAttribute('[data-node-id="2"]', 'data-role'), 'leader');
    assert.equal(await page.getAttribute('[data-node-id="1"]', 'data-role'), 'crashed');
    await page.click('[data-action=scenario-back]');
    await waitStep(page, 'my-split', 0);
    await page.click(`${NARRATION} .step-list [data-step="1"]`);
    await waitStep(page, 'my-split', 1);
    await screenshot(`teacher-imported-${lang}`);
    await done();
  });

  test(`record a run, narrate, export, open the link (${lang})`, async (t) => {
    const { page, context, done } = await openApp(t, `?lang=${lang}&nodes=3&seed=4`, { viewport: VIEWPORT });
    await page.click('[data-action=pause]');
    await page.click('[data-action=authoring]');
    await page.click('[data-action=record-scenario]');
    for (let i = 0; i < 30; i++) await page.click('[data-action=step]');
    await page.click('[data-action=record-step]');
    await page.waitForSelector('[data-draft-steps="1"]');
    await page.fill('[data-draft-step="0"] [data-input=step-say-en]', 'Thirty ticks of a calm cluster.');
    await page.fill('[data-draft-step="0"] [data-input=step-say-zh]', '平静集群的三十个时钟周期。');
    await page.click('[data-node-id="1"]');
    await page.click('[data-action=crash]');
    for (let i = 0; i < 5; i++) await page.click('[data-action=step]');
    await page.click('[data-action=record-step]');
    await page.waitForSelector('[data-draft-steps="2"]');
    await page.fill('[data-draft-step="1"] [data-input=step-say-en]', 'n1 crashes.');
    await page.fill('[data-draft-step="1"] [data-input=step-say-zh]', 'n1 崩溃。');
    const end = await nodesState(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-scenario]')]);
    assert.match(download.suggestedFilename(), /\.raftlab-scenario\.txt$/);
    const link = await page.inputValue('[data-output=scenario-link]');
    assert.match(link, /#s1\./);

    // Preview: the recording as a scenario, step by step.
    await page.click('[data-action=preview-scenario]');
    await waitStep(page, 'teacher', 0);
    await page.click('[data-action=scenario-next]');
    await waitStep(page, 'teacher', 1);
    assert.equal(await nodesState(page), end);

    // A student opens the link.
    const student = await context.newPage();
    const errors = [];
    student.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await student.goto(link);
    await waitStep(student, 'teacher', 0);
    assert.match(await student.locator('[data-narration]').textContent(), lang === 'en' ? /Thirty ticks/ : /三十个时钟周期/);
    await student.click('[data-action=scenario-next]');
    await waitStep(student, 'teacher', 1);
    assert.equal(await nodesState(student), end);
    assert.deepEqual(errors, []);
    await done();
  });
}
