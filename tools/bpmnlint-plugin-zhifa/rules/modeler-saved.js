'use strict';
const { is } = require('../helpers');

/**
 * Saved as the Camunda Modeler saves: every flow node lists exactly its incoming and outgoing sequence flows, and the
 * diagram has a shape for every flow node and an edge for every sequence flow.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) {
      return;
    }
    const definitions = definitionsOf(node);
    const drawn = new Set();
    for (const diagram of definitions.diagrams || []) {
      for (const element of (diagram.plane && diagram.plane.planeElement) || []) {
        if (element.bpmnElement) drawn.add(element.bpmnElement);
      }
    }
    const elements = node.flowElements || [];
    for (const element of elements) {
      if (!drawn.has(element) && !is(element, 'bpmn:DataObject')) {
        reporter.report(element.id, '图中没有此元素的图形（用 Camunda Modeler 打开并保存）');
      }
      if (!is(element, 'bpmn:FlowNode')) {
        continue;
      }
      const incoming = elements.filter(flow => is(flow, 'bpmn:SequenceFlow') && flow.targetRef === element);
      const outgoing = elements.filter(flow => is(flow, 'bpmn:SequenceFlow') && flow.sourceRef === element);
      if (!sameFlows(element.incoming, incoming) || !sameFlows(element.outgoing, outgoing)) {
        reporter.report(element.id, '缺少或多出 incoming/outgoing（用 Camunda Modeler 打开并保存，或 node tools/modeler/resave.mjs）');
      }
    }
  }
  return { check };
};

function definitionsOf(node) {
  let current = node;
  while (current.$parent) {
    current = current.$parent;
  }
  return current;
}

function sameFlows(listed, actual) {
  const ids = (listed || []).map(flow => flow.id).sort();
  const expected = actual.map(flow => flow.id).sort();
  return ids.length === expected.length && ids.every((id, i) => id === expected[i]);
}
