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
 * The heads' collective discussion on a further extension of the decision period (SAMR 第六十四条: 由负责人集体讨论决定
 * 是否继续延期，决定继续延期的，应当同时确定延长的合理期限) has ended: granted, the period is extended by the days it set,
 * counted from the old due day, with the request's time and the discussion's conclusion as the reason; refused, the
 * clock runs on as it was. Either way the case record says so.
 */
@Component("furtherExtensionDelegate")
class FurtherExtensionDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final CaseRegister cases;
    private final CaseSteps steps;

    FurtherExtensionDelegate(DeadlineService deadlines, CaseRegister cases, CaseSteps steps) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String head = (String) execution.getVariable(EXTENSION_DECIDED_BY);
        Object conclusion = execution.getVariable(EXTENSION_DISCUSSION_CONCLUSION);
        if (!"Task_ExtendDecisionFurther".equals(execution.getCurrentActivityId())) {
            steps.record(execution, head, "EXTENSION_REFUSED", "负责人集体讨论不同意继续延长办案期限：" + conclusion,
                    Map.of("entry", DECISION_PERIOD, "minutesDocumentId",
                            String.valueOf(execution.getVariable(EXTENSION_MINUTES_DOCUMENT_ID))));
            return;
        }
        int days = Integer.parseInt(String.valueOf(execution.getVariable(FURTHER_EXTENSION_DAYS)).strip());
        RunningDeadline extended = deadlines.extendFurther(execution.getProcessInstanceId(), DECISION_PERIOD, days,
                new ExtensionApproval(head, "负责人集体讨论决定：" + conclusion,
                        ((Date) execution.getVariable(EXTENSION_REQUESTED_AT)).toInstant(), EngineClock.now()));
        long caseId = TaskActors.caseIdOf(execution);
        cases.markOverdue(caseId, deadlines.hasOverdue(String.valueOf(caseId)));
        String newDue = extended.dueAt().atZone(EngineClock.ZONE).toLocalDate().toString();
        steps.record(execution, head, "DEADLINE_EXTENDED", "经负责人集体讨论决定，" + deadlines.catalogue()
                .entry(DECISION_PERIOD).name() + "继续延长" + days + "日至 " + newDue, Map.of("entry", DECISION_PERIOD,
                        "days", days, "newDueAt", extended.dueAt().toString(), "minutesDocumentId",
                        String.valueOf(execution.getVariable(EXTENSION_MINUTES_DOCUMENT_ID))));
    }
}
