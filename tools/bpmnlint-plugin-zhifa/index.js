module.exports = { configs: { recommended: { rules: {} } }, rules: {} };
