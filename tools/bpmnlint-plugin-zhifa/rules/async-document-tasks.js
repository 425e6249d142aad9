'use strict';
const { facts, is, extensionValues } = require('../helpers');

const RETRY_CYCLE = /^R[1-9][0-9]*\/P.+$/;
const BEAN = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)/;
const rendering = new Set(facts.documentDelegates.map(delegate => delegate.bean));

/**
 * A service task that renders a document or writes a file (its delegate uses cn.zhifa.documents) runs in a job of its
 * own with a retry cycle: camunda:asyncBefore and camunda:failedJobRetryTimeCycle such as R3/PT5M.
 */
module.exports = function() {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:ServiceTask') {
      return;
    }
    const expression = node.get('camunda:delegateExpression') || node.get('camunda:expression') || '';
    const bean = BEAN.exec(expression);
    if (!bean || !rendering.has(bean[1])) {
      return;
    }
    const cycle = extensionValues(node, 'camunda:FailedJobRetryTimeCycle').map(value => value.body)[0];
    if (!node.get('camunda:asyncBefore') || !RETRY_CYCLE.test(cycle || '')) {
      reporter.report(node.id, '生成文书或写文件的服务任务须异步执行并可重试：camunda:asyncBefore="true" 和重试周期（如 R3/PT5M）');
    }
  }
  return { check };
};
