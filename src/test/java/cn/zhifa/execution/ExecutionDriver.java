package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.hearing.HearingDriver;
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
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    ExecutionDriver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService, HearingDriver hearings, CaseRegister cases, CaseRecord caseRecord,
            Remedies remedies) {
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
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
