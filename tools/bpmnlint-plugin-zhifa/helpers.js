'use strict';
// Shared by the rules. The facts (catalogue entries, forms, delegates that render documents, the common engine-owned
// variables) are generated from the sources by cn.zhifa.processes.ModelerFilesTest, which fails when they are stale.
const facts = require('./project-facts.json');

const CJK = /\p{Script=Han}/u;

function is(node, type) {
  return typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

function extensionValues(node, type) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(value => is(value, type));
}

/** The process (or the participant's process) a node belongs to. */
function processOf(node) {
  let current = node;
  while (current && !is(current, 'bpmn:Process')) {
    current = current.$parent;
  }
  return current;
}

function processProperties(process) {
  const properties = {};
  for (const group of extensionValues(process, 'camunda:Properties')) {
    for (const property of group.values || []) {
      properties[property.name] = property.value;
    }
  }
  return properties;
}

/** The variables only the engine writes: the common ones and those the process declares. */
function engineOwned(process) {
  const declared = (processProperties(process).engineOwnedVariables || '').split(',')
    .map(name => name.trim()).filter(Boolean);
  return new Set([ ...facts.engineOwnedCommon, ...declared ]);
}

function kebab(pascal) {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

module.exports = { facts, CJK, is, extensionValues, processOf, processProperties, engineOwned, kebab };
