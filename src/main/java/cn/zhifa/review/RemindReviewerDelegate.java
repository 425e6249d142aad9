package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The last working day before the review is due: the open review task is raised and carries a reminder note. */
@Component("remindReviewerDelegate")
class RemindReviewerDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;

    RemindReviewerDelegate(TaskService taskService, DeadlineService deadlines, CaseRecord caseRecord) {
        this.taskService = taskService;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String due = deadlines.find(execution.getProcessInstanceId(), DEADLINE_ENTRY)
                .map(d -> d.dueAt().atZone(EngineClock.ZONE).toLocalDate().toString()).orElse("");
        String note = "法制审核期限将于" + due + "届满，请及时出具审核意见";
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewOpinion").list()) {
            task.setPriority(REMINDED_PRIORITY);
            taskService.saveTask(task);
            taskService.createComment(task.getId(), execution.getProcessInstanceId(), note);
        }
        long caseId = TaskActors.caseIdOf(execution);
        caseRecord.append(caseId, "system", "REVIEW_REMINDED", note,
                Map.of("reviewer", String.valueOf(execution.getVariable(REVIEWER))));
    }
}
