/**
 * Cross-cutting pieces every feature uses and that depend on no feature: the refusal type with its stable code and
 * Chinese message ({@link cn.zhifa.system.ZhifaException}), problem details for /api and refusal mapping for
 * /engine-rest, the engine clock, the prod start check and the case logging context.
 */
@ApplicationModule(allowedDependencies = {})
package cn.zhifa.system;

import org.springframework.modulith.ApplicationModule;
