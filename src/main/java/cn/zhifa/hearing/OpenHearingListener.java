package cn.zhifa.hearing;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.Party;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.service.CallerDeadlines;
import cn.zhifa.service.ServedDocument;
import cn.zhifa.service.ServedDocuments;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A hearing opens for the case the engine bound it to. Called by the penalty case, it takes the date the 行政处罚告知书
 * was served and the hearing right the caller's DMN found; started on its own (by the case's handling unit or a head
 * of its agency), it finds the date of service in the case's served documents and leaves the hearing right to the
 * head who decides whether to hold it. Without a served notice there is nothing to ask a hearing for.
 */
@Component("openHearingListener")
class OpenHearingListener implements ExecutionListener {

    private static final String STEP = "开始听证程序";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final ServedDocuments served;
    private final DocumentService documents;
    private final HearingCalendar calendar;
    private final CallerDeadlines callerClock;
    private final CaseRecord caseRecord;
    private final HearingRefusals refusals;

    OpenHearingListener(CaseRegister cases, StaffDirectory staff, ServedDocuments served, DocumentService documents,
            HearingCalendar calendar, CallerDeadlines callerClock, CaseRecord caseRecord, HearingRefusals refusals) {
        this.cases = cases;
        this.staff = staff;
        this.served = served;
        this.documents = documents;
        this.calendar = calendar;
        this.callerClock = callerClock;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String starter = (String) execution.getVariable(EngineVariables.STARTED_BY);
        boolean called = execution.getProcessInstance().getSuperExecution() != null;
        if (!called && starter != null && !staff.isMember(starter, detail.handlingUnitId())
                && !staff.isHeadOf(detail.agencyId(), starter)) {
            throw refusals.refuse(detail.id(), starter, STEP, "HEARING_STARTER_NOT_ALLOWED",
                    "听证程序须由本案承办机构（" + detail.handlingUnitName() + "）或本机关负责人启动", Map.of());
        }
        LocalDate noticeServedOn = called ? HearingForm.day(execution.getVariable(NOTICE_SERVED_AT))
                : servedNotice(detail.id());
        if (noticeServedOn == null) {
            throw refusals.refuse(detail.id(), starter, STEP, "PENALTY_NOTICE_NOT_SERVED",
                    "本案的《行政处罚告知书》尚未送达当事人，当事人要求听证的期限尚未开始", Map.of());
        }
        callerClock.check((String) execution.getVariable(PAUSE_DEADLINE));
        LocalDate due = calendar.requestDue(noticeServedOn);
        execution.setVariable(NOTICE_SERVED_AT, noticeServedOn.toString());
        execution.setVariable(REQUEST_DUE_ON, due.toString());
        execution.setVariable(CASE_KEY, execution.getProcessBusinessKey());
        execution.setVariable(CASE_NO, detail.caseNo() == null ? "（尚未编号）" : detail.caseNo());
        execution.setVariable(CASE_TITLE, detail.title());
        execution.setVariable(PARTY_NAME, detail.parties().stream().map(Party::name).collect(Collectors.joining("、")));
        execution.setVariable(HEARING_RIGHT_TEXT, hearingRightText(execution, called));
        execution.setVariable(DESIGNATING_UNITS, execution.getVariable(EngineVariables.LEADERSHIP_UNIT) + ","
                + execution.getVariable(EngineVariables.LEGAL_UNIT));
        execution.setVariable(INVESTIGATOR_OPTIONS, FormJson.json(detail.officers().stream()
                .map(o -> Map.of("label", o.name() + "（" + o.role().chineseName() + "）", "value", o.userId()))
                .toList()));
        execution.setVariable(POSTPONEMENTS, 0);
        execution.setVariable(RECUSED_HOSTS, "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("processInstanceId", execution.getProcessInstanceId());
        data.put("noticeServedOn", noticeServedOn.toString());
        data.put("requestDueOn", due.toString());
        data.put("hearingRight", execution.getVariable(HEARING_RIGHT));
        data.put("calledBy", called ? execution.getProcessInstance().getSuperExecution().getProcessInstanceId() : null);
        caseRecord.append(detail.id(), starter == null ? "system" : starter, "HEARING_STARTED",
                "开始听证程序：告知书于" + noticeServedOn + "送达，当事人要求听证的期限至" + due, data);
    }

    /** The day the latest served 行政处罚告知书 of the case reached the party, if one did. */
    private LocalDate servedNotice(long caseId) {
        List<ServedDocument> all = served.ofCase(caseId);
        Optional<ServedDocument> latest = all.stream()
                .filter(s -> s.status() == ServedDocument.Status.SERVED && s.serviceDate() != null)
                .filter(s -> documents.find(s.documentId()).map(d -> d.type() == DocumentType.PENALTY_NOTICE)
                        .orElse(false))
                .max(Comparator.comparing(ServedDocument::serviceDate));
        return latest.map(ServedDocument::serviceDate).orElse(null);
    }

    private static String hearingRightText(DelegateExecution execution, boolean called) {
        Object right = execution.getVariable(HEARING_RIGHT);
        Object reason = execution.getVariable(HEARING_RIGHT_REASON);
        String because = reason == null || reason.toString().isBlank() ? "" : "：" + reason.toString().strip();
        if (!called || right == null) {
            return "由本机关负责人在「决定是否举行听证」中认定";
        }
        return (Boolean.TRUE.equals(right) ? "当事人依法享有要求听证的权利" : "拟作出的行政处罚不属于听证范围") + because;
    }
}
