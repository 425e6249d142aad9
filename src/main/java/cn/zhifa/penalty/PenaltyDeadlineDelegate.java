package cn.zhifa.penalty;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The filing and decision periods' timers: a reminder before the period ends, and at its end the case is marked
 * overdue (supervisors see it) while the work goes on; both go to the case record.
 */
@Component("penaltyDeadlineDelegate")
class PenaltyDeadlineDelegate implements JavaDelegate {

    private record Step(String entry, boolean overdue) {
    }

    private static final Map<String, Step> STEPS = Map.of(
            "Task_RemindFiling", new Step(PenaltyCaseVariables.FILING_PERIOD, false),
            "Task_MarkFilingOverdue", new Step(PenaltyCaseVariables.FILING_PERIOD, true),
            "Task_RemindDecision", new Step(PenaltyCaseVariables.DECISION_PERIOD, false),
            "Task_MarkDecisionOverdue", new Step(PenaltyCaseVariables.DECISION_PERIOD, true));

    private final DeadlineService deadlines;
    private final CaseRegister cases;
    private final CaseSteps steps;

    PenaltyDeadlineDelegate(DeadlineService deadlines, CaseRegister cases, CaseSteps steps) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Step step = STEPS.get(execution.getCurrentActivityId());
        String name = deadlines.catalogue().entry(step.entry()).name();
        String due = deadlines.find(execution.getProcessInstanceId(), step.entry())
                .map(d -> d.dueAt().atZone(cn.zhifa.system.EngineClock.ZONE).toLocalDate().toString()).orElse("？");
        long caseId = TaskActors.caseIdOf(execution);
        if (step.overdue()) {
            cases.markOverdue(caseId, true);
            steps.record(execution, null, "DEADLINE_OVERDUE", name + "已于 " + due + " 届满", Map.of("entry", step.entry()));
        } else {
            steps.record(execution, null, "DEADLINE_REMINDED", name + "将于 " + due + " 届满", Map.of("entry", step.entry()));
        }
    }
}
