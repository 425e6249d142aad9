/*
 * Zhifa override of Camunda Welcome 7.24 scripts/config.js (ES module, loaded by the Welcome bootstrap).
 * This file replaces the webjar's copy because it sits at the same classpath path and comes first on the
 * classpath. See docs/webapps-chinese.md.
 */
export default {
  // Shown in the header and used as the browser tab title: "<vendor> <name>".
  app: {
    name: '执法办案',
    vendor: '某县市场监督管理局'
  },

  // Same rule as Tasklist: Chinese browsers get zh, English browsers en, every other language zh.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // names without the space (../zhifa/webapps.js)
  customScripts: ['../zhifa/webapps'],

  // Moment formats; the zh.json dateLocales make every date read 2026年12月1日.
  dateFormat: {
    monthName: 'M月',
    day: 'D日',
    abbr: 'LLL',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  }
};
