package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.ExtensionApproval;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The head approved an extension of the filing period (SAMR 第十八条) or of the decision period (SAMR 第六十四条): the
 * catalogue's one extension, counted from the old due day; task due dates and timers move with it.
 */
@Component("extendPenaltyDeadlineDelegate")
class ExtendPenaltyDeadlineDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final CaseRegister cases;
    private final CaseSteps steps;

    ExtendPenaltyDeadlineDelegate(DeadlineService deadlines, CaseRegister cases, CaseSteps steps) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String entry = (String) execution.getVariable(EXTENSION_ENTRY);
        String head = (String) execution.getVariable(EXTENSION_DECIDED_BY);
        RunningDeadline extended = deadlines.extend(execution.getProcessInstanceId(), entry, new ExtensionApproval(
                head, (String) execution.getVariable(EXTENSION_REASON),
                ((Date) execution.getVariable(EXTENSION_REQUESTED_AT)).toInstant(),
                ((Date) execution.getVariable(EXTENSION_APPROVED_AT)).toInstant()));
        long caseId = TaskActors.caseIdOf(execution);
        cases.markOverdue(caseId, deadlines.hasOverdue(String.valueOf(caseId)));
        String newDue = extended.dueAt().atZone(EngineClock.ZONE).toLocalDate().toString();
        steps.record(execution, head, "DEADLINE_EXTENDED", "机关负责人批准延长" + deadlines.catalogue().entry(entry).name()
                + "至 " + newDue, Map.of("entry", entry, "newDueAt", extended.dueAt().toString()));
    }
}
