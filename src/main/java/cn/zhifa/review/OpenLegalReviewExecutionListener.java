package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A submission arrives (from the start form, or from the calling penalty case) for the case the engine has bound the
 * proceeding to: it must come from the case's handling unit and be complete; otherwise nothing starts. The case
 * moves to the legal-review stage.
 */
@Component("openLegalReviewExecutionListener")
class OpenLegalReviewExecutionListener implements ExecutionListener {

    private static final String SUBMISSION_STEP = "提请法制审核";

    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final StaffDirectory staff;
    private final ReviewRefusals refusals;

    OpenLegalReviewExecutionListener(CaseRegister cases, CaseRecord caseRecord, StaffDirectory staff,
            ReviewRefusals refusals) {
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.staff = staff;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // the engine has decided the case and who started (cn.zhifa.boundary.ProceedingListener)
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String submitter = (String) execution.getVariable(EngineVariables.STARTED_BY);
        if (submitter != null && !staff.isMember(submitter, detail.handlingUnitId())) {
            throw refusals.refuse(detail.id(), submitter, SUBMISSION_STEP, "REVIEW_SUBMITTER_NOT_IN_UNIT",
                    "法制审核须由本案承办机构（" + detail.handlingUnitName() + "）报送", Map.of());
        }
        List<String> missing = SubmissionRules.missing(execution::getVariable);
        if (!missing.isEmpty()) {
            throw refusals.refuse(detail.id(), submitter, SUBMISSION_STEP, "SUBMISSION_INCOMPLETE",
                    "送审材料不完整，请填写：" + String.join("、", missing), Map.of("missing", missing));
        }
        execution.setVariable(SUBMITTED_BY, submitter);
        execution.setVariable(SUBMISSION_ROUND, 1);
        if (SubmissionRules.isBlank(execution.getVariable(DECISION_TITLE))) {
            execution.setVariable(DECISION_TITLE, detail.title());
        }
        cases.moveTo(detail.id(), CaseStage.LEGAL_REVIEW, submitter == null ? "system" : submitter);
        cases.markSubmittedForReview(detail.id());
        caseRecord.append(detail.id(), submitter == null ? "system" : submitter, "REVIEW_SUBMITTED",
                "提请法制审核：" + execution.getVariable(DECISION_TITLE),
                Map.of("processInstanceId", execution.getProcessInstanceId(),
                        "draftDecision", String.valueOf(execution.getVariable(DRAFT_DECISION))));
    }
}
