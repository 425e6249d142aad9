package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head approved: the review period, its reminder and its escalation move by the catalogue's extension. */
@Component("extendReviewDeadlineDelegate")
class ExtendReviewDeadlineDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;

    ExtendReviewDeadlineDelegate(DeadlineService deadlines, CaseRecord caseRecord) {
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approvedBy = (String) execution.getVariable("extensionDecidedBy");
        String reason = (String) execution.getVariable(EXTENSION_REASON);
        RunningDeadline extended = deadlines.extend(execution.getProcessInstanceId(), DEADLINE_ENTRY, approvedBy,
                reason);
        long caseId = ReviewActors.caseIdOf(execution);
        caseRecord.append(caseId, approvedBy, "REVIEW_EXTENDED", "机关负责人批准延长法制审核期限至" + extended.dueAt(),
                Map.of("requestedBy", String.valueOf(execution.getVariable(EXTENSION_REQUESTED_BY)),
                        "reason", String.valueOf(reason), "newDueAt", extended.dueAt().toString()));
    }
}
