// End-to-end walk through a collective discussion (负责人集体讨论) in the Chinese Camunda Tasklist, in a real Chromium.
// A manual check, not part of `./mvnw verify`: run it as e2e/README.md runs tasklist-legal-review.mjs.
//
// Setup over REST: zhangwei registers a case; its legal review passes (zhangwei submits, zhaomin accepts and agrees).
// Then in the browser:
//   zhangwei 发起流程 → 负责人集体讨论 (拟作出的行政处罚; the fields of the other matter hidden)
//   → chengang 召集集体讨论 (date and time, place, recorder; 主持人 offered from the agency's heads)
//   → chengang 登记出席情况: only himself ticked → the quorum refusal in Chinese with the numbers; then both heads
//   → zhoujie 发表讨论意见: 不同意 with reasons; chengang 发表讨论意见: 同意
//   → chengang 作出集体讨论决定: the opinions shown, 变更 with the changed penalty (shown only for 变更), heavier
//   → the minutes (集体讨论记录) in the case file; discussionResult PENALTY_CHANGED, changedPenaltyHeavier true.
// Lines marked DEFECT are checks that failed; the exit code is 1 when the walk did not reach its end or a DEFECT was noted.

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.PLAYWRIGHT_CORE_DIR ?? process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SHOTS ?? '/tmp/e2e-shots-discussion';
const PASSWORD = process.env.ZHIFA_DEMO_PASSWORD ?? 'zhifa2026';
const TASKLIST = `${BASE}/camunda/app/tasklist/`;
mkdirSync(SHOTS, { recursive: true });

const findings = [];
const note = (step, kind, text) => {
  findings.push({ step, kind, text });
  console.log(`[${step}] ${kind}: ${text}`);
};

// ---------------------------------------------------------------- REST (setup and final checks)

