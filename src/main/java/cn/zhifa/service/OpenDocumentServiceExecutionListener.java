package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.Party;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A service starts for the case the engine bound it to: which document (the caller's exact version, or the latest of
 * the type a person chose), on whom (a party of the case), started by the case's handling unit. A decision brings the
 * agency's own period (行政处罚法 第六十一条: within 7 working days of the decision when not handed over on the spot),
 * counted from {@code decidedAt}. Otherwise nothing starts.
 */
@Component("openDocumentServiceExecutionListener")
class OpenDocumentServiceExecutionListener implements ExecutionListener {

    static final Set<DocumentType> SERVABLE = EnumSet.of(DocumentType.PENALTY_NOTICE, DocumentType.HEARING_NOTICE,
            DocumentType.HEARING_REFUSAL_NOTICE, DocumentType.PENALTY_DECISION, DocumentType.NO_PENALTY_DECISION, DocumentType.DEMAND_NOTICE);
    static final Set<DocumentType> DECISIONS = EnumSet.of(DocumentType.PENALTY_DECISION,
            DocumentType.NO_PENALTY_DECISION);
    private static final String STEP = "送达文书";

    private final CaseRegister cases;
    private final DocumentService documents;
    private final StaffDirectory staff;
    private final ServiceStore store;
    private final DeadlineService deadlines;
    private final CallerDeadlines callers;
    private final CaseRecord caseRecord;
    private final ServiceRefusals refusals;

