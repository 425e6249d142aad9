package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The agency has done its part (the document is served, or the announcement is issued): its own period is met and
 * the case is no longer overdue for this service.
 */
@Component("closeServicePeriodExecutionListener")
class CloseServicePeriodExecutionListener implements ExecutionListener {

    private final DeadlineService deadlines;
    private final CaseRegister cases;

    CloseServicePeriodExecutionListener(DeadlineService deadlines, CaseRegister cases) {
        this.deadlines = deadlines;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        deadlines.complete(execution.getProcessInstanceId(), AGENCY_PERIOD);
        if (Boolean.TRUE.equals(execution.getVariable(SERVICE_OVERDUE))) {
            cases.markOverdue(TaskActors.caseIdOf(execution), false);
        }
    }
}
