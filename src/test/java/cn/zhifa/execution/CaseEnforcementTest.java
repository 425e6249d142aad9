package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The enforcement branch of case-execution.bpmn with a controlled clock, as penalty-case calls the process.
 *
 * <p>With its own power of enforcement: served Monday 10 August 2026, due Tuesday 25 August; the surcharge has run
 * 30 days on Thursday 24 September; the 催告书 served on Monday 28 September gives ten working days that skip the
 * National Day holiday (1–7 October) and, the period being the party's, the 调休 Saturday 10 October: they end on
 * Monday 19 October.
 *
 * <p>Without it: served Wednesday 16 September 2026, due Thursday 8 October; the periods for reconsideration and suit
 * end on 16 March 2027; the 催告书 served the next day gives ten working days to 31 March; the application to the
 * court is due by 16 June 2027 (three months after the periods), reminded ten working days before, 2 June 09:00.
 */
@ApplicationTest
class CaseEnforcementTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ExecutionDriver driver;
    @Autowired CaseExecution execution;
    @Autowired CaseRegister cases;
    @Autowired DocumentService documents;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt("2026-08-20T10:00");
        caseId = driver.servedCase();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown(caseId);
    }

    ExecutionState state() {
        return execution.state(caseId, EngineClock.today()).orElseThrow();
    }

    static ZhifaException refusal(Runnable action) {
        return CaseArchivingTest.refusal(action);
    }

    Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    void recordEnd(ProcessInstance instance, String user, String result, String documentNo, String endedOn) {
        driver.work(instance, "Task_RecordEnforcementEnd", user, Map.of("enforcementResult", result,
                "enforcementDocumentNo", documentNo, "enforcementEndedOn", endedOn));
    }

    @Test
    void anAgencyWithItsOwnPowerDunsAfterThirtyDaysOfSurchargeAndEnforcesAcrossNationalDay() {
        ProcessInstance instance = driver.called(caseId, "2026-08-10", 1000_00, true);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "IntermediateEvent_SurchargeRan");
        assertThat(variable(instance, "surchargeStartedAt")).isEqualTo("2026-08-25");
        assertThat(driver.timerDay(instance, "IntermediateEvent_SurchargeRan")).isEqualTo(LocalDate.of(2026, 9, 24));

        clockAt("2026-09-25T10:00");
        driver.runDueJobs(instance);
        assertThat(state().surchargeDays()).isEqualTo(31);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "CallActivity_ServeDemandNotice");
        assertThat(documents.latest(caseId, DocumentType.DEMAND_NOTICE)).isPresent();

        clockAt("2026-09-28T10:00");
        driver.serveDemandNotice(instance, caseId);
        assertThat(variable(instance, "dunningServedAt")).isNotNull();
        assertThat(driver.timerDay(instance, "IntermediateEvent_DunningPeriodRan")).isEqualTo(LocalDate.of(2026, 10, 19));

        clockAt("2026-10-19T16:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "IntermediateEvent_DunningPeriodRan");
        clockAt("2026-10-20T10:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "Task_RecordEnforcementEnd");

        assertThat(refusal(() -> recordEnd(instance, OFFICER, "CARRIED_OUT", "某市监强执〔2026〕1号", "2026-09-27")))
                .hasFieldOrPropertyWithValue("code", "ENFORCEMENT_ENDED_ON_INVALID");
        assertThat(refusal(() -> recordEnd(instance, OFFICER, "PAID", "某市监强执〔2026〕1号", "2026-10-20")))
                .hasFieldOrPropertyWithValue("code", "FIELD_REQUIRED");
        recordEnd(instance, OFFICER, "CARRIED_OUT", "某市监强执〔2026〕1号", "2026-10-20");
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(state().status()).isEqualTo(ExecutionState.CARRIED_OUT);
        assertThat(state().outstandingFen()).isZero();
        assertThat((String) variable(instance, "closingReason")).contains("经强制执行", "某市监强执〔2026〕1号");
        assertThat(driver.recordedActions(caseId)).contains("ENFORCEMENT_ENDED");
    }

    @Test
    void aDeferralApprovedWhileTheSurchargeClockRunsSetsItAgainFromTheNewDate() {
        ProcessInstance instance = driver.called(caseId, "2026-08-10", 1000_00, true);
        driver.applyForDeferral(instance, "2026-10-30 1000.00");
        driver.decideDeferral(instance, "APPROVE", null);
        clockAt("2026-09-25T10:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "IntermediateEvent_SurchargeRan");
        assertThat(variable(instance, "surchargeStartedAt")).isEqualTo("2026-10-30");
        assertThat(driver.timerDay(instance, "IntermediateEvent_SurchargeRan")).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void noDunningWhileAReconsiderationIsPendingAndPaymentInFullEndsTheEnforcement() {
        ProcessInstance instance = driver.called(caseId, "2026-08-10", 1000_00, true);
        clockAt("2026-09-20T10:00");
        driver.filed(caseId, RemedyKind.RECONSIDERATION, "2026-09-20");
        clockAt("2026-09-25T10:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                .activityId("IntermediateEvent_SurchargeRan").count()).isZero();
        assertThat(documents.latest(caseId, DocumentType.DEMAND_NOTICE)).isEmpty();
    }

    @Test
    void paymentInFullWhileTheDemandNoticeIsServedEndsTheEnforcement() {
        ProcessInstance instance = driver.called(caseId, "2026-08-10", 1000_00, true);
        clockAt("2026-09-25T10:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment", "CallActivity_ServeDemandNotice");
        driver.pay(instance, "BANK-0700", "1930.00", "2026-09-25");
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
                .isZero();
    }

    @Test
    void withoutItsOwnPowerTheAgencyAppliesToTheCourtWithinThreeMonthsAndTheCourtEndsTheEnforcement() {
        clockAt("2026-09-20T10:00");
        ProcessInstance instance = driver.called(caseId, "2026-09-16", 1000_00, false);
        assertThat(driver.timerDay(instance, "IntermediateEvent_RemedyPeriodsRan")).isEqualTo(LocalDate.of(2027, 3, 16));

        clockAt("2027-03-17T10:00");
        driver.runDueJobs(instance);
        assertThat(variable(instance, "remedyPeriodEndedAt")).isEqualTo("2027-03-16");
        driver.serveDemandNotice(instance, caseId);
        assertThat(driver.timerDay(instance, "IntermediateEvent_DunningPeriodRan")).isEqualTo(LocalDate.of(2027, 3, 31));

        clockAt("2027-04-01T10:00");
        driver.runDueJobs(instance);
        Task apply = driver.task(instance, "Task_ApplyCourtEnforcement");
        assertThat(WorkingDayCalendar.dayOf(apply.getDueDate().toInstant())).isEqualTo(LocalDate.of(2027, 6, 16));
        assertThat(apply.getFollowUpDate().toInstant().atZone(ExecutionDriver.ZONE).toLocalDateTime())
                .isEqualTo("2027-06-02T09:00");

        clockAt("2027-06-02T10:00");
        driver.runDueJobs(instance);
        assertThat(driver.task(instance, "Task_ApplyCourtEnforcement").getPriority())
                .isEqualTo(EnforcementDeadlineDelegate.REMINDED_PRIORITY);
        clockAt("2027-06-17T10:00");
        driver.runDueJobs(instance);
        assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
        assertThat(driver.recordedActions(caseId)).contains("COURT_ENFORCEMENT_DUE_SOON", "COURT_ENFORCEMENT_OVERDUE");

        assertThat(refusal(() -> driver.work(instance, "Task_ApplyCourtEnforcement", OFFICER, Map.of())))
                .hasFieldOrPropertyWithValue("code", "FIELD_REQUIRED");
        assertThatThrownBy(() -> driver.work(instance, "Task_ApplyCourtEnforcement", HEAD,
                Map.of("enforcementCourt", "某县人民法院"))).isInstanceOf(AuthorizationException.class);
        driver.work(instance, "Task_ApplyCourtEnforcement", OFFICER, Map.of("enforcementCourt", "某县人民法院"));
        driver.runDueJobs(instance);
        assertThat(documents.latest(caseId, DocumentType.COURT_ENFORCEMENT_APPLICATION)).isPresent();
        assertThat(driver.recordedActions(caseId)).contains("COURT_ENFORCEMENT_APPLIED");

        recordEnd(instance, OFFICER, "ENDED", "（2027）某01执123号", "2027-06-17");
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(state().status()).isEqualTo(ExecutionState.ENDED);
        assertThat((String) variable(instance, "closingReason")).contains("强制执行终结");
    }

    @Test
    void withoutItsOwnPowerNoDunningAfterTheRemediesWereUsed() {
        clockAt("2026-09-20T10:00");
        ProcessInstance instance = driver.called(caseId, "2026-09-16", 1000_00, false);
        driver.filed(caseId, RemedyKind.LITIGATION, "2026-09-20");
        driver.decided(caseId, "2026-09-20", RemedyOutcome.UPHELD, null);
        clockAt("2027-03-17T10:00");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_RecordPayment");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
                .isZero();
        assertThat(variable(instance, "enforcementStep")).isEqualTo("HELD");
    }
}
