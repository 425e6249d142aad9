package cn.zhifa.service;

import cn.zhifa.boundary.EngineVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the assignee being set on claim, otherwise the logged-in user, otherwise the assignee. */
@Component
class ServiceActors {

    private final IdentityService identityService;

    ServiceActors(IdentityService identityService) {
        this.identityService = identityService;
    }

    String actorOf(DelegateTask task) {
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            return task.getAssignee();
        }
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** The case the engine bound the service to (cn.zhifa.boundary.ProceedingListener made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return ((Number) scope.getVariable(EngineVariables.CASE_ID)).longValue();
    }
}
