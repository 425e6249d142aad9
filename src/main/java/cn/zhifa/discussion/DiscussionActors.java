package cn.zhifa.discussion;

import cn.zhifa.boundary.EngineVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who acts on a task: the assignee being set on claim or reassignment, otherwise the person logged in, otherwise the
 * assignee; and the case and agency of a discussion as the engine bound them when it started.
 */
@Component
class DiscussionActors {

    private final IdentityService identityService;

    DiscussionActors(IdentityService identityService) {
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

    /** The case of a task or execution (the engine's proceeding listener has made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return ((Number) scope.getVariable(EngineVariables.CASE_ID)).longValue();
    }

    static String agencyOf(VariableScope scope) {
        return (String) scope.getVariable(EngineVariables.AGENCY_ID);
    }
}
