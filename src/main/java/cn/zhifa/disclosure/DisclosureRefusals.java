package cn.zhifa.disclosure;

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
 * Refusing a step of a disclosure: the refusal written to the case record once the step's own transaction has rolled
 * back (which leaves the task as it was), and the exception with the Chinese message.
 */
@Component
class DisclosureRefusals {

    private static final Logger log = LoggerFactory.getLogger(DisclosureRefusals.class);

    private final CaseRecord caseRecord;

    DisclosureRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    DisclosureRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("task", task.getTaskDefinitionKey());
        recorded.put("event", task.getEventName());
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), code, message, recorded);
    }

    /** A refusal outside a task (the start, a message) on a case that exists. */
    DisclosureRefusedException refuse(long caseId, String actor, String step, String code, String message,
            Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("code", code);
        String who = actor == null ? "system" : actor;
        log.info("Refused {} by {} on case {} at {}", code, who, caseId, step);
        caseRecord.appendAfterRollback(caseId, who, "REFUSAL", step + "：" + message, recorded);
        return new DisclosureRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
