package cn.zhifa.boundary;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** The key of the process definition an execution or task belongs to, without a query. */
final class ProcessKeys {

    private ProcessKeys() {
    }

    static String of(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }

    static String of(DelegateTask task) {
        return of(task.getExecution());
    }

    static String nameOf(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getName();
    }
}
