package cn.zhifa.execution;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The period to apply to the court (COURT_ENFORCEMENT, 行政强制法 第五十三条) escalated: before it ends the task is
 * raised and the reminder recorded; when it has ended the case is marked overdue and a late application needs a
 * proper reason (最高人民法院 行政诉讼法解释 第一百五十六条), the task staying with the handling unit.
 */
@Component("enforcementDeadlineDelegate")
class EnforcementDeadlineDelegate implements JavaDelegate {

    static final String REMIND_TASK = "Task_RemindCourtEnforcement";
    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    EnforcementDeadlineDelegate(TaskService taskService, CaseRegister cases, CaseRecord caseRecord) {
        this.taskService = taskService;
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution process) {
        long caseId = TaskActors.caseIdOf(process);
        if (REMIND_TASK.equals(process.getCurrentActivityId())) {
            taskService.createTaskQuery().processInstanceId(process.getProcessInstanceId())
                    .taskDefinitionKey(EnforcementTaskListener.APPLY_TASK).list()
                    .forEach(task -> taskService.setPriority(task.getId(), REMINDED_PRIORITY));
            caseRecord.append(caseId, "system", "COURT_ENFORCEMENT_DUE_SOON", "申请人民法院强制执行的期限即将届满",
                    Map.of("processInstanceId", process.getProcessInstanceId()));
        } else {
            cases.markOverdue(caseId, true);
            caseRecord.append(caseId, "system", "COURT_ENFORCEMENT_OVERDUE",
                    "申请人民法院强制执行的期限已届满，逾期申请须有正当理由", Map.of("processInstanceId",
                            process.getProcessInstanceId()));
        }
    }
}
