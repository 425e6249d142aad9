package cn.zhifa.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

    static long caseIdOf(DelegateTask task) {
        return ((Number) task.getVariable(LegalReviewVariables.CASE_ID)).longValue();
    }
}
