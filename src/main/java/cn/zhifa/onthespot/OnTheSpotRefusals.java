package cn.zhifa.onthespot;

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
 * Refusing a step: the refusal is written to the case record once the step's transaction has rolled back (which
 * leaves the task, or the case before the start, as it was), with what the officer recorded.
 */
@Component
class OnTheSpotRefusals {

    private static final Logger log = LoggerFactory.getLogger(OnTheSpotRefusals.class);

    private final CaseRecord caseRecord;

    OnTheSpotRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    OnTheSpotRefusedException refuse(DelegateTask task, String actor, HttpStatus status, String code,
            String message) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("task", task.getTaskDefinitionKey());
        recorded.put("event", task.getEventName());
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), status, code, message, recorded);
    }

    OnTheSpotRefusedException refuse(long caseId, String actor, String step, HttpStatus status, String code,
            String message, Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("code", code);
        String who = actor == null ? "system" : actor;
        log.info("Refused {} by {} on case {} at {}", code, who, caseId, step);
        caseRecord.appendAfterRollback(caseId, who, "REFUSAL", step + "：" + message, recorded);
        return new OnTheSpotRefusedException(status, code, message);
    }
}
