/*
 * Zhifa override of Camunda Tasklist 7.24 scripts/config.js (ES module, loaded by the Tasklist bootstrap).
 * This file replaces the webjar's copy because it sits at the same classpath path and comes first on the
 * classpath. Options and their defaults: see the commented sample in the 7.24 webjar and docs/webapps-chinese.md.
 */
export default {
  // Shown in the header and used as the browser tab title: "<vendor> <name>".
  app: {
    name: '执法办案',
    vendor: '某县市场监督管理局'
  },

  // The webapp takes the first part of the browser language (zh-CN, zh-TW, zh → zh). Chinese browsers get zh,
  // English browsers keep en (for administrators comparing with the Camunda docs), every other language gets zh.
  // zh.json translates every key of en.json, so zh is also a safe fallback for missing keys.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // form-js writes its validation messages in English; zh-form-messages.js translates them. zhifa-tasklist.js holds
  // our plugins: case and due date on every task card, the 案卷 tab, 登记案件 / 我发起的 / 已办, the case picker of
  // start forms, refusals beside their field, sorting by due date (docs/tasklist.md)
  customScripts: ['scripts/zh-form-messages.js', 'scripts/zhifa-tasklist.js'],

  // Moment formats; the zh.json dateLocales turn LLL into e.g. 2026年5月3日 14:30.
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
