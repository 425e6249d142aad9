package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Complete materials are received: this instant starts the review clock (the catalogue names this variable as the
 * clock start of LEGAL_REVIEW), and a resubmission starts a new clock. An extension belongs to one clock only.
 */
@Component("receiveReviewMaterialsDelegate")
class ReceiveReviewMaterialsDelegate implements JavaDelegate {

    private final CaseRecord caseRecord;

    ReceiveReviewMaterialsDelegate(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date receivedAt = Date.from(EngineClock.now());
        execution.setVariable(MATERIALS_RECEIVED_AT, receivedAt);
        execution.removeVariable(EXTENSION_REQUESTED_BY);
        execution.removeVariable(EXTENSION_REQUESTED_BY_NAME);
        execution.removeVariable(REVIEW_ACTION);
        execution.removeVariable(EXTENSION_DECISION);
        long caseId = TaskActors.caseIdOf(execution);
        caseRecord.append(caseId, (String) execution.getVariable(REVIEWER), "REVIEW_ACCEPTED",
                "法制审核机构受理送审材料（第" + execution.getVariable(SUBMISSION_ROUND) + "次报送）",
                Map.of("materialsReceivedAt", receivedAt.toInstant().toString(),
                        "processInstanceId", execution.getProcessInstanceId()));
    }
}
