'use strict';
const { is } = require('../helpers');

/** Every process has a version tag and a history time to live (mandatory since 7.20; the case file outlives it). */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process')) {
      if (!node.get('camunda:historyTimeToLive')) {
        reporter.report(node.id, '须设置历史数据保留期限（camunda:historyTimeToLive）');
      }
      if (!node.get('camunda:versionTag')) {
        reporter.report(node.id, '须设置版本标签（camunda:versionTag）');
      }
    }
  }
  return { check };
};
