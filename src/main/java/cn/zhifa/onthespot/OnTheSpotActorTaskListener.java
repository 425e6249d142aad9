package cn.zhifa.onthespot;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On claim, reassignment and completion of every task: the officer who decided on the spot hands the decision over,
 * hands in the cash he collected and files the decision himself; the bank payment and the deposit are recorded by a
 * member of the case's handling unit, never by someone of another unit or agency.
 */
@Component("onTheSpotActorTaskListener")
class OnTheSpotActorTaskListener implements TaskListener {

    private final StaffDirectory staff;
    private final OnTheSpotRefusals refusals;

    OnTheSpotActorTaskListener(StaffDirectory staff, OnTheSpotRefusals refusals) {
        this.staff = staff;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // giving a task back is always allowed
            }
            throw refusals.refuse(task, null, HttpStatus.CONFLICT, "ACTOR_UNKNOWN", "无法确认办理人，请先认领任务");
        }
        String officer = (String) task.getVariable(EngineVariables.STARTED_BY);
        boolean officersOwn = switch (task.getTaskDefinitionKey()) {
            case "Task_RecordBankPayment", "Task_DepositCollectedFine" -> false;
            default -> true;
        };
        if (officersOwn && !actor.equals(officer)) {
            throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "ON_THE_SPOT_OFFICER_ONLY",
                    "「" + task.getName() + "」由当场作出处罚决定的执法人员" + staff.displayName(officer) + "本人办理");
        }
        String unit = (String) task.getVariable(EngineVariables.HANDLING_UNIT);
        if (!staff.isMember(actor, unit)) {
            throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "NOT_IN_HANDLING_UNIT",
                    "「" + task.getName() + "」须由本案承办机构的人员办理，" + staff.displayName(actor) + "不属于该机构");
        }
    }
}
