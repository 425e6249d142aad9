'use strict';
// Each model in src/test/resources/lint breaks one convention; the rule named in expected.json must reject it, and
// where the manifest names a Java check (LintAgreementTest), that check rejects the same file. good.bpmn passes both.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'src/test/resources/lint');
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'expected.json'), 'utf8'));
const config = JSON.parse(fs.readFileSync(path.join(root, '.bpmnlintrc'), 'utf8'));
delete config.moddleExtensions;

async function lint(file) {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(fs.readFileSync(path.join(fixtures, file), 'utf8'));
  const linter = new Linter({ config, resolver: new NodeResolver() });
  return linter.lint(rootElement);
}

for (const [ file, expectation ] of Object.entries(expected)) {
  test(`${file}: ${expectation.rule || 'no project rule reports'}`, async () => {
    const results = await lint(file);
    const zhifa = Object.entries(results).filter(([ rule, reports ]) => rule.startsWith('zhifa/')
      && reports.some(report => report.category === 'error'));
    if (!expectation.rule) {
      assert.deepStrictEqual(zhifa.map(([ rule, reports ]) => `${rule}: ${reports.map(r => r.message)}`), []);
      return;
    }
    const reports = (results[expectation.rule] || []).filter(report => report.category === 'error');
    assert.ok(reports.length > 0, `${expectation.rule} did not reject ${file}`);
    if (expectation.ids) {
      assert.deepStrictEqual([ ...new Set(reports.map(report => report.id)) ].sort(), expectation.ids);
    }
  });
}
