package cn.zhifa.discussion;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.boundary.EngineVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who acts on a task: the assignee being set on claim or reassignment, otherwise the person logged in, otherwise the
 * assignee; and the case and agency of a discussion as the engine bound them when it started.
 */
@Component
class DiscussionActors {

    String actorOf(DelegateTask task) {
        return TaskActors.actorOf(task);
    }

    /** The case of a task or execution (the engine's proceeding listener has made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return TaskActors.caseIdOf(scope);
    }

    static String agencyOf(VariableScope scope) {
        return (String) scope.getVariable(EngineVariables.AGENCY_ID);
    }
}
