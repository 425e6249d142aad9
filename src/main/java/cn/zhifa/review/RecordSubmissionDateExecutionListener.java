package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.SUBMITTED_AT;

import cn.zhifa.system.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The handling unit sends a submission (the start, or a resubmission after a return or a revision): its moment is the
 * 送审日期 of the written opinion. Supplements complete the same submission and keep its date.
 */
@Component("recordSubmissionDateExecutionListener")
class RecordSubmissionDateExecutionListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(SUBMITTED_AT, Date.from(EngineClock.now()));
    }
}
