package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.record.CaseRecord;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The reminder and the escalation of both periods (publication, withdrawal): before the due day the open tasks of
 * the step are raised and carry a note; when the period has run, the case is marked overdue and a head supervises
 * (the task stays with whoever has it).
 */
@Component("disclosureDeadlineDelegate")
class DisclosureDeadlineDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final DeadlineService deadlines;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    DisclosureDeadlineDelegate(TaskService taskService, DeadlineService deadlines, CaseRegister cases,
            CaseRecord caseRecord) {
        this.taskService = taskService;
        this.deadlines = deadlines;
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        boolean withdrawal = execution.getCurrentActivityId().contains("Withdrawal");
        String entry = withdrawal ? "DISCLOSURE_WITHDRAWAL"
                : DecisionKind.parse(execution.getVariable(DECISION_KIND)).deadlineEntry();
        String step = withdrawal ? "撤回公示信息" : "公示";
        String due = deadlines.find(execution.getProcessInstanceId(), entry)
                .map(d -> Dates.chinese(d.dueAt())).orElse("");
        if (execution.getCurrentActivityId().startsWith("Task_Remind")) {
            String note = step + "期限将于" + due + "届满，请及时办理";
            List<String> keys = withdrawal ? List.of(DisclosureActorTaskListener.WITHDRAW)
                    : List.of(DisclosureActorTaskListener.PREPARE, DisclosureActorTaskListener.APPROVE_WITHHOLDING,
                            DisclosureActorTaskListener.REVIEW);
            for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                if (keys.contains(task.getTaskDefinitionKey())) {
                    task.setPriority(REMINDED_PRIORITY);
                    taskService.saveTask(task);
                    taskService.createComment(task.getId(), execution.getProcessInstanceId(), note);
                }
            }
            caseRecord.append(caseId, "system", "DISCLOSURE_REMINDED", note, Map.of("entry", entry));
        } else {
            cases.markOverdue(caseId, true);
            caseRecord.append(caseId, "system", "DISCLOSURE_OVERDUE", step + "超过期限（应于" + due + "前办结），已报机关负责人督办",
                    Map.of("entry", entry));
        }
    }
}
