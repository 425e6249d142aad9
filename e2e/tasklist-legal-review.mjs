// End-to-end walk through the legal review (重大执法决定法制审核) in the Chinese Camunda Tasklist, in a real Chromium.
// A manual check, not part of `./mvnw verify`: see e2e/README.md.
//
// Walk A (case 1):
//   zhangwei 发起流程 (start form; browser validation in Chinese) → qianlei may not claim 受理审查 (Chinese refusal)
//   → zhaomin 受理审查: 补正 (with a date) → zhangwei 补正送审材料 → zhaomin 受理审查: 受理
//   → zhaomin 出具法制审核意见 (a follow-up date change is refused: 403): 申请延长审核期限 → chengang 审批延长审核期限: 同意
//   → zhaomin 出具法制审核意见: 存在问题 (the browser stops it without the review points / 须纠正的内容)
//   → zhangwei 研究审核意见: 有异议 → chengang 协调审核分歧: 维持承办机构意见 → reviewResult APPROVED_AFTER_COORDINATION.
// Walk B (case 2):
//   zhangwei 发起流程 → zhaomin 受理审查: 退回 → zhangwei 修改送审材料: 撤回 → reviewResult WITHDRAWN.
//
// Every step leaves a PNG in $SHOTS; every message Tasklist shows is printed and collected in $SHOTS/findings.json.
// Lines marked DEFECT are checks that failed; the exit code is 1 when a walk did not reach its end or a DEFECT was noted.

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.PLAYWRIGHT_CORE_DIR ?? process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SHOTS ?? '/tmp/e2e-shots';
const PASSWORD = process.env.ZHIFA_DEMO_PASSWORD ?? 'zhifa2026';
const TASKLIST = `${BASE}/camunda/app/tasklist/`;
mkdirSync(SHOTS, { recursive: true });

const findings = [];
const note = (step, kind, text) => {
  findings.push({ step, kind, text });
  console.log(`[${step}] ${kind}: ${text}`);
};
const REQUIRED_ZH = '此项为必填项。';
const hasLatinWords = (text) => /[A-Za-z]{3,}/.test(text);

// ---------------------------------------------------------------- REST helpers (setup and final checks only)

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

async function registerCase(title) {
  const created = await rest('zhangwei', 'POST', '/api/cases', {
    kind: 'PENALTY', title,
    parties: [{ kind: 'INDIVIDUAL', name: '张三', idNumber: '11010519491231002X', address: '某县某路1号' }],
    officers: [{ userId: 'zhangwei' }, { userId: 'lina' }],
  });
  return created.id;
}

