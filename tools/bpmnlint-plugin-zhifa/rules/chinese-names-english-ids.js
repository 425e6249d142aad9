'use strict';
const { CJK, is } = require('../helpers');

// the same pattern as ProcessModelConventionsTest.ELEMENT_ID
const ELEMENT_ID = /^(StartEvent|EndEvent|Task|Gateway|SequenceFlow|BoundaryEvent|SubProcess|CallActivity|IntermediateEvent|TimerEventDefinition|TerminateEventDefinition|MessageEventDefinition|ErrorEventDefinition|EscalationEventDefinition|Message|Error|Escalation|Signal)_[A-Z][A-Za-z0-9]+$/;

/** Ids are English (Kind_PascalCase), names are Chinese; tasks must be named; a process key is kebab-case. */
module.exports = function() {
  function check(node, reporter) {
    if (!node.id || node.$type.startsWith('bpmndi:') || is(node, 'bpmn:Definitions')
        || is(node, 'bpmn:Collaboration') || is(node, 'bpmn:Participant')) {
      return;
    }
    if (is(node, 'bpmn:Process')) {
      if (!/^[a-z]+(-[a-z]+)*$/.test(node.id)) {
        reporter.report(node.id, '流程标识须为英文小写连字符形式（与文件名相同），如 legal-review');
      }
    } else if (!ELEMENT_ID.test(node.id)) {
      reporter.report(node.id, '标识须为英文：类型前缀加帕斯卡命名，如 Task_ReviewOpinion、Gateway_IntakeOutcome');
    }
    // a message's name is the key the code correlates with (RuntimeService.createMessageCorrelation): English
    if (is(node, 'bpmn:Message')) {
      return;
    }
    const mustBeNamed = is(node, 'bpmn:UserTask') || node.$type === 'bpmn:ServiceTask' || is(node, 'bpmn:Process');
    if (mustBeNamed && !node.name) {
      reporter.report(node.id, '须有中文名称');
    } else if (node.name && !CJK.test(node.name)) {
      reporter.report(node.id, `名称须为中文：${node.name}`);
    }
  }
  return { check };
};
