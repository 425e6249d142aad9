package cn.zhifa.penalty;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refusing a step: the refusal goes to the case record after the refused transaction rolled back (the task stays as
 * it was), and the exception with the Chinese message goes back to the person.
 */
@Component
class PenaltyRefusals {

    private static final Logger log = LoggerFactory.getLogger(PenaltyRefusals.class);

    private final CaseRecord caseRecord;

    PenaltyRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    PenaltyRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        return refuse(task, actor, HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    PenaltyRefusedException refuse(DelegateTask task, String actor, HttpStatus status, String code, String message) {
        log.info("Refused {} on task {} of process instance {}: {}", task.getEventName(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), code);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("task", task.getTaskDefinitionKey());
        data.put("event", task.getEventName());
        caseRecord.appendAfterRollback(TaskActors.caseIdOf(task), actor == null ? "system" : actor, "REFUSAL",
                task.getName() + "：" + message, data);
        return new PenaltyRefusedException(status, code, message);
    }

    /** A refusal of the start (the clue), on the case the start has just registered (it rolls back with it). */
    PenaltyRefusedException refuse(DelegateExecution execution, String actor, String code, String message) {
        log.info("Refused the start of process instance {}: {}", execution.getProcessInstanceId(), code);
        return new PenaltyRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
