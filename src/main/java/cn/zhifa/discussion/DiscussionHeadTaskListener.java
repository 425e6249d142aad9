package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim, reassignment and completion of every discussion task: only a head of the case's agency acts (so neither
 * a case committee nor a head of another agency on the same platform can sit in his place); each opinion is given
 * by the head it belongs to and nobody else; attendance and conclusion are the presiding head's.
 */
@Component("discussionHeadTaskListener")
class DiscussionHeadTaskListener implements TaskListener {

    static final String OPINION_TASK = "Task_GiveDiscussionOpinion";
    static final String ATTENDANCE_TASK = "Task_RecordDiscussionAttendance";
    static final String CONCLUSION_TASK = "Task_ConcludeDiscussion";

    private final StaffDirectory staff;
    private final DiscussionRefusals refusals;

    DiscussionHeadTaskListener(StaffDirectory staff, DiscussionRefusals refusals) {
        this.staff = staff;
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
        String owner = switch (task.getTaskDefinitionKey()) {
            case OPINION_TASK -> (String) task.getVariable(MEMBER);
            case ATTENDANCE_TASK, CONCLUSION_TASK -> (String) task.getVariable(PRESIDING_HEAD);
            default -> null;
        };
        if (owner != null && !owner.equals(head)) {
            String code = OPINION_TASK.equals(task.getTaskDefinitionKey()) ? "OPINION_NOT_OWN" : "PRESIDING_HEAD_ONLY";
            String message = OPINION_TASK.equals(task.getTaskDefinitionKey())
                    ? "每位负责人的意见须由其本人发表：该意见属于" + staff.displayName(owner) + "，" + staff.displayName(head) + "不能代为发表"
                    : "「" + task.getName() + "」由会议主持人" + staff.displayName(owner) + "办理";
            throw refusals.refuse(task, head, code, message);
        }
    }
}
