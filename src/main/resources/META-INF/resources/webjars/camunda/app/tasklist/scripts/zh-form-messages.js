/*
 * Camunda Forms (form-js 1.8, bundled with Tasklist 7.24) write their validation messages and a few placeholders in
 * English and offer no translation hook; so does the date picker of the task header (follow-up and due date). This
 * Tasklist custom script translates them in place as they render. Loaded through customScripts in config.js; exports
 * no plugin.
 */
const TEXTS = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多填写 ${m[1]} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must match pattern (.+)\.$/, (m) => `格式不正确（应符合 ${m[1]}）。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid phone number\.$/, () => '请填写有效的电话号码。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '无匹配项'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };
const DATE_PICKER_TEXTS = [
  [new RegExp(`^(${MONTHS.join('|')}) (\\d{4})$`), (m) => `${m[2]}年${MONTHS.indexOf(m[1]) + 1}月`],
  [new RegExp(`^(${MONTHS.join('|')})$`), (m) => `${MONTHS.indexOf(m[1]) + 1}月`],
  [/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)$/, (m) => WEEKDAYS[m[1]]],
  [/^Today$/, () => '今天'],
  [/^Clear$/, () => '清除'],
  [/^Close$/, () => '关闭'],
];
const FORM_ROOTS = '.fjs-container, .fjs-form';
const DATE_PICKER_ROOTS = '.uib-datepicker-popup, .uib-datepicker, [uib-datepicker-popup-wrap]';
const PLACEHOLDERS = { 'mm/dd/yyyy': '年/月/日', 'yyyy/mm/dd': '年/月/日', 'hh:mm': '时:分', 'Search': '搜索' };

function translateText(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  const parent = node.parentElement;
  if (!text || !parent) {
    return;
  }
  const table = parent.closest(DATE_PICKER_ROOTS) ? DATE_PICKER_TEXTS : parent.closest(FORM_ROOTS) ? TEXTS : null;
  if (!table) {
    return;
  }
  for (const [pattern, replace] of table) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = node.nodeValue.replace(text, replace(match));
      return;
    }
  }
}

function translate(root) {
  const roots = `${FORM_ROOTS}, ${DATE_PICKER_ROOTS}`;
  if (!(root instanceof Element) || !(root.closest(roots) || root.querySelector(roots))) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  root.querySelectorAll('input[placeholder]').forEach((input) => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    }
    mutation.addedNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node);
      } else {
        translate(node);
      }
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
