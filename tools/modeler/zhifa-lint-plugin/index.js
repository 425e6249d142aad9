// Camunda Modeler plug-in: the project's lint rules (copy this folder into the Modeler's resources/plugins).
module.exports = {
  name: 'Zhifa lint rules',
  script: './client.js'
};
