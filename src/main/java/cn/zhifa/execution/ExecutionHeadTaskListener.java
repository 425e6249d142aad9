package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The heads' tasks of the execution (claim, reassignment, completion): only a head of the case's agency; on
 * completion, the deferral or instalments approved (the new dates replace the due date) or refused with reasons,
 * and the closing approved with the head's opinion.
 */
@Component("executionHeadTaskListener")
class ExecutionHeadTaskListener implements TaskListener {

    static final String DEFERRAL_TASK = "Task_ApproveDeferral";
    static final String CLOSING_TASK = "Task_ApproveCaseClosing";

    private final StaffDirectory staff;
    private final CaseExecution execution;
    private final CaseRecord caseRecord;
    private final ExecutionRefusals refusals;

    ExecutionHeadTaskListener(StaffDirectory staff, CaseExecution execution, CaseRecord caseRecord,
            ExecutionRefusals refusals) {
        this.staff = staff;
        this.execution = execution;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String head = TaskActors.actorOf(task);
        if (head == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, "HEAD_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        if (!staff.isHeadOf(TaskActors.agencyOf(task), head)) {
            throw refusals.refuse(task, head, "NOT_AGENCY_HEAD", "「" + task.getName() + "」须由本案所属行政执法机关的负责人办理，"
                    + staff.displayName(head) + "不是该机关负责人");
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long caseId = TaskActors.caseIdOf(task);
        if (DEFERRAL_TASK.equals(task.getTaskDefinitionKey())) {
            decideDeferral(task, head, caseId);
        } else {
            Object opinion = task.getVariable(CLOSING_OPINION);
            if (opinion == null || opinion.toString().isBlank()) {
                throw refusals.refuse(task, head, "FIELD_REQUIRED", "请填写结案审批意见");
            }
            task.setVariable(CLOSING_APPROVED_BY, head);
        }
    }

    private void decideDeferral(DelegateTask task, String head, long caseId) {
        Object decision = task.getVariable(DEFERRAL_DECISION);
        Object note = task.getVariable(DEFERRAL_DECISION_NOTE);
        String text = (String) task.getVariable(PROPOSED_SCHEDULE_TEXT);
        if ("APPROVE".equals(decision)) {
            List<Instalment> schedule = RecordPaymentTaskListener.parse((String) task.getVariable(PROPOSED_SCHEDULE));
            execution.reschedule(caseId, schedule);
            ExecutionState state = execution.state(caseId, EngineClock.today()).orElseThrow();
            task.setVariable(PAYMENT_DUE_AT, Date.from(WorkingDayCalendar.endOfDay(state.nextDueOn())));
            task.setVariable(EXECUTION_TEXT, state.summary());
            caseRecord.append(caseId, head, "DEFERRAL_APPROVED", "批准暂缓、分期缴纳罚款：" + text.replace("\n", "；"),
                    Map.of("schedule", task.getVariable(PROPOSED_SCHEDULE)));
        } else if ("REFUSE".equals(decision) && note != null && !note.toString().isBlank()) {
            caseRecord.append(caseId, head, "DEFERRAL_REFUSED", "不批准暂缓、分期缴纳罚款：" + note, Map.of());
        } else {
            throw refusals.refuse(task, head, "FIELD_REQUIRED", "请选择审批意见；不批准的须说明理由");
        }
    }
}
