package cn.zhifa.review;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refusing a step: the refusal is written to the case record in its own transaction (the task's transaction rolls
 * back and leaves the task as it was), then the exception with the Chinese message goes back to the caller.
 */
@Component
class ReviewRefusals {

    private static final Logger log = LoggerFactory.getLogger(ReviewRefusals.class);

    private final CaseRecord caseRecord;

    ReviewRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    ReviewRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("task", task.getTaskDefinitionKey());
        data.put("event", task.getEventName());
        log.info("Refused {} on task {} of process instance {}: {}", task.getEventName(),
                task.getTaskDefinitionKey(), task.getProcessInstanceId(), code);
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), code, message, data);
    }

    /** A refusal outside a task, e.g. of a submission, on a case that exists. */
    ReviewRefusedException refuse(long caseId, String actor, String step, String code, String message,
            Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.putIfAbsent("code", code);
        String summary = step + "：" + message;
        String recordedActor = actor == null ? "system" : actor;
        caseRecord.appendAfterRollback(caseId, recordedActor, "REFUSAL", summary,
                recorded);
        return new ReviewRefusedException(code, message);
    }
}
