package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.AudioVideoMetadata;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.NewAttachment;
import cn.zhifa.system.EngineClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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

/** Serves documents as the demo officers would in Tasklist: a numbered case, its document, uploads, the forms. */
@Component
class DocumentServiceDriver {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseAttachments attachments;

    DocumentServiceDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, CaseRegister cases, DocumentService documents,
            CaseAttachments attachments) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.cases = cases;
        this.documents = documents;
        this.attachments = attachments;
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(at(isoLocalDateTime));
    }

    static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(EngineClock.ZONE).toInstant());
    }

    static Date day(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atStartOfDay(EngineClock.ZONE).toInstant());
    }

    /** A filed (numbered) case of 执法一大队 with one individual party. */
    long registerCase() {
        return register(PartyKind.INDIVIDUAL, "张三", "11010519491231002X");
    }

    long registerOrganisationCase() {
        return register(PartyKind.ORGANISATION, "某县好又多超市有限公司", "91350100M000100Y43");
    }

    private long register(PartyKind kind, String name, String number) {
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, "某商店销售不合格电线案", "unit-squad-1",
                List.of(new NewCase.NewParty(kind, name, number, "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        cases.assignNumber(caseId);
        return caseId;
    }

    /** The document as its author makes it, at the stage the document rules allow (docs/case-register.md). */
    long makeDocument(long caseId, DocumentType type) {
        CaseStage stage = switch (type) {
            case CASE_FILING_APPROVAL -> CaseStage.FILED;
            case PENALTY_NOTICE, HEARING_NOTICE -> CaseStage.NOTIFICATION;
            case PENALTY_DECISION, NO_PENALTY_DECISION -> CaseStage.DECISION;
            case DEMAND_NOTICE -> CaseStage.EXECUTION;
            default -> throw new IllegalArgumentException("the driver does not make " + type);
        };
        cases.moveTo(caseId, stage, "zhangwei");
        Map<String, Object> data = new HashMap<>();
        type.requiredFields().keySet().forEach(key -> data.put(key, "〈" + key + "〉"));
        List.of("caseNo", "caseTitle", "partyName", "partyAddress", "agencyName", "officerNames", "documentDate")
                .forEach(data::remove);
        return documents.generate(caseId, type, data, "zhangwei").id();
    }

    /** A scanned paper (送达回证, 回执, 确认书, 公告): a PDF evidence upload. */
    String upload(long caseId, String description) {
        byte[] pdf = "%PDF-1.4\n% scanned\n".getBytes(StandardCharsets.US_ASCII);
        return String.valueOf(attachments.upload(caseId, new NewAttachment(AttachmentKind.EVIDENCE, "scan.pdf",
                "application/pdf", pdf.length, new ByteArrayInputStream(pdf), description, null), "zhangwei").id());
    }

    /** A photo of the leaving or the posting: an audio-video record with its five items. */
    String uploadPhoto(long caseId, String provesWhat) {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        OffsetDateTime captured = OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE).minusHours(1);
        AudioVideoMetadata av = new AudioVideoMetadata(cases.find(caseId).orElseThrow().caseNo(), captured,
                "某县某路1号", "张伟", provesWhat);
        return String.valueOf(attachments.upload(caseId, new NewAttachment(AttachmentKind.AUDIO_VIDEO, "photo.jpg",
                "image/jpeg", jpeg.length, new ByteArrayInputStream(jpeg), provesWhat, av), "zhangwei").id());
    }

    /** Started in Tasklist by a person: the start form names the case, the document and (optionally) the recipient. */
    ProcessInstance start(String officer, long caseId, DocumentType type) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(DOCUMENT_TO_SERVE, type.name());
        return start(officer, variables);
    }

    ProcessInstance start(String officer, Map<String, Object> variables) {
        return as(officer, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    Task task(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    void claim(Task task, String user) {
        as(user, () -> {
            taskService.claim(task.getId(), user);
            return null;
        });
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Claim (unless already assigned) and complete, as in Tasklist. */
    void work(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        if (task == null) {
            throw new AssertionError("no task " + taskKey);
        }
        if (task.getAssignee() == null) {
            claim(task, user);
        }
        complete(task, user, variables);
    }

    /** 选择送达方式, then the job that makes the 送达回证 (the job executor's part). */
    void choose(ProcessInstance instance, String officer, Map<String, Object> variables) {
        work(instance, "Task_ChooseServiceMethod", officer, variables);
        runAsyncJobs(instance);
    }

    void runAsyncJobs(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                .messages().list()) {
            managementService.executeJob(job.getId());
        }
    }

    Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
    }

    void fire(ProcessInstance instance, String activityId) {
        managementService.executeJob(timer(instance, activityId).getId());
    }

    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }
}
