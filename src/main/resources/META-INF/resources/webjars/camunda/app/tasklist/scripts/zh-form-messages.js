/*
 * Camunda Forms (form-js 1.8, bundled with Tasklist 7.24) write their validation messages and a few placeholders in
 * English and offer no translation hook. This Tasklist custom script translates them in place as forms render.
 * Loaded through customScripts in config.js; exports no plugin.
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
const PLACEHOLDERS = { 'mm/dd/yyyy': '年/月/日', 'yyyy/mm/dd': '年/月/日', 'hh:mm': '时:分', 'Search': '搜索' };

function translateText(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) {
    return;
  }
  for (const [pattern, replace] of TEXTS) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = node.nodeValue.replace(text, replace(match));
      return;
    }
  }
}

function translate(root) {
  if (!(root instanceof Element) || !root.closest('.fjs-container, .fjs-form')) {
    if (!(root instanceof Element) || !root.querySelector('.fjs-container, .fjs-form')) {
      return;
    }
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
