package cn.zhifa.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the assignee being set on claim, otherwise the logged-in user, otherwise the assignee. */
@Component
class ReviewActors {

    private final IdentityService identityService;

    ReviewActors(IdentityService identityService) {
        this.identityService = identityService;
    }

    String actorOf(DelegateTask task) {
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            return task.getAssignee();
        }
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** The case of a task or execution of the legal review (the start listener has made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return ((Number) scope.getVariable(LegalReviewVariables.CASE_ID)).longValue();
    }
}
