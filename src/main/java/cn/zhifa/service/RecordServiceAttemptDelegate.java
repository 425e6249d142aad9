package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every attempt goes into the case's list and the case record. Served: the date of service goes to the caller. Failed:
 * it is counted (it opens the way to announcement) and the next method is chosen on a clean form. Announced: the day
 * it will count as served is known from the catalogue's announcement period, and the caller's named clock stops.
 */
@Component("recordServiceAttemptDelegate")
class RecordServiceAttemptDelegate implements JavaDelegate {

    /** What the attempt forms wrote; cleared after a failure so the next attempt starts afresh. */
    private static final List<String> ATTEMPT_FIELDS = List.of(SERVICE_METHOD_CHOICE, RECEIPT_DOCUMENT_ID,
            DIRECT_OUTCOME, SIGNATORY_ROLE, SIGNATORY_NAME, SIGNED_ON, SIGNED_RECEIPT_ATTACHMENT_ID, REFUSAL_REASON,
            LEFT_ON, WITNESSES, LEAVING_RECORDING_ATTACHMENT_ID, REFUSAL_RECEIPT_ATTACHMENT_ID, FAILURE_REASON,
            ATTEMPTED_ON, ELECTRONIC_OUTCOME, ARRIVED_ON, EVIDENCE_ATTACHMENT_ID, TRACKING_NUMBER, POSTED_ON,
            POST_OUTCOME, RECEIVED_ON, RETURN_RECEIPT_ATTACHMENT_ID, INTERMEDIARY_OUTCOME);

    private final ServiceStore store;
    private final ServiceCompletion completion;
    private final DeadlineService deadlines;
    private final CallerDeadlines callers;
    private final CaseRecord caseRecord;

    RecordServiceAttemptDelegate(ServiceStore store, ServiceCompletion completion, DeadlineService deadlines,
            CallerDeadlines callers, CaseRecord caseRecord) {
        this.store = store;
        this.completion = completion;
        this.deadlines = deadlines;
        this.callers = callers;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceMethod method = ServiceMethod.valueOf((String) execution.getVariable(ATTEMPT_METHOD));
        String outcome = (String) execution.getVariable(ATTEMPT_OUTCOME);
        LocalDate day = LocalDate.parse((String) execution.getVariable(ATTEMPT_DATE));
        String note = (String) execution.getVariable(ATTEMPT_NOTE);
        String by = (String) execution.getVariable(ATTEMPT_BY);
        long serviceId = ((Number) execution.getVariable(SERVICE_RECORD_ID)).longValue();
        int seq = store.attempt(serviceId, method, outcome, day, note, (String) execution.getVariable(ATTEMPT_EVIDENCE),
                by, OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE));
        switch (outcome) {
            case Attempt.SERVED -> completion.served(execution, method, day, by, note);
            case Attempt.FAILED -> failed(execution, method, day, note, by, seq);
            case Attempt.ANNOUNCED -> announced(execution, serviceId, day, note, by, seq);
            default -> throw new IllegalStateException("unknown attempt outcome " + outcome);
        }
    }

    private void failed(DelegateExecution execution, ServiceMethod method, LocalDate day, String note, String by,
            int seq) {
        int failed = ((Number) execution.getVariable(FAILED_ATTEMPTS)).intValue() + 1;
        execution.setVariable(FAILED_ATTEMPTS, failed);
        String line = seq + "．" + day + " " + method.chineseName() + "未能送达：" + note;
        String history = (String) execution.getVariable(ATTEMPT_HISTORY);
        execution.setVariable(ATTEMPT_HISTORY, history == null || history.isBlank() ? line : history + "\n" + line);
        ATTEMPT_FIELDS.forEach(execution::removeVariable);
        caseRecord.append(TaskActors.caseIdOf(execution), by, "SERVICE_ATTEMPT_FAILED",
                execution.getVariable(SERVICE_DOCUMENT_NAME) + method.chineseName() + "未成功（" + day + "）：" + note,
                data(execution, method, day, note, seq));
    }

    private void announced(DelegateExecution execution, long serviceId, LocalDate published, String note, String by,
            int seq) {
        String entry = (String) execution.getVariable(ANNOUNCEMENT_PERIOD_ENTRY);
        execution.setVariable(ANNOUNCED_AT, ServiceCompletion.startOf(published));
        // the same running deadline the announcement timer will name
        RunningDeadline period = deadlines.track(execution.getProcessInstanceId(), Deadlines.caseKeyOf(execution),
                entry, ServiceCompletion.startOf(published).toInstant());
        LocalDate deemed = LocalDate.ofInstant(period.dueAt(), EngineClock.ZONE);
        execution.setVariable(ANNOUNCEMENT_PUBLISHED_ON, ServiceCompletion.startOf(published));
        execution.setVariable(ANNOUNCEMENT_SERVED_ON, ServiceCompletion.startOf(deemed));
        store.announced(serviceId, published, deemed);
        String pause = (String) execution.getVariable(PAUSE_DEADLINE);
        callers.pause(execution, pause, "公告送达" + execution.getVariable(SERVICE_DOCUMENT_NAME))
                .ifPresent(holder -> execution.setVariable(PAUSED_DEADLINE_INSTANCE, holder));
        Map<String, Object> data = data(execution, ServiceMethod.ANNOUNCEMENT, published, note, seq);
        data.put("deemedServedOn", deemed.toString());
        data.put("announcementPeriod", entry);
        data.put("pausedCallerDeadline", execution.getVariable(PAUSED_DEADLINE_INSTANCE) == null ? null : pause);
        caseRecord.append(TaskActors.caseIdOf(execution), by, "SERVICE_ANNOUNCED",
                "公告送达" + execution.getVariable(SERVICE_DOCUMENT_NAME) + "：" + published + "发出公告，公告期满之日（" + deemed
                        + "）视为送达",
                data);
    }

    private static Map<String, Object> data(DelegateExecution execution, ServiceMethod method, LocalDate day,
            String note, int seq) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceId", execution.getVariable(SERVICE_RECORD_ID));
        data.put("seq", seq);
        data.put("method", method.name());
        data.put("date", day.toString());
        data.put("note", note);
        data.put("evidence", execution.getVariable(ATTEMPT_EVIDENCE));
        data.put("processInstanceId", execution.getProcessInstanceId());
        return data;
    }
}
