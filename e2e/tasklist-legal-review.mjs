// End-to-end walk through the legal review (重大执法决定法制审核) in the Chinese Camunda Tasklist, in a real Chromium.
// A manual check, not part of `./mvnw verify`: see e2e/README.md.
//
//   zhangwei 发起流程 (start form) → zhaomin 受理审查 → zhaomin 出具法制审核意见: 申请延长审核期限 → chengang 审批延长审核期限
//   → zhaomin 出具法制审核意见: 存在问题 (first without 须纠正的内容: refused) → zhangwei 研究审核意见: 有异议
//   → chengang 协调审核分歧: 维持承办机构意见 → process ends with reviewResult APPROVED_AFTER_COORDINATION.
//
// Every step leaves a PNG in $SHOTS; every message Tasklist shows is printed and collected in $SHOTS/findings.json.

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

async function registerCase() {
  const created = await rest('zhangwei', 'POST', '/api/cases', {
    kind: 'PENALTY', title: '某商店销售不合格电线案',
    parties: [{ kind: 'INDIVIDUAL', name: '张三', idNumber: '11010519491231002X', address: '某县某路1号' }],
    officers: [{ userId: 'zhangwei' }, { userId: 'lina' }],
  });
  return created.id;
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

/** The messages Tasklist shows in its notification panels (success and errors), then closes them. */
async function notifications(step) {
  await page.waitForTimeout(1500);
  const texts = await page.$$eval('.notifications .alert', (as) => as.map((a) => ({
    danger: a.classList.contains('alert-danger'),
    text: a.innerText.replace(/[×\s]+/g, ' ').trim(),
  })));
  for (const t of texts) note(step, t.danger ? 'ERROR shown' : 'message shown', t.text);
  return texts;
}

async function closeNotifications() {
  for (const b of await page.$$('.notifications .alert button.close')) await b.click().catch(() => {});
}

/** Form-js validation messages under fields (shown by the browser before anything reaches the server). */
async function fieldErrors(step) {
  const errs = await page.$$eval('.fjs-form-field-error, .fjs-form-field .fjs-form-field-error', (es) =>
    es.map((e) => {
      const field = e.closest('.fjs-form-field');
      const label = field?.querySelector('.fjs-form-field-label')?.innerText ?? '?';
      return `${label.replace(/\*$/, '')} → ${e.innerText.trim()}`;
    }).filter((s) => !s.endsWith('→ ')));
  for (const e of errs) note(step, 'form validation', e);
  return errs;
}

/** The form-js container of the field with the given component id (e.g. Field_BasicFacts). */
const field = (id) => page.locator('.fjs-form-field').filter({ has: page.locator(`[id$="-${id}"], [id*="-${id}-"]`) }).first();
const fill = (id, value) => page.locator(`[id$="-${id}"]`).fill(value);
const radio = (id, label) => field(id).getByLabel(label, { exact: true }).check();
async function select(id, label) {
  await field(id).locator('.fjs-select-display, .fjs-input-group').first().click();
  await field(id).locator('.fjs-dropdownlist-item', { hasText: label }).first().click();
}
const visible = async (id) => (await page.locator(`[id$="-${id}"], [id*="-${id}-"]`).count()) > 0
  && page.locator(`[id$="-${id}"], [id*="-${id}-"]`).first().isVisible();

async function expectVisible(step, id, expected) {
  const v = await visible(id);
  if (v !== expected) note(step, 'DEFECT', `field ${id} is ${v ? 'shown' : 'hidden'} but should be ${expected ? 'shown' : 'hidden'}`);
  else console.log(`  ok: ${id} ${v ? 'shown' : 'hidden'}`);
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

async function openTask(filter, taskName) {
  await page.goto(TASKLIST);
  await page.waitForSelector('a:has-text("发起流程")');
  await page.click(`.task-filters >> text=${filter}`);
  await page.waitForTimeout(1000);
  await page.click(`.tasks-list >> text=${taskName}`);
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
  // let form-js take the last keystrokes (its inputs are debounced) before the button is pressed
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(600);
  const button = page.locator('.task-card button.btn-primary:has-text("完成")');
  await button.scrollIntoViewIfNeeded();
  const answered = page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 10000 }).catch(() => null);
  await button.click();
  const res = await answered;
  if (!res) note(step, 'observation', 'no request sent: the browser-side form validation stopped it');
  return notifications(step);
}

