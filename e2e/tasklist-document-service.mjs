// End-to-end walk through document service (送达文书, process `document-service`) in the Chinese Camunda Tasklist,
// in a real Chromium. A manual check, not part of `./mvnw verify`: see e2e/README.md.
//
// Five cases, each prepared over REST (registered by zhangwei, approved in a legal review so that it reaches the
// notification stage, numbered, a 行政处罚事先告知书 made, scans uploaded as attachments), then walked in Tasklist:
//   A zhangwei 发起 (start form validation) → 选择送达方式 直接送达 → 直接送达: 已签收              → DIRECT
//   B zhangwei → 直接送达: 拒绝签收 without witness or recording (Chinese refusal), then with a witness → LEFT_AT_RESIDENCE
//   C zhangwei → 公告送达 without a failed attempt (Chinese refusal) → 电子送达 (with the consent) → ELECTRONIC
//   D lina     → 委托送达 (直接送达有困难) → 委托或转交送达: 已签收                                    → ENTRUSTED
//   E lina     → 转交送达 (受送达人被监禁) → 已签收                                                 → FORWARDED
//   F zhangwei → 邮寄送达: 邮件被退回 → 选择送达方式 again (此前的送达情况 shown) → 公告送达 (网站) → ANNOUNCED
// Afterwards GET /api/cases/{id}/services must show the method and the date of service.
//
// The application has no filing process yet, so nothing in it numbers a case, and a 告知书 needs the case number:
// the script numbers its cases in the database (H2 started with AUTO_SERVER=TRUE, see e2e/README.md).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(path.join(process.env.PLAYWRIGHT_CORE_DIR ?? process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SHOTS ?? '/tmp/svc-e2e-shots';
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

