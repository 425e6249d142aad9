package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.NewAttachment;
import cn.zhifa.system.EngineClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * Carries a case through penalty-case as the demo officers (张伟, 李娜) and heads (陈刚) would in Tasklist: the clue,
 * filing, recusal declarations, investigation, report, the notice and its service (document-service, served
 * directly), the defence, the decision and its service. Each step is one method, so a test stops where its rule is.
 */
@Component
public class PenaltyCaseDriver {

    public static final String OFFICER = "zhangwei";
    public static final String CO_OFFICER = "lina";
    public static final String HEAD = "chengang";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final CaseAttachments attachments;

    PenaltyCaseDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, CaseAttachments attachments) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.attachments = attachments;
    }

    public static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(EngineClock.ZONE)
                .toInstant()));
    }

    /** The start form of a clue discovered on {@code discoveredOn}, for an act on {@code actDate}. */
    public static Map<String, Object> clue(String discoveredOn, String actDate) {
        return vars(CASE_TITLE, "某商店销售不合格电线案", CLUE_SOURCE, "COMPLAINT", CLUE_DISCOVERED_ON, discoveredOn,
                ACT_DATE, actDate, HARMFUL, false, PARTY_KIND, "INDIVIDUAL", PARTY_NAME, "张三",
                PARTY_ID_NUMBER, "11010519491231002X", PARTY_ADDRESS, "某县某路1号",
                CLUE_FACTS, "群众投诉：某商店销售的电线电缆导体电阻不合格。", CLUE_EVIDENCE, "投诉材料、现场照片",
                PenaltyCaseVariables.CO_OFFICER, PenaltyCaseDriver.CO_OFFICER);
    }


    public ProcessInstance registerClue(Map<String, Object> clue) {
        return as(OFFICER, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, clue));
    }

    /** The case the engine bound the proceeding to (the business key is the case's reference, not its id). */
    public long caseOf(ProcessInstance instance) {
        return ((Number) runtimeService.getVariable(instance.getId(), "caseId")).longValue();
    }

    /** 核查 and 立案审批 as 张伟 and 陈刚; then the job that numbers the case and makes the 立案审批表. */
    public void file(ProcessInstance instance) {
        work(instance, "Task_ProposeFiling", OFFICER, vars(FILING_PROPOSAL, "FILE", CASE_SUMMARY, "当事人销售不合格电线。",
                FILING_BASIS, "《中华人民共和国产品质量法》第四十九条"));
        work(instance, "Task_DecideFiling", HEAD, vars(FILING_DECISION, "FILE"));
        runJobs(instance);
    }

    /** Each officer declares he has no ground for recusal. */
    public void declareNoRecusal(ProcessInstance instance) {
        for (Task task : tasks(instance, "Task_DeclareRecusal")) {
            complete(task, task.getAssignee(), vars(RECUSAL_DECLARATION, "NONE"));
        }
    }

    public String uploadEvidence(long caseId, String description) {
        byte[] pdf = "%PDF-1.4\n% evidence\n".getBytes(StandardCharsets.US_ASCII);
        return String.valueOf(attachments.upload(caseId, new NewAttachment(AttachmentKind.EVIDENCE, "evidence.pdf",
                "application/pdf", pdf.length, new ByteArrayInputStream(pdf), description, null), OFFICER).id());
    }

    public void concludeInvestigation(ProcessInstance instance) {
        uploadEvidence(caseOf(instance), "现场检查笔录");
        work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "CONCLUDE"));
    }

    /** A fine of {@code fine} yuan proposed; the notice is generated (job). */
    public void reportFine(ProcessInstance instance, long fine) {
        work(instance, "Task_ReportInvestigation", OFFICER, report(fine));
        runJobs(instance);
    }

    public static Map<String, Object> report(long fine) {
        return vars(PROPOSAL, "PENALTY", FACTS, "当事人销售导体电阻不合格的电线电缆，货值金额1万元。",
                EVIDENCE, "现场检查笔录、检验报告、询问笔录", LEGAL_BASIS, "《中华人民共和国产品质量法》第四十九条",
                PENALTY_KIND, "FINE", PENALTY_DESCRIPTION, "罚款" + fine + "元", FINE_AMOUNT, fine,
                DISCRETION_BAND, "STANDARD", DISCRETION_REASON, "初次违法，货值较小，适用一般处罚。");
    }

    /** The document the called document-service serves, served directly and signed by the party on {@code day}. */
    public void serveDirectly(ProcessInstance instance, String day) {
        ProcessInstance service = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("document-service").active().singleResult();
        if (service == null) {
            throw new AssertionError("no document-service running for " + instance.getId());
        }
        work(service, "Task_ChooseServiceMethod", OFFICER, vars("serviceMethodChoice", "DIRECT",
                "serviceAddress", "某县某路1号"));
        runJobs(service);
        work(service, "Task_ServeDirectly", OFFICER, vars("directOutcome", "SIGNED", "signatoryRole", "RECIPIENT",
                "signatoryName", "张三", "signedOn", day,
                "signedReceiptAttachmentId", uploadEvidence(caseOf(instance), "签收的送达回证")));
        runJobs(instance);
    }

    public void statement(ProcessInstance instance) {
        work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "STATEMENT",
                STATEMENT_TEXT, "当事人称系初次销售，已下架全部商品。", STATEMENT_REVIEW, "经复核，当事人所述属实，但不影响违法事实认定。"));
    }

    public void decidePenalty(ProcessInstance instance, long fine) {
        work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "PENALTY", PENALTY_KIND, "FINE",
                PENALTY_DESCRIPTION, "罚款" + fine + "元", FINE_AMOUNT, fine, DECISION_REASON, "违法事实清楚，证据确凿。"));
    }

    /** 制作处理决定书 as 张伟; the job that generates it. */
    public void draftDecision(ProcessInstance instance) {
        work(instance, "Task_DraftDecision", OFFICER, vars(PERFORMANCE_METHOD, "到指定银行或者通过电子支付系统缴纳罚款",
                PERFORMANCE_DEADLINE, "自收到本决定书之日起十五日内", RECONSIDERATION_ORGAN, "可以在法定期限内向某县人民政府申请行政复议",
                COURT, "可以在法定期限内向某县人民法院提起行政诉讼"));
        runJobs(instance);
    }

    /** 张伟 asks for 查封、扣押 of the goods, 陈刚 approves; the job makes the 查封、扣押决定书. */
    public void seize(ProcessInstance instance) {
        work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "SEIZE_PROPERTY",
                SEIZURE_ITEMS, "涉嫌不合格电线120卷（存放于当事人仓库），防止转移", SEIZURE_BASIS,
                "《中华人民共和国产品质量法》第十八条第一款第四项"));
        work(instance, "Task_ApproveSeizure", HEAD, vars(SEIZURE_DECISION, "APPROVE"));
        runJobs(instance);
    }

    /** The process the penalty case called under {@code key} and that still runs (one per case at a time). */
    public ProcessInstance called(ProcessInstance instance, String key) {
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey(key).active().singleResult();
        if (called == null) {
            throw new AssertionError("no " + key + " running for " + instance.getId());
        }
        return called;
    }

    /** The whole amount paid at the bank on {@code paidOn}, registered by 张伟 in the called case-execution. */
    public void payInFull(ProcessInstance instance, String amount, String paidOn) {
        work(called(instance, "case-execution"), "Task_RecordPayment", OFFICER, vars("paymentAction", "PAYMENT",
                "receiptNo", "NS" + caseOf(instance) + "0001", "paidAmount", amount, "paidOn", paidOn));
    }

    /** 陈刚 approves closing in the called case-execution; the job makes the 结案审批表. */
    public void approveClosing(ProcessInstance instance) {
        work(called(instance, "case-execution"), "Task_ApproveCaseClosing", HEAD, vars("closingOpinion", "同意结案"));
        runJobs(instance);
    }

    /** Closing approved as {@link #approveClosing}, then 张伟 archives the case file; the case is read-only. */
    public void closeAndArchive(ProcessInstance instance) {
        approveClosing(instance);
        work(called(instance, "case-execution"), "Task_ArchiveCase", OFFICER, vars("archiveConfirmed", true));
        runJobs(instance);
    }

    /**
     * The heads' collective discussion the penalty case called, held on the clock's day by 陈刚 (principal head,
     * presiding) and 周杰, both agreeing or both disagreeing, concluded as {@code outcome}; the minutes' job runs.
     */
    public void holdDiscussion(ProcessInstance instance, String outcome, Integer days) {
        ProcessInstance discussion = called(instance, "collective-discussion");
        String today = EngineClock.today() + "T09:00";
        work(discussion, "Task_ConveneDiscussion", HEAD, vars("meetingAt", today, "meetingPlace", "局三楼会议室",
                "recorder", "办公室 王秘书"));
        complete(task(discussion, "Task_RecordDiscussionAttendance"), HEAD, vars("meetingAction", "HOLD",
                "attendingHeads", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"chengang\",\"zhoujie\"]")
                        .create(), "nonVotingAttendees", "承办人员张伟（汇报案情）"));
        boolean agree = outcome.equals("EXTENSION_GRANTED") || outcome.startsWith("PENALTY");
        for (Task opinion : tasks(discussion, "Task_GiveDiscussionOpinion")) {
            complete(opinion, opinion.getAssignee(), vars("opinion", agree ? "AGREE" : "DISAGREE",
                    "opinionReasons", agree ? "同意。" : "现有证据足以作出决定，不宜再延期。"));
        }
        Map<String, Object> conclusion = vars("conclusionOutcome", outcome, "conclusionReasons",
                agree ? "复检结论是认定违法事实的关键证据。" : "现有证据足以作出决定。");
        if (days != null) {
            conclusion.put("extensionDays", days);
        }
        complete(task(discussion, "Task_ConcludeDiscussion"), HEAD, conclusion);
        runJobs(instance);
    }

    // ------------------------------------------------------------------------------------------- engine helpers

    public Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = tasks(instance, taskKey);
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task " + taskKey + ", found " + tasks.size());
        }
        return tasks.get(0);
    }

    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
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

    /** Claim (unless assigned) and complete, as in Tasklist. */
    public void work(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        if (task.getAssignee() == null) {
            claim(task, user);
        }
        complete(task, user, variables);
    }

    /** The async jobs of the instance and of the processes it calls (what the job executor does). */
    public void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String id : family(instance.getId())) {
                jobs.addAll(managementService.createJobQuery().processInstanceId(id).executable().messages().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<String> family(String processInstanceId) {
        List<String> ids = new ArrayList<>(List.of(processInstanceId));
        for (ProcessInstance child : runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            ids.addAll(family(child.getId()));
        }
        return ids;
    }

    public Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
                .singleResult();
    }

    public void fire(ProcessInstance instance, String activityId) {
        managementService.executeJob(timer(instance, activityId).getId());
    }

    public Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    public static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }
}
