'use strict';
// Zhifa's process model conventions as bpmnlint rules (docs/designers.md lists each with its Java test).
const rules = [
  'user-task-form',
  'deadline-from-catalogue',
  'no-written-period',
  'chinese-names-english-ids',
  'history-time-to-live',
  'async-document-tasks',
  'no-code-in-models',
  'no-model-actor',
  'engine-owned-variables',
  'modeler-saved'
];

module.exports = {
  configs: {
    recommended: {
      rules: Object.fromEntries(rules.map(rule => [ rule, 'error' ]))
    }
  },
  rules: Object.fromEntries(rules.map(rule => [ rule, `./rules/${rule}` ]))
};
