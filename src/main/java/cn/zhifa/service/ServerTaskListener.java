package cn.zhifa.service;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim and on completion: documents are served by the officers of the case's handling unit; an overdue service
 * is supervised by a head of the case's agency. Whoever a client names, the listener checks the case's own units.
 */
@Component("serverTaskListener")
class ServerTaskListener implements TaskListener {

    private final StaffDirectory staff;
    private final ServiceActors actors;
    private final ServiceRefusals refusals;

    ServerTaskListener(StaffDirectory staff, ServiceActors actors, ServiceRefusals refusals) {
        this.staff = staff;
        this.actors = actors;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = actors.actorOf(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, "SERVER_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        if (ServiceFormTaskListener.SUPERVISE_OVERDUE.equals(task.getTaskDefinitionKey())) {
            if (!staff.isHeadOf((String) task.getVariable(EngineVariables.AGENCY_ID), actor)) {
                throw refusals.refuse(task, actor, "NOT_AGENCY_HEAD",
                        "「" + task.getName() + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(actor) + "不是该机关负责人");
            }
            return;
        }
        if (!staff.isMember(actor, (String) task.getVariable(EngineVariables.HANDLING_UNIT))) {
            throw refusals.refuse(task, actor, "SERVER_NOT_IN_HANDLING_UNIT",
                    "文书须由本案承办机构的执法人员送达，" + staff.displayName(actor) + "不属于本案承办机构");
        }
    }
}