async function taskOf(processInstanceId, key) {
  const tasks = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`);
  return tasks[0];
}

async function expectEnded(step, pi, expected) {
  const hist = await rest('admin', 'GET', `/engine-rest/history/process-instance/${pi}`);
  const result = await rest('admin', 'GET', `/engine-rest/history/variable-instance?processInstanceId=${pi}&variableName=reviewResult`);
  note(step, 'process', `state ${hist.state}, reviewResult ${result[0]?.value}`);
  if (hist.state !== 'COMPLETED' || result[0]?.value !== expected) throw new Error(`${step}: expected ${expected}`);
}

// ---------------------------------------------------------------- browser helpers

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
async function shot(name, { full = true, at = null } = {}) {
  shotNo += 1;
  if (at) await page.locator(at.startsWith('.') ? at : `[id$="-${at}"], [id*="-${at}-"]`).first()
    .evaluate((e) => e.scrollIntoView({ block: 'center' })).catch(() => {});
  else if (await page.$('.notifications .alert')) {
    await page.locator('.notifications .alert').first().evaluate((e) => e.scrollIntoView({ block: 'center' })).catch(() => {});
  }
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: full });
  console.log(`  screenshot ${file}`);
  return file;
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

/** The messages Tasklist shows in its notification panels (success and errors). */
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

/** Form-js validation messages under fields (shown by the browser before anything reaches the server). */
async function fieldErrors(step, { expectChinese = true } = {}) {
  const errs = await page.$$eval('.fjs-form-field-error, .fjs-form-field .fjs-form-field-error', (es) =>
    es.map((e) => {
      const field = e.closest('.fjs-form-field');
      const label = field?.querySelector('.fjs-form-field-label')?.innerText ?? '?';
      return `${label.replace(/\s*\*?\s*$/, '').trim()} → ${e.innerText.trim()}`;
    }).filter((s) => !s.endsWith('→ ')));
  for (const e of errs) note(step, 'form validation', e);
  if (expectChinese) {
    for (const e of errs) if (hasLatinWords(e.split(' → ')[1])) note(step, 'DEFECT', `validation message not in Chinese: ${e}`);
  }
  return errs;
}

/** The form-js container of the field with the given component id (e.g. Field_BasicFacts). */
const field = (id) => page.locator('.fjs-form-field').filter({ has: page.locator(`[id$="-${id}"], [id*="-${id}-"]`) }).first();
// fill, then leave the field as a user would (form-js validates a field when it loses focus)
const fill = async (id, value) => {
  const input = page.locator(`[id$="-${id}"]`);
  await input.fill(value);
  await input.blur();
};
const radio = (id, label) => field(id).getByLabel(label, { exact: true }).check();
const checkedLabel = (id) => field(id).locator('input:checked').evaluate((e) => e.closest('label')?.innerText.trim())
  .catch(() => null);
const valueOf = (id) => page.locator(`[id$="-${id}"]`).first().inputValue().catch(() => null);
const visible = async (id) => (await page.locator(`[id$="-${id}"], [id*="-${id}-"]`).count()) > 0
  && page.locator(`[id$="-${id}"], [id*="-${id}-"]`).first().isVisible();

async function expectVisible(step, id, expected) {
  const v = await visible(id);
  if (v !== expected) note(step, 'DEFECT', `field ${id} is ${v ? 'shown' : 'hidden'} but should be ${expected ? 'shown' : 'hidden'}`);
  else console.log(`  ok: ${id} ${v ? 'shown' : 'hidden'}`);
}

/** The note on review-opinion that an extension was already requested (a text component: no input id). */
async function expectNoteShown(step, expected) {
  const shown = await page.locator('.fjs-form-field-text', { hasText: '已申请过一次延期' }).isVisible().catch(() => false);
  if (shown !== expected) note(step, 'DEFECT', `the note 本次审核已申请过一次延期 is ${shown ? 'shown' : 'hidden'}`);
  else console.log(`  ok: note ${shown ? 'shown' : 'hidden'}`);
}

async function formRenderedOk(step) {
  await page.waitForSelector('.fjs-form', { timeout: 15000 }).catch(() => {});
  const err = await page.$$eval('.alert-danger:visible, .fjs-error, .fjs-form-error', (es) =>
    es.map((e) => e.innerText.trim()).filter(Boolean)).catch(() => []);
  const hasForm = (await page.$('.fjs-form')) !== null;
  if (!hasForm || err.length) note(step, 'DEFECT', `form did not render: ${err.join(' | ') || 'no .fjs-form'}`);
  const english = await page.$$eval('.fjs-form', (fs) => fs.map((f) => f.innerText).join('\n'));
  const latin = english.match(/\b(Select|Search|Date|Time|Field is required|Required|Clear|Upload)\b[^\n]*/g);
  if (latin) note(step, 'untranslated text in form', [...new Set(latin)].join(' | '));
}

/** Opens the task of this process instance: the filter first (as a user would), then the task by its id. */
async function openTask(filter, taskName, processInstanceId, key) {
  const task = await taskOf(processInstanceId, key);
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
}

async function claim(step) {
  const answered = page.waitForResponse((r) => r.url().includes('/claim'), { timeout: 15000 }).catch(() => null);
  await page.click('.task-card button.claim');
  await answered;
  const msgs = await notifications(step);
  if (msgs.some((m) => m.danger)) throw new Error(`${step}: claim refused`);
  await closeNotifications();
}

/** Clicks 完成; returns the messages. The task form disappears when the task is done. */
async function complete(step) {
  // the error panel of an earlier attempt sits over the 完成 button (bottom right): close it as a user would
  await closeNotifications();
  // let form-js take the last keystrokes (its inputs are debounced) before the button is pressed
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(600);
  const button = page.locator('.task-card button.btn-primary:has-text("完成")');
  await button.scrollIntoViewIfNeeded();
  if (await button.isDisabled()) {
    // Tasklist disables 完成 while form-js reports errors (after a first failed attempt)
    note(step, 'observation', '完成 is disabled: the form still has errors');
    return [];
  }
  const answered = page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 10000 }).catch(() => null);
  await button.click();
  const res = await answered;
  if (!res) note(step, 'observation', 'no request sent: the browser-side form validation stopped it');
  return notifications(step);
}

/** Submits the task form through Tasklist's own engine API, bypassing form-js (what a form without the check would send). */
async function submitBehindTheForm(step, taskId, values) {
  const variables = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  const answer = await page.evaluate(async ({ taskId, variables }) => {
    const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
    const r = await fetch(`/camunda/api/engine/engine/default/task/${taskId}/submit-form`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf }, body: JSON.stringify({ variables }),
    });
    return { status: r.status, body: await r.text() };
  }, { taskId, variables });
  note(step, 'Tasklist engine API answer', `${answer.status} ${answer.body}`);
  return answer;
}

async function dueDateShown() {
  const el = page.locator('.task-card .due-date');
  const text = (await el.innerText()).trim();
  // the absolute date is only in the tooltip of the relative one ("3 天后")
  const tooltip = await page.$eval('.task-card .due-date span[am-time-ago]', (e) => e.getAttribute('uib-tooltip')).catch(() => null);
  return { text, tooltip };
}



// ---------------------------------------------------------------- steps used by both walks

const MATERIALS = {
  Field_DecisionTitle: '对张三罚款5万元并没收违法所得',
  Field_BasicFacts: '当事人张三经营的某商店销售经检验不合格的电线200卷。',
  Field_AppliedLaw: '《中华人民共和国产品质量法》第四十九条',
  Field_DiscretionApplied: '按本局裁量基准，属一般情节，罚款货值金额的一倍。',
  Field_Investigation: '现场检查笔录、抽样检验报告、询问笔录各一份。',
  Field_HearingAssessment: '当事人未申请听证；无评估、鉴定。',
  Field_DraftDecision: '某市监罚〔2026〕1号行政处罚决定书（代拟稿）',
  Field_EvidenceList: '1. 现场检查笔录\n2. 抽样检验报告\n3. 询问笔录',
};

/** zhangwei starts a legal review for the case with the start form; with checks, also the browser validation. */
async function startReview(caseId, { checks = false } = {}) {
  await login('zhangwei');
  const account = (await page.locator('li.account > a.dropdown-toggle').innerText()).trim();
  note('login', 'user name in the header', account);
  if (checks) await shot('zhangwei-tasklist');
  await page.click('a:has-text("发起流程")');
  await page.click('.modal >> text=重大执法决定法制审核');
  await page.waitForSelector('.modal .fjs-form');
  await formRenderedOk('start form');

  if (checks) {
    // the empty form: the browser's own messages, translated by scripts/zh-form-messages.js
    await page.click('.modal-footer button:has-text("发起")');
    await page.waitForTimeout(800);
    const errs = await fieldErrors('start form, empty');
    if (!errs.length) note('start form, empty', 'DEFECT', 'no validation message under the empty required fields');
    if (errs.length && !errs.every((e) => e.endsWith(`→ ${REQUIRED_ZH}`))) {
      note('start form, empty', 'DEFECT', `expected ${REQUIRED_ZH} under every empty required field`);
    }
    await notifications('start form, empty');
    await shot('start-form-empty-submitted');
    await closeNotifications();

    // one character where two are needed: the min-length message
    await fill('Field_BasicFacts', '无');
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(500);
    const short = await field('Field_BasicFacts').locator('.fjs-form-field-error').innerText().catch(() => '');
    note('start form, one character', 'form validation', `基本事实 → ${short.trim()}`);
    if (hasLatinWords(short)) note('start form, one character', 'DEFECT', `min-length message not in Chinese: ${short}`);
  }

  for (const [id, v] of Object.entries(MATERIALS)) await fill(id, v);

  if (checks) {
    // the case id left empty: now a required field, the browser stops the submission
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(500);
    const startButton = page.locator('.modal-footer button:has-text("发起")');
    if (await startButton.isDisabled()) note('start form, case id empty', 'observation', '发起 is disabled while the form has errors');
    else await startButton.click();
    await page.waitForTimeout(800);
    const errs = await fieldErrors('start form, case id empty');
    const noCase = await notifications('start form, case id empty');
    await shot('start-form-without-case-id', { at: 'Field_CaseId' });
    await closeNotifications();
    if (!errs.some((e) => e.startsWith('案件编号')) && !noCase.some((m) => m.danger)) {
      note('start form, case id empty', 'DEFECT', 'the form was accepted without a case id');
    }
  }

  await fill('Field_CaseRef', String(caseId));
  if (checks) await shot('start-form-filled');
  await page.click('.modal-footer button:has-text("发起")');
  const started = await notifications('start');
  if (started.some((m) => m.danger)) throw new Error('start refused');
  const instances = await rest('admin', 'GET', `/engine-rest/process-instance?processDefinitionKey=legal-review&variables=caseId_eq_${caseId}`);
  if (instances.length !== 1) throw new Error(`expected one legal-review instance for case ${caseId}, found ${instances.length}`);
  console.log(`process instance ${instances[0].id}`);
  await logout();
  return instances[0].id;
}

async function expectNoEnglish(step) {
  const text = await page.$eval('.task-card', (e) => e.innerText).catch(() => '');
  const latin = text.match(/\b(Select|Search|Field is required|Field must|Clear|Upload|mm\/dd\/yyyy)\b[^\n]*/g);
  if (latin) note(step, 'DEFECT', `English text on the task: ${[...new Set(latin)].join(' | ')}`);
}

// ---------------------------------------------------------------- walk A

let failed = false;
try {
  const caseId = process.env.CASE_ID ?? String(await registerCase('某商店销售不合格电线案'));
  console.log(`case ${caseId}`);

  // 1. zhangwei starts the process with the start form (validation messages checked)
  const pi = await startReview(caseId, { checks: true });

  // 2. qianlei (法制审核科, no legal qualification) sees the task but may not take it
  await login('qianlei');
  await openTask('本单位待办', '受理审查', pi, 'Task_ReviewIntake');
  await page.click('.task-card button.claim');
  const q = await notifications('受理审查 claim by qianlei');
  await shot('intake-claim-refused-qianlei');
  // whose names does qianlei see for tasks assigned to others?
  // (only when other people's tasks are in the list, i.e. not on fresh data)
  const ids = (await page.locator('.tasks-list').first().innerText()).match(/\b(zhangwei|lina|zhaomin|sunli|chengang)\b/g);
  if (ids) note('受理审查 claim by qianlei', 'DEFECT', `login ids instead of names in the task list: ${[...new Set(ids)].join(', ')}`);
  if (!q.some((m) => m.danger)) note('受理审查 claim by qianlei', 'DEFECT', 'qianlei could claim the intake task');
  await closeNotifications();
  await logout();

  // 3. zhaomin: 受理审查 → 补正 with a date
  await login('zhaomin');
  await openTask('本单位待办', '受理审查', pi, 'Task_ReviewIntake');
  await claim('受理审查 claim');
  const assigneeShown = (await page.locator('.task-card li.assignee').innerText()).trim();
  note('受理审查', 'assignee shown', assigneeShown);
  await expectVisible('受理审查', 'Field_ReturnReasons', false);
  await expectVisible('受理审查', 'Field_SupplementDueDate', false);
  await radio('Field_IntakeOutcome', '材料不齐全，要求补正');
  await page.waitForTimeout(300);
  await expectVisible('受理审查 补正', 'Field_SupplementItems', true);
  await expectVisible('受理审查 补正', 'Field_SupplementDueDate', true);
  const dateInput = field('Field_SupplementDueDate').locator('input').first();
  note('受理审查 补正', 'date field placeholder', String(await dateInput.getAttribute('placeholder')));
  note('受理审查 补正', 'date field label', (await field('Field_SupplementDueDate').innerText()).trim().replace(/\s+/g, ' '));
  // 补正 with the fields empty: required now that they are shown
  await complete('受理审查 补正, fields empty');
  const supErrs = await fieldErrors('受理审查 补正, fields empty');
  for (const label of ['需补正的材料']) {
    if (!supErrs.some((e) => e.startsWith(label))) note('受理审查 补正, fields empty', 'DEFECT', `${label} not required`);
  }
  if (supErrs.length < 2) note('受理审查 补正, fields empty', 'DEFECT', `the due date is not marked required (${supErrs.length} messages)`);
  await expectNoEnglish('受理审查 补正, fields empty');
  await shot('intake-supplement-required', { at: 'Field_SupplementItems' });
  if (await taskOf(pi, 'Task_ReviewIntake') === undefined) throw new Error('受理审查 补正 accepted with empty fields');
  await fill('Field_SupplementItems', '抽样检验报告原件；询问笔录第2页签名。');
  // the date as the placeholder reads (年/月/日)
  await dateInput.click();
  await dateInput.fill('2026/12/04');
  await dateInput.press('Enter');
  await page.keyboard.press('Escape').catch(() => {});
  await page.waitForTimeout(400);
  note('受理审查 补正', 'date field after typing 2026/12/04', String(await dateInput.inputValue()));
  await shot('intake-supplement-fields', { at: 'Field_SupplementDueDate' });
  const sup = await complete('受理审查 补正 complete');
  await fieldErrors('受理审查 补正 complete');
  if (sup.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewIntake')) {
    await shot('intake-supplement-refused');
    throw new Error('受理审查 补正 not completed');
  }
  const dueVar = await rest('admin', 'GET', `/engine-rest/process-instance/${pi}/variables/supplementDueDate`).catch(() => null);
  note('受理审查 补正', 'supplementDueDate stored', JSON.stringify(dueVar && { type: dueVar.type, value: dueVar.value }));
  await logout();

  // 4. zhangwei: 补正送审材料
  await login('zhangwei');
  await openTask('本单位待办', '补正送审材料', pi, 'Task_SupplementMaterials');
  await claim('补正送审材料 claim');
  note('补正送审材料', '需补正的材料 shown', String(await valueOf('Field_SupplementItems')));
  note('补正送审材料', '补正期限 shown', String(await valueOf('Field_SupplementDueDate')));
  const prefilledFacts = await valueOf('Field_BasicFacts');
  if (prefilledFacts !== MATERIALS.Field_BasicFacts) note('补正送审材料', 'DEFECT', `基本事实 not prefilled: ${prefilledFacts}`);
  await shot('supplement-materials', { at: 'Field_SupplementItems' });
  await complete('补正送审材料 without 补正说明');
  const noteErrs = await fieldErrors('补正送审材料 without 补正说明');
  if (!noteErrs.some((e) => e.startsWith('补正说明'))) note('补正送审材料', 'DEFECT', '补正说明 not required');
  await fill('Field_Investigation', '现场检查笔录、抽样检验报告（原件）、询问笔录（已补签名）各一份。');
  await fill('Field_SupplementNote', '已补交检验报告原件，询问笔录已补签名。');
  const supd = await complete('补正送审材料 complete');
  if (supd.some((m) => m.danger) || await taskOf(pi, 'Task_SupplementMaterials')) throw new Error('补正送审材料 not completed');
  await logout();

  // 5. zhaomin: 受理审查 again → 受理
  await login('zhaomin');
  await openTask('本单位待办', '受理审查', pi, 'Task_ReviewIntake');
  if (await page.$('.task-card button.claim')) await claim('受理审查 claim 2');
  const investigation = await valueOf('Field_Investigation');
  if (!investigation?.includes('已补签名')) note('受理审查 2', 'DEFECT', `the supplemented materials are not shown: ${investigation}`);
  await radio('Field_IntakeOutcome', '受理');
  await page.waitForTimeout(300);
  await expectVisible('受理审查 受理', 'Field_SupplementDueDate', false);
  await shot('intake-accept', { at: 'Field_IntakeOutcome' });
  const intake = await complete('受理审查 complete');
  if (intake.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewIntake')) throw new Error('受理审查 refused');

  // 6. zhaomin: 出具法制审核意见: a follow-up date in the header, then 申请延长审核期限
  let opinionTask = await taskOf(pi, 'Task_ReviewOpinion');
  console.log(`  出具法制审核意见 due (engine): ${opinionTask?.due} assignee ${opinionTask?.assignee}`);
  await openTask('我的待办', '出具法制审核意见', pi, 'Task_ReviewOpinion');
  const due1 = await dueDateShown();
  note('出具法制审核意见', 'due date shown', `${JSON.stringify(due1)} (engine: ${opinionTask.due})`);
  await expectNoteShown('出具法制审核意见', false);
  await shot('opinion-first');
  if (await page.$('.task-card button.claim')) await claim('出具法制审核意见 claim');

  // 6a. the follow-up date in the task header (设置跟进日期, or the date the process set: click it to change it)
  const followBefore = (await taskOf(pi, 'Task_ReviewOpinion')).followUp;
  note('设置跟进日期', 'follow-up date before', `engine ${followBefore}; header ${(await page.locator('.task-card .followup-date').innerText()).trim()}`);
  await page.click('.task-card .followup-date .view-value');
  await page.waitForSelector('.cam-widget-inline-field.datepicker .uib-daypicker');
  const pickerTitle = await page.locator('.cam-widget-inline-field.datepicker .uib-title').innerText();
  const weekdays = await page.$$eval('.cam-widget-inline-field.datepicker thead small', (es) => es.map((e) => e.innerText).join(' '));
  note('设置跟进日期', 'date picker header', `${pickerTitle.trim()} / ${weekdays}`);
  // three days after the date the picker opens on
  const dayTexts = await page.$$eval('.cam-widget-inline-field.datepicker .uib-daypicker tbody td button',
    (bs) => bs.map((b) => ({ text: b.innerText.trim(), active: b.classList.contains('active'), muted: !!b.querySelector('.text-muted') })));
  const activeAt = dayTexts.findIndex((d) => d.active);
  const target = activeAt >= 0 && activeAt + 3 < dayTexts.length ? activeAt + 3 : dayTexts.length - 1;
  await page.locator('.cam-widget-inline-field.datepicker .uib-daypicker tbody td button').nth(target).click();
  await page.waitForTimeout(300);
  await shot('follow-up-date-picker', { full: false });
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/task\/[^/]+$/.test(r.url()), { timeout: 10000 })
    .catch(() => null);
  await page.click('.datepicker-control button:has(.glyphicon-ok)');
  const put = await saved;
  note('设置跟进日期', 'PUT /task answer', put ? String(put.status()) : 'no request');
  // candidates hold TASK_WORK only (docs/security.md): changing the task itself is refused, in Chinese
  if (!put || put.status() !== 403) note('设置跟进日期', 'DEFECT', `PUT /task answered ${put?.status()}, expected 403`);
  const followMsgs = await notifications('设置跟进日期');
  const followRefusal = followMsgs.find((m) => m.danger);
  if (!followRefusal || !/[\u4e00-\u9fff]/.test(followRefusal.text.replace(/^[^:：]*[:：]/, ''))) {
    note('设置跟进日期', 'DEFECT', `no Chinese refusal shown: ${followRefusal?.text}`);
  }
  await closeNotifications();
  const followUp = (await taskOf(pi, 'Task_ReviewOpinion')).followUp;
  const followShown = (await page.locator('.task-card .followup-date').innerText()).trim();
  note('设置跟进日期', 'follow-up date', `engine ${followUp}; header ${followShown}`);
  if (followUp !== followBefore) note('设置跟进日期', 'DEFECT', 'the follow-up date was changed by a reviewer');
  await shot('follow-up-date-saved', { full: false });
  if (!(await page.$('.fjs-form'))) note('设置跟进日期', 'DEFECT', 'the task form is gone after saving the follow-up date');

  await radio('Field_ReviewAction', '申请延长审核期限（2个工作日）');
  await page.waitForTimeout(300);
  await expectVisible('申请延期', 'Field_ExtensionReason', true);
  await expectVisible('申请延期', 'Field_OpinionOutcome', false);
  await expectVisible('申请延期', 'Field_Corrections', false);
  for (const id of ['Field_PointSubject', 'Field_PointCrime']) await expectVisible('申请延期', id, false);
  await complete('申请延期 without a reason');
  const reasonErrs = await fieldErrors('申请延期 without a reason');
  if (!reasonErrs.some((e) => e.startsWith('申请延期的理由'))) note('申请延期', 'DEFECT', '申请延期的理由 not required');
  await fill('Field_ExtensionReason', '案情复杂，需核实检验报告的抽样程序。');
  await shot('opinion-request-extension', { at: 'Field_ExtensionReason' });
  const ext = await complete('申请延期 complete');
  await fieldErrors('申请延期 complete');
  if (ext.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewOpinion')) {
    await shot('opinion-request-extension-refused');
    throw new Error('extension request not completed');
  }
  await logout();

  // 7. chengang: 审批延长审核期限 → 同意 (the requester is named)
  await login('chengang');
  await openTask('本单位待办', '审批延长审核期限', pi, 'Task_ApproveReviewExtension');
  await claim('审批延长审核期限 claim');
  const requester = await valueOf('Field_ExtensionRequestedByName');
  note('审批延长审核期限', '申请人 shown', String(requester));
  if (!requester || requester === 'zhaomin') note('审批延长审核期限', 'DEFECT', `申请人 shows ${requester}, expected 赵敏`);
  else if (requester !== '赵 敏') note('审批延长审核期限', 'observation', `申请人 reads ${requester}; Tasklist writes the same person 赵 敏`);
  await radio('Field_ExtensionDecision', '同意延长2个工作日');
  await fill('Field_ExtensionDecisionNote', '同意延长。');
  await shot('approve-extension', { at: 'Field_ExtensionDecision' });
  const appr = await complete('审批延长审核期限 complete');
  if (appr.some((m) => m.danger) || await taskOf(pi, 'Task_ApproveReviewExtension')) throw new Error('extension approval refused');
  await logout();

  // 8. zhaomin: 出具法制审核意见 again, due date moved by two working days; 存在问题
  await login('zhaomin');
  opinionTask = await taskOf(pi, 'Task_ReviewOpinion');
  await openTask('我的待办', '出具法制审核意见', pi, 'Task_ReviewOpinion');
  const due2 = await dueDateShown();
  note('出具法制审核意见 after extension', 'due date shown', `${JSON.stringify(due2)} (engine: ${opinionTask.due})`);
  if (await page.$('.task-card button.claim')) await claim('出具法制审核意见 claim 2');
  await expectNoteShown('出具法制审核意见 after extension', true);
  const prefilled = await checkedLabel('Field_ReviewAction');
  if (prefilled) note('出具法制审核意见 after extension', 'DEFECT', `办理方式 comes back pre-selected: ${prefilled}`);
  await shot('opinion-after-extension', { at: '.fjs-form-field-text:has-text("已申请过一次延期")' });

  // 8a. 完成 on the form as it comes back: the browser names what is missing
  await complete('出具法制审核意见 as it comes back');
  const backErrs = await fieldErrors('出具法制审核意见 as it comes back');
  await shot('opinion-as-it-comes-back', { at: 'Field_PointSubject' });
  if (!backErrs.some((e) => e.startsWith('办理方式'))) note('出具法制审核意见 as it comes back', 'DEFECT', '办理方式 not required');

  await radio('Field_ReviewAction', '出具审核意见');
  await page.waitForTimeout(300);
  await expectVisible('出具意见', 'Field_OpinionOutcome', true);
  await expectVisible('出具意见', 'Field_ExtensionReason', false);
  await expectVisible('出具意见', 'Field_PointSubject', true);

  // 8b. an opinion without the seven review points
  await radio('Field_OpinionOutcome', '存在问题，需纠正');
  await fill('Field_OpinionText', '适用法律基本正确，但罚款数额的计算依据不明，须补充后再作决定。');
  await fill('Field_Corrections', '1. 补充货值金额的计算依据；\n2. 在决定书中写明裁量理由。');
  await complete('出具意见 without review points');
  const pointErrs = await fieldErrors('出具意见 without review points');
  await shot('opinion-without-points', { at: 'Field_PointSubject' });
  if (pointErrs.length < 7) note('出具意见 without review points', 'DEFECT', `only ${pointErrs.length} of the 7 points stopped`);
  if (!(await taskOf(pi, 'Task_ReviewOpinion'))) throw new Error('opinion accepted without the review points');

  const points = ['Field_PointSubject', 'Field_PointAuthority', 'Field_PointFacts', 'Field_PointLaw',
    'Field_PointProcedure', 'Field_PointDocuments', 'Field_PointCrime'];
  for (const id of points) {
    if (id === 'Field_PointLaw') {
      await radio(id, '存在问题');
      await fill(`${id}Comment`, '罚款数额未说明货值金额的计算依据。');
    } else {
      await radio(id, id === 'Field_PointCrime' ? '不涉嫌犯罪' : '符合规定');
    }
  }
  await expectVisible('存在问题', 'Field_Corrections', true);
  await expectVisible('存在问题', 'Field_TransferAuthority', false);

  // 8c. 存在问题 without 须纠正的内容: the browser stops it
  await fill('Field_Corrections', '');
  await complete('存在问题 without 须纠正的内容');
  const corrErrs = await fieldErrors('存在问题 without 须纠正的内容');
  await shot('opinion-without-corrections', { at: 'Field_Corrections' });
  if (!corrErrs.some((e) => e.startsWith('须纠正的内容'))) note('存在问题 without 须纠正的内容', 'DEFECT', 'not stopped by the browser');
  // ... and the server's answer if a client skipped the form check (what Tasklist would show in its panel)
  const behind = await submitBehindTheForm('存在问题 without 须纠正的内容, behind the form', opinionTask.id, {
    reviewAction: 'SUBMIT_OPINION', opinionOutcome: 'PROBLEM', opinionText: '罚款数额的计算依据不明。',
    pointSubject: 'OK', pointAuthority: 'OK', pointFacts: 'OK', pointLaw: 'PROBLEM', pointProcedure: 'OK',
    pointDocuments: 'OK', pointCrime: 'OK',
  });
  if (behind.status < 400) throw new Error('存在问题 without 须纠正的内容 accepted by the server');
  if (/ENGINE-\d/.test(behind.body)) note('存在问题 without 须纠正的内容, behind the form', 'DEFECT', 'engine code in the answer');

  // 8d. with 须纠正的内容
  await fill('Field_Corrections', '1. 补充货值金额的计算依据；\n2. 在决定书中写明裁量理由。');
  await shot('opinion-problem-with-corrections', { at: 'Field_Corrections' });
  const op = await complete('出具法制审核意见 complete');
  if (op.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewOpinion')) {
    await shot('opinion-refused');
    throw new Error('opinion not completed');
  }
  await logout();

  // 9. zhangwei: 研究审核意见 → 有异议
  await login('zhangwei');
  await openTask('本单位待办', '研究审核意见', pi, 'Task_RespondToFindings');
  await claim('研究审核意见 claim');
  await expectVisible('研究审核意见', 'Field_DisagreementReasons', false);
  await radio('Field_FindingsResponse', '有异议，提请机关负责人协调');
  await page.waitForTimeout(300);
  await expectVisible('研究审核意见 有异议', 'Field_DisagreementReasons', true);
  await fill('Field_DisagreementReasons', '货值金额已在检验报告和询问笔录中写明，无需补充。');
  await shot('respond-to-findings-disagree', { at: 'Field_FindingsResponse' });
  const resp = await complete('研究审核意见 complete');
  if (resp.some((m) => m.danger) || await taskOf(pi, 'Task_RespondToFindings')) throw new Error('研究审核意见 not completed');
  await logout();

  // 10. chengang: 协调审核分歧 → 维持承办机构意见
  await login('chengang');
  await openTask('本单位待办', '协调审核分歧', pi, 'Task_CoordinateDispute');
  await claim('协调审核分歧 claim');
  await radio('Field_CoordinationOutcome', '维持承办机构意见');
  await fill('Field_CoordinationReasons', '货值金额已有证据证明，维持承办机构意见，作出决定。');
  await shot('coordinate-dispute', { at: 'Field_CoordinationOutcome' });
  const coord = await complete('协调审核分歧 complete');
  if (coord.some((m) => m.danger) || await taskOf(pi, 'Task_CoordinateDispute')) throw new Error('协调审核分歧 refused');
  await logout();
  await expectEnded('walk A end', pi, 'APPROVED_AFTER_COORDINATION');

  // ---------------------------------------------------------------- walk B: 退回 → 修改送审材料 → 撤回
  const case2 = String(await registerCase('某超市销售过期食品案'));
  console.log(`case ${case2}`);
  const pi2 = await startReview(case2);

  await login('zhaomin');
  await openTask('本单位待办', '受理审查', pi2, 'Task_ReviewIntake');
  await claim('B 受理审查 claim');
  await radio('Field_IntakeOutcome', '不符合条件，退回');
  await page.waitForTimeout(300);
  await expectVisible('B 退回', 'Field_ReturnReasons', true);
  await expectVisible('B 退回', 'Field_SupplementItems', false);
  await complete('B 退回 without reasons');
  const retErrs = await fieldErrors('B 退回 without reasons');
  if (!retErrs.some((e) => e.startsWith('退回理由'))) note('B 退回', 'DEFECT', '退回理由 not required');
  await fill('Field_ReturnReasons', '拟作出的决定不属于重大执法决定法制审核目录范围。');
  await shot('intake-return', { at: 'Field_ReturnReasons' });
  const ret = await complete('B 退回 complete');
  if (ret.some((m) => m.danger) || await taskOf(pi2, 'Task_ReviewIntake')) throw new Error('退回 not completed');
  await logout();

  await login('zhangwei');
  await openTask('本单位待办', '修改送审材料', pi2, 'Task_ReviseSubmission');
  await claim('B 修改送审材料 claim');
  const reasons = await valueOf('Field_ReturnReasons');
  note('B 修改送审材料', '退回理由 shown', String(reasons));
  if (!reasons?.includes('目录范围')) note('B 修改送审材料', 'DEFECT', '退回理由 not shown');
  await expectVisible('B 修改送审材料', 'Field_Corrections', false);
  await expectVisible('B 修改送审材料', 'Field_CoordinationReasons', false);
  await expectVisible('B 修改送审材料', 'Field_WithdrawReason', false);
  await shot('revise-after-return', { at: 'Field_ReturnReasons' });
  await radio('Field_ResubmitAction', '撤回送审');
  await page.waitForTimeout(300);
  await expectVisible('B 撤回', 'Field_WithdrawReason', true);
  await complete('B 撤回 without a reason');
  const wErrs = await fieldErrors('B 撤回 without a reason');
  if (!wErrs.some((e) => e.startsWith('撤回理由'))) note('B 撤回', 'DEFECT', '撤回理由 not required');
  await fill('Field_WithdrawReason', '经研究，改按一般程序作出决定，撤回本次送审。');
  await shot('revise-withdraw', { at: 'Field_ResubmitAction' });
  const wd = await complete('B 撤回 complete');
  if (wd.some((m) => m.danger) || await taskOf(pi2, 'Task_ReviseSubmission')) throw new Error('撤回 not completed');
  await logout();
  await expectEnded('walk B end', pi2, 'WITHDRAWN');
} catch (e) {
  failed = true;
  note('run', 'FAILED', e.message.split('\n')[0]);
  await shot('failure').catch(() => {});
} finally {
  writeFileSync(path.join(SHOTS, 'findings.json'), JSON.stringify(findings, null, 2));
  await browser.close();
}
const defects = findings.filter((f) => f.kind === 'DEFECT');
console.log(`${defects.length} defect(s)`);
console.log(failed || defects.length ? 'E2E FAILED' : 'E2E PASSED');
process.exit(failed || defects.length ? 1 : 0);
