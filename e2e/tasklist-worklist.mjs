// Browser check of the worklist plugins in the Chinese Tasklist (docs/tasklist.md), in a real Chromium (Playwright).
// A manual check, not part of `./mvnw verify` (the Selenium base of issue 16 item 8 takes these walks over):
//   zhangwei 登记案件 → 发起流程 with the case picked by party → a refusal (unknown case) beside the case field →
//   我发起的 lists the review; zhaomin sees the card (case · party) in 本单位待办 and the 案卷 tab of 受理审查.
// Run against a fresh demo application, e.g.:
//   PLAYWRIGHT_CORE_DIR=/path/to/node_modules/playwright-core/.. BASE_URL=http://localhost:8080 node e2e/tasklist-worklist.mjs
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.PLAYWRIGHT_CORE_DIR ?? process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');
const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SHOTS ?? '/tmp/e2e-shots';
const PASSWORD = process.env.ZHIFA_DEMO_PASSWORD ?? 'zhifa2026';
mkdirSync(SHOTS, { recursive: true });
const defects = [];
const check = (ok, text) => {
  console.log(`${ok ? 'ok' : 'DEFECT'}: ${text}`);
  if (!ok) defects.push(text);
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--lang=zh-CN'] });

async function session(user) {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(Number(process.env.TIMEOUT_MS ?? 90000));
  page.on('pageerror', (e) => check(false, `page error: ${e.message}`));
  await page.goto(`${BASE}/camunda/app/tasklist/`);
  await page.waitForSelector('input[ng-model="username"]');
  await page.waitForTimeout(500);
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('a:has-text("发起流程")');
  await page.waitForTimeout(1500);
  return { ctx, page };
}

async function fill(page, label, text) {
  const field = page.locator('.modal .fjs-form-field', { has: page.locator(`.fjs-form-field-label:has-text("${label}")`) }).first();
  await field.locator('textarea, input').first().fill(text);
}

async function openReviewForm(page) {
  await page.click('a:has-text("发起流程")');
  await page.waitForTimeout(1000);
  await page.click('text=重大执法决定法制审核');
  await page.waitForSelector('[data-zhifa-picker]');
  for (const [label, text] of [['基本事实', '当事人销售不合格电线。'], ['适用法律', '《产品质量法》第四十九条。'],
    ['行政裁量基准', '第二档。'], ['调查取证情况', '现场检查。'], ['听证、评估、鉴定情况', '无'], ['执法决定书代拟稿', '罚款1万元。'],
    ['证据材料清单', '1. 现场检查笔录']]) {
    await fill(page, label, text);
  }
}

const party = `王${Date.now() % 100000}`;
{
  const { ctx, page } = await session('zhangwei');
  await page.waitForSelector('.zhifa-count');
  await page.waitForTimeout(1000);
  check((await page.locator('.zhifa-count').count()) === 5, 'every shared filter shows its count');
  await page.click('#zhifa-open-register');
  await page.fill('#zhifa-reg-title', '某商店销售不合格电线案');
  await page.fill('#zhifa-reg-party-name', party);
  await page.fill('#zhifa-reg-party-number', '11010519491231002X');
  await page.selectOption('#zhifa-reg-officer', 'lina');
  await page.click('#zhifa-register button[type=submit]');
  await page.waitForSelector('#zhifa-registered');
  const registered = await page.locator('#zhifa-registered').innerText();
  check(/登记号\d+/.test(registered), `registered: ${registered}`);
  const reference = registered.match(/登记号\d+/)[0];
  await page.screenshot({ path: `${SHOTS}/worklist-1-registered.png` });
  await page.click('.zhifa-dialog header button');

  await openReviewForm(page);
  await fill(page, '案件编号', '登记号999999');
  await page.click('.modal button:has-text("发起")');
  await page.waitForSelector('.zhifa-field-error');
  check((await page.locator('.zhifa-field-error').innerText()).includes('登记号999999'), 'the refusal stands beside the case field');
  await page.screenshot({ path: `${SHOTS}/worklist-2-refusal.png` });

  const caseInput = page.locator('[data-zhifa-picker]').first();
  await caseInput.fill('');
  await caseInput.pressSequentially(party, { delay: 40 });
  await page.waitForSelector(`#zhifa-case-options li[data-reference="${reference}"]`);
  await page.screenshot({ path: `${SHOTS}/worklist-3-picker.png` });
  await page.locator(`#zhifa-case-options li[data-reference="${reference}"]`).dispatchEvent('mousedown');
  check((await caseInput.inputValue()) === reference, `the picker filled ${reference}`);
  await page.click('.modal button:has-text("发起")');
  await page.waitForTimeout(2500);
  await page.click('#zhifa-open-started');
  await page.waitForSelector('#zhifa-started table');
  check((await page.locator('#zhifa-started').innerText()).includes(reference), '我发起的 lists the review');
  await page.screenshot({ path: `${SHOTS}/worklist-4-started.png` });
  await ctx.close();

  const reviewer = await session('zhaomin');
  await reviewer.page.click('text=本单位待办');
  await reviewer.page.waitForSelector(`.zhifa-card:has-text("${reference}")`);
  check((await reviewer.page.locator(`.zhifa-card:has-text("${reference}")`).innerText()).includes(party), 'the card names case and party');
  await reviewer.page.locator(`li:has(.zhifa-card:has-text("${reference}")) a`).first().click()
    .catch(() => reviewer.page.locator(`.zhifa-card:has-text("${reference}")`).click());
  await reviewer.page.waitForTimeout(2000);
  await reviewer.page.click('a:has-text("案卷")');
  await reviewer.page.waitForSelector('.zhifa-tab .zhifa-case-reference');
  check((await reviewer.page.locator('.zhifa-tab .zhifa-case-reference').innerText()) === reference, 'the 案卷 tab shows the case');
  check((await reviewer.page.locator('#zhifa-record-verification').innerText()).includes('记录完整'), 'the record verifies');
  await reviewer.page.screenshot({ path: `${SHOTS}/worklist-5-case-tab.png`, fullPage: true });
  await reviewer.ctx.close();
}
await browser.close();
process.exit(defects.length ? 1 : 0);
