'use strict';
const { facts, is } = require('../helpers');

const TIMER = /^\$\{deadlines\.(dueAt|remindAt)\(execution, '([A-Z_]+)'\)}$/;
const CALL = /\$\{deadlines\.[a-zA-Z]+\(execution, '([A-Z_]+)'\)}/g;
const entries = new Set(facts.catalogue.map(entry => entry.id));

/**
 * Timers and due dates come from the deadline catalogue: a timer is a date computed by the deadlines bean for a
 * catalogue entry (never a duration or cycle written in the model); a due or follow-up date is an expression.
 */
module.exports = function() {
  function unknownEntries(text) {
    return [ ...String(text).matchAll(CALL) ].map(match => match[1]).filter(id => !entries.has(id));
  }
  function check(node, reporter) {
    if (is(node, 'bpmn:TimerEventDefinition')) {
      const owner = node.$parent;
      if (node.timeDuration || node.timeCycle) {
        reporter.report(owner.id, '计时器不得写时长或周期：用期限目录 ${deadlines.dueAt(execution, \'条目\')} 或 remindAt');
        return;
      }
      const match = TIMER.exec(node.timeDate ? node.timeDate.body : '');
      if (!match) {
        reporter.report(owner.id, '计时器须为 ${deadlines.dueAt(execution, \'条目\')} 或 ${deadlines.remindAt(execution, \'条目\')}');
      } else if (!entries.has(match[2])) {
        reporter.report(owner.id, `期限目录中没有条目 ${match[2]}`);
      }
    }
    if (is(node, 'bpmn:UserTask')) {
      for (const [ attribute, label ] of [ [ 'dueDate', '到期日' ], [ 'followUpDate', '跟进日' ] ]) {
        const value = node.get('camunda:' + attribute);
        if (value && !/^\$\{.*}$/.test(value)) {
          reporter.report(node.id, `${label}须为表达式（期限目录 \${deadlines...} 或引擎计算的变量），不得写日期或时长`);
        }
        for (const id of unknownEntries(value || '')) {
          reporter.report(node.id, `${label}引用的期限目录条目 ${id} 不存在`);
        }
      }
    }
    if (is(node, 'camunda:ExecutionListener') && node.expression) {
      for (const id of unknownEntries(node.expression)) {
        reporter.report(node.$parent.$parent.id, `监听器引用的期限目录条目 ${id} 不存在`);
      }
    }
  }
  return { check };
};
