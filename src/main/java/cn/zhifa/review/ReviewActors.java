package cn.zhifa.review;

import cn.zhifa.boundary.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the assignee being set on claim, otherwise the logged-in user, otherwise the assignee. */
@Component
class ReviewActors {

    String actorOf(DelegateTask task) {
        return TaskActors.actorOf(task);
    }

    /** The case of a task or execution of the legal review (the start listener has made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return TaskActors.caseIdOf(scope);
    }
}
