package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.system.EngineClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The head has filed the case: it gets its number (gap-free per agency and year, CaseNumbering), the 立案审批表 is
 * made in the name of the officer who proposed filing, the decision period starts on the day the head approved
 * (行政处罚法 第六十条: 自立案之日起), and each officer on the case is asked about recusal.
 */
@Component("fileCaseDelegate")
class FileCaseDelegate implements JavaDelegate {

    static final Map<String, String> SOURCES = Map.of("INSPECTION", "监督检查", "COMPLAINT", "投诉", "REPORT", "举报",
            "REFERRAL_HIGHER", "上级机关交办", "REFERRAL_OTHER_AGENCY", "其他机关移送", "TRANSFER", "有关部门移送");

    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseSteps steps;

    FileCaseDelegate(CaseRegister cases, DocumentService documents, CaseSteps steps) {
        this.cases = cases;
        this.documents = documents;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String head = (String) execution.getVariable(FILING_DECIDED_BY);
        String officer = (String) execution.getVariable(FILING_PROPOSED_BY);
        String caseNo = cases.assignNumber(caseId);
        cases.moveTo(caseId, CaseStage.FILED, head);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseSource", SOURCES.getOrDefault(String.valueOf(execution.getVariable(CLUE_SOURCE)), "其他"));
        data.put("caseSummary", execution.getVariable(CASE_SUMMARY));
        data.put("filingBasis", execution.getVariable(FILING_BASIS));
        long documentId = documents.generate(caseId, DocumentType.CASE_FILING_APPROVAL, data, officer).id();
        Date filedAt = (Date) execution.getVariable(FILING_DECIDED_AT);
        execution.setVariable(CASE_FILED_AT, filedAt != null ? filedAt : Date.from(EngineClock.now()));
        execution.setVariable(CASE_NO, caseNo);
        execution.setVariable(FILING_DOCUMENT_ID, documentId);
        // the period the called hearing and announcement service stop while they run (SAMR 第六十四条第二款)
        execution.setVariable(PAUSE_DEADLINE, DECISION_PERIOD);
        CaseDetail detail = cases.find(caseId).orElseThrow();
        List<String> officers = new ArrayList<>(detail.officers().stream().map(CaseOfficer::userId).toList());
        // a JSON list: the engine refuses Java serialization
        execution.setVariable(INVESTIGATORS, Variables.objectValue(officers)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        cases.moveTo(caseId, CaseStage.INVESTIGATION, head);
        steps.record(execution, head, "CASE_FILED", "立案，案件编号 " + caseNo + "，办案期限自立案之日起计算",
                Map.of("caseNo", caseNo, "filingDocumentId", documentId));
    }
}
