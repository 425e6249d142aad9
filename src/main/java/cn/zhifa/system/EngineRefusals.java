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
 * user (the details go to the log, at INFO next to the refusal's WARN line of {@link RefusalLog}), and two people
 * acting on one task at once is a conflict, not a server error.
 */
final class EngineRefusals {

    private static final Logger log = LoggerFactory.getLogger(EngineRefusals.class);

    private EngineRefusals() {
    }

    /** Our refusal inside what the engine threw, else the engine's own refusal translated, else null. */
    static ZhifaException refusalIn(ProcessEngineException exception) {
        ZhifaException refusal = ZhifaException.findIn(exception);
        return refusal != null ? refusal : translate(exception);
    }

    static ZhifaException translate(ProcessEngineException exception) {
        if (exception instanceof AuthorizationException denied) {
            log.info("Refused FORBIDDEN for {}: {}", denied.getUserId(), denied.getMessage());
            return new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作");
        }
        if (exception instanceof TaskAlreadyClaimedException) {
            log.info("Refused TASK_ALREADY_CLAIMED: {}", exception.getMessage());
            return new ZhifaException(HttpStatus.CONFLICT, "TASK_ALREADY_CLAIMED", "该任务已被他人认领，请刷新任务列表");
        }
        if (exception instanceof OptimisticLockingException) {
            log.info("Refused CONCURRENT_CHANGE: {}", exception.getMessage());
            return new ZhifaException(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "该任务刚被他人办理或修改，请刷新后重试");
        }
        return null;
    }
}
