package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.ExtensionApproval;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The head approved: the review period moves by the catalogue's extension, counted from the old due day. The sub-process
 * then ends in "审核期限已延长" and starts again, so its reminder and escalation are set anew for the new period whether
 * or not they had fired. An approval after the old due time is granted (the reviewer asked in time) and recorded as
 * late; the case's overdue mark follows the new due date.
 */
@Component("extendReviewDeadlineDelegate")
class ExtendReviewDeadlineDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    ExtendReviewDeadlineDelegate(DeadlineService deadlines, CaseRegister cases, CaseRecord caseRecord) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approvedBy = (String) execution.getVariable(EXTENSION_DECIDED_BY);
        String reason = (String) execution.getVariable(EXTENSION_REASON);
        // instances started on an earlier version of the model carry no stamps: approved and requested now
        Instant approvedAt = instant(execution.getVariable(EXTENSION_APPROVED_AT), EngineClock.now());
        Instant requestedAt = instant(execution.getVariable(EXTENSION_REQUESTED_AT), approvedAt);
        Instant oldDue = deadlines.find(execution.getProcessInstanceId(), DEADLINE_ENTRY).orElseThrow().dueAt();
        RunningDeadline extended = deadlines.extend(execution.getProcessInstanceId(), DEADLINE_ENTRY,
                new ExtensionApproval(approvedBy, reason, requestedAt, approvedAt));
        long caseId = TaskActors.caseIdOf(execution);
        cases.markOverdue(caseId, deadlines.hasOverdue(String.valueOf(caseId)));
        boolean late = approvedAt.isAfter(oldDue);
        String newDue = extended.dueAt().atZone(EngineClock.ZONE).toLocalDate().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestedBy", String.valueOf(execution.getVariable(EXTENSION_REQUESTED_BY)));
        data.put("reason", String.valueOf(reason));
        data.put("requestedAt", requestedAt.toString());
        data.put("approvedAt", approvedAt.toString());
        data.put("oldDueAt", oldDue.toString());
        data.put("newDueAt", extended.dueAt().toString());
        data.put("late", late);
        caseRecord.append(caseId, approvedBy, "REVIEW_EXTENDED", "机关负责人批准延长法制审核期限至" + newDue
                + (late ? "（批准时原审核期限已届满，逾期批准）" : ""), data);
    }

    private static Instant instant(Object value, Instant otherwise) {
        return value instanceof Date date ? date.toInstant() : otherwise;
    }
}
