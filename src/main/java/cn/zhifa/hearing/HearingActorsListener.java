package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim, reassignment and completion of every hearing task: the request is registered by the case's handling
 * unit; holding it, the recusal and the report are decided by a head of the case's agency; host and clerk are
 * designated by a head or the agency's legal unit; the hearing and the report are the designated host's, the
 * transcript the clerk's, and nobody else's even if an administrator reassigns the task.
 */
@Component("hearingActorsListener")
class HearingActorsListener implements TaskListener {

    static final String REGISTER_TASK = "Task_RegisterHearingRequest";
    static final String DECIDE_TASK = "Task_DecideHearing";
    static final String DESIGNATE_TASK = "Task_DesignateHearingHost";
    static final String RESCHEDULE_TASK = "Task_RescheduleHearing";
    static final String HOLD_TASK = "Task_HoldHearing";
    static final String RECUSAL_TASK = "Task_DecideHearingRecusal";
    static final String TRANSCRIPT_TASK = "Task_RecordHearingTranscript";
    static final String REPORT_TASK = "Task_WriteHearingReport";

    private final StaffDirectory staff;
    private final CaseRegister cases;
    private final HearingRefusals refusals;

    HearingActorsListener(StaffDirectory staff, CaseRegister cases, HearingRefusals refusals) {
        this.staff = staff;
        this.cases = cases;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, "ACTOR_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        String agency = TaskActors.agencyOf(task);
        String name = staff.displayName(actor);
        switch (task.getTaskDefinitionKey()) {
            case REGISTER_TASK -> {
                CaseDetail detail = cases.find(TaskActors.caseIdOf(task)).orElseThrow();
                if (!staff.isMember(actor, detail.handlingUnitId())) {
                    throw refusals.refuse(task, actor, "NOT_HANDLING_UNIT", "「" + task.getName() + "」须由本案承办机构（"
                            + detail.handlingUnitName() + "）的人员办理，" + name + "不属于该机构");
                }
            }
            case DECIDE_TASK, RECUSAL_TASK -> {
                if (!staff.isHeadOf(agency, actor)) {
                    throw refusals.refuse(task, actor, "NOT_AGENCY_HEAD",
                            "「" + task.getName() + "」须由本案所属行政执法机关的负责人决定，" + name + "不是该机关负责人");
                }
            }
            case DESIGNATE_TASK, RESCHEDULE_TASK -> {
                if (!staff.isHeadOf(agency, actor) && !staff.isInLegalUnitOf(agency, actor)) {
                    throw refusals.refuse(task, actor, "NOT_HEAD_OR_LEGAL_UNIT", "「" + task.getName()
                            + "」须由本机关负责人或者法制机构人员办理，" + name + "不属于其中");
                }
            }
            case HOLD_TASK, REPORT_TASK -> own(task, actor, (String) task.getVariable(HEARING_HOST), "听证主持人");
            case TRANSCRIPT_TASK -> own(task, actor, (String) task.getVariable(HEARING_CLERK), "记录员");
            default -> throw new IllegalStateException("no actor rule for " + task.getTaskDefinitionKey());
        }
    }

    private void own(DelegateTask task, String actor, String owner, String role) {
        if (!actor.equals(owner)) {
            throw refusals.refuse(task, actor, "NOT_DESIGNATED_" + (role.equals("记录员") ? "CLERK" : "HOST"),
                    "「" + task.getName() + "」由指定的" + role + staff.displayName(owner) + "办理，"
                            + staff.displayName(actor) + "不能代为办理");
        }
    }
}
