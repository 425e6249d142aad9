package cn.zhifa.onthespot;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The catalogue's reminder before a period of the procedure ends (hand-in, deposit, filing): the watched task is raised
 * to the top of its holder's list with a comment saying by when, and the reminder is noted in the record.
 */
@Component("remindOnTheSpotDelegate")
class RemindOnTheSpotDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final CaseRecord caseRecord;

    RemindOnTheSpotDelegate(TaskService taskService, CaseRecord caseRecord) {
        this.taskService = taskService;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OnTheSpotPeriods period = OnTheSpotPeriods.ofActivity(execution.getCurrentActivityId());
        Task watched = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(period.watchedTask).singleResult();
        LocalDate due = LocalDate.ofInstant(watched.getDueDate().toInstant(), EngineClock.ZONE);
        String note = "「" + period.matter + "」的期限将于" + due + "届满，请及时办理";
        watched.setPriority(REMINDED_PRIORITY);
        taskService.saveTask(watched);
        taskService.createComment(watched.getId(), execution.getProcessInstanceId(), note);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entry", period.entry);
        data.put("dueOn", due.toString());
        data.put("assignee", watched.getAssignee());
        caseRecord.append(TaskActors.caseIdOf(execution), "system", "ON_THE_SPOT_REMINDED", note, data);
    }
}
