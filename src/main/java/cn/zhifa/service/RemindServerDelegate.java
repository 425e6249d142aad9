package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The catalogue's reminder before the agency's period ends: the open service tasks are raised and noted. */
@Component("remindServerDelegate")
class RemindServerDelegate implements JavaDelegate {

    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final CaseRecord caseRecord;

    RemindServerDelegate(TaskService taskService, CaseRecord caseRecord) {
        this.taskService = taskService;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date dueAt = (Date) execution.getVariable(SERVICE_DUE_AT);
        LocalDate due = LocalDate.ofInstant(dueAt.toInstant(), EngineClock.ZONE);
        String note = execution.getVariable(SERVICE_DOCUMENT_NAME) + "的送达期限将于" + due + "届满，请及时送达";
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            task.setPriority(REMINDED_PRIORITY);
            taskService.saveTask(task);
            taskService.createComment(task.getId(), execution.getProcessInstanceId(), note);
        }
        caseRecord.append(TaskActors.caseIdOf(execution), "system", "SERVICE_REMINDED", note,
                Map.of("processInstanceId", execution.getProcessInstanceId(), "dueOn", due.toString()));
    }
}
