package cn.zhifa.execution;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Refusing an execution step: recorded on the case once the refused transaction rolled back. */
@Component
class ExecutionRefusals {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRefusals.class);

    private final CaseRecord caseRecord;
    private final StaffDirectory staff;

    ExecutionRefusals(CaseRecord caseRecord, StaffDirectory staff) {
        this.caseRecord = caseRecord;
        this.staff = staff;
    }

    /** The acting officer of the task, refused unless he belongs to the case's handling unit. */
    String handlingOfficer(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        if (actor == null || !staff.isMember(actor, (String) task.getVariable(EngineVariables.HANDLING_UNIT))) {
            throw refuse(task, actor, "NOT_HANDLING_UNIT", "「" + task.getName() + "」由本案承办机构的执法人员办理");
        }
        return actor;
    }

    ExecutionRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("task", task.getTaskDefinitionKey());
        recorded.put("event", task.getEventName());
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), HttpStatus.UNPROCESSABLE_ENTITY, code, message,
                recorded);
    }

    ExecutionRefusedException refuse(long caseId, String actor, String step, HttpStatus status, String code,
            String message, Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("code", code);
        String who = actor == null ? "system" : actor;
        log.info("Refused {} by {} on case {} at {}", code, who, caseId, step);
        caseRecord.appendAfterRollback(caseId, who, "REFUSAL", step + "：" + message, recorded);
        return new ExecutionRefusedException(status, code, message);
    }
}
