/*
 * Zhifa override of Camunda Cockpit 7.24 scripts/config.js (ES module, loaded by the Cockpit bootstrap).
 * Branding only: Cockpit keeps the webjar's English locale until its zh.json exists (declaring zh in
 * locales.availableLocales without the file makes Cockpit report an error). See docs/webapps-chinese.md.
 */
export default {
  // Shown in the header and used as the browser tab title: "<vendor> <name>".
  app: {
    name: '执法办案 · 流程监控',
    vendor: '某县市场监督管理局'
  },

  // the supervision dashboard (执法监督) on the start page, for supervisors and heads (docs/tasklist.md)
  customScripts: ['scripts/zhifa-cockpit.js']
};