    OpenDocumentServiceExecutionListener(CaseRegister cases, DocumentService documents, StaffDirectory staff,
            ServiceStore store, DeadlineService deadlines, CallerDeadlines callers, CaseRecord caseRecord,
            ServiceRefusals refusals) {
        this.cases = cases;
        this.documents = documents;
        this.staff = staff;
        this.store = store;
        this.deadlines = deadlines;
        this.callers = callers;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String starter = (String) execution.getVariable(EngineVariables.STARTED_BY);
        boolean called = execution.getProcessInstance().getSuperExecution() != null;
        if (!called && starter != null && !staff.isMember(starter, detail.handlingUnitId())) {
            throw refuse(detail, starter, "SERVICE_STARTER_NOT_IN_UNIT",
                    "送达本案文书须由本案承办机构（" + detail.handlingUnitName() + "）的执法人员办理");
        }
        StoredDocument document = document(execution, detail, starter);
        Party party = recipient(execution, detail, starter);
        String pauseDeadline = (String) execution.getVariable(PAUSE_DEADLINE);
        callers.check(pauseDeadline);

        String documentName = "《" + document.typeName() + "》" + (detail.caseNo() == null ? "" : detail.caseNo());
        OffsetDateTime now = OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE);
        long serviceId = store.open(detail.id(), execution.getProcessInstanceId(), document.id(), documentName,
                party.name(), now, starter);
        execution.setVariable(SERVICE_RECORD_ID, serviceId);
        execution.setVariable(SERVICE_DOCUMENT_ID, document.id());
        execution.setVariable(SERVICE_DOCUMENT_TYPE, document.type().name());
        execution.setVariable(SERVICE_DOCUMENT_NAME, documentName);
        execution.setVariable(SERVICE_DOCUMENT_MADE_ON, document.createdAt().toLocalDate().toString());
        execution.setVariable(RECIPIENT_NAME, party.name());
        execution.setVariable(RECIPIENT_KIND, party.kind().name());
        execution.setVariable(RECIPIENT_ADDRESS, party.address());
        execution.setVariable(SERVICE_ADDRESS, party.address());
        execution.setVariable(FAILED_ATTEMPTS, 0);
        execution.setVariable(ATTEMPT_HISTORY, "");
        openAgencyPeriod(execution, detail, document, starter);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceId", serviceId);
        data.put("documentId", document.id());
        data.put("documentType", document.type().name());
        data.put("recipient", party.name());
        data.put("processInstanceId", execution.getProcessInstanceId());
        data.put("dueAt", String.valueOf(execution.getVariable(SERVICE_DUE_AT)));
        caseRecord.append(detail.id(), starter == null ? "system" : starter, "SERVICE_STARTED",
                "开始送达" + documentName + "，受送达人：" + party.name(), data);
    }

    /** A decision must be served within the agency's period; the tasks of the service are due then. */
    private void openAgencyPeriod(DelegateExecution execution, CaseDetail detail, StoredDocument document,
            String starter) {
        boolean decision = DECISIONS.contains(document.type());
        execution.setVariable(AGENCY_PERIOD_APPLIES, decision);
        Date due = null;
        Date remind = null;
        if (decision) {
            Instant decidedAt = instantOf(execution.getVariable(DECIDED_AT), document);
            execution.setVariable(DECIDED_AT, Date.from(decidedAt));
            RunningDeadline period = deadlines.track(execution.getProcessInstanceId(),
                    Deadlines.caseKeyOf(execution), AGENCY_PERIOD, decidedAt);
            due = Date.from(period.dueAt());
            remind = period.remindAt() == null ? null : Date.from(period.remindAt());
            if (detail.stage().ordinal() < CaseStage.SERVICE.ordinal()) {
                cases.moveTo(detail.id(), CaseStage.SERVICE, starter == null ? "system" : starter);
            }
        }
        execution.setVariable(SERVICE_DUE_AT, due);
        execution.setVariable(SERVICE_REMIND_AT, remind);
    }

    private StoredDocument document(DelegateExecution execution, CaseDetail detail, String starter) {
        Object id = execution.getVariable(SERVICE_DOCUMENT_ID);
        StoredDocument document;
        if (id != null) {
            String text = id.toString().strip();
            Optional<StoredDocument> found = text.matches("\\d{1,18}") ? documents.find(Long.parseLong(text))
                    : Optional.empty();
            document = found.filter(d -> d.caseId() == detail.id()).orElseThrow(() -> refuse(detail, starter,
                    "SERVICE_DOCUMENT_NOT_OF_CASE", "文书编号" + id + "不是本案的文书"));
        } else {
            DocumentType type = typeOf(execution.getVariable(DOCUMENT_TO_SERVE), detail, starter);
            document = documents.latest(detail.id(), type).orElseThrow(() -> refuse(detail, starter,
                    "SERVICE_DOCUMENT_NOT_MADE", "本案尚未制作《" + type.chineseName() + "》，请先制作文书再送达"));
        }
        if (!SERVABLE.contains(document.type())) {
            throw refuse(detail, starter, "SERVICE_DOCUMENT_NOT_SERVABLE",
                    "《" + document.typeName() + "》是内部文书，不向当事人送达");
        }
        return document;
    }

    private DocumentType typeOf(Object chosen, CaseDetail detail, String starter) {
        if (chosen == null || chosen.toString().isBlank()) {
            throw refuse(detail, starter, "SERVICE_DOCUMENT_REQUIRED", "请选择要送达的文书");
        }
        try {
            return DocumentType.valueOf(chosen.toString().strip());
        } catch (IllegalArgumentException unknown) {
            throw refuse(detail, starter, "SERVICE_DOCUMENT_NOT_SERVABLE", "不能送达该种文书：" + chosen);
        }
    }

    private Party recipient(DelegateExecution execution, CaseDetail detail, String starter) {
        Object named = execution.getVariable(RECIPIENT);
        if (named == null || named.toString().isBlank()) {
            if (detail.parties().size() != 1) {
                throw refuse(detail, starter, "SERVICE_RECIPIENT_REQUIRED", "本案有多名当事人，请填写受送达人");
            }
            return detail.parties().get(0);
        }
        return detail.parties().stream().filter(p -> p.name().equals(named.toString().strip())).findFirst()
                .orElseThrow(() -> refuse(detail, starter, "SERVICE_RECIPIENT_NOT_PARTY",
                        "“" + named + "”不是本案的当事人"));
    }

    /** The caller's decision time (a Date or an ISO date), else the day the decision document was made. */
    private static Instant instantOf(Object decidedAt, StoredDocument document) {
        if (decidedAt == null) {
            return document.createdAt().toInstant();
        }
        if (decidedAt instanceof Date date) {
            return date.toInstant();
        }
        String text = decidedAt.toString().strip();
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(EngineClock.ZONE).toInstant()
                : OffsetDateTime.parse(text).toInstant();
    }

    private ServiceRefusedException refuse(CaseDetail detail, String starter, String code, String message) {
        return refusals.refuse(detail.id(), starter, STEP, code, message, Map.of());
    }
}
