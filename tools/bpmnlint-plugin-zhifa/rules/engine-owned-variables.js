'use strict';
const { facts, is, processOf, processProperties, engineOwned } = require('../helpers');

/**
 * Every process declares its engine-owned variables and whether it runs once per case; no form of the process lets a
 * person submit an engine-owned variable (a submitted field is one that is not disabled).
 */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process')) {
      const properties = processProperties(node);
      if (!('engineOwnedVariables' in properties)) {
        reporter.report(node.id, '流程须声明扩展属性 engineOwnedVariables（引擎所有的变量）');
      }
      if (![ 'true', 'false' ].includes(properties.onePerCase)) {
        reporter.report(node.id, '流程须声明扩展属性 onePerCase（true 或 false）');
      }
    }
    if ((is(node, 'bpmn:UserTask') || is(node, 'bpmn:StartEvent')) && node.formRef && facts.forms[node.formRef]) {
      const owned = engineOwned(processOf(node));
      for (const key of facts.forms[node.formRef].submitted) {
        if (owned.has(key)) {
          reporter.report(node.id, `表单 ${node.formRef} 提交了引擎所有的变量 ${key}：改为 disabled 或换一个键`);
        }
      }
    }
  }
  return { check };
};