async function dueDateShown() {
  const el = page.locator('.task-card .due-date');
  const text = (await el.innerText()).trim();
  // the absolute date is only in the tooltip of the relative one ("3 天后")
  const tooltip = await page.$eval('.task-card .due-date span[am-time-ago]', (e) => e.getAttribute('uib-tooltip')).catch(() => null);
  return { text, tooltip };
}

async function taskOf(processInstanceId, key) {
  const tasks = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`);
  return tasks[0];
}

// ---------------------------------------------------------------- the walk

let failed = false;
try {
  const caseId = process.env.CASE_ID ?? String(await registerCase());
  console.log(`case ${caseId}`);

  // 1. zhangwei starts the process with the start form
  await login('zhangwei');
  await shot('zhangwei-tasklist');
  await page.click('a:has-text("发起流程")');
  await page.click('.modal >> text=重大执法决定法制审核');
  await page.waitForSelector('.modal .fjs-form');
  await formRenderedOk('start form');
  await shot('start-form-empty');

  // 1a. the empty form: what does the browser say?
  await page.click('.modal-footer button:has-text("发起")');
  await page.waitForTimeout(800);
  await fieldErrors('start form, empty');
  await notifications('start form, empty');
  await shot('start-form-empty-submitted');
  await closeNotifications();

  const submission = {
    Field_DecisionTitle: '对张三罚款5万元并没收违法所得',
    Field_BasicFacts: '当事人张三经营的某商店销售经检验不合格的电线200卷。',
    Field_AppliedLaw: '《中华人民共和国产品质量法》第四十九条',
    Field_DiscretionApplied: '按本局裁量基准，属一般情节，罚款货值金额的一倍。',
    Field_Investigation: '现场检查笔录、抽样检验报告、询问笔录各一份。',
    Field_HearingAssessment: '当事人未申请听证；无评估、鉴定。',
    Field_DraftDecision: '某市监罚〔2026〕1号行政处罚决定书（代拟稿）',
    Field_EvidenceList: '1. 现场检查笔录\n2. 抽样检验报告\n3. 询问笔录',
  };
  for (const [id, v] of Object.entries(submission)) await fill(id, v);

  // 1b. the case id left empty, as the label invites ("案件外的执法决定留空，系统将自动登记")
  await page.click('.modal-footer button:has-text("发起")');
  const noCase = await notifications('start form, case id empty');
  await shot('start-form-without-case-id');
  await closeNotifications();
  if (!noCase.some((m) => m.danger)) note('start form, case id empty', 'observation', 'process started without a case id');

  // 1c. the real start
  if (await page.$('.modal .fjs-form')) {
    await fill('Field_CaseId', caseId);
    await shot('start-form-filled');
    await page.click('.modal-footer button:has-text("发起")');
    const started = await notifications('start');
    if (started.some((m) => m.danger)) throw new Error('start refused');
  }
  const instances = await rest('admin', 'GET', `/engine-rest/process-instance?processDefinitionKey=legal-review&businessKey=${caseId}`);
  if (instances.length !== 1) throw new Error(`expected one legal-review instance for case ${caseId}, found ${instances.length}`);
  const pi = instances[0].id;
  console.log(`process instance ${pi}`);
  await logout();

  // 2a. qianlei (法制审核科, no legal qualification) sees the task but may not take it
  await login('qianlei');
  await openTask('本单位待办', '受理审查');
  await page.click('.task-card button.claim');
  const q = await notifications('受理审查 claim by qianlei');
  await shot('intake-claim-refused-qianlei');
  if (!q.some((m) => m.danger)) note('受理审查 claim by qianlei', 'DEFECT', 'qianlei could claim the intake task');
  await logout();

  // 2. zhaomin: 受理审查 → 受理
  await login('zhaomin');
  await openTask('本单位待办', '受理审查');
  await shot('intake-before-claim');
  await claim('受理审查 claim');
  await expectVisible('受理审查', 'Field_ReturnReasons', false);
  await expectVisible('受理审查', 'Field_SupplementDueDate', false);
  await radio('Field_IntakeOutcome', '材料不齐全，要求补正');
  await page.waitForTimeout(300);
  await expectVisible('受理审查 补正', 'Field_SupplementItems', true);
  await expectVisible('受理审查 补正', 'Field_SupplementDueDate', true);
  await formRenderedOk('受理审查 补正');
  const datePlaceholder = await page.locator('[id$="-Field_SupplementDueDate"]').getAttribute('placeholder').catch(() => null);
  if (datePlaceholder) note('受理审查 补正', 'date field placeholder', datePlaceholder);
  await shot('intake-supplement-fields', { at: 'Field_SupplementDueDate' });
  await radio('Field_IntakeOutcome', '受理');
  await page.waitForTimeout(300);
  await expectVisible('受理审查 受理', 'Field_SupplementDueDate', false);
  await shot('intake-accept', { at: 'Field_IntakeOutcome' });
  const intake = await complete('受理审查 complete');
  if (intake.some((m) => m.danger)) throw new Error('受理审查 refused');
  await fieldErrors('受理审查 complete');

  // 3. zhaomin: 出具法制审核意见 → 申请延长审核期限
  let opinionTask = await taskOf(pi, 'Task_ReviewOpinion');
  console.log(`  出具法制审核意见 due (engine): ${opinionTask?.due} assignee ${opinionTask?.assignee}`);
  await openTask('我的待办', '出具法制审核意见');
  const due1 = await dueDateShown();
  note('出具法制审核意见', 'due date shown', `${JSON.stringify(due1)} (engine: ${opinionTask.due})`);
  await shot('opinion-first');
  if (await page.$('.task-card button.claim')) await claim('出具法制审核意见 claim');
  await radio('Field_ReviewAction', '申请延长审核期限（2个工作日）');
  await page.waitForTimeout(300);
  await expectVisible('申请延期', 'Field_ExtensionReason', true);
  await expectVisible('申请延期', 'Field_OpinionOutcome', false);
  await expectVisible('申请延期', 'Field_Corrections', false);
  await fill('Field_ExtensionReason', '案情复杂，需核实检验报告的抽样程序。');
  await shot('opinion-request-extension', { at: 'Field_ExtensionReason' });
  const ext = await complete('申请延期 complete');
  await fieldErrors('申请延期 complete');
  if (ext.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewOpinion')) {
    await shot('opinion-request-extension-refused');
    throw new Error('extension request not completed');
  }
  await logout();

  // 4. chengang: 审批延长审核期限 → 同意
  await login('chengang');
  await openTask('本单位待办', '审批延长审核期限');
  await claim('审批延长审核期限 claim');
  await radio('Field_ExtensionDecision', '同意延长2个工作日');
  await fill('Field_ExtensionDecisionNote', '同意延长。');
  await shot('approve-extension', { at: 'Field_ExtensionDecision' });
  const appr = await complete('审批延长审核期限 complete');
  if (appr.some((m) => m.danger)) throw new Error('extension approval refused');
  await logout();

  // 5. zhaomin: 出具法制审核意见 again, due date moved by two working days; 存在问题
  await login('zhaomin');
  opinionTask = await taskOf(pi, 'Task_ReviewOpinion');
  await openTask('我的待办', '出具法制审核意见');
  const due2 = await dueDateShown();
  note('出具法制审核意见 after extension', 'due date shown', `${JSON.stringify(due2)} (engine: ${opinionTask.due})`);
  await shot('opinion-after-extension', { full: false });
  if (await page.$('.task-card button.claim')) await claim('出具法制审核意见 claim 2');
  const prefilled = await field('Field_ReviewAction').locator('input:checked').evaluate((e) => e.closest('label')?.innerText).catch(() => null);
  if (prefilled) {
    note('出具法制审核意见 after extension', 'DEFECT', `办理方式 comes back pre-selected: ${prefilled.trim()}`);
    await shot('opinion-after-extension-preselected', { at: 'Field_ReviewAction' });
    // 5-0. a reviewer who just clicks 完成 on the form as it comes back
    await complete('出具法制审核意见 as it comes back');
    await shot('opinion-refused-second-extension');
    await closeNotifications();
  }
  await radio('Field_ReviewAction', '出具审核意见');
  await page.waitForTimeout(300);
  await expectVisible('出具意见', 'Field_OpinionOutcome', true);
  await expectVisible('出具意见', 'Field_ExtensionReason', false);
  // 5-1. an opinion without the seven review points (the form does not mark them required)
  await radio('Field_OpinionOutcome', '存在问题，需纠正');
  await fill('Field_OpinionText', '适用法律基本正确，但罚款数额的计算依据不明，须补充后再作决定。');
  await fill('Field_Corrections', '1. 补充货值金额的计算依据；\n2. 在决定书中写明裁量理由。');
  await complete('出具意见 without review points');
  await fieldErrors('出具意见 without review points');
  await shot('opinion-refused-without-points');
  await closeNotifications();
  await fill('Field_Corrections', '');

  const points = ['Field_PointSubject', 'Field_PointAuthority', 'Field_PointFacts', 'Field_PointLaw',
    'Field_PointProcedure', 'Field_PointDocuments', 'Field_PointCrime'];
  for (const id of points) {
    if (id === 'Field_PointLaw') {
      await select(id, '存在问题');
      await fill(`${id}Comment`, '罚款数额未说明货值金额的计算依据。');
    } else {
      await select(id, id === 'Field_PointCrime' ? '不涉嫌犯罪' : '符合规定');
      await fill(`${id}Comment`, '经审核无异常。');
    }
  }
  await radio('Field_OpinionOutcome', '存在问题，需纠正');
  await page.waitForTimeout(300);
  await expectVisible('存在问题', 'Field_Corrections', true);
  await expectVisible('存在问题', 'Field_TransferAuthority', false);

  // 5a. the refusal: 存在问题 without 须纠正的内容
  const refusal = await complete('存在问题 without 须纠正的内容');
  await fieldErrors('存在问题 without 须纠正的内容');
  await shot('opinion-refused-without-corrections', { at: '.notifications .alert' });
  if (!refusal.some((m) => m.danger) && !(await taskOf(pi, 'Task_ReviewOpinion'))) {
    throw new Error('存在问题 without 须纠正的内容 was accepted');
  }
  await closeNotifications();

  // 5b. with 须纠正的内容
  await fill('Field_Corrections', '1. 补充货值金额的计算依据；\n2. 在决定书中写明裁量理由。');
  await shot('opinion-problem-with-corrections', { at: 'Field_Corrections' });
  const op = await complete('出具法制审核意见 complete');
  if (op.some((m) => m.danger) || await taskOf(pi, 'Task_ReviewOpinion')) {
    await shot('opinion-refused');
    throw new Error('opinion not completed');
  }
  await logout();

  // 6. zhangwei: 研究审核意见 → 有异议
  await login('zhangwei');
  await openTask('本单位待办', '研究审核意见');
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

  // 7. chengang: 协调审核分歧 → 维持承办机构意见
  await login('chengang');
  await openTask('本单位待办', '协调审核分歧');
  await claim('协调审核分歧 claim');
  await radio('Field_CoordinationOutcome', '维持承办机构意见');
  await fill('Field_CoordinationReasons', '货值金额已有证据证明，维持承办机构意见，作出决定。');
  await shot('coordinate-dispute', { at: 'Field_CoordinationOutcome' });
  const coord = await complete('协调审核分歧 complete');
  if (coord.some((m) => m.danger)) throw new Error('协调审核分歧 refused');
  await shot('after-coordination', { full: false });
  await logout();

  // 8. the process has ended with the expected result
  const hist = await rest('admin', 'GET', `/engine-rest/history/process-instance/${pi}`);
  const result = await rest('admin', 'GET', `/engine-rest/history/variable-instance?processInstanceId=${pi}&variableName=reviewResult`);
  note('end', 'process', `state ${hist.state}, reviewResult ${result[0]?.value}`);
  if (hist.state !== 'COMPLETED' || result[0]?.value !== 'APPROVED_AFTER_COORDINATION') failed = true;
} catch (e) {
  failed = true;
  note('run', 'FAILED', e.message.split('\n')[0]);
  await shot('failure').catch(() => {});
} finally {
  writeFileSync(path.join(SHOTS, 'findings.json'), JSON.stringify(findings, null, 2));
  await browser.close();
}
console.log(failed ? 'E2E FAILED' : 'E2E PASSED');
process.exit(failed ? 1 : 0);
