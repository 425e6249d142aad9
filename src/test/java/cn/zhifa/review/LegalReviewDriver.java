package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
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

/** Acts in the legal-review process as the demo people would in Tasklist: logged in, claiming, completing. */
@Component
class LegalReviewDriver {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final CaseRegister cases;

    LegalReviewDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, CaseRegister cases) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.cases = cases;
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    long registerCase() {
        return cases.register(new NewCase(CaseKind.PENALTY, "某公司销售不合格产品案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
    }

    static Map<String, Object> submission(long caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(DECISION_TITLE, "对当事人罚款20万元");
        variables.put(BASIC_FACTS, "当事人销售不合格电线电缆，货值5万元。");
        variables.put(APPLIED_LAW, "《中华人民共和国产品质量法》第四十九条。");
        variables.put(DISCRETION, "适用裁量基准第三档，从重情节一项。");
        variables.put(INVESTIGATION, "现场检查、抽样检验、询问当事人。");
        variables.put(HEARING_ASSESSMENT, "已举行听证，当事人到场。");
        variables.put(DRAFT_DECISION, "行政处罚决定书（代拟稿）：罚款20万元。");
        variables.put(EVIDENCE_LIST, "1. 现场检查笔录\n2. 检验报告\n3. 询问笔录");
        return variables;
    }

    /** The submission fields of the revise and supplement forms: those of the start form but the case and title. */
    static Map<String, Object> resubmission(long caseId) {
        Map<String, Object> variables = submission(caseId);
        variables.remove(EngineVariables.CASE_REFERENCE);
        variables.remove(DECISION_TITLE);
        return variables;
    }

    ProcessInstance submit(String officer, Map<String, Object> variables) {
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

    /** Completes as in Tasklist, then runs what the job executor would: the continuations the click left. */
    void complete(Task task, String user, Map<String, Object> variables) {
        completeWithoutJobExecutor(task, user, variables);
        runContinuations(task.getProcessInstanceId());
    }

    /** The click alone: an asynchronous service task after it is left as a job. */
    void completeWithoutJobExecutor(Task task, String user, Map<String, Object> variables) {
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Executes the instance's due asynchronous continuations (not its timers: those wait for the clock). */
    void runContinuations(String processInstanceId) {
        List<Job> due;
        while (!(due = continuations(processInstanceId)).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    List<Job> continuations(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
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

    void accept(ProcessInstance instance, String reviewer) {
        work(instance, "Task_ReviewIntake", reviewer, Map.of(INTAKE_OUTCOME, "ACCEPT"));
    }

    static Map<String, Object> opinion(String outcome) {
        Map<String, Object> variables = new HashMap<>();
        for (ReviewPoint point : ReviewPoint.values()) {
            variables.put(point.variable(), "OK");
        }
        if (!outcome.equals("AGREE")) {
            variables.put(ReviewPoint.LAW.variable(), "PROBLEM");
            variables.put(ReviewPoint.LAW.commentVariable(), "裁量档次适用不当");
        }
        variables.put(REVIEW_ACTION, "SUBMIT_OPINION");
        variables.put(OPINION_OUTCOME, outcome);
        variables.put(OPINION_TEXT, "经审核，提出如下意见。");
        variables.put(CORRECTIONS, "应适用裁量基准第二档。");
        variables.put(TRANSFER_AUTHORITY, "属市级部门管辖，移送某市市场监督管理局。");
        return variables;
    }

    void executeJob(String jobId) {
        managementService.executeJob(jobId);
    }

    /** Runs what the job executor would run now: async continuations and every timer that is due. */
    void runDueJobs(ProcessInstance instance) {
        run(() -> managementService.createJobQuery().processInstanceId(instance.getId()).executable().active().list());
    }

    /** Runs the async continuations only (service tasks marked async), leaving timers alone. */
    void runContinuations(ProcessInstance instance) {
        run(() -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().executable()
                .active().list());
    }

    private void run(Supplier<List<Job>> jobs) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = jobs.get();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }
}
