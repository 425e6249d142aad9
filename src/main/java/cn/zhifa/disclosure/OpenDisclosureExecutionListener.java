package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A decision to disclose, for the case the engine bound the process to (from the calling penalty case, or the start
 * form's case reference): its kind, and the decision document, which must be in this case's file (a penalty needs
 * a 行政处罚决定书 or 不予行政处罚决定书). The decision date starts the publication period: a calling proceeding passes
 * it; a person starting the process cannot type it (engine-owned), it is the day the document was made.
 */
@Component("openDisclosureExecutionListener")
class OpenDisclosureExecutionListener implements ExecutionListener {

    private static final String STEP = "启动执法决定公示";
    private static final Set<String> PENALTY_DOCUMENTS = Set.of("PENALTY_DECISION", "NO_PENALTY_DECISION");

    private final CaseRegister cases;
    private final DecisionDocuments documents;
    private final CaseRecord caseRecord;
    private final DisclosureRefusals refusals;

    OpenDisclosureExecutionListener(CaseRegister cases, DecisionDocuments documents, CaseRecord caseRecord,
            DisclosureRefusals refusals) {
        this.cases = cases;
        this.documents = documents;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String starter = (String) execution.getVariable(EngineVariables.STARTED_BY);
        DecisionKind kind = DecisionKind.parse(execution.getVariable(DECISION_KIND));
        if (kind == null) {
            throw refusals.refuse(detail.id(), starter, STEP, "FIELD_REQUIRED", "请选择执法决定的类别（行政处罚、行政许可或其他）",
                    Map.of());
        }
        Long documentId = number(execution.getVariable(DECISION_DOCUMENT_ID));
        DecisionDocuments.Decision decision = documentId == null ? null
                : documents.of(detail.id(), documentId).orElse(null);
        if (decision == null) {
            throw refusals.refuse(detail.id(), starter, STEP, "DECISION_DOCUMENT_UNKNOWN",
                    "本案案卷中没有编号为“" + execution.getVariable(DECISION_DOCUMENT_ID) + "”的执法决定文书", Map.of());
        }
        if (kind == DecisionKind.PENALTY && !PENALTY_DOCUMENTS.contains(decision.type())) {
            throw refusals.refuse(detail.id(), starter, STEP, "DECISION_DOCUMENT_NOT_PENALTY",
                    "行政处罚决定的公示须依据本案的行政处罚决定书或不予行政处罚决定书", Map.of("type", decision.type()));
        }
        execution.setVariable(DECISION_DOCUMENT_ID, documentId);
        LocalDate decidedOn = decidedOn(execution.getVariable(DECIDED_AT), decision, detail, starter);
        execution.setVariable(DECIDED_AT, decidedOn.toString());
        execution.setVariable(CASE_NO, detail.caseNo() == null ? "（尚未编号）" : detail.caseNo());
        execution.setVariable(CASE_TITLE, detail.title());
        execution.setVariable(DECISION_KIND_NAME, kind.chineseName());
        caseRecord.append(detail.id(), starter == null ? "system" : starter, "DISCLOSURE_STARTED",
                "执法决定公示：" + kind.chineseName() + "，决定日期" + Dates.chinese(decidedOn),
                Map.of("decisionKind", kind.name(), "decisionDocumentId", documentId,
                        "decidedAt", decidedOn.toString(), "processInstanceId", execution.getProcessInstanceId()));
    }

    /** The caller's date (an ISO date or a date variable), else the day the decision document was made. */
    private LocalDate decidedOn(Object value, DecisionDocuments.Decision decision, CaseDetail detail, String starter) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value != null && !value.toString().isBlank()) {
            try {
                return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip()
                        .length())));
            } catch (DateTimeParseException e) {
                throw refusals.refuse(detail.id(), starter, STEP, "FIELD_INVALID",
                        "作出决定日期格式不正确，应为 YYYY-MM-DD", Map.of());
            }
        }
        return decision.renderedOn();
    }

    static Long number(Object value) {
        String text = value == null ? "" : value.toString().strip().replaceFirst("\\.0+$", "");
        return text.matches("[1-9]\\d{0,17}") ? Long.valueOf(text) : null;
    }
}
