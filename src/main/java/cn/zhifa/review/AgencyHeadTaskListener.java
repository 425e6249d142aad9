package cn.zhifa.review;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Approving an extension, coordinating a dispute and supervising an overdue review are for a head of the case's
 * agency; the one
 * who asked for an extension cannot approve it.
 */
@Component("agencyHeadTaskListener")
class AgencyHeadTaskListener implements TaskListener {

    static final String APPROVE_EXTENSION_TASK = "Task_ApproveReviewExtension";

    private final StaffDirectory staff;
    private final ReviewRefusals refusals;

    AgencyHeadTaskListener(StaffDirectory staff, ReviewRefusals refusals) {
        this.staff = staff;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String head = TaskActors.actorOf(task);
        if (head == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return;
            }
            throw refusals.refuse(task, null, "HEAD_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        if (!staff.isHeadOf(TaskActors.agencyOf(task), head)) {
            throw refusals.refuse(task, head, "NOT_AGENCY_HEAD",
                    "「" + task.getName() + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(head) + "不是该机关负责人");
        }
        if (APPROVE_EXTENSION_TASK.equals(task.getTaskDefinitionKey())
                && head.equals(task.getVariable(LegalReviewVariables.EXTENSION_REQUESTED_BY))) {
            throw refusals.refuse(task, head, "EXTENSION_SELF_APPROVAL", "申请延长审核期限的人员不能自行审批");
        }
    }
}
