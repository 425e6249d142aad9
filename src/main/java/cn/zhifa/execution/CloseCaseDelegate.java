package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结案 after the head's approval (SAMR 第七十七条): the 结案审批表 made in the handling officer's name, the case moved to
 * CLOSED in the register, and the closing day kept as the start of the archiving period (catalogue ARCHIVING).
 */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseRecord caseRecord;

    CloseCaseDelegate(CaseRegister cases, DocumentService documents, CaseRecord caseRecord) {
        this.cases = cases;
        this.documents = documents;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution process) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(process)).orElseThrow();
        String handler = detail.officers().stream().filter(o -> o.role() == OfficerRole.HANDLER)
                .map(CaseOfficer::userId).findFirst().orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionSummary", switch (String.valueOf(process.getVariable(DECISION_OUTCOME))) {
            case "NO_PENALTY" -> "不予行政处罚";
            case "TRANSFER" -> "移送有关机关";
            default -> "行政处罚";
        });
        data.put("executionStatus", process.getVariable(EXECUTION_TEXT));
        data.put("closingReason", process.getVariable(CLOSING_REASON) + "；负责人意见：" + process.getVariable(CLOSING_OPINION));
        long documentId = documents.generate(detail.id(), DocumentType.CASE_CLOSING_APPROVAL, data, handler).id();
        String approver = (String) process.getVariable(CLOSING_APPROVED_BY);
        cases.moveTo(detail.id(), CaseStage.CLOSED, approver);
        process.setVariable(CASE_CLOSED_AT, EngineClock.today().toString());
        caseRecord.append(detail.id(), approver, "CASE_CLOSED", "结案：" + process.getVariable(CLOSING_REASON),
                Map.of("closingDocumentId", documentId, "processInstanceId", process.getProcessInstanceId()));
    }
}