async function rest(user, method, url, body) {
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const typed = (values) => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

async function taskOf(processInstanceId, key, assignee) {
  const tasks = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`
    + (assignee ? `&assignee=${assignee}` : ''));
  return tasks[0];
}

/** A case of 执法一大队 whose legal review passed: the precondition of putting a penalty to the heads. */
async function caseWithPassedReview() {
  const created = await rest('zhangwei', 'POST', '/api/cases', {
    kind: 'PENALTY', title: '某商店销售不合格电线案',
    parties: [{ kind: 'INDIVIDUAL', name: '张三', idNumber: '11010519491231002X', address: '某县某路1号' }],
    officers: [{ userId: 'zhangwei' }, { userId: 'lina' }],
  });
  const review = await rest('zhangwei', 'POST', '/engine-rest/process-definition/key/legal-review/start', typed({
    caseRef: String(created.id), decisionTitle: '对张三罚款5万元', basicFacts: '销售不合格电线200卷。',
    appliedLaw: '《中华人民共和国产品质量法》第四十九条', discretionApplied: '一般情节。', investigation: '现场检查、抽样检验。',
    hearingAssessment: '无', draftDecision: '行政处罚决定书（代拟稿）：罚款5万元。', evidenceList: '1. 检验报告',
  }));
  const intake = await taskOf(review.id, 'Task_ReviewIntake');
  await rest('zhaomin', 'POST', `/engine-rest/task/${intake.id}/claim`, { userId: 'zhaomin' });
  await rest('zhaomin', 'POST', `/engine-rest/task/${intake.id}/complete`, typed({ intakeOutcome: 'ACCEPT' }));
  const opinion = await taskOf(review.id, 'Task_ReviewOpinion');
  const points = Object.fromEntries(['pointSubject', 'pointAuthority', 'pointFacts', 'pointLaw', 'pointProcedure',
    'pointDocuments', 'pointCrime'].map((p) => [p, 'OK']));
  await rest('zhaomin', 'POST', `/engine-rest/task/${opinion.id}/complete`, typed({
    ...points, reviewAction: 'SUBMIT_OPINION', opinionOutcome: 'AGREE', opinionText: '同意。',
  }));
  note('setup', 'case', `case ${created.id}, legal review ${review.id} passed`);
  return created.id;
}

// ---------------------------------------------------------------- browser

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: process.env.HEADED ? false : true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({
  locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 1000 },
});
const page = await context.newPage();
page.setDefaultTimeout(15000);
page.on('response', async (r) => {
  const u = r.url();
  if (r.status() >= 400 && !u.includes('camunda-welcome') && !u.includes('/auth/user/default')) {
    let body = '';
    try { body = (await r.text()).slice(0, 300); } catch { /* ignore */ }
    console.log(`  HTTP ${r.status()} ${r.request().method()} ${u.replace(BASE, '')} ${body}`);
  }
});
page.on('pageerror', (e) => note('browser', 'page error', e.message));

let shotNo = 0;
async function shot(name) {
  shotNo += 1;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

async function login(user) {
  await page.goto(TASKLIST);
  await page.waitForSelector('input[ng-model="username"]');
  await page.waitForTimeout(500);
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('a:has-text("发起流程")');
  await page.waitForTimeout(1000);
}

async function logout() {
  await page.click('li.account > a.dropdown-toggle');
  await page.click('li.logout a');
  await page.waitForSelector('input[ng-model="username"]');
}

async function notifications(step) {
  await page.waitForTimeout(1500);
  const texts = await page.$$eval('.notifications .alert', (as) => as.map((a) => ({
    danger: a.classList.contains('alert-danger'),
    text: a.innerText.replace(/[×\s]+/g, ' ').trim(),
  })));
  for (const t of texts) {
    note(step, t.danger ? 'ERROR shown' : 'message shown', t.text);
    if (t.danger && /ENGINE-\d|Exception|[A-Za-z]+Error/.test(t.text)) note(step, 'DEFECT', `technical text in the message: ${t.text}`);
  }
  return texts;
}

async function closeNotifications() {
  for (const b of await page.$$('.notifications .alert button.close')) await b.click().catch(() => {});
}

const field = (id) => page.locator('.fjs-form-field').filter({ has: page.locator(`[id$="-${id}"], [id*="-${id}-"]`) }).first();
const fill = async (id, value) => {
  const input = page.locator(`[id$="-${id}"]`);
  await input.fill(value);
  await input.blur();
};
const radio = (id, label) => field(id).getByLabel(label, { exact: true }).check();
const visible = async (id) => (await page.locator(`[id$="-${id}"], [id*="-${id}-"]`).count()) > 0
  && page.locator(`[id$="-${id}"], [id*="-${id}-"]`).first().isVisible();

async function expectVisible(step, id, expected) {
  const v = await visible(id);
  if (v !== expected) note(step, 'DEFECT', `field ${id} is ${v ? 'shown' : 'hidden'} but should be ${expected ? 'shown' : 'hidden'}`);
  else console.log(`  ok: ${id} ${v ? 'shown' : 'hidden'}`);
}

async function formRenderedOk(step) {
  await page.waitForSelector('.fjs-form', { timeout: 15000 }).catch(() => {});
  if ((await page.$('.fjs-form')) === null) note(step, 'DEFECT', 'form did not render');
  const text = await page.$$eval('.fjs-form', (fs) => fs.map((f) => f.innerText).join('\n'));
  const latin = text.match(/\b(Select|Search|Date|Time|Field is required|Required|Clear|Upload)\b[^\n]*/g);
  if (latin) note(step, 'untranslated text in form', [...new Set(latin)].join(' | '));
}

async function openTask(filter, taskName, processInstanceId, key, assignee) {
  const task = await taskOf(processInstanceId, key, assignee);
  if (!task) throw new Error(`no task ${key} in ${processInstanceId}`);
  await page.goto(TASKLIST);
  await page.waitForSelector('a:has-text("发起流程")');
  await page.click(`.task-filters >> text=${filter}`);
  await page.waitForTimeout(1000);
  const listed = await page.locator(`.tasks-list a[href*="task=${task.id}"]`).count();
  if (listed) await page.locator(`.tasks-list a[href*="task=${task.id}"]`).first().click();
  else {
    note(taskName, 'observation', `task not in the list of filter ${filter}; opened by its address`);
    await page.goto(`${TASKLIST}#/?task=${task.id}`);
  }
  await page.waitForSelector(`.task-card h2.task:has-text("${taskName}")`);
  await formRenderedOk(taskName);
  await page.waitForTimeout(500);
  return task;
}

async function claim(step) {
  const answered = page.waitForResponse((r) => r.url().includes('/claim'), { timeout: 15000 }).catch(() => null);
  await page.click('.task-card button.claim');
  await answered;
  const msgs = await notifications(step);
  if (msgs.some((m) => m.danger)) throw new Error(`${step}: claim refused`);
  await closeNotifications();
}

async function complete(step) {
  await closeNotifications();
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(600);
  const button = page.locator('.task-card button.btn-primary:has-text("完成")');
  await button.scrollIntoViewIfNeeded();
  if (await button.isDisabled()) {
    note(step, 'observation', '完成 is disabled: the form still has errors');
    return [];
  }
  const answered = page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 10000 }).catch(() => null);
  await button.click();
  const res = await answered;
  if (!res) note(step, 'observation', 'no request sent: the browser-side form validation stopped it');
  return notifications(step);
}

