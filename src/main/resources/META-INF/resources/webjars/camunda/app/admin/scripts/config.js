/*
 * Zhifa override of Camunda Admin 7.24 scripts/config.js (ES module, loaded by the Admin bootstrap).
 * This file replaces the webjar's copy because it sits at the same classpath path and comes first on the
 * classpath. Options and their defaults: see the commented sample in the 7.24 webjar and docs/webapps-chinese.md.
 */
export default {
  // Shown in the header and used as the browser tab title: "<vendor> <name>".
  app: {
    name: '执法办案 · 系统管理',
    vendor: '某县市场监督管理局'
  },

  // Same choice as Tasklist: Chinese browsers and every language but English get zh (locales/zh.json translates
  // every key of the webjar's en.json), English browsers keep en.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // names without the space, and no buttons for rights the user lacks (../zhifa/webapps.js)
  customScripts: ['../zhifa/webapps'],

  // Moment formats; the zh.json dateLocales make every date read 2026年12月1日 (and 14:30 where a time is shown).
  dateFormat: {
    monthName: 'M月',
    day: 'D日',
    abbr: 'LLL',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  }
};
