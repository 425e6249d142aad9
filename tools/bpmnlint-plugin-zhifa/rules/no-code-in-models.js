'use strict';
// The same shapes as ProcessModelConventionsTest.isSafe (docs/security.md: no code in models). Keep both in step.
const IDENTIFIER = '[a-z][A-Za-z0-9]*';
const DELEGATE = new RegExp(`^\\$\\{${IDENTIFIER}(Delegate|Listener)}$`);
const VARIABLE = new RegExp(`^\\$\\{${IDENTIFIER}}$`);
const BEAN_CALL = new RegExp(`^\\$\\{(${IDENTIFIER})\\.[a-z][A-Za-z0-9]*\\((execution|task)(, ('[A-Z][A-Z0-9_]*'|${IDENTIFIER}))*\\)}$`);
const COMPARISON = `!?${IDENTIFIER}( (==|!=) ('[A-Za-z0-9_]+'|true|false|[0-9]+))?`;
const CONDITION = new RegExp(`^\\$\\{${COMPARISON}( (&&|\\|\\|) ${COMPARISON})*}$`);
const DANGEROUS = /getclass|forname|\bruntime\b|processbuilder|classloader|jdbc|datasource|processengine|applicationcontext|\benvironment\b|\b(execution|task)\./i;
const ENGINE_SERVICE = /[a-z0-9]Service\b/;
const CALLABLE_BEANS = new Set([ 'deadlines' ]);
const CODE_TYPES = new Set([ 'bpmn:ScriptTask', 'camunda:Script', 'camunda:Connector' ]);
const CODE_ATTRIBUTES = new Set([ 'class', 'scriptFormat', 'resource', 'expressionLanguage' ]);

function isSafe(context, value) {
  if (!value.includes('${') && !value.includes('#{')) {
    return true;
  }
  if (DANGEROUS.test(value) || ENGINE_SERVICE.test(value)) {
    return false;
  }
  if (context === 'delegateExpression') {
    return DELEGATE.test(value);
  }
  if (context === 'conditionExpression') {
    return CONDITION.test(value);
  }
  const call = BEAN_CALL.exec(value);
  return VARIABLE.test(value) || !!call && CALLABLE_BEANS.has(call[1]);
}

/** No script task, no script, no connector, no Java class, and every expression one of the safe shapes. */
module.exports = function() {
  function ownerId(node) {
    let current = node;
    while (current && !current.id) {
      current = current.$parent;
    }
    return current ? current.id : '';
  }
  function check(node, reporter) {
    if (CODE_TYPES.has(node.$type)) {
      reporter.report(ownerId(node), '模型中不得有脚本、脚本任务或连接器（docs/security.md）');
    }
    for (const name of Object.keys(node)) {
      const value = node[name];
      if (name.startsWith('$') || typeof value !== 'string') {
        continue;
      }
      const feel = name === 'expressionLanguage' && value.toLowerCase().includes('feel');
      if (CODE_ATTRIBUTES.has(name) && !feel) {
        reporter.report(ownerId(node), `模型中不得写 Java 类、脚本或资源（${name}=${value}）`);
      } else if (name === 'body' && node.$parent && node.$parent.conditionExpression === node) {
        if (!isSafe('conditionExpression', value.trim())) {
          reporter.report(ownerId(node), `条件不是允许的形式：${value.trim()}`);
        }
      } else if (!isSafe(name, value.trim())) {
        reporter.report(ownerId(node), `表达式不是允许的形式：${value.trim()}`);
      }
    }
  }
  return { check };
};
