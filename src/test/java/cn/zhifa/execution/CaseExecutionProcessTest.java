package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static cn.zhifa.execution.ExecutionDriver.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of case-execution.bpmn started on its own, as the people act in Tasklist. The decision is served on
 * Wednesday 16 September 2026: 15 calendar days end on 1 October, National Day, so the fine is due on Thursday
 * 8 October, the first working day after the holiday.
 */
@ApplicationTest
@RecordApplicationEvents
class CaseExecutionProcessTest {

    static final String SERVED = "2026-09-16";
    static final LocalDate DUE = LocalDate.of(2026, 10, 8);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ExecutionDriver driver;
    @Autowired CaseExecution execution;
    @Autowired CaseRegister cases;
    @Autowired DocumentService documents;
    @Autowired ApplicationEvents events;
    @Autowired Remedies remedies;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt("2026-09-20T10:00");
        caseId = driver.servedCase();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown(caseId);
    }

    ExecutionState state() {
        return execution.state(caseId, EngineClock.today()).orElseThrow();
    }

    ProcessInstance fined(String fine) {
        return driver.start(decision(caseId, "PENALTY", SERVED, fine));
    }

    static LocalDate dayOf(Task task) {
        return WorkingDayCalendar.dayOf(task.getDueDate().toInstant());
    }

    @Test
    void paidOnTimeInTwoPartsThenClosedByTheHead() {
        ProcessInstance instance = fined("1000.00");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);
        assertThat(dayOf(driver.task(instance, "Task_RecordPayment"))).isEqualTo(DUE);
        assertThat(state().nextDueOn()).isEqualTo(DUE);

        driver.pay(instance, "BANK-0001", "400.00", "2026-09-20");
        assertThat(state().paidFen()).isEqualTo(400_00);
        assertThat(state().outstandingFen()).isEqualTo(600_00);
        assertThat(instance).isWaitingAt("Task_RecordPayment");

        clockAt("2026-10-08T16:00");
        driver.pay(instance, "BANK-0002", "600.00", "2026-10-08");
        assertThat(state().status()).isEqualTo(ExecutionState.CARRIED_OUT);
        assertThat(state().surchargeFen()).isZero();
        // 15 working days from 8 October, Saturday 10 October being a working day
        assertThat(dayOf(driver.task(instance, "Task_ApproveCaseClosing"))).isEqualTo(LocalDate.of(2026, 10, 28));

        driver.approveClosing(instance);
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);
        assertThat(documents.latest(caseId, DocumentType.CASE_CLOSING_APPROVAL)).isPresent();
        assertThat(driver.recordedActions(caseId)).contains("EXECUTION_OPENED", "PAYMENT_RECORDED", "CASE_CLOSED");
    }

    @Test
    void lateWithTheSurchargeADayBeforeTheCapAndAtTheCap() {
        ProcessInstance instance = fined("1000.00");
        clockAt("2026-11-10T10:00");
        assertThat(state().surchargeDays()).isEqualTo(33);
        assertThat(state().surchargeFen()).isEqualTo(990_00);
        assertThat(state().surchargeCapped()).isFalse();
        clockAt("2026-11-11T10:00");
        assertThat(state().surchargeDays()).isEqualTo(34);
        assertThat(state().surchargeFen()).isEqualTo(1000_00);
        assertThat(state().surchargeCapped()).isTrue();
        assertThat(state().summary()).contains("加处罚款1000.00元（计34日，已达罚款数额）");
        clockAt("2026-12-31T10:00");
        assertThat(state().surchargeFen()).isEqualTo(1000_00);

        assertThatThrownBy(() -> driver.pay(instance, "BANK-0003", "2000.01", "2026-12-31"))
                .hasMessageContaining("超过");
        driver.pay(instance, "BANK-0003", "2000.00", "2026-12-31");
        assertThat(state().status()).isEqualTo(ExecutionState.CARRIED_OUT);
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
    }

    @Test
    void theSurchargeDoesNotRunWhileAReconsiderationIsPending() {
        ProcessInstance instance = fined("1000.00");
        clockAt("2026-10-20T10:00");
        driver.filed(caseId, RemedyKind.RECONSIDERATION, "2026-10-13");
        assertThat(state().surchargeDays()).isEqualTo(4);
        assertThat(state().surchargeSuspended()).isTrue();
        clockAt("2026-10-23T10:00");
        driver.decided(caseId, "2026-10-23", RemedyOutcome.UPHELD, null);
        assertThat(instance).isWaitingAt("Task_RecordPayment");
        clockAt("2026-10-28T10:00");
        assertThat(state().surchargeDays()).isEqualTo(9);
        assertThat(state().surchargeFen()).isEqualTo(270_00);
        assertThat(events.stream(DecisionRevoked.class)).isEmpty();
    }

    @Test
    void instalmentsApprovedByTheHeadReplaceTheDueDate() {
        ProcessInstance instance = fined("1000.00");
        assertThatThrownBy(() -> driver.applyForDeferral(instance, "2026-10-30 400.00\n2026-11-30 500.00"))
                .hasMessageContaining("应等于尚未缴纳的罚没款1000.00元");
        driver.applyForDeferral(instance, "2026-10-30 400.00\n2026-11-30 600.00");
        assertThatThrownBy(() -> driver.decideDeferral(instance, "REFUSE", null)).hasMessageContaining("说明理由");
        driver.decideDeferral(instance, "APPROVE", null);
        assertThat(dayOf(driver.task(instance, "Task_RecordPayment"))).isEqualTo(LocalDate.of(2026, 10, 30));

        clockAt("2026-10-30T10:00");
        driver.pay(instance, "BANK-0004", "400.00", "2026-10-30");
        assertThat(dayOf(driver.task(instance, "Task_RecordPayment"))).isEqualTo(LocalDate.of(2026, 11, 30));
        clockAt("2026-12-02T10:00");
        // the second instalment is two days late: 3% of 600 a day
        assertThat(state().surchargeFen()).isEqualTo(36_00);
        assertThat(state().surchargeDays()).isEqualTo(2);
    }

    @Test
    void aRefusedDeferralLeavesTheDueDate() {
        ProcessInstance instance = fined("1000.00");
        driver.applyForDeferral(instance, "2026-12-30 1000.00");
        driver.decideDeferral(instance, "REFUSE", "当事人未能证明确有经济困难");
        assertThat(dayOf(driver.task(instance, "Task_RecordPayment"))).isEqualTo(DUE);
        assertThat(driver.recordedActions(caseId)).contains("DEFERRAL_REFUSED");
    }

    @Test
    void aChangedFineReplacesTheFine() {
        ProcessInstance instance = fined("1000.00");
        driver.pay(instance, "BANK-0005", "400.00", "2026-09-20");
        driver.filed(caseId, RemedyKind.RECONSIDERATION, "2026-09-20");
        clockAt("2026-09-25T10:00");
        driver.decided(caseId, "2026-09-25", RemedyOutcome.CHANGED, 600_00L);
        assertThat(state().fineFen()).isEqualTo(600_00);
        assertThat(state().originalFineFen()).isEqualTo(1000_00);
        assertThat(state().outstandingFen()).isEqualTo(200_00);
        assertThat(instance).isWaitingAt("Task_RecordPayment");
        assertThat(events.stream(DecisionChanged.class))
                .containsExactly(new DecisionChanged(caseId, 1000_00, 600_00, "某复议〔2026〕1号", LocalDate.of(2026, 9, 25)));
    }

    @Test
    void aChangedFineAlreadyPaidCarriesTheDecisionOut() {
        ProcessInstance instance = fined("1000.00");
        driver.pay(instance, "BANK-0006", "400.00", "2026-09-20");
        driver.filed(caseId, RemedyKind.LITIGATION, "2026-09-20");
        driver.decided(caseId, "2026-09-20", RemedyOutcome.CHANGED, 400_00L);
        assertThat(state().status()).isEqualTo(ExecutionState.CARRIED_OUT);
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
    }

    @Test
    void aRevokedDecisionEndsTheExecutionAndWithdrawsItsDisclosure() {
        ProcessInstance instance = fined("1000.00");
        driver.filed(caseId, RemedyKind.LITIGATION, "2026-09-20");
        driver.decided(caseId, "2026-09-20", RemedyOutcome.REVOKED, null);
        assertThat(state().status()).isEqualTo(ExecutionState.ENDED);
        assertThat(state().outstandingFen()).isZero();
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(runtimeService.getVariable(instance.getId(), "closingReason").toString()).contains("撤销");
        assertThat(events.stream(DecisionRevoked.class)).singleElement()
                .satisfies(event -> assertThat(event.outcome()).isEqualTo(RemedyOutcome.REVOKED));
        driver.approveClosing(instance);
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);
    }

    @Test
    void aVoidDecisionEndsTheExecution() {
        ProcessInstance instance = fined("1000.00");
        driver.filed(caseId, RemedyKind.RECONSIDERATION, "2026-09-20");
        driver.decided(caseId, "2026-09-20", RemedyOutcome.CONFIRMED_VOID, null);
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(events.stream(DecisionRevoked.class)).hasSize(1);
    }

    @Test
    void aDecisionConfirmedUnlawfulStaysToBeExecutedButItsDisclosureIsWithdrawn() {
        ProcessInstance instance = fined("1000.00");
        driver.filed(caseId, RemedyKind.LITIGATION, "2026-09-20");
        driver.decided(caseId, "2026-09-20", RemedyOutcome.CONFIRMED_ILLEGAL, null);
        assertThat(instance).isWaitingAt("Task_RecordPayment");
        assertThat(state().status()).isEqualTo(ExecutionState.OPEN);
        assertThat(events.stream(DecisionRevoked.class)).hasSize(1);
    }

    @Test
    void aMessageWithoutARecordedDecisionChangesNothing() {
        ProcessInstance instance = fined("1000.00");
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(Remedies.MESSAGE)
                .processInstanceVariableEquals("caseId", caseId).correlate())
                .hasMessageContaining("没有登记的复议决定或判决");
        assertThat(instance).isWaitingAt("Task_RecordPayment");
    }

    @Test
    void onlyAHeadEntersARemedyAndOnlyOneIsPendingAtATime() {
        fined("1000.00");
        assertThatThrownBy(() -> remedies.filed(caseId, RemedyKind.RECONSIDERATION, LocalDate.of(2026, 9, 20),
                OFFICER)).hasFieldOrPropertyWithValue("code", "NOT_AGENCY_HEAD");
        driver.filed(caseId, RemedyKind.RECONSIDERATION, "2026-09-20");
        assertThatThrownBy(() -> remedies.filed(caseId, RemedyKind.LITIGATION, LocalDate.of(2026, 9, 20), HEAD))
                .hasFieldOrPropertyWithValue("code", "REMEDY_PENDING");
        assertThatThrownBy(() -> remedies.decided(caseId, LocalDate.of(2026, 9, 20), RemedyOutcome.CHANGED, null,
                "某复议〔2026〕1号", HEAD)).hasFieldOrPropertyWithValue("code", "CHANGED_FINE_REQUIRED");
    }

    @Test
    void noPenaltyAndTransferGoStraightToClosing() {
        ProcessInstance instance = driver.start(decision(caseId, "NO_PENALTY", SERVED, null));
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(execution.isOpened(caseId)).isFalse();
        driver.approveClosing(instance);
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);

        long transferred = driver.servedCase();
        try {
            ProcessInstance transfer = driver.start(decision(transferred, "TRANSFER", SERVED, null));
            assertThat(transfer).isWaitingAt("Task_ApproveCaseClosing");
        } finally {
            driver.tearDown(transferred);
        }
    }

    @Test
    void aPenaltyWithoutMoneyIsCarriedOutOnService() {
        ProcessInstance instance = driver.start(decision(caseId, "PENALTY", SERVED, "0"));
        assertThat(instance).isWaitingAt("Task_ApproveCaseClosing");
        assertThat(state().status()).isEqualTo(ExecutionState.CARRIED_OUT);
    }

    @Test
    void refusesADecisionServedInTheFutureAndAMalformedAmount() {
        assertThatThrownBy(() -> driver.start(decision(caseId, "PENALTY", "2026-09-21", "100")))
                .hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> driver.start(decision(caseId, "PENALTY", SERVED, "100.001")))
                .hasMessageContaining("最多两位小数");
        assertThat(execution.isOpened(caseId)).isFalse();
    }
}
