package cn.zhifa.boundary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on a task, and which case a task or execution belongs to, as every feature's listeners read them. */
public final class TaskActors {

    private TaskActors() {
    }

    /** The assignee being set on claim or reassignment, otherwise the person logged in, otherwise the assignee. */
    public static String actorOf(DelegateTask task) {
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            return task.getAssignee();
        }
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** The case the engine bound the proceeding to ({@link ProceedingListener} made it a Long). */
    public static long caseIdOf(VariableScope scope) {
        return ((Number) scope.getVariable(EngineVariables.CASE_ID)).longValue();
    }

    /** The agency of the case the proceeding belongs to. */
    public static String agencyOf(VariableScope scope) {
        return (String) scope.getVariable(EngineVariables.AGENCY_ID);
    }
}
