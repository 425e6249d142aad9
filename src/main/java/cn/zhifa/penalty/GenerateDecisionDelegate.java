package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 行政处罚决定书 with every item of 行政处罚法 第五十九条 (party, facts and evidence, kind and basis, how and by when
 * to perform, remedies, agency and date; the seal is the template's), or the 不予行政处罚决定书, made in the name of
 * the officer who drafted it; the case then moves to service.
 */
@Component("generateDecisionDelegate")
class GenerateDecisionDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseSteps steps;

    GenerateDecisionDelegate(CaseRegister cases, DocumentService documents, CaseSteps steps) {
        this.cases = cases;
        this.documents = documents;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(DECISION_DRAFTED_BY);
        boolean penalty = "PENALTY".equals(execution.getVariable(CASE_DECISION));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("facts", execution.getVariable(FACTS));
        data.put("legalBasis", execution.getVariable(LEGAL_BASIS) != null ? execution.getVariable(LEGAL_BASIS)
                : execution.getVariable(DECISION_REASON));
        data.put("reconsiderationOrgan", execution.getVariable(RECONSIDERATION_ORGAN));
        data.put("court", execution.getVariable(COURT));
        if (penalty) {
            data.put("evidence", execution.getVariable(EVIDENCE));
            data.put("penaltyType", execution.getVariable(DECIDED_PENALTY_TEXT));
            data.put("performanceMethod", execution.getVariable(PERFORMANCE_METHOD));
            data.put("performanceDeadline", execution.getVariable(PERFORMANCE_DEADLINE));
        } else {
            data.put("noPenaltyReason", execution.getVariable(DECISION_REASON));
        }
        DocumentType type = penalty ? DocumentType.PENALTY_DECISION : DocumentType.NO_PENALTY_DECISION;
        long documentId = documents.generate(caseId, type, data, officer).id();
        execution.setVariable(DECISION_DOCUMENT_ID, documentId);
        cases.moveTo(caseId, CaseStage.SERVICE, officer);
        steps.record(execution, officer, "DECISION_MADE", "制作《" + type.chineseName() + "》", Map.of("documentId", documentId));
    }
}
