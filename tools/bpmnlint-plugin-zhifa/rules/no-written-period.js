'use strict';
const { facts, is } = require('../helpers');

// a number (Arabic, full-width or Chinese) followed by a unit of time, or an ISO 8601 duration
const PERIOD = /[0-9０-９零一二两三四五六七八九十百]+\s*个?\s*(工作日|自然日|日|天|小时|分钟|个月|月|年|周|星期)|\bP(T?\d+[YMWDHS])+\b/;

/**
 * No period is written in what a person reads: names, documentation and the texts of the forms the model uses. The
 * period lives in the deadline catalogue (and is shown from there), so a change of the law changes one place.
 */
module.exports = function() {
  function check(node, reporter) {
    const id = node.id;
    if (!id || is(node, 'bpmndi:BPMNShape') || is(node, 'bpmndi:BPMNEdge') || is(node, 'bpmndi:BPMNDiagram')
        || is(node, 'bpmndi:BPMNPlane')) {
      return;
    }
    if (node.name && PERIOD.test(node.name)) {
      reporter.report(id, `名称中写了期限“${node.name.match(PERIOD)[0]}”：期限只写在期限目录中`);
    }
    for (const documentation of node.documentation || []) {
      if (PERIOD.test(documentation.text || '')) {
        reporter.report(id, `说明中写了期限“${documentation.text.match(PERIOD)[0]}”：期限只写在期限目录中`);
      }
    }
    const form = node.formRef && facts.forms[node.formRef];
    for (const text of form ? form.texts : []) {
      if (PERIOD.test(text)) {
        reporter.report(id, `表单 ${node.formRef} 中写了期限“${text.match(PERIOD)[0]}”：期限只写在期限目录中`);
      }
    }
  }
  return { check };
};
