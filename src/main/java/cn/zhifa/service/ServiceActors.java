package cn.zhifa.service;

import cn.zhifa.boundary.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the assignee being set on claim, otherwise the logged-in user, otherwise the assignee. */
@Component
class ServiceActors {

    String actorOf(DelegateTask task) {
        return TaskActors.actorOf(task);
    }

    /** The case the engine bound the service to (cn.zhifa.boundary.ProceedingListener made it a Long). */
    static long caseIdOf(VariableScope scope) {
        return TaskActors.caseIdOf(scope);
    }
}
