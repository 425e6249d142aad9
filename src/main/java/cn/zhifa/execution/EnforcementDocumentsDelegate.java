package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The documents of compulsory enforcement, made in the handling officer's name from the ledger as it stands: the
 * 催告书 (行政强制法 第三十五条: the obligation, its deadline and manner, the party's right to be heard) before it is
 * served through document-service, and the 强制执行申请书 (第五十五条) with the 催告 that went before it.
 */
@Component("enforcementDocumentsDelegate")
class EnforcementDocumentsDelegate implements JavaDelegate {

    static final String DEMAND_NOTICE_TASK = "Task_MakeDemandNotice";
    private static final String PERFORMANCE_METHOD = "到指定的银行或者通过电子支付系统缴纳";

    private final CaseRegister cases;
    private final CaseExecution execution;
    private final DocumentService documents;
    private final Enforcement enforcement;
    private final CaseRecord caseRecord;

    EnforcementDocumentsDelegate(CaseRegister cases, CaseExecution execution, DocumentService documents,
            Enforcement enforcement, CaseRecord caseRecord) {
        this.cases = cases;
        this.execution = execution;
        this.documents = documents;
        this.enforcement = enforcement;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution process) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(process)).orElseThrow();
        ExecutionState state = execution.state(detail.id(), EngineClock.today()).orElseThrow();
        String handler = Enforcement.handlerOf(detail);
        String obligation = "缴纳罚款" + Money.yuan(state.fineFen()) + "元"
                + (state.confiscationFen() > 0 ? "、没收违法所得" + Money.yuan(state.confiscationFen()) + "元" : "")
                + (state.surchargeFen() > 0 ? "及加处罚款" + Money.yuan(state.surchargeFen()) + "元（计至"
                        + state.asOf() + "）" : "")
                + "，已缴" + Money.yuan(state.paidFen()) + "元，尚欠" + Money.yuan(state.outstandingFen()) + "元";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionNo", "《行政处罚决定书》（" + detail.reference() + "）");
        data.put("obligation", obligation);
        if (DEMAND_NOTICE_TASK.equals(process.getCurrentActivityId())) {
            data.put("decisionDate", decisionDate(process));
            data.put("performanceDeadline", enforcement.dunningPeriodText(detail.agencyId()));
            data.put("performanceMethod", PERFORMANCE_METHOD);
            data.put("amount", Money.yuan(state.outstandingFen()) + "元");
            data.put("contactPerson", detail.handlingUnitName());
            StoredDocument notice = documents.generate(detail.id(), DocumentType.DEMAND_NOTICE, data, handler);
            process.setVariable(DEMAND_NOTICE_DOCUMENT_ID, notice.id());
        } else {
            data.put("dunningRecord", "《催告书》于" + OpenCaseExecutionListener.day(process.getVariable(DUNNING_SERVED_AT)) + "送达，催告期限届满，"
                    + "被申请人仍未履行");
            data.put("court", process.getVariable(ENFORCEMENT_COURT));
            StoredDocument application = documents.generate(detail.id(), DocumentType.COURT_ENFORCEMENT_APPLICATION,
                    data, handler);
            process.setVariable(COURT_APPLICATION_DOCUMENT_ID, application.id());
            String officer = (String) process.getVariable(COURT_APPLIED_BY);
            caseRecord.append(detail.id(), officer, "COURT_ENFORCEMENT_APPLIED", "向" + process.getVariable(ENFORCEMENT_COURT)
                    + "申请强制执行：" + obligation, Map.of("documentId", application.id(),
                            "remedyPeriodEndedAt", String.valueOf(process.getVariable(REMEDY_PERIOD_ENDED_AT))));
        }
    }

    private String decisionDate(DelegateExecution process) {
        Object id = process.getVariable(DECISION_DOCUMENT_ID);
        return id instanceof Number n ? documents.find(n.longValue()).map(d -> d.createdAt().toLocalDate().toString())
                .orElse("此前") : "此前";
    }
}
