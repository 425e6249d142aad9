package cn.zhifa.boundary;

/**
 * Who may change the engine's deployments over /engine-rest, Cockpit or Modeler (property
 * {@code zhifa.engine.rest-deployments}). The process application's own deployment at start is never affected.
 */
public enum DeploymentPolicy {

    /** Nobody, not even an administrator: models reach the engine only through the application's build (prod). */
    NONE,

    /** Members of the engine's administrator groups ({@code camunda-admin}) only: demo, a designer's machine. */
    ADMIN
}
