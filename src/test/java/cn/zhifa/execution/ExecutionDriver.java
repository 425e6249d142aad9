package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.documents.Attachment;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.NewAttachment;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.hearing.HearingDriver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Acts in the execution as the people would in Tasklist: 张伟 (handling officer) records payments and applications,
 * 陈刚 (head) approves deferrals, remedies and the closing. A decided case is one served on the party.
 */
@Component
class ExecutionDriver {

    static final String OFFICER = HearingDriver.OFFICER;
    static final String HEAD = HearingDriver.HEAD;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final HearingDriver hearings;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final Remedies remedies;
    private final DocumentService documents;
    private final CaseAttachments attachments;

    ExecutionDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, HearingDriver hearings, CaseRegister cases, CaseRecord caseRecord,
            Remedies remedies, DocumentService documents, CaseAttachments attachments) {
        this.documents = documents;
        this.attachments = attachments;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.hearings = hearings;
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.remedies = remedies;
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    void tearDown(long caseId) {
        runtimeService.createProcessInstanceQuery().variableValueEquals(EngineVariables.CASE_ID, caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
        hearings.tearDown();
    }

    /** A filed case, its decision still to make. */
    long filedCase() {
        return hearings.filedCase();
    }

    /** A filed case whose decision was served (stage SERVICE). */
    long servedCase() {
        long caseId = hearings.filedCase();
        cases.moveTo(caseId, CaseStage.SERVICE, OFFICER);
        return caseId;
    }

    static Map<String, Object> decision(long caseId, String outcome, String servedAt, String fine) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(DECISION_OUTCOME, outcome);
        variables.put(DECISION_SERVED_AT, servedAt);
        if (fine != null) {
            variables.put(FINE_AMOUNT, fine);
        }
        return variables;
    }

    ProcessInstance start(Map<String, Object> variables) {
        return as(OFFICER, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    void work(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
        Task task = task(instance, key);
        if (task == null) {
            throw new AssertionError("no task " + key);
        }
        as(user, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    static Map<String, Object> payment(String receipt, String amount, String paidOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PAYMENT_ACTION, "PAYMENT");
        variables.put(RECEIPT_NO, receipt);
        variables.put(PAID_AMOUNT, amount);
        variables.put(PAID_ON, paidOn);
        return variables;
    }

    void pay(ProcessInstance instance, String receipt, String amount, String paidOn) {
        work(instance, "Task_RecordPayment", OFFICER, payment(receipt, amount, paidOn));
    }

    void applyForDeferral(ProcessInstance instance, String schedule) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PAYMENT_ACTION, "DEFERRAL");
        variables.put(DEFERRAL_REASON, "当事人经营困难，提交了书面申请和财务报表");
        variables.put(DEFERRAL_SCHEDULE, schedule);
        work(instance, "Task_RecordPayment", OFFICER, variables);
    }

    void decideDeferral(ProcessInstance instance, String decision, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DEFERRAL_DECISION, decision);
        if (note != null) {
            variables.put(DEFERRAL_DECISION_NOTE, note);
        }
        work(instance, "Task_ApproveDeferral", HEAD, variables);
    }

    void approveClosing(ProcessInstance instance) {
        work(instance, "Task_ApproveCaseClosing", HEAD, Map.of(CLOSING_OPINION, "同意结案"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
    }

    void archive(ProcessInstance instance) {
        work(instance, "Task_ArchiveCase", OFFICER, Map.of(ARCHIVE_CONFIRMED, true));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
    }

    /** A no-penalty case with its whole file, decided, closed and archived: the read-only case of the REST tests. */
    void archivedNoPenaltyCase(long caseId) {
        noPenaltyCaseFile(caseId, true);
        ProcessInstance instance = start(decision(caseId, "NO_PENALTY", "2026-08-31", null));
        approveClosing(instance);
        archive(instance);
        if (cases.find(caseId).orElseThrow().stage() != CaseStage.ARCHIVED) {
            throw new IllegalStateException("case " + caseId + " was not archived");
        }
    }

    /** The documents a no-penalty case's file needs before its execution starts (stage SERVICE afterwards). */
    void noPenaltyCaseFile(long caseId, boolean withEvidence) {
        generate(caseId, DocumentType.CASE_FILING_APPROVAL);
        cases.moveTo(caseId, CaseStage.DECISION, OFFICER);
        generate(caseId, DocumentType.NO_PENALTY_DECISION);
        cases.moveTo(caseId, CaseStage.SERVICE, OFFICER);
        generate(caseId, DocumentType.SERVICE_RECEIPT);
        if (withEvidence) {
            uploadEvidence(caseId);
        }
    }

    StoredDocument generate(long caseId, DocumentType type) {
        Map<String, Object> data = new HashMap<>();
        type.fieldsFromProcess().keySet().forEach(key -> data.put(key, "〈" + key + "〉"));
        return documents.generate(caseId, type, data, OFFICER);
    }

    Attachment uploadEvidence(long caseId) {
        byte[] pdf = "%PDF-1.4\n% 现场检查笔录\n".getBytes(StandardCharsets.UTF_8);
        return attachments.upload(caseId, new NewAttachment(AttachmentKind.EVIDENCE, "evidence.pdf",
                "application/pdf", pdf.length, new ByteArrayInputStream(pdf), "现场检查笔录", null), OFFICER);
    }

    /** Started as penalty-case calls it, by trusted code: the agency's power of enforcement given. */
    ProcessInstance called(long caseId, String servedAt, long fineFen, boolean ownEnforcementPower) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_ID, caseId);
        variables.put(DECISION_OUTCOME, "PENALTY");
        variables.put(DECISION_SERVED_AT, servedAt);
        variables.put(FINE_AMOUNT_FEN, fineFen);
        variables.put(CONFISCATION_AMOUNT_FEN, 0L);
        variables.put(OWN_ENFORCEMENT_POWER, ownEnforcementPower);
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    }

    /** The jobs due by the engine's clock (timers and async steps), as the job executor would run them. */
    void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The due day of the instance's timer at {@code activityId}. */
    java.time.LocalDate timerDay(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
        if (timer == null) {
            throw new AssertionError("no timer at " + activityId);
        }
        return cn.zhifa.calendar.WorkingDayCalendar.dayOf(timer.getDuedate().toInstant());
    }

    /** The 催告书 served directly on the party today, through the called document-service. */
    void serveDemandNotice(ProcessInstance instance, long caseId) {
        ProcessInstance service = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        if (service == null) {
            throw new AssertionError("no document-service called");
        }
        hearings.serveDirectly(service, caseId);
    }

    void filed(long caseId, RemedyKind kind, String filedOn) {
        as(HEAD, () -> {
            remedies.filed(caseId, kind, java.time.LocalDate.parse(filedOn), HEAD);
            return null;
        });
    }

    void decided(long caseId, String decidedOn, RemedyOutcome outcome, Long changedFineFen) {
        as(HEAD, () -> {
            remedies.decided(caseId, java.time.LocalDate.parse(decidedOn), outcome, changedFineFen,
                    "某复议〔2026〕1号", HEAD);
            return null;
        });
    }

    List<String> recordedActions(long caseId) {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }
}
