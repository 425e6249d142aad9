package cn.zhifa.service;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim and on completion: documents are served by the case's own officers holding a valid enforcement certificate
 * (the 送达回证 names them as 送达人, and the document rules let only them make it); an overdue service is supervised
 * by a head of the case's agency. Whoever a client names, the listener checks against the case.
 */
@Component("serverTaskListener")
class ServerTaskListener implements TaskListener {

    private final StaffDirectory staff;
    private final CaseRegister cases;
    private final ServiceRefusals refusals;

    ServerTaskListener(StaffDirectory staff, CaseRegister cases, ServiceRefusals refusals) {
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
            throw refusals.refuse(task, null, "SERVER_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        if (ServiceFormTaskListener.SUPERVISE_OVERDUE.equals(task.getTaskDefinitionKey())) {
            if (!staff.isHeadOf(TaskActors.agencyOf(task), actor)) {
                throw refusals.refuse(task, actor, "NOT_AGENCY_HEAD",
                        "「" + task.getName() + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(actor) + "不是该机关负责人");
            }
            return;
        }
        if (!cases.isOfficerOnCase(TaskActors.caseIdOf(task), actor)
                || staff.validCertificate(actor, EngineClock.today()).isEmpty()) {
            throw refusals.refuse(task, actor, "SERVER_NOT_ON_CASE",
                    "文书须由本案持有效执法证的办案人员送达，" + staff.displayName(actor) + "不是本案的办案人员或者执法证已失效");
        }
    }
}
