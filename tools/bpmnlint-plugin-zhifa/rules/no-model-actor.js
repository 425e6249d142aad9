'use strict';
const { is, processOf, engineOwned } = require('../helpers');

const ACTOR_EXPRESSION = /^\$\{([a-z][A-Za-z]*)}$/;

/**
 * Who may act comes from the case's agency (docs/security.md): a candidate group, candidate user or assignee is an
 * engine-owned variable such as ${handlingUnit}; never a group or user id (not even a demo one such as unit-squad-1),
 * and no camunda:initiator.
 */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask')) {
      const owned = engineOwned(processOf(node));
      for (const attribute of [ 'candidateGroups', 'candidateUsers', 'assignee' ]) {
        const value = node.get('camunda:' + attribute);
        if (!value) {
          continue;
        }
        const match = ACTOR_EXPRESSION.exec(value);
        if (!match) {
          reporter.report(node.id, `${attribute} 不得写组或人员（${value}）：用 \${handlingUnit}、\${legalUnit}、\${leadershipUnit} 或引擎记录的变量`);
        } else if (!owned.has(match[1])) {
          reporter.report(node.id, `${attribute} 的变量 ${match[1]} 不是引擎所有的变量（engineOwnedVariables）`);
        }
      }
    }
    if (is(node, 'bpmn:StartEvent') && node.get('camunda:initiator')) {
      reporter.report(node.id, '不得使用 camunda:initiator：发起人由引擎记录（startedBy）');
    }
  }
  return { check };
};
