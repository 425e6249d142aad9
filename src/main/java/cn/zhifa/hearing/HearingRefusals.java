package cn.zhifa.hearing;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refusing a step of a hearing: the refusal written to the case record once the step's own transaction has rolled
 * back (which leaves the task as it was), and the exception with the Chinese message.
 */
@Component
class HearingRefusals {

    private static final Logger log = LoggerFactory.getLogger(HearingRefusals.class);

    private final CaseRecord caseRecord;

    HearingRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    HearingRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        return refuse(task, actor, code, message, Map.of());
    }

    HearingRefusedException refuse(DelegateTask task, String actor, String code, String message,
            Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("task", task.getTaskDefinitionKey());
        recorded.put("event", task.getEventName());
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), code, message, recorded);
    }

    /** A refusal outside a task (the start of a hearing) on a case that exists. */
    HearingRefusedException refuse(long caseId, String actor, String step, String code, String message,
            Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("code", code);
        String who = actor == null ? "system" : actor;
        log.info("Refused {} by {} on case {} at {}", code, who, caseId, step);
        caseRecord.appendAfterRollback(caseId, who, "REFUSAL", step + "：" + message, recorded);
        return new HearingRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
