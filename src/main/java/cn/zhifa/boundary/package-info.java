/**
 * The engine's boundary (DESIGN.md idea 7): what holds whatever a client of /engine-rest sends. No user code reaches
 * the engine (deployments and stored expressions), engine-owned variables are set by the engine alone, a task's
 * candidate or assignee may only claim, save, complete and comment, and one proceeding of a kind runs per case.
 * Engine plugins of this package apply these rules to every process; docs/security.md writes them down.
 */
package cn.zhifa.boundary;