async function expectDone(step, processInstanceId, key, assignee) {
  await page.waitForTimeout(800);
  const still = await taskOf(processInstanceId, key, assignee);
  if (still) note(step, 'DEFECT', 'the task is still open after 完成');
  else console.log(`  ok: ${step} done`);
}

/** Today in Asia/Shanghai as YYYY-MM-DD: the meeting is held today, so its attendance may be recorded. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

// ---------------------------------------------------------------- the walk

let reachedEnd = false;
try {
  const caseId = await caseWithPassedReview();

  // 1. the request
  await login('zhangwei');
  await page.click('a:has-text("发起流程")');
  await page.click('.modal >> text=负责人集体讨论');
  await page.waitForSelector('.modal .fjs-form');
  await formRenderedOk('start form');
  await fill('Field_CaseRef', String(caseId));
  await radio('Field_Matter', '拟作出的行政处罚');
  await page.waitForTimeout(300);
  await expectVisible('start form', 'Field_CaseStatement', true);
  await expectVisible('start form', 'Field_ExtensionGrounds', false);
  await fill('Field_CaseStatement', '当事人销售不合格电线200卷，货值2.5万元；有检验报告、询问笔录为证；适用裁量基准一般情节。');
  await fill('Field_DraftDecision', '行政处罚决定书（代拟稿）：罚款5万元，没收不合格电线。');
  await shot('request-form');
  const started = page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 10000 }).catch(() => null);
  await page.click('.modal-footer button:has-text("发起")');
  const startAnswer = await started;
  note('start form', 'answer', `${startAnswer?.status()}`);
  const pi = startAnswer && startAnswer.ok() ? (await startAnswer.json()).id : null;
  if (!pi) throw new Error('the discussion did not start');
  await notifications('start form');
  await logout();

  // 2. convening
  await login('chengang');
  await openTask('本单位待办', '召集集体讨论', pi, 'Task_ConveneDiscussion');
  await claim('召集集体讨论');
  const dateInput = page.locator('[id$="-Field_MeetingAt-date"]');
  const timeInput = page.locator('[id$="-Field_MeetingAt-time"]');
  await dateInput.fill(today.replaceAll('-', '/'));
  await dateInput.press('Enter');
  await timeInput.fill('09:30');
  await timeInput.press('Enter');
  // the date and time pickers close asynchronously and may swallow the next keystrokes: fill until the values hold
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(500);
    await fill('Field_MeetingPlace', '局三楼会议室');
    await fill('Field_Recorder', '办公室 王秘书');
    if (await page.locator('[id$="-Field_MeetingPlace"]').inputValue() === '局三楼会议室') break;
  }
  const presiding = field('Field_DesignatedPresidingHead');
  await presiding.locator('input, .fjs-select-display, .fjs-input-group').first().click();
  await page.waitForTimeout(300);
  const offered = await page.locator('.fjs-dropdownlist-item').allInnerTexts().catch(() => []);
  note('召集集体讨论', 'presiding heads offered', offered.join('、') || '(none)');
  if (!offered.includes('陈刚') || !offered.includes('周杰') || offered.length !== 2) {
    note('召集集体讨论', 'DEFECT', 'the heads of the agency are not offered as 主持人');
  }
  await page.keyboard.press('Escape');
  await shot('convene-form');
  const convened = await complete('召集集体讨论');
  if (convened.some((m) => m.danger)) throw new Error('convening refused');
  await expectDone('召集集体讨论', pi, 'Task_ConveneDiscussion');

  // 3. attendance: the quorum refusal, then both heads
  await openTask('我的待办', '登记出席情况', pi, 'Task_RecordDiscussionAttendance');
  await radio('Field_MeetingAction', '出席人数符合规定，开始讨论');
  await page.waitForTimeout(300);
  await expectVisible('登记出席情况', 'Field_PostponeReason', false);
  await field('Field_AttendingHeads').getByLabel('陈刚', { exact: true }).check();
  await fill('Field_NonVotingAttendees', '承办人员张伟（汇报案情）；法制审核科赵敏');
  const refused = await complete('登记出席情况, one head');
  if (!refused.some((m) => m.danger && m.text.includes('不足法定人数') && m.text.includes('实际出席1人'))) {
    note('登记出席情况, one head', 'DEFECT', 'no Chinese quorum refusal with the numbers');
  }
  await shot('attendance-quorum-refused');
  await closeNotifications();
  await field('Field_AttendingHeads').getByLabel('周杰', { exact: true }).check();
  const held = await complete('登记出席情况, both heads');
  if (held.some((m) => m.danger)) throw new Error('attendance refused');
  await expectDone('登记出席情况', pi, 'Task_RecordDiscussionAttendance');
  await logout();

  // 4. each head's own opinion
  await login('zhoujie');
  await openTask('我的待办', '发表讨论意见', pi, 'Task_GiveDiscussionOpinion', 'zhoujie');
  await radio('Field_Opinion', '不同意');
  await fill('Field_OpinionReasons', '当事人拒不配合调查，应从重处罚。');
  await shot('opinion-form');
  await complete('发表讨论意见 (周杰)');
  await expectDone('发表讨论意见 (周杰)', pi, 'Task_GiveDiscussionOpinion', 'zhoujie');
  await logout();
  await login('chengang');
  await openTask('我的待办', '发表讨论意见', pi, 'Task_GiveDiscussionOpinion', 'chengang');
  await radio('Field_Opinion', '同意');
  await complete('发表讨论意见 (陈刚)');
  await expectDone('发表讨论意见 (陈刚)', pi, 'Task_GiveDiscussionOpinion', 'chengang');

  // 5. the conclusion
  await openTask('我的待办', '作出集体讨论决定', pi, 'Task_ConcludeDiscussion');
  const summary = await page.locator('[id$="-Field_OpinionSummary"]').inputValue();
  note('作出集体讨论决定', 'opinions shown', summary.replace(/\n/g, ' / '));
  if (!summary.includes('周杰：不同意')) note('作出集体讨论决定', 'DEFECT', 'the opinions are not shown');
  const outcomes = await field('Field_ConclusionOutcome').locator('label').allInnerTexts();
  note('作出集体讨论决定', 'outcomes offered', outcomes.join('、'));
  if (outcomes.some((o) => o.includes('延长'))) note('作出集体讨论决定', 'DEFECT', 'outcomes of the other matter offered');
  await expectVisible('作出集体讨论决定', 'Field_ChangedPenalty', false);
  await radio('Field_ConclusionOutcome', '变更拟作出的行政处罚');
  await page.waitForTimeout(300);
  await expectVisible('作出集体讨论决定', 'Field_ChangedPenalty', true);
  await expectVisible('作出集体讨论决定', 'Field_TransferAuthority', false);
  await fill('Field_ChangedPenalty', '罚款8万元，没收不合格电线');
  await field('Field_HeavierThanProposed').locator('input[type=checkbox]').check();
  await fill('Field_ConclusionReasons', '当事人拒不配合调查，属从重情节。');
  await shot('conclusion-form');
  const concluded = await complete('作出集体讨论决定');
  if (concluded.some((m) => m.danger)) throw new Error('conclusion refused');
  await expectDone('作出集体讨论决定', pi, 'Task_ConcludeDiscussion');

  // 6. the minutes, rendered by the job executor
  let ended = null;
  for (let i = 0; i < 30 && !ended; i++) {
    await page.waitForTimeout(1000);
    const h = await rest('admin', 'GET', `/engine-rest/history/process-instance/${pi}`);
    if (h.state === 'COMPLETED') ended = h;
  }
  if (!ended) throw new Error('the discussion did not end (minutes job)');
  const vars = await rest('admin', 'GET', `/engine-rest/history/variable-instance?processInstanceId=${pi}`);
  const value = (name) => vars.find((v) => v.name === name)?.value;
  note('end', 'result', `discussionResult ${value('discussionResult')}, changedPenaltyHeavier ${value('changedPenaltyHeavier')}, `
    + `minutesDocumentId ${value('minutesDocumentId')}`);
  const files = await rest('zhangwei', 'GET', `/api/cases/${caseId}/documents`);
  const minutes = files.find((d) => d.type === 'COLLECTIVE_DISCUSSION');
  note('end', 'case file', minutes ? minutes.fileName : '(no minutes)');
  if (value('discussionResult') !== 'PENALTY_CHANGED' || value('changedPenaltyHeavier') !== true || !minutes) {
    note('end', 'DEFECT', 'unexpected result or no minutes in the case file');
  }
  reachedEnd = true;
} catch (e) {
  note('walk', 'DEFECT', e.message);
  await shot('failure').catch(() => {});
} finally {
  writeFileSync(path.join(SHOTS, 'findings.json'), JSON.stringify(findings, null, 2));
  await browser.close();
}
const defects = findings.filter((f) => f.kind === 'DEFECT');
console.log(`\n${reachedEnd ? 'reached the end' : 'did NOT reach the end'}; ${defects.length} defect(s)`);
process.exit(reachedEnd && defects.length === 0 ? 0 : 1);
