package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.AsUser;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.ExtensionApproval;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.review.ReviewResult;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Acts in the collective discussion as the people would in Tasklist (logged in, claiming, completing), and prepares
 * what a discussion needs: a filed case, a passed legal review, a decision period extended once.
 */
@Component
class DiscussionDriver {

    static final String PASSWORD = "test-secret";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String MEETING_AT = "2026-10-12T09:30";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final DeadlineService deadlines;
    private final DiscussionRules rules;
    private final OtherAgency otherAgency;

    DiscussionDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, CaseRegister cases, CaseRecord caseRecord, DeadlineService deadlines,
            DiscussionRules rules, OtherAgency otherAgency) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.deadlines = deadlines;
        this.rules = rules;
        this.otherAgency = otherAgency;
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    /** Monday 12 October 2026, the day of the meeting; the other agency's rule as the tests expect it. */
    void setUp() {
        clockAt("2026-10-12T09:00");
        otherAgency.ensure();
        rule(OtherAgency.AGENCY, OtherAgency.PRINCIPAL, 1, 2, false, DiscussionRule.Conclusion.PRESIDING_HEAD);
    }

    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    DiscussionRule rule(String agency, String principal, int numerator, int denominator, boolean inclusive,
            DiscussionRule.Conclusion conclusion) {
        return rules.update(new DiscussionRule(agency, principal, numerator, denominator, inclusive, conclusion,
                DiscussionRule.MeetingKind.HEADS_MEETING), "admin");
    }

    /** A filed (numbered) case of the demo agency's 执法一大队, or of the other agency's squad. */
    long filedCase(String agency) {
        boolean demo = !OtherAgency.AGENCY.equals(agency);
        String unit = demo ? "unit-squad-1" : OtherAgency.SQUAD;
        String handler = demo ? "zhangwei" : OtherAgency.OFFICER;
        String investigator = demo ? "lina" : OtherAgency.OFFICER_2;
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, "某公司销售不合格产品案", unit,
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer(handler, OfficerRole.HANDLER),
                        new NewCase.NewOfficer(investigator, OfficerRole.INVESTIGATOR))), handler).id();
        cases.assignNumber(caseId);
        return caseId;
    }

    /**
     * The case's legal review ended as the review records its end, and the case moved on to the stage after it (the
     * review's own tests run the review itself).
     */
    void reviewEnded(long caseId, String reviewResult) {
        caseRecord.append(caseId, "system", "REVIEW_CLOSED", "法制审核结束",
                Map.of("reviewResult", reviewResult, "processInstanceId", "review-of-" + caseId));
        cases.moveTo(caseId, ReviewResult.valueOf(reviewResult).stageAfter(cases.find(caseId).orElseThrow().kind()),
                "system");
    }

    /** The decision period of the case runs, and a head has extended it once (the catalogue's extension). */
    void decisionPeriodExtendedOnce(long caseId, String head) {
        cases.moveTo(caseId, CaseStage.INVESTIGATION, "zhangwei");
        String penaltyCase = "penalty-case-of-" + caseId;
        deadlines.track(penaltyCase, String.valueOf(caseId), "DECISION", Instant.parse("2026-07-20T02:00:00Z"));
        Instant now = EngineClock.now();
        deadlines.extend(penaltyCase, "DECISION", new ExtensionApproval(head, "案情复杂，需进一步鉴定", now, now));
    }

    static Map<String, Object> penaltyMatter(long caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(MATTER, DiscussionMatter.PENALTY.name());
        variables.put(DECISION_TITLE, "对当事人罚款20万元");
        variables.put(CASE_STATEMENT, "当事人销售不合格电线电缆，货值5万元；有检验报告、询问笔录为证；适用裁量基准第三档。");
        variables.put(DRAFT_DECISION, "行政处罚决定书（代拟稿）：罚款20万元，没收违法所得。");
        return variables;
    }

    static Map<String, Object> extensionMatter(long caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put(MATTER, DiscussionMatter.DECISION_EXTENSION.name());
        variables.put(EXTENSION_GROUNDS, "涉案产品需送省级检验机构复检，复检结论尚未作出。");
        variables.put(PROPOSED_EXTENSION_DAYS, 30);
        return variables;
    }

    ProcessInstance request(String user, Map<String, Object> variables) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    Task task(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    List<Task> tasks(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    }

    Task opinionTaskOf(ProcessInstance instance, String head) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(DiscussionHeadTaskListener.OPINION_TASK).taskAssignee(head).singleResult();
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

    static Map<String, Object> meeting(String designatedPresidingHead) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CollectiveDiscussionVariables.MEETING_AT, MEETING_AT);
        variables.put(MEETING_PLACE, "局三楼会议室");
        variables.put(RECORDER, "办公室 王秘书");
        if (designatedPresidingHead != null) {
            variables.put(DESIGNATED_PRESIDING_HEAD, designatedPresidingHead);
        }
        return variables;
    }

    void convene(ProcessInstance instance, String convener) {
        work(instance, "Task_ConveneDiscussion", convener, meeting(null));
    }

    /** What Tasklist submits for a checklist over a Json list of options: a Json array. */
    static Map<String, Object> attendance(List<String> attending, String nonVoting) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ACTION, "HOLD");
        variables.put(ATTENDING_HEADS, SpinValues.jsonValue(toJson(attending)).create());
        variables.put(NON_VOTING_ATTENDEES, nonVoting);
        return variables;
    }

    void attend(ProcessInstance instance, String presiding, List<String> attending) {
        complete(task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK), presiding,
                attendance(attending, "承办人员宋江、卢俊（汇报案情）；法制审核人员"));
    }

    void opinion(ProcessInstance instance, String head, String stance, String reasons) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OPINION, stance);
        variables.put(OPINION_REASONS, reasons);
        complete(opinionTaskOf(instance, head), head, variables);
    }

    static Map<String, Object> conclusion(DiscussionResult outcome, String reasons) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CONCLUSION_OUTCOME, outcome.name());
        variables.put(CONCLUSION_REASONS, reasons);
        return variables;
    }

    void conclude(ProcessInstance instance, String presiding, Map<String, Object> variables) {
        complete(task(instance, DiscussionHeadTaskListener.CONCLUSION_TASK), presiding, variables);
    }

    /** The minutes are rendered by a job (asynchronous continuation); tests run it. */
    void renderMinutes(ProcessInstance instance) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
    }

    List<String> recordedActions(long caseId) {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    <T> T as(String user, Supplier<T> action) {
        return AsUser.as(identityService, user, action);
    }

    static String toJson(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
