package cn.zhifa.boundary;

import cn.zhifa.identity.StaffDirectory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Added by the engine, first, to every user task. A person logged in may claim an unassigned task for himself and
 * give back his own, and completes only a task he holds, with the fields of its form. Reassigning is done through the
 * case's heads ({@link TaskReassignment}); those calls carry no engine login and pass here unchecked.
 */
@Component
class TaskRightsListener implements TaskListener {

    private final ClientWriteCheck writes;
    private final BoundaryRefusals refusals;
    private final Proceedings proceedings;
    private final ObjectProvider<StaffDirectory> staff;

    TaskRightsListener(ClientWriteCheck writes, BoundaryRefusals refusals, Proceedings proceedings,
            ObjectProvider<StaffDirectory> staff) {
        this.writes = writes;
        this.refusals = refusals;
        this.proceedings = proceedings;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        // a person logged in opened the client phase of this command; without one the engine or trusted code acts
        ClientPhase phase = ClientPhase.current();
        if (phase == null) {
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> assignment(task, phase);
            case EVENTNAME_COMPLETE -> completion(task, phase.userId);
            default -> {
            }
        }
    }

    /**
     * Only what the person asked for directly (claim, unclaim, set assignee, delegate, save): a task the engine creates
     * with an assignee in the same command (e.g. the opinion task back to its reviewer) is the engine's doing.
     */
    private void assignment(DelegateTask task, ClientPhase phase) {
        if (phase.admin || !isAssignmentCommand(phase.command)) {
            return;
        }
        String user = phase.userId;
        String previous = previousAssignee(task);
        String assignee = task.getAssignee();
        if (assignee == null && previous != null && !previous.equals(user)) {
            throw refuse(task, user, HttpStatus.FORBIDDEN, "TASK_NOT_YOURS",
                    "该任务由" + name(previous) + "办理，只有其本人可以退回认领");
        }
        if (assignee != null && (!assignee.equals(user) || previous != null)) {
            throw refuse(task, user, HttpStatus.FORBIDDEN, "TASK_REASSIGN_FORBIDDEN",
                    "只能认领尚未分配的任务；改派任务须由本机关负责人办理");
        }
    }

    private void completion(DelegateTask task, String user) {
        if (task.getAssignee() == null) {
            throw refuse(task, user, HttpStatus.CONFLICT, "TASK_NOT_CLAIMED", "请先认领任务再办理");
        }
        if (!task.getAssignee().equals(user)) {
            throw refuse(task, user, HttpStatus.FORBIDDEN, "TASK_NOT_YOURS",
                    "该任务已由" + name(task.getAssignee()) + "认领，只能由其本人办理");
        }
        writes.checkCompletion(task);
    }

    private static boolean isAssignmentCommand(Object command) {
        return command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd
                || command instanceof DelegateTaskCmd || command instanceof SaveTaskCmd;
    }

    private static String previousAssignee(DelegateTask task) {
        if (task instanceof TaskEntity entity) {
            var change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
            if (change != null) {
                return (String) change.getOrgValue();
            }
        }
        return null;
    }

    private BoundaryRefusedException refuse(DelegateTask task, String user, HttpStatus status, String code,
            String message) {
        Long caseId = proceedings.of(task.getProcessInstanceId()).map(Proceedings.Proceeding::caseId).orElse(null);
        return refusals.refuse(caseId, user, status, code, "「" + task.getName() + "」" + message,
                Map.of("task", task.getTaskDefinitionKey(), "taskId", task.getId()));
    }

    private String name(String userId) {
        return staff.getObject().displayName(userId);
    }
}
