package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A period of the procedure ran out with its task still open (the task stays with its holder): the head of the
 * case's agency is told which matter, since when and whose, and supervises it; only a head of that agency takes and
 * completes the supervision, with his instruction, which goes to the record.
 */
@Component("onTheSpotSupervisionTaskListener")
class OnTheSpotSupervisionTaskListener implements TaskListener {

    private final TaskService taskService;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;
    private final OnTheSpotArchiving archiving;

    OnTheSpotSupervisionTaskListener(TaskService taskService, StaffDirectory staff, CaseRecord caseRecord,
            OnTheSpotRefusals refusals, OnTheSpotArchiving archiving) {
        this.taskService = taskService;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
        this.archiving = archiving;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            overdue(task);
            return;
        }
        String head = TaskActors.actorOf(task);
        if (head == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, HttpStatus.CONFLICT, "ACTOR_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        if (!staff.isHeadOf(TaskActors.agencyOf(task), head)) {
            throw refusals.refuse(task, head, HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD",
                    "「" + task.getName() + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(head) + "不是该机关负责人");
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String instruction = OnTheSpotForm.text(task, SUPERVISION_INSTRUCTION);
            if (instruction == null || instruction.length() < 2) {
                throw refusals.refuse(task, head, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED", "请填写督办意见");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("matter", task.getVariableLocal(OVERDUE_MATTER));
            data.put("instruction", instruction);
            caseRecord.append(TaskActors.caseIdOf(task), head, "ON_THE_SPOT_SUPERVISED",
                    "督办逾期事项：" + instruction, data);
            // the last supervision of a case closed meanwhile: now it is archived
            archiving.archiveIfDone(TaskActors.caseIdOf(task), task.getProcessInstanceId(), task.getId(), head);
        }
    }

    private void overdue(DelegateTask task) {
        OnTheSpotPeriods period = OnTheSpotPeriods.ofActivity(task.getTaskDefinitionKey());
        Task watched = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(period.watchedTask).singleResult();
        LocalDate due = LocalDate.ofInstant(watched.getDueDate().toInstant(), EngineClock.ZONE);
        String holder = watched.getAssignee() != null ? staff.displayName(watched.getAssignee()) : "承办机构";
        String matter = "「" + period.matter + "」的期限已于" + due + "届满，仍未办理（办理人：" + holder + "）";
        task.setVariableLocal(OVERDUE_MATTER, matter);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entry", period.entry);
        data.put("dueOn", due.toString());
        data.put("assignee", watched.getAssignee());
        caseRecord.append(TaskActors.caseIdOf(task), "system", "ON_THE_SPOT_OVERDUE", matter, data);
    }
}
