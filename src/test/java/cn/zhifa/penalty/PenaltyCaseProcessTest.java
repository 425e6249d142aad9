package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseDriver.*;
import static cn.zhifa.penalty.PenaltyCaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The general procedure from clue to served decision, and the refusals of the law on the way, with a controlled
 * clock over the 2026 calendar (docs/penalty-case.md).
 */
@ApplicationTest
class PenaltyCaseProcessTest {

    @Autowired PenaltyCaseDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired CaseRegister cases;
    @Autowired DeadlineService deadlines;
    @Autowired DocumentService documents;
    @Autowired CaseRecord record;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void refused(Runnable step, String code) {
        assertThatThrownBy(step::run).satisfies(e -> {
            ZhifaException refusal = ZhifaException.findIn(e);
            assertThat(refusal).as("%s", e).isNotNull();
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.getMessage()).containsPattern("\\p{IsHan}");
        });
    }

    List<String> actions(long caseId) {
        return record.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    LocalDate due(ProcessInstance instance, String entry) {
        return deadlines.find(instance.getId(), entry).orElseThrow().dueAt().atZone(EngineClock.ZONE).toLocalDate();
    }

    /** A case filed on 2026-03-02, investigated, a fine of 3,000 yuan proposed and its notice served on 2026-03-11. */
    ProcessInstance notifiedCase() {
        clockAt("2026-03-02T09:00");
        ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
        clockAt("2026-03-02T10:00");
        driver.file(instance);
        driver.declareNoRecusal(instance);
        clockAt("2026-03-10T10:00");
        driver.concludeInvestigation(instance);
        driver.reportFine(instance, 3000);
        clockAt("2026-03-11T10:00");
        driver.serveDirectly(instance, "2026-03-11");
        return instance;
    }

    @Test
    void aClueBecomesACaseThatIsFiledNotifiedDecidedServedAndHandedOn() {
        ProcessInstance instance = notifiedCase();
        long caseId = driver.caseOf(instance);
        CaseDetail filed = cases.find(caseId).orElseThrow();
        assertThat(filed.caseNo()).contains("〔2026〕");
        assertThat(filed.officers()).extracting(o -> o.userId()).containsExactly("zhangwei", "lina");
        assertThat(due(instance, FILING_PERIOD)).isEqualTo("2026-03-19");
        assertThat(deadlines.find(instance.getId(), FILING_PERIOD).orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.DONE);
        // 90 days from 2026-03-02 end on Sunday 2026-05-31, rolled forward to Monday
        assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-06-01");
        // five working days from the day after service, counted for the party
        assertThat(due(instance, STATEMENT_PERIOD)).isEqualTo("2026-03-18");
        assertThat(driver.variable(instance, HEARING_RIGHT)).isEqualTo(false);

        clockAt("2026-03-12T10:00");
        driver.statement(instance);
        refused(() -> driver.decidePenalty(instance, 3000), "STATEMENT_PERIOD_RUNNING");
        assertThat(driver.task(instance, "Task_DecideCase").getAssignee()).isEqualTo(HEAD);
        clockAt("2026-03-19T09:00");
        driver.decidePenalty(instance, 3000);
        driver.draftDecision(instance);
        clockAt("2026-03-20T10:00");
        driver.serveDirectly(instance, "2026-03-20");

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("EndEvent_HandedOver").count()).isOne();
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);
        assertThat(documents.documents(caseId)).extracting(StoredDocument::type).contains(
                DocumentType.CASE_FILING_APPROVAL, DocumentType.PENALTY_NOTICE, DocumentType.PENALTY_DECISION);
        assertThat(deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.DONE);
        assertThat(actions(caseId)).contains("CLUE_REGISTERED", "FILING_PROPOSED", "FILING_DECIDED", "CASE_FILED",
                "RECUSAL_DECLARED", "INVESTIGATION_REPORTED", "NOTICE_MADE", "PARTY_HEARD", "REFUSAL",
                "CASE_DECIDED", "DECISION_MADE", "CASE_HANDED_OVER");
        assertThat(record.verify(caseId).intact()).isTrue();
    }
}
