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
 * The head refused to file: the 不予立案审批表 (SAMR 第二十条) is made in the name of the officer who checked the clue,
 * with the unit's opinion and the head's reasons, and the clue is closed; it never gets a case number. The document
 * is made while the case is still a clue, the only stage at which the document rules allow it.
 */
@Component("recordNotFiledDelegate")
class RecordNotFiledDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseSteps steps;

    RecordNotFiledDelegate(CaseRegister cases, DocumentService documents, CaseSteps steps) {
        this.cases = cases;
        this.documents = documents;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String head = (String) execution.getVariable(FILING_DECIDED_BY);
        String officer = (String) execution.getVariable(FILING_PROPOSED_BY);
        Object reason = execution.getVariable(FILING_DECISION_REASON);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseSource", FileCaseDelegate.SOURCES.getOrDefault(String.valueOf(execution.getVariable(CLUE_SOURCE)),
                "其他"));
        data.put("clueFacts", execution.getVariable(CLUE_FACTS));
        data.put("unitOpinion", "NOT_FILE".equals(execution.getVariable(FILING_PROPOSAL))
                ? "建议不予立案：" + execution.getVariable(NOT_FILING_REASON)
                : "建议立案：" + execution.getVariable(CASE_SUMMARY));
        data.put("notFilingReason", reason);
        data.put("approverOpinion", "不予立案。" + reason);
        long documentId = documents.generate(caseId, DocumentType.CASE_NOT_FILED_APPROVAL, data, officer).id();
        execution.setVariable(NOT_FILED_DOCUMENT_ID, documentId);
        cases.moveTo(caseId, CaseStage.CLOSED, head);
        steps.record(execution, head, "CASE_NOT_FILED", "不予立案：" + reason,
                Map.of("notFiledDocumentId", documentId));
    }
}