async function taskOf(processInstanceId, key) {
  const tasks = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`);
  return tasks[0];
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



async function expectNoEnglish(step) {
  const text = await page.$eval('.task-card', (e) => e.innerText).catch(() => '');
  const latin = text.match(/\b(Select|Search|Field is required|Field must|Clear|Upload|mm\/dd\/yyyy)\b[^\n]*/g);
  if (latin) note(step, 'DEFECT', `English text on the task: ${[...new Set(latin)].join(' | ')}`);
}

// ---------------------------------------------------------------- case preparation (REST, and the case number in H2)

const HERE = path.dirname(fileURLToPath(import.meta.url));
const H2_JAR = process.env.H2_JAR ?? path.join(process.env.HOME, '.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar');
const H2_URL = process.env.H2_URL ?? 'jdbc:h2:file:/tmp/svc-e2e-data/zhifa;AUTO_SERVER=TRUE';
const typed = (o) => ({ variables: Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { value: v }])) });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// today in China: the document is made today, and no date of service may be earlier or later
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()); // 2026-12-01
const TODAY_TYPED = TODAY.replaceAll('-', '/');

/** The component ids of a form, by variable key (form-js names its inputs fjs-form-<form>-<component id>). */
const FORM_IDS = {};
function idOf(form, key) {
  FORM_IDS[form] ??= Object.fromEntries(JSON.parse(readFileSync(path.join(HERE, '..', 'forms', `${form}.form`), 'utf8'))
    .components.filter((c) => c.key).map((c) => [c.key, c.id]));
  const id = FORM_IDS[form][key];
  if (!id) throw new Error(`no field ${key} in ${form}`);
  return id;
}

async function prepareCase(title, partyName) {
  const created = await rest('zhangwei', 'POST', '/api/cases', {
    kind: 'PENALTY', title,
    parties: [{ kind: 'INDIVIDUAL', name: partyName, idNumber: '11010519491231002X', address: '某县某路1号' }],
    officers: [{ userId: 'zhangwei' }, { userId: 'lina' }],
  });
  const caseId = created.id;
  // an approved legal review moves a penalty case to 告知 (the only way in the application today)
  const pi = (await rest('zhangwei', 'POST', '/engine-rest/process-definition/key/legal-review/submit-form', typed({
    caseRef: String(caseId), decisionTitle: '对当事人罚款5万元', basicFacts: '当事人销售不合格电线。',
    appliedLaw: '《中华人民共和国产品质量法》第四十九条', discretionApplied: '一般情节。', investigation: '现场检查笔录等。',
    hearingAssessment: '当事人未申请听证。', draftDecision: '行政处罚决定书（代拟稿）', evidenceList: '1. 现场检查笔录',
  }))).id;
  let t = await taskOf(pi, 'Task_ReviewIntake');
  await rest('zhaomin', 'POST', `/engine-rest/task/${t.id}/claim`, { userId: 'zhaomin' });
  await rest('zhaomin', 'POST', `/engine-rest/task/${t.id}/submit-form`, typed({ intakeOutcome: 'ACCEPT' }));
  t = await taskOf(pi, 'Task_ReviewOpinion');
  if (!t.assignee) await rest('zhaomin', 'POST', `/engine-rest/task/${t.id}/claim`, { userId: 'zhaomin' });
  const opinion = { reviewAction: 'SUBMIT_OPINION', opinionOutcome: 'AGREE', opinionText: '经审核，同意。' };
  for (const p of ['pointSubject', 'pointAuthority', 'pointFacts', 'pointLaw', 'pointProcedure', 'pointDocuments', 'pointCrime']) opinion[p] = 'OK';
  await rest('zhaomin', 'POST', `/engine-rest/task/${t.id}/submit-form`, typed(opinion));
  for (let i = 0; i < 30 && (await rest('zhangwei', 'GET', `/api/cases/${caseId}`)).stage !== 'NOTIFICATION'; i++) await sleep(1000);
  // no filing process numbers the case yet: number it as the filing would (prefix of the demo agency)
  execFileSync('java', ['-cp', H2_JAR, 'org.h2.tools.Shell', '-url', H2_URL, '-user', process.env.H2_USER ?? 'sa',
    '-password', process.env.H2_PASSWORD ?? '', '-sql',
    `UPDATE case_file SET case_no = '某县市监处罚〔${TODAY.slice(0, 4)}〕${900 + caseId}号' WHERE id = ${caseId}`]);
  const doc = await rest('zhangwei', 'POST', `/api/cases/${caseId}/documents`, { type: 'PENALTY_NOTICE', data: {
    facts: '当事人销售经检验不合格的电线200卷。', evidence: '现场检查笔录、抽样检验报告。',
    legalBasis: '《中华人民共和国产品质量法》第四十九条', proposedPenalty: '罚款5万元', statementPeriod: '五个工作日' } });
  console.log(`case ${caseId} (${title}): document ${doc.id}`);
  return caseId;
}

async function upload(caseId, description) {
  const form = new FormData();
  form.append('kind', 'EVIDENCE');
  form.append('description', description);
  form.append('file', new Blob(['%PDF-1.4\n% scanned\n'], { type: 'application/pdf' }), 'scan.pdf');
  const res = await fetch(`${BASE}/api/cases/${caseId}/attachments`, {
    method: 'POST', body: form,
    headers: { Authorization: 'Basic ' + Buffer.from(`zhangwei:${PASSWORD}`).toString('base64') },
  });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return String((await res.json()).id);
}

async function serviceTask(caseId) {
  const instances = await rest('admin', 'GET', `/engine-rest/process-instance?processDefinitionKey=document-service&variables=caseId_eq_${caseId}`);
  if (instances.length !== 1) throw new Error(`expected one document-service instance for case ${caseId}, found ${instances.length}`);
  return instances[0].id;
}

async function expectServed(step, caseId, method, date) {
  let services = [];
  for (let i = 0; i < 20; i++) {
    services = await rest('zhangwei', 'GET', `/api/cases/${caseId}/services`);
    if (services[0]?.status !== 'IN_PROGRESS') break;
    await sleep(1000);
  }
  const s = services[0] ?? {};
  note(step, 'services', `${s.status} ${s.serviceMethod} ${s.serviceMethodName} ${s.serviceDate} attempts ${s.attempts?.length}`);
  if (s.serviceMethod !== method) note(step, 'DEFECT', `serviceMethod ${s.serviceMethod}, expected ${method}`);
  if (date && s.serviceDate !== date) note(step, 'DEFECT', `serviceDate ${s.serviceDate}, expected ${date}`);
  if (!s.serviceDate) note(step, 'DEFECT', 'no serviceDate');
  return s;
}

// ---------------------------------------------------------------- form helpers for these forms (by variable key)

let FORM = null; // the form of the open task
const k = (key) => idOf(FORM, key);
const fillK = (key, value) => fill(k(key), value);
const radioK = (key, label) => radio(k(key), label);
const visibleK = (step, key, expected) => expectVisible(step, k(key), expected);
async function dateK(key, typedValue = TODAY_TYPED) {
  const input = field(k(key)).locator('input').first();
  await input.click();
  await input.fill(typedValue);
  await input.press('Enter');
  await page.keyboard.press('Escape').catch(() => {});
  await input.blur();
  await page.waitForTimeout(300);
}
async function selectK(key, label) {
  await field(k(key)).locator('.fjs-input-group, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: label }).first().click();
  await page.waitForTimeout(200);
}
const checkK = (key, label) => field(k(key)).getByLabel(label).check();

/** Completes and expects the task to be done; otherwise shoots and throws. */
async function completeOk(step, pi, key) {
  const msgs = await complete(step);
  await fieldErrors(step);
  if (msgs.some((m) => m.danger) || await taskOf(pi, key)) {
    await shot(`${step}-refused`);
    throw new Error(`${step}: not completed`);
  }
}

/** Completes and expects a refusal in Chinese (no code, no engine text); the task stays. */
async function completeRefused(step, pi, key, expectedText) {
  const msgs = await complete(step);
  await shot(step);
  const refusal = msgs.find((m) => m.danger);
  if (!refusal) note(step, 'DEFECT', 'no refusal shown');
  else {
    if (!refusal.text.includes(expectedText)) note(step, 'DEFECT', `refusal does not say ${expectedText}: ${refusal.text}`);
    if (/[A-Z]{3,}_[A-Z_]+/.test(refusal.text)) note(step, 'DEFECT', `stable code shown to the user: ${refusal.text}`);
  }
  if (!(await taskOf(pi, key))) throw new Error(`${step}: accepted`);
  await closeNotifications();
}

async function openServiceTask(name, pi, key, form, { filter = '本单位待办' } = {}) {
  FORM = form;
  await openTask(filter, name, pi, key);
  if (await page.$('.task-card button.claim')) await claim(`${name} claim`);
}

/** The officer starts 送达文书 for the case in Tasklist; with checks, the start form's browser validation. */
async function startService(user, caseId, { checks = false } = {}) {
  FORM = 'start-document-service';
  await page.goto(TASKLIST);
  await page.waitForSelector('input[ng-model="username"], li.account > a.dropdown-toggle');
  if (await page.$('li.account > a.dropdown-toggle')) await logout();
  await login(user);
  await page.click('a:has-text("发起流程")');
  await page.click('.modal >> text=送达文书');
  await page.waitForSelector('.modal .fjs-form');
  await formRenderedOk('start form');
  if (checks) {
    await page.click('.modal-footer button:has-text("发起")');
    await page.waitForTimeout(800);
    const errs = await fieldErrors('start form, empty');
    for (const label of ['案件编号', '送达的文书']) {
      if (!errs.some((e) => e.startsWith(label) && e.endsWith(REQUIRED_ZH))) note('start form, empty', 'DEFECT', `${label} not required`);
    }
    await shot('start-form-empty');
    await closeNotifications();
  }
  await fillK('caseRef', String(caseId));
  await selectK('documentToServe', '行政处罚事先告知书');
  if (checks) await shot('start-form-filled');
  await page.click('.modal-footer button:has-text("发起")');
  const started = await notifications('start');
  if (started.some((m) => m.danger)) throw new Error('start refused');
  const pi = await serviceTask(caseId);
  console.log(`process instance ${pi}`);
  return pi;
}

/** 选择送达方式: the officer picks a method; the fields of the other methods stay hidden. */
async function chooseMethod(step, pi, label, fields = async () => {}) {
  await openServiceTask('选择送达方式', pi, 'Task_ChooseServiceMethod', 'choose-service-method');
  const shownDoc = await valueOf(k('serviceDocumentName'));
  if (!shownDoc?.includes('行政处罚事先告知书')) note(step, 'DEFECT', `送达的文书 shows ${shownDoc}`);
  await radioK('serviceMethodChoice', label);
  await page.waitForTimeout(300);
  await fields();
}

// ---------------------------------------------------------------- the walks

let failed = false;
try {
  // A: direct service, signed by the party
  const caseA = await prepareCase('某商店销售不合格电线案', '张三');
  const receiptA = await upload(caseA, '签收的送达回证');
  const piA = await startService('zhangwei', caseA, { checks: true });
  FORM = 'choose-service-method';
  await openServiceTask('选择送达方式', piA, 'Task_ChooseServiceMethod', FORM);
  for (const key of ['serviceAddress', 'directDifficulty', 'consentAttachmentId', 'announcementReason']) await visibleK('A 未选择', key, false);
  await complete('A 选择送达方式, empty');
  const chooseErrs = await fieldErrors('A 选择送达方式, empty');
  if (!chooseErrs.some((e) => e.startsWith('送达方式'))) note('A 选择送达方式', 'DEFECT', '送达方式 not required');
  await radioK('serviceMethodChoice', '直接送达（受送达人拒绝签收的，留置送达）');
  await page.waitForTimeout(300);
  await visibleK('A 直接送达', 'serviceAddress', true);
  await visibleK('A 直接送达', 'directDifficulty', false);
  await visibleK('A 直接送达', 'electronicAddress', false);
  note('A 直接送达', '送达地址 prefilled', String(await valueOf(k('serviceAddress'))));
  await shot('choose-direct', { at: k('serviceMethodChoice') });
  await completeOk('A 选择送达方式 直接送达', piA, 'Task_ChooseServiceMethod');

  FORM = 'serve-directly';
  await openServiceTask('直接送达', piA, 'Task_ServeDirectly', FORM, { filter: '我的待办' });
  const receiptNo = await valueOf(k('receiptDocumentId'));
  note('A 直接送达', '送达回证 number shown', String(receiptNo));
  if (!receiptNo) note('A 直接送达', 'DEFECT', 'no 送达回证 number shown');
  await radioK('directOutcome', '已签收');
  await page.waitForTimeout(300);
  await visibleK('A 已签收', 'signatoryName', true);
  await visibleK('A 已签收', 'refusalReason', false);
  await complete('A 已签收, fields empty');
  const signErrs = await fieldErrors('A 已签收, fields empty');
  if (signErrs.length < 4) note('A 已签收, fields empty', 'DEFECT', `only ${signErrs.length} messages for 4 required fields`);
  await expectNoEnglish('A 已签收, fields empty');
  await shot('serve-direct-required', { at: k('signatoryRole') });
  await selectK('signatoryRole', '受送达人本人（公民）');
  await fillK('signatoryName', '张三');
  await dateK('signedOn');
  await fillK('signedReceiptAttachmentId', receiptA);
  await shot('serve-direct-signed', { at: k('signatoryRole') });
  await completeOk('A 直接送达 complete', piA, 'Task_ServeDirectly');
  await expectServed('A', caseA, 'DIRECT', TODAY);

  // B: direct service refused → 留置送达
  const caseB = await prepareCase('某超市销售过期食品案', '李四');
  const receiptB = await upload(caseB, '载明拒收事由、送达人和见证人签名的送达回证');
  const piB = await startService('zhangwei', caseB);
  await chooseMethod('B', piB, '直接送达（受送达人拒绝签收的，留置送达）');
  await completeOk('B 选择送达方式', piB, 'Task_ChooseServiceMethod');
  FORM = 'serve-directly';
  await openServiceTask('直接送达', piB, 'Task_ServeDirectly', FORM, { filter: '我的待办' });
  await radioK('directOutcome', '拒绝签收，已留置送达');
  await page.waitForTimeout(300);
  await visibleK('B 拒收', 'refusalReason', true);
  await visibleK('B 拒收', 'witnesses', true);
  await visibleK('B 拒收', 'signatoryName', false);
  await fillK('refusalReason', '受送达人称不服处罚，拒绝在送达回证上签字。');
  await dateK('leftOn');
  await completeRefused('B 留置 without witness or recording', piB, 'Task_ServeDirectly', '见证人');
  await fillK('witnesses', '王五，某社区居民委员会工作人员');
  await fillK('refusalReceiptAttachmentId', receiptB);
  await shot('serve-direct-left', { at: k('refusalReason') });
  await completeOk('B 留置 complete', piB, 'Task_ServeDirectly');
  await expectServed('B', caseB, 'LEFT_AT_RESIDENCE', TODAY);

  // C: announcement without a failed attempt refused; electronic with consent
  const caseC = await prepareCase('某公司虚假宣传案', '王五');
  const consentC = await upload(caseC, '受送达人签署的送达地址确认书');
  const screenC = await upload(caseC, '短信发送成功的截屏');
  const piC = await startService('zhangwei', caseC);
  await chooseMethod('C', piC, '公告送达（受送达人下落不明，或者用其他方式无法送达的）', async () => {
    await visibleK('C 公告', 'announcementReason', true);
    await visibleK('C 公告', 'serviceAddress', false);
    await fillK('announcementReason', '受送达人电话无人接听，拟公告送达。');
  });
  await completeRefused('C 公告 without failed attempt', piC, 'Task_ChooseServiceMethod', '公告');
  await radioK('serviceMethodChoice', '电子送达（须有受送达人签署的送达地址确认书）');
  await page.waitForTimeout(300);
  for (const key of ['consentAttachmentId', 'consentSignedOn', 'electronicAddress', 'electronicChannel']) await visibleK('C 电子', key, true);
  await visibleK('C 电子', 'announcementReason', false);
  await complete('C 电子, fields empty');
  const elErrs = await fieldErrors('C 电子, fields empty');
  if (elErrs.length < 4) note('C 电子, fields empty', 'DEFECT', `only ${elErrs.length} messages for 4 required fields`);
  await fillK('consentAttachmentId', consentC);
  await dateK('consentSignedOn');
  await fillK('electronicAddress', '13800000000');
  await selectK('electronicChannel', '手机短信');
  await shot('choose-electronic', { at: k('consentAttachmentId') });
  await completeOk('C 选择送达方式 电子', piC, 'Task_ChooseServiceMethod');
  FORM = 'serve-electronically';
  await openServiceTask('电子送达', piC, 'Task_ServeElectronically', FORM, { filter: '我的待办' });
  note('C 电子送达', '电子送达地址 shown', String(await valueOf(k('electronicAddress'))));
  await radioK('electronicOutcome', '已到达受送达人特定系统');
  await page.waitForTimeout(300);
  await dateK('arrivedOn');
  await fillK('evidenceAttachmentId', screenC);
  await shot('serve-electronic', { at: k('electronicOutcome') });
  await completeOk('C 电子送达 complete', piC, 'Task_ServeElectronically');
  await expectServed('C', caseC, 'ELECTRONIC', TODAY);
  await logout();

  // D: lina, entrusted service
  const caseD = await prepareCase('某药店销售假药案', '赵六');
  const receiptD = await upload(caseD, '受送达人签收后退回的送达回证');
  const piD = await startService('lina', caseD);
  await chooseMethod('D', piD, '委托其他机关代为送达', async () => {
    await visibleK('D 委托', 'directDifficulty', true);
    await visibleK('D 委托', 'intermediaryBody', true);
    await visibleK('D 委托', 'forwardReason', false);
    await fillK('serviceAddress', '某市某区某路8号');
    await fillK('directDifficulty', '受送达人现居外省，直接送达有困难。');
    await fillK('intermediaryBody', '某市某区市场监督管理局');
  });
  await shot('choose-entrusted', { at: k('directDifficulty') });
  await completeOk('D 选择送达方式 委托', piD, 'Task_ChooseServiceMethod');
  FORM = 'serve-through-intermediary';
  await openServiceTask('委托或转交送达', piD, 'Task_ServeThroughIntermediary', FORM, { filter: '我的待办' });
  await radioK('intermediaryOutcome', '受送达人已签收，送达回证已退回');
  await page.waitForTimeout(300);
  await dateK('signedOn');
  await fillK('signedReceiptAttachmentId', receiptD);
  await completeOk('D 委托送达 complete', piD, 'Task_ServeThroughIntermediary');
  await expectServed('D', caseD, 'ENTRUSTED', TODAY);

  // E: lina, forwarded (the party is in custody)
  const caseE = await prepareCase('某个体户无照经营案', '钱七');
  const receiptE = await upload(caseE, '监所转交、受送达人签收的送达回证');
  const piE = await startService('lina', caseE);
  await chooseMethod('E', piE, '转交送达（受送达人是军人、被监禁或者被采取强制性教育措施的）', async () => {
    await visibleK('E 转交', 'forwardReason', true);
    await visibleK('E 转交', 'directDifficulty', false);
    await fillK('serviceAddress', '某市看守所');
    await fillK('intermediaryBody', '某市看守所');
    await radioK('forwardReason', '受送达人被监禁，通过其所在监所转交');
  });
  await completeOk('E 选择送达方式 转交', piE, 'Task_ChooseServiceMethod');
  FORM = 'serve-through-intermediary';
  await openServiceTask('委托或转交送达', piE, 'Task_ServeThroughIntermediary', FORM, { filter: '我的待办' });
  await radioK('intermediaryOutcome', '受送达人已签收，送达回证已退回');
  await page.waitForTimeout(300);
  await dateK('signedOn');
  await fillK('signedReceiptAttachmentId', receiptE);
  await completeOk('E 转交送达 complete', piE, 'Task_ServeThroughIntermediary');
  await expectServed('E', caseE, 'FORWARDED', TODAY);
  await logout();

  // F: post returned → announcement on the agency's website
  const caseF = await prepareCase('某餐馆违规使用添加剂案', '孙八');
  const announcementF = await upload(caseF, '公告文本及网页截图');
  const piF = await startService('zhangwei', caseF);
  await chooseMethod('F', piF, '邮寄送达', async () => {
    await visibleK('F 邮寄', 'directDifficulty', true);
    await visibleK('F 邮寄', 'intermediaryBody', false);
    await fillK('directDifficulty', '受送达人经营场所已关闭，直接送达有困难。');
  });
  await completeOk('F 选择送达方式 邮寄', piF, 'Task_ChooseServiceMethod');
  FORM = 'serve-by-post';
  await openServiceTask('邮寄送达', piF, 'Task_ServeByPost', FORM, { filter: '我的待办' });
  await fillK('trackingNumber', 'EMS1234567890');
  await dateK('postedOn');
  await radioK('postOutcome', '邮件被退回');
  await page.waitForTimeout(300);
  await visibleK('F 退回', 'failureReason', true);
  await visibleK('F 退回', 'receivedOn', false);
  await fillK('failureReason', '查无此人，邮件被退回。');
  await dateK('attemptedOn');
  await shot('serve-post-returned', { at: k('postOutcome') });
  await completeOk('F 邮寄送达 退回', piF, 'Task_ServeByPost');
  await chooseMethod('F again', piF, '公告送达（受送达人下落不明，或者用其他方式无法送达的）', async () => {
    const history = await valueOf(k('attemptHistory'));
    note('F 选择送达方式 again', '此前的送达情况', String(history));
    if (!history) note('F 选择送达方式 again', 'DEFECT', 'the failed attempt is not shown');
    await fillK('announcementReason', '邮寄送达被退回，受送达人下落不明。');
  });
  await shot('choose-announcement-after-failure', { at: k('attemptHistory') });
  await completeOk('F 选择送达方式 公告', piF, 'Task_ChooseServiceMethod');
  FORM = 'publish-announcement';
  await openServiceTask('公告送达', piF, 'Task_PublishAnnouncement', FORM, { filter: '我的待办' });
  await checkK('publishedOnWebsite', '在本机关门户网站刊登');
  await fillK('announcementPlace', '本局门户网站“公示公告”栏目');
  await dateK('publishedOn');
  await fillK('announcementAttachmentId', announcementF);
  await radioK('domicileInChina', '有住所');
  await shot('publish-announcement', { at: k('announcementPlace') });
  await completeOk('F 公告送达 complete', piF, 'Task_PublishAnnouncement');
  const f = await expectServed('F', caseF, 'ANNOUNCEMENT', null);
  if (f.status !== 'ANNOUNCED') note('F', 'DEFECT', `status ${f.status}, expected ANNOUNCED`);
  if (f.serviceDate <= TODAY) note('F', 'DEFECT', `announcement served on ${f.serviceDate}, expected the end of the period`);
  await logout();
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
