'use strict';
const { facts, is, extensionValues, processOf, processProperties, engineOwned } = require('../helpers');

/**
 * Every process declares its engine-owned variables and whether it runs once per case; no form of the process lets a
 * person submit an engine-owned variable (a submitted field is one that is not disabled); the variable a "生成文书"
 * task writes the document's id to is engine-owned, so that no form can overwrite it.
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
    if (node.$type === 'bpmn:ServiceTask' && node.get('camunda:delegateExpression') === '${generateDocumentDelegate}') {
      const target = extensionValues(node, 'camunda:InputOutput')
        .flatMap(io => io.inputParameters || []).find(parameter => parameter.name === 'documentIdVariable');
      if (target && !engineOwned(processOf(node)).has(target.value)) {
        reporter.report(node.id, `文书编号变量 ${target.value} 须列入流程的 engineOwnedVariables`);
      }
    }
  }
  return { check };
};
