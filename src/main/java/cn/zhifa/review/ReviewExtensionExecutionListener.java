package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The two moments of an extension, taken in the transaction of the person acting (the extension itself may run later
 * as a job). The reviewer's request: refused once the review period has run out (the overdue has happened and gone
 * to the head; an extension cannot undo it), otherwise stamped. The head's approval: stamped, so that an approval
 * after the old due time is marked late.
 */
@Component("reviewExtensionExecutionListener")
class ReviewExtensionExecutionListener implements ExecutionListener {

    static final String REQUESTED = "SequenceFlow_ExtensionRequested";
    static final String APPROVED = "SequenceFlow_ExtensionApprovedYes";

    private final DeadlineService deadlines;
    private final ReviewRefusals refusals;

    ReviewExtensionExecutionListener(DeadlineService deadlines, ReviewRefusals refusals) {
        this.deadlines = deadlines;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = EngineClock.now();
        switch (execution.getCurrentTransitionId()) {
            case REQUESTED -> {
                checkInTime(execution, now);
                execution.setVariable(EXTENSION_REQUESTED_AT, Date.from(now));
            }
            case APPROVED -> execution.setVariable(EXTENSION_APPROVED_AT, Date.from(now));
            default -> throw new IllegalStateException("no extension step on " + execution.getCurrentTransitionId());
        }
    }

    private void checkInTime(DelegateExecution execution, Instant now) {
        try {
            deadlines.checkExtensionRequest(execution.getProcessInstanceId(), DEADLINE_ENTRY, now);
        } catch (ZhifaException refused) {
            String reviewer = (String) execution.getVariable(EXTENSION_REQUESTED_BY);
            throw refusals.refuse(TaskActors.caseIdOf(execution), reviewer, "申请延长审核期限", refused.code(),
                    refused.getMessage(), Map.of("processInstanceId", execution.getProcessInstanceId()));
        }
    }
}
