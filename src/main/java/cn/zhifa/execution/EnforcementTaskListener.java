package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The enforcement tasks of the handling unit: 申请人民法院强制执行 names the court (the 强制执行申请书 is made next);
 * 登记强制执行结果 records how the enforcement ended (执行完毕, or 终结执行 as the court ruled, SAMR 第七十七条第二项),
 * with the document and its day, which is the closing event.
 */
@Component("enforcementTaskListener")
class EnforcementTaskListener implements TaskListener {

    static final String APPLY_TASK = "Task_ApplyCourtEnforcement";

    private final CaseExecution execution;
    private final CaseRecord caseRecord;
    private final ExecutionRefusals refusals;

    EnforcementTaskListener(CaseExecution execution, CaseRecord caseRecord, ExecutionRefusals refusals) {
        this.execution = execution;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = refusals.handlingOfficer(task);
        if (APPLY_TASK.equals(task.getTaskDefinitionKey())) {
            String court = RecordPaymentTaskListener.text(task.getVariable(ENFORCEMENT_COURT));
            if (court == null || court.length() > 100) {
                throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写受理申请的人民法院（不超过100个字符）");
            }
            task.setVariable(COURT_APPLIED_BY, actor);
            return;
        }
        recordEnd(task, actor);
    }

    private void recordEnd(DelegateTask task, String actor) {
        long caseId = TaskActors.caseIdOf(task);
        Object result = task.getVariable(ENFORCEMENT_RESULT);
        String documentNo = RecordPaymentTaskListener.text(task.getVariable(ENFORCEMENT_DOCUMENT_NO));
        LocalDate endedOn = OpenCaseExecutionListener.day(task.getVariable(ENFORCEMENT_ENDED_ON));
        LocalDate dunned = OpenCaseExecutionListener.day(task.getVariable(DUNNING_SERVED_AT));
        if (!ExecutionState.CARRIED_OUT.equals(result) && !ExecutionState.ENDED.equals(result)) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请选择强制执行的结果：执行完毕或者终结执行");
        }
        if (documentNo == null || documentNo.length() > 200) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写执行文书或人民法院裁定书的文号（不超过200个字符）");
        }
        if (endedOn == null || endedOn.isAfter(EngineClock.today()) || dunned != null && endedOn.isBefore(dunned)) {
            throw refusals.refuse(task, actor, "ENFORCEMENT_ENDED_ON_INVALID", "执行完毕或终结执行的日期须在催告书送达之日（"
                    + dunned + "）至今天之间");
        }
        String reason;
        if (ExecutionState.ENDED.equals(result)) {
            execution.end(caseId);
            reason = "强制执行终结（" + documentNo + "）";
        } else {
            execution.enforced(caseId);
            reason = "经强制执行，行政处罚决定执行完毕（" + documentNo + "）";
        }
        ExecutionState state = execution.state(caseId, EngineClock.today()).orElseThrow();
        task.setVariable(EXECUTION_STATUS, state.status());
        task.setVariable(EXECUTION_TEXT, state.summary() + "；" + reason);
        task.setVariable(CLOSING_REASON, reason);
        task.setVariable(CLOSING_TRIGGERED_AT, endedOn.toString());
        caseRecord.append(caseId, actor, "ENFORCEMENT_ENDED", reason, Map.of("result", result, "documentNo", documentNo,
                "endedOn", endedOn.toString()));
    }
}
