/*
 * Zhifa override of Camunda Admin 7.24 scripts/config.js (ES module, loaded by the Admin bootstrap).
 * Branding only: Admin keeps the webjar's English locale until its zh.json exists (declaring zh in
 * locales.availableLocales without the file makes Admin report an error). See docs/webapps-chinese.md.
 */
export default {
  // Shown in the header and used as the browser tab title: "<vendor> <name>".
  app: {
    name: '执法办案 · 系统管理',
    vendor: '某县市场监督管理局'
  }
};
