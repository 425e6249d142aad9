// Saves BPMN files as the Camunda Modeler saves them: every flow node lists its incoming and outgoing sequence flows,
// the XML is written by the same moddle library the Modeler uses (bpmn-moddle with the camunda extension), and, with
// --layout, elements without a shape or edge are laid out anew (bpmn-auto-layout). Usage:
//   node tools/modeler/resave.mjs [--layout] processes/*.bpmn
import { readFileSync, writeFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { layoutProcess } from 'bpmn-auto-layout';

const moddle = new BpmnModdle({ camunda });
const args = process.argv.slice(2);
const layout = args.includes('--layout');

for (const file of args.filter(a => !a.startsWith('--'))) {
  let xml = readFileSync(file, 'utf8');
  if (layout) {
    xml = await layoutProcess(xml);
  }
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings.length) {
    throw new Error(`${file}: ${warnings.map(w => w.message).join('; ')}`);
  }
  for (const root of definitions.rootElements) {
    if (root.flowElements) linkFlows(root);
  }
  definitions.exporter = 'Camunda Modeler';
  definitions.exporterVersion = '5.30.0';
  const { xml: saved } = await moddle.toXML(definitions, { format: true });
  writeFileSync(file, saved + '\n');
  console.log(`saved ${file}`);
}

/** incoming/outgoing as the Modeler keeps them: in the order of the sequence flows in the file. */
function linkFlows(container) {
  const nodes = container.flowElements.filter(e => !e.$instanceOf('bpmn:SequenceFlow'));
  for (const node of nodes) {
    if (node.$instanceOf('bpmn:FlowNode')) {
      node.incoming = [];
      node.outgoing = [];
    }
  }
  for (const flow of container.flowElements.filter(e => e.$instanceOf('bpmn:SequenceFlow'))) {
    flow.sourceRef.outgoing.push(flow);
    flow.targetRef.incoming.push(flow);
  }
  for (const node of nodes) {
    if (node.flowElements) linkFlows(node);
  }
}
