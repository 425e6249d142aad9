package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.NewAttachment;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.service.ServiceVariables;
import cn.zhifa.system.EngineClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Acts in a hearing as the people would in Tasklist (logged in, claiming, completing), and prepares what a hearing
 * needs: a filed case whose 行政处罚告知书 was served. The demo agency's people: 张伟 and 李娜 investigate, 陈刚 decides,
 * 吴芳 hosts, 赵敏 (legal unit) keeps the record. Public, so that the penalty-case tests can drive a called hearing.
 */
@Component
public class HearingDriver {

    public static final String OFFICER = "zhangwei";
    public static final String HEAD = "chengang";
    public static final String HOST = "wufang";
    public static final String CLERK = "zhaomin";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseAttachments attachments;
    private final CaseRecord caseRecord;

    HearingDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, CaseRegister cases, DocumentService documents,
            CaseAttachments attachments, CaseRecord caseRecord) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.cases = cases;
        this.documents = documents;
        this.attachments = attachments;
        this.caseRecord = caseRecord;
    }

    public static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(EngineClock.ZONE).toInstant()));
    }

    public void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    /** A filed (numbered) case of 执法一大队, investigated by 张伟 and 李娜, with one party. */
    public long filedCase() {
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, "某公司销售不合格电线电缆案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer(OFFICER, OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), OFFICER).id();
        cases.assignNumber(caseId);
        return caseId;
    }

    /** The case's 行政处罚告知书, made and served directly on the party today (through document-service). */
    public void penaltyNoticeServed(long caseId) {
        cases.moveTo(caseId, CaseStage.NOTIFICATION, OFFICER);
        Map<String, Object> data = new HashMap<>();
        DocumentType.PENALTY_NOTICE.requiredFields().keySet().forEach(key -> data.put(key, "〈" + key + "〉"));
        List.of("caseNo", "partyName", "agencyName", "documentDate").forEach(data::remove);
        documents.generate(caseId, DocumentType.PENALTY_NOTICE, data, OFFICER);
        ProcessInstance service = as(OFFICER, () -> runtimeService.startProcessInstanceByKey(
                ServiceVariables.PROCESS_KEY, vars(EngineVariables.CASE_REFERENCE, String.valueOf(caseId),
                        ServiceVariables.DOCUMENT_TO_SERVE, DocumentType.PENALTY_NOTICE.name())));
        serveDirectly(service, caseId);
    }

    /** Started on its own in Tasklist, for the case named in the start form. */
    public ProcessInstance start(String user, long caseId) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                vars(EngineVariables.CASE_REFERENCE, String.valueOf(caseId))));
    }

    public Task task(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    public void claim(Task task, String user) {
        as(user, () -> {
            taskService.claim(task.getId(), user);
            return null;
        });
    }

    public void complete(Task task, String user, Map<String, Object> variables) {
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Claim (unless already assigned) and complete, as in Tasklist. */
    public void work(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        if (task == null) {
            throw new AssertionError("no task " + taskKey);
        }
        if (task.getAssignee() == null) {
            claim(task, user);
        }
        complete(task, user, variables);
    }

    public static Map<String, Object> request(String requestedOn) {
        return vars(REQUESTED_ON, requestedOn, REQUEST_MODE, "WRITTEN", REQUEST_CONTENT, "当事人书面要求就拟罚款举行听证");
    }

    public void register(ProcessInstance instance, String requestedOn) {
        work(instance, "Task_RegisterHearingRequest", OFFICER, request(requestedOn));
    }

    public void decide(ProcessInstance instance, String decision, String reason) {
        work(instance, "Task_DecideHearing", HEAD, vars(HEARING_DECISION, decision, DECISION_REASON, reason));
    }

    public static Map<String, Object> designation(String host, String clerk, String at) {
        return vars(DESIGNATED_HOST, host, DESIGNATED_CLERK, clerk, PROPOSED_HEARING_AT, at,
                PROPOSED_PLACE, "局二楼听证室", PUBLIC_HEARING, true);
    }

    public void designate(ProcessInstance instance, String at) {
        work(instance, "Task_DesignateHearingHost", HEAD, designation(HOST, CLERK, at));
    }

    /** The 听证通知书 is made (a job), then served directly on the party, signed on the day the clock shows. */
    public void noticeServed(ProcessInstance hearing) {
        runJobs(hearing);
        ProcessInstance service = runtimeService.createProcessInstanceQuery().superProcessInstanceId(hearing.getId())
                .active().singleResult();
        serveDirectly(service, caseOf(hearing));
    }

    public static Map<String, Object> held() {
        return vars(HEARING_ACTION, "HELD", PARTY_PRESENT, "PARTY",
                ATTENDING_INVESTIGATORS, SpinValues.jsonValue("[\"zhangwei\",\"lina\"]").create(),
                INVESTIGATOR_STATEMENT, "当事人销售不合格电线电缆，货值5万元；有检验报告为证；建议罚款20万元。",
                PARTY_STATEMENT, "当事人称系供货商责任，对检验报告无异议，请求从轻处罚。");
    }

    public void hold(ProcessInstance instance, Map<String, Object> variables) {
        complete(task(instance, "Task_HoldHearing"), HOST, variables);
    }

    public void transcript(ProcessInstance instance, String signature) {
        complete(task(instance, "Task_RecordHearingTranscript"), CLERK, vars(TRANSCRIPT_TEXT,
                "主持人宣布听证开始……调查人员陈述……当事人申辩……", PARTY_SIGNATURE, signature));
    }

    public static Map<String, Object> report() {
        return vars(FACTS_FOUND, "当事人销售不合格电线电缆，货值5万元。", EVIDENCE_FINDINGS, "检验报告、询问笔录真实、合法。",
                HOST_OPINION, "当事人系初次违法，建议按裁量基准第二档罚款15万元。");
    }

    /** The report written, then the job that renders the transcript and the report. */
    public void report(ProcessInstance instance, Map<String, Object> variables) {
        complete(task(instance, "Task_WriteHearingReport"), HOST, variables);
        runJobs(instance);
    }

    /** From the request to the report, the hearing on {@code hearingAt}; the clock is moved to that day. */
    public void heldThroughout(ProcessInstance instance, String requestedOn, String hearingAt) {
        register(instance, requestedOn);
        decide(instance, "HOLD", null);
        designate(instance, hearingAt);
        noticeServed(instance);
        clockAt(hearingAt);
        hold(instance, held());
        transcript(instance, "SIGNED");
        report(instance, report());
    }

    public void runJobs(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                .messages().list()) {
            managementService.executeJob(job.getId());
        }
    }

    /** 选择送达方式 直接送达, the 送达回证 job, and the signed receipt today. */
    public void serveDirectly(ProcessInstance service, long caseId) {
        work(service, "Task_ChooseServiceMethod", OFFICER, vars(ServiceVariables.SERVICE_METHOD_CHOICE, "DIRECT",
                ServiceVariables.SERVICE_ADDRESS, "某县某路1号"));
        runJobs(service);
        work(service, "Task_ServeDirectly", OFFICER, vars(ServiceVariables.DIRECT_OUTCOME, "SIGNED",
                ServiceVariables.SIGNATORY_ROLE, "RECIPIENT", ServiceVariables.SIGNATORY_NAME, "张三",
                ServiceVariables.SIGNED_ON, EngineClock.today().toString(),
                ServiceVariables.SIGNED_RECEIPT_ATTACHMENT_ID, upload(caseId, "签收的送达回证")));
    }

    /** A scanned paper (送达回证, 授权委托书, 听证笔录): a PDF evidence upload; its id as a form submits it. */
    public String upload(long caseId, String description) {
        byte[] pdf = "%PDF-1.4\n% scanned\n".getBytes(StandardCharsets.US_ASCII);
        return String.valueOf(attachments.upload(caseId, new NewAttachment(AttachmentKind.EVIDENCE, "scan.pdf",
                "application/pdf", pdf.length, new ByteArrayInputStream(pdf), description, null), OFFICER).id());
    }

    public long caseOf(ProcessInstance instance) {
        return ((Number) runtimeService.getVariable(instance.getId(), EngineVariables.CASE_ID)).longValue();
    }

    public List<String> recordedActions(long caseId) {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    public List<RecordEntry> refusals(long caseId, String code) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .filter(e -> e.data().contains("\"" + code + "\"")).toList();
    }

    public <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }

    public static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
