package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.identity.StaffDirectory;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation, claim, reassignment and completion of every disclosure task. Who acts: the handling unit of the case
 * drafts, withdraws and answers correction requests; the agency's legal unit (or a head) reviews, and never what he
 * prepared himself (审查 is another person's); only a head of the case's agency approves withholding and supervises
 * an overdue step. On creation the task gets the running period's due date and reminder day (the periods differ by
 * kind of decision, so they are set here rather than in the model).
 */
@Component("disclosureActorTaskListener")
class DisclosureActorTaskListener implements TaskListener {

    static final String PREPARE = "Task_PrepareDisclosure";
    static final String APPROVE_WITHHOLDING = "Task_ApproveWithholding";
    static final String REVIEW = "Task_ReviewDisclosure";
    static final String SUPERVISE_PUBLICATION = "Task_SuperviseOverduePublication";
    static final String WITHDRAW = "Task_WithdrawDisclosure";
    static final String SUPERVISE_WITHDRAWAL = "Task_SuperviseOverdueWithdrawal";
    static final String HANDLE_CORRECTION = "Task_HandleCorrection";
    static final String REVIEW_CORRECTION = "Task_ReviewCorrection";

    private final StaffDirectory staff;
    private final DeadlineService deadlines;
    private final DisclosureRefusals refusals;

    DisclosureActorTaskListener(StaffDirectory staff, DeadlineService deadlines, DisclosureRefusals refusals) {
        this.staff = staff;
        this.deadlines = deadlines;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            dueDates(task);
            return;
        }
        String actor = TaskActors.actorOf(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, "ACTOR_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        String agency = TaskActors.agencyOf(task);
        switch (task.getTaskDefinitionKey()) {
            case PREPARE, WITHDRAW, HANDLE_CORRECTION -> {
                String unit = (String) task.getVariable(EngineVariables.HANDLING_UNIT);
                if (!staff.isMember(actor, unit)) {
                    throw refusals.refuse(task, actor, "NOT_HANDLING_UNIT", "「" + task.getName() + "」由本案承办机构办理，"
                            + staff.displayName(actor) + "不是该机构人员");
                }
            }
            case REVIEW, REVIEW_CORRECTION -> {
                if (!staff.isInLegalUnitOf(agency, actor) && !staff.isHeadOf(agency, actor)) {
                    throw refusals.refuse(task, actor, "NOT_DISCLOSURE_REVIEWER", "「" + task.getName()
                            + "」须由本机关法制机构人员或负责人审查，" + staff.displayName(actor) + "不能审查");
                }
                String preparer = (String) task.getVariable(REVIEW.equals(task.getTaskDefinitionKey()) ? PREPARED_BY
                        : CORRECTION_HANDLED_BY);
                if (actor.equals(preparer)) {
                    throw refusals.refuse(task, actor, "REVIEWER_PREPARED", "公示信息须经他人审查：" + staff.displayName(actor)
                            + "拟定了该信息，不能审查自己拟定的信息");
                }
            }
            default -> {
                if (!staff.isHeadOf(agency, actor)) {
                    throw refusals.refuse(task, actor, "NOT_AGENCY_HEAD", "「" + task.getName()
                            + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(actor) + "不是该机关负责人");
                }
            }
        }
    }

    private void dueDates(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        String entry = switch (key) {
            case PREPARE, APPROVE_WITHHOLDING, REVIEW ->
                    DecisionKind.parse(task.getVariable(DECISION_KIND)).deadlineEntry();
            case WITHDRAW -> "DISCLOSURE_WITHDRAWAL";
            default -> null;
        };
        if (entry == null) {
            return;
        }
        Optional<RunningDeadline> running = deadlines.find(task.getProcessInstanceId(), entry);
        running.ifPresent(deadline -> {
            task.setDueDate(Date.from(deadline.dueAt()));
            task.setFollowUpDate(Date.from(deadline.remindAt() != null ? deadline.remindAt() : deadline.dueAt()));
        });
    }
}
