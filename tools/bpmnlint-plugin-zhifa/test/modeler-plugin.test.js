'use strict';
// The Camunda Modeler plug-in (tools/modeler/zhifa-lint-plugin) carries the same rules: loaded as the Modeler loads
// a client script, its resolver rejects the bad models and passes the good one.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'src/test/resources/lint');

function modelerPlugin() {
  const window = {};
  vm.runInNewContext(fs.readFileSync(path.join(root, 'tools/modeler/zhifa-lint-plugin/client.js'), 'utf8'), { window });
  assert.strictEqual(window.plugins.length, 1);
  assert.strictEqual(window.plugins[0].type, 'lintRules.bpmn');
  return window.plugins[0].plugin;
}

async function lint(file) {
  const { config, resolver } = modelerPlugin();
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(fs.readFileSync(path.join(fixtures, file), 'utf8'));
  return new Linter({ config, resolver }).lint(rootElement);
}

test('the Modeler plug-in passes the good model', async () => {
  const results = await lint('good.bpmn');
  assert.deepStrictEqual(Object.values(results).flat(), []);
});

test('the Modeler plug-in rejects a demo group and a model not saved by the Modeler', async () => {
  assert.ok((await lint('demo-group.bpmn'))['zhifa/no-model-actor'].length > 0);
  assert.ok((await lint('not-modeler-saved.bpmn'))['zhifa/modeler-saved'].length > 0);
});
