'use strict';
const { facts, is, kebab } = require('../helpers');

/** Every user task has its own Camunda Form from forms/, bound to the deployment; a start form exists there too. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask')) {
      const expected = kebab(node.id.replace(/^Task_/, ''));
      if (node.formRef !== expected) {
        reporter.report(node.id, `用户任务须引用表单 forms/${expected}.form（camunda:formRef="${expected}"）`);
      } else if (node.formRefBinding !== 'deployment') {
        reporter.report(node.id, '表单绑定须为 deployment（camunda:formRefBinding="deployment"）');
      } else if (!facts.forms[expected]) {
        reporter.report(node.id, `forms/ 中没有表单 ${expected}`);
      }
    } else if (is(node, 'bpmn:StartEvent') && node.formRef && !facts.forms[node.formRef]) {
      reporter.report(node.id, `forms/ 中没有表单 ${node.formRef}`);
    }
  }
  return { check };
};
