package cn.zhifa.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The engine's own refusals, as a person should read them: Camunda's English authorization message never reaches a
 * user (the details go to the log), and two people acting on one task at once is a conflict, not a server error.
 */
final class EngineRefusals {

    private static final Logger log = LoggerFactory.getLogger(EngineRefusals.class);

    private EngineRefusals() {
    }

    static ZhifaException translate(ProcessEngineException exception) {
        if (exception instanceof AuthorizationException denied) {
            log.warn("Refused FORBIDDEN for {}: {}", denied.getUserId(), denied.getMessage());
            return new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作");
        }
        if (exception instanceof TaskAlreadyClaimedException) {
            log.warn("Refused TASK_ALREADY_CLAIMED: {}", exception.getMessage());
            return new ZhifaException(HttpStatus.CONFLICT, "TASK_ALREADY_CLAIMED", "该任务已被他人认领，请刷新任务列表");
        }
        if (exception instanceof OptimisticLockingException) {
            log.warn("Refused CONCURRENT_CHANGE: {}", exception.getMessage());
            return new ZhifaException(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "该任务刚被他人办理或修改，请刷新后重试");
        }
        return null;
    }
}
