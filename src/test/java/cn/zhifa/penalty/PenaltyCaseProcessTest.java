package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseDriver.*;
import static cn.zhifa.penalty.PenaltyCaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseQuery;
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
import org.camunda.bpm.engine.AuthorizationException;
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
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

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

    /** Not a candidate of the task: Camunda's authorization refuses before any listener (over REST a 403). */
    static void forbidden(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOf(AuthorizationException.class);
    }

    /** The decision period as the case shows it (GET /api/cases/{id}/deadlines) to its officer. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> decisionPeriodShown(long caseId) {
        List<java.util.Map<String, Object>> shown = rest.withBasicAuth(OFFICER, "test-secret")
                .getForObject("/api/cases/" + caseId + "/deadlines", List.class);
        return shown.stream().filter(d -> DECISION_PERIOD.equals(d.get("entryId")))
                .filter(d -> !"SUPERSEDED".equals(d.get("status"))).findFirst().orElseThrow();
    }

    List<String> actions(long caseId) {
        return record.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    LocalDate due(ProcessInstance instance, String entry) {
        return deadlines.find(instance.getId(), entry).orElseThrow().dueAt().atZone(EngineClock.ZONE).toLocalDate();
    }

    /** A case filed on 2026-03-02, investigated, a fine of 3,000 yuan proposed and its notice served on 2026-03-11. */
    ProcessInstance notifiedCase() {
        return notifiedCase(3000);
    }

    @Test
    void aClueBecomesACaseThatIsFiledNotifiedDecidedServedExecutedClosedAndArchived() {
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
        // Tasklist shows the case and the party in the name, what the law asks and by when in the description
        org.camunda.bpm.engine.task.Task hear = driver.task(instance, "Task_HearParty");
        String caseNo = cases.find(caseId).orElseThrow().caseNo();
        assertThat(hear.getName()).isEqualTo("听取陈述、申辩（" + caseNo + "，张三）");
        assertThat(hear.getDescription()).contains("复核", "办理期限：2026年3月18日前", "陈述、申辩期限", "第四十五条");

        clockAt("2026-03-12T10:00");
        driver.statement(instance);
        refused(() -> driver.decidePenalty(instance, 3000), "STATEMENT_PERIOD_RUNNING");
        assertThat(driver.task(instance, "Task_DecideCase").getAssignee()).isEqualTo(HEAD);
        clockAt("2026-03-19T09:00");
        driver.decidePenalty(instance, 3000);
        driver.draftDecision(instance);
        clockAt("2026-03-20T10:00");
        driver.serveDirectly(instance, "2026-03-20");

        // handed on to case-execution as docs/execution.md agrees: outcome, served decision, amounts in fen
        ProcessInstance execution = driver.called(instance, "case-execution");
        assertThat(runtimeService.getVariable(execution.getId(), "decisionOutcome")).isEqualTo("PENALTY");
        assertThat(runtimeService.getVariable(execution.getId(), "fineAmountFen")).isEqualTo(300000L);
        assertThat(runtimeService.getVariable(execution.getId(), "confiscationAmountFen")).isEqualTo(0L);
        assertThat(runtimeService.getVariable(execution.getId(), "decisionDocumentId"))
                .isEqualTo(driver.variable(instance, DECISION_DOCUMENT_ID));
        assertThat(runtimeService.getVariable(execution.getId(), "decisionReceivedAt")).isEqualTo("2026-03-20");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);
        clockAt("2026-03-25T10:00");
        driver.payInFull(instance, "3000.00", "2026-03-24");
        driver.closeAndArchive(instance);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("EndEvent_CaseConcluded").count()).isOne();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(EXECUTION_STATUS).singleResult().getValue()).isEqualTo("CARRIED_OUT");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
        assertThat(documents.documents(caseId)).extracting(StoredDocument::type).contains(
                DocumentType.CASE_FILING_APPROVAL, DocumentType.PENALTY_NOTICE, DocumentType.PENALTY_DECISION);
        assertThat(deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.DONE);
        assertThat(actions(caseId)).contains("CLUE_REGISTERED", "FILING_PROPOSED", "FILING_DECIDED", "CASE_FILED",
                "RECUSAL_DECLARED", "INVESTIGATION_REPORTED", "NOTICE_MADE", "PARTY_HEARD", "REFUSAL",
                "CASE_DECIDED", "DECISION_MADE", "CASE_HANDED_OVER");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    /** A case filed on 2026-03-02 whose officers declared no ground for recusal: the investigation task waits. */
    ProcessInstance filedCase() {
        clockAt("2026-03-02T09:00");
        ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
        clockAt("2026-03-02T10:00");
        driver.file(instance);
        driver.declareNoRecusal(instance);
        return instance;
    }

    /** As {@link #notifiedCase()}, with a fine of {@code yuan} proposed. */
    ProcessInstance notifiedCase(long yuan) {
        ProcessInstance instance = filedCase();
        clockAt("2026-03-10T10:00");
        driver.concludeInvestigation(instance);
        driver.reportFine(instance, yuan);
        clockAt("2026-03-11T10:00");
        driver.serveDirectly(instance, "2026-03-11");
        return instance;
    }

    @Nested
    class Filing {

        @Test
        void aClueBeyondTheLimitationPeriodCannotBeFiledAndTheHeadSeesWhy() {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2023-12-01"));
            long caseId = driver.caseOf(instance);
            assertThat(driver.variable(instance, WITHIN_LIMITATION)).isEqualTo(false);
            assertThat((String) driver.variable(instance, LIMITATION_TEXT)).contains("2025年12月1日", "已超过追责期限");
            driver.work(instance, "Task_ProposeFiling", OFFICER, vars(FILING_PROPOSAL, "FILE", CASE_SUMMARY, "销售不合格电线",
                    FILING_BASIS, "产品质量法"));
            refused(() -> driver.work(instance, "Task_DecideFiling", HEAD, vars(FILING_DECISION, "FILE")),
                    "FILING_PAST_LIMITATION");
            refused(() -> driver.work(instance, "Task_DecideFiling", HEAD, vars(FILING_DECISION, "NOT_FILE")),
                    "FIELD_REQUIRED");
            driver.work(instance, "Task_DecideFiling", HEAD, vars(FILING_DECISION, "NOT_FILE",
                    FILING_DECISION_REASON, "超过追责期限"));
            assertThat(cases.find(caseId).orElseThrow().stage()).as("the form is made in a job").isEqualTo(CaseStage.CLUE);
            driver.runJobs(instance);
            StoredDocument form = documents.latest(caseId, DocumentType.CASE_NOT_FILED_APPROVAL).orElseThrow();
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                    .variableName(NOT_FILED_DOCUMENT_ID).singleResult().getValue()).isEqualTo(form.id());
            assertThat(form.createdBy()).isEqualTo(OFFICER);
            CaseDetail closed = cases.find(caseId).orElseThrow();
            assertThat(closed.caseNo()).isNull();
            assertThat(closed.stage()).isEqualTo(CaseStage.CLOSED);
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("EndEvent_NotFiled").count()).isOne();
            assertThat(actions(caseId)).contains("REFUSAL", "CASE_NOT_FILED");
        }

        @Test
        void fiveYearsWhenLifeHealthOrFinancialSafetyWasHarmed() {
            clockAt("2026-03-02T09:00");
            var clue = clue("2026-02-27", "2023-12-01");
            clue.put(HARMFUL, true);
            ProcessInstance instance = driver.registerClue(clue);
            assertThat(driver.variable(instance, WITHIN_LIMITATION)).isEqualTo(true);
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aClueWithImpossibleDatesRegistersNoCase() {
            clockAt("2026-03-02T09:00");
            refused(() -> driver.registerClue(named(clue("2026-02-27", "2026-02-28"))), "CLUE_DATES_INCONSISTENT");
            refused(() -> driver.registerClue(named(clue("2026-03-03", "2026-02-01"))), "CLUE_DATES_INCONSISTENT");
            var alone = named(clue("2026-02-27", "2026-02-01"));
            alone.remove(PenaltyCaseVariables.CO_OFFICER);
            refused(() -> driver.registerClue(alone), "CASE_TOO_FEW_OFFICERS");
            assertThat(cases.search(new CaseQuery(null, "日期不合理的当事人", null, null, null, null), OFFICER)).isEmpty();
        }

        static java.util.Map<String, Object> named(java.util.Map<String, Object> clue) {
            clue.put(PARTY_NAME, "日期不合理的当事人");
            return clue;
        }

        @Test
        void theFilingPeriodIsExtendedOnceWithTheHeadsApproval() {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
            assertThat(driver.task(instance, "Task_ProposeFiling").getDueDate().toInstant().atZone(EngineClock.ZONE)
                    .toLocalDate()).isEqualTo("2026-03-19");
            driver.work(instance, "Task_ProposeFiling", OFFICER, vars(FILING_PROPOSAL, "REQUEST_EXTENSION",
                    EXTENSION_REASON, "需要调取银行流水"));
            driver.work(instance, "Task_ApproveFilingExtension", HEAD, vars(EXTENSION_DECISION, "APPROVE"));
            // fifteen more working days from 2026-03-19 (Qingming: 2026-04-04 to 04-06 off)
            assertThat(due(instance, FILING_PERIOD)).isEqualTo("2026-04-10");
            assertThat(driver.task(instance, "Task_ProposeFiling").getDueDate().toInstant().atZone(EngineClock.ZONE)
                    .toLocalDate()).isEqualTo("2026-04-10");
            refused(() -> driver.work(instance, "Task_ProposeFiling", OFFICER, vars(FILING_PROPOSAL,
                    "REQUEST_EXTENSION", EXTENSION_REASON, "还需要时间")), "DEADLINE_EXTENSION_EXHAUSTED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void theFilingPeriodRemindsAndThenMarksTheCaseOverdue() {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
            long caseId = driver.caseOf(instance);
            driver.fire(instance, "BoundaryEvent_FilingDueSoon");
            driver.fire(instance, "BoundaryEvent_FilingOverdue");
            assertThat(actions(caseId)).contains("DEADLINE_REMINDED", "DEADLINE_OVERDUE");
            assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
            assertThat(driver.task(instance, "Task_ProposeFiling")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }
    }

    @Nested
    class Investigation {

        @Test
        void anOfficerDeclaresOnlyForHimselfAndTheHeadDecidesARecusal() {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
            clockAt("2026-03-02T10:00");
            driver.file(instance);
            var declarations = driver.tasks(instance, "Task_DeclareRecusal");
            assertThat(declarations).extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("zhangwei", "lina");
            var linas = declarations.stream().filter(t -> t.getAssignee().equals("lina")).findFirst().orElseThrow();
            var zhangweis = declarations.stream().filter(t -> t.getAssignee().equals("zhangwei")).findFirst()
                    .orElseThrow();
            forbidden(() -> driver.complete(linas, "zhangwei", vars(RECUSAL_DECLARATION, "NONE")));
            driver.complete(zhangweis, "zhangwei", vars(RECUSAL_DECLARATION, "NONE"));
            driver.complete(linas, "lina", vars(RECUSAL_DECLARATION, "PARTY_REQUEST",
                    RECUSAL_GROUND, "当事人称李娜与其有债务纠纷"));
            forbidden(() -> driver.work(instance, "Task_DecideRecusal", OFFICER, vars(RECUSAL_DECISION, "NOT_RECUSE",
                    RECUSAL_DECISION_REASON, "x")));
            refused(() -> driver.work(instance, "Task_DecideRecusal", HEAD, vars(RECUSAL_DECISION, "RECUSE",
                    REPLACEMENT_OFFICER, "wangqiang", RECUSAL_DECISION_REASON, "有利害关系")), "REPLACEMENT_NOT_QUALIFIED");
            driver.work(instance, "Task_DecideRecusal", HEAD, vars(RECUSAL_DECISION, "NOT_RECUSE",
                    RECUSAL_DECISION_REASON, "经查，债务纠纷不存在"));
            assertThat(actions(driver.caseOf(instance))).contains("RECUSAL_DECLARED", "RECUSAL_DECIDED");
            assertThat(driver.task(instance, "Task_Investigate")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void preservedEvidenceIsReleasedOnTheEighthWorkingDayWithoutADecision() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            clockAt("2026-03-03T10:00");
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "PRESERVE_EVIDENCE",
                    PRESERVATION_ITEMS, "库存电线20卷，可能被转移"));
            driver.work(instance, "Task_ApprovePreservation", HEAD, vars(PRESERVATION_DECISION, "APPROVE"));
            assertThat(due(instance, PRESERVATION_PERIOD)).isEqualTo("2026-03-12");
            assertThat(driver.task(instance, "Task_Investigate")).isNotNull();
            clockAt("2026-03-13T00:00:01");
            driver.fire(instance, "BoundaryEvent_PreservationExpired");
            assertThat(driver.tasks(instance, "Task_DecidePreservedEvidence")).isEmpty();
            assertThat(actions(caseId)).contains("EVIDENCE_PRESERVED", "PRESERVATION_RELEASED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void preservedEvidenceDecidedInTime() {
            ProcessInstance instance = filedCase();
            clockAt("2026-03-03T10:00");
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "PRESERVE_EVIDENCE",
                    PRESERVATION_ITEMS, "库存电线20卷"));
            forbidden(() -> driver.work(instance, "Task_ApprovePreservation", OFFICER,
                    vars(PRESERVATION_DECISION, "APPROVE")));
            driver.work(instance, "Task_ApprovePreservation", HEAD, vars(PRESERVATION_DECISION, "APPROVE"));
            driver.work(instance, "Task_DecidePreservedEvidence", PenaltyCaseDriver.CO_OFFICER, vars(PRESERVATION_OUTCOME, "TESTING",
                    PRESERVATION_OUTCOME_NOTE, "抽样送检，其余退还"));
            assertThat(actions(driver.caseOf(instance))).contains("PRESERVATION_DECIDED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aSeizureRunsItsPeriodIsExtendedOnceWithTheHeadsApprovalAndIsReleased() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            clockAt("2026-05-11T10:00");
            refused(() -> driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION,
                    "SEIZE_PROPERTY", SEIZURE_ITEMS, "电线120卷")), "FIELD_REQUIRED");
            driver.seize(instance);
            // 30 days from the decision
            assertThat(due(instance, SEIZURE_PERIOD)).isEqualTo("2026-06-10");
            assertThat(documents.latest(caseId, DocumentType.SEIZURE_DECISION)).isPresent();
            org.camunda.bpm.engine.task.Task decide = driver.task(instance, "Task_DecideSeizedProperty");
            assertThat(decide.getName()).startsWith("处理查封、扣押的财物（").endsWith("，张三）");
            assertThat(decide.getDescription()).contains("办理期限：2026年6月10日前", "第二十五条");
            assertThat(driver.task(instance, "Task_Investigate")).as("the investigation goes on").isNotNull();

            clockAt("2026-06-01T10:00");
            driver.work(instance, "Task_DecideSeizedProperty", OFFICER, vars(SEIZURE_OUTCOME, "REQUEST_EXTENSION",
                    SEIZURE_EXTENSION_REASON, "检验机构尚未出具报告"));
            refused(() -> driver.work(instance, "Task_ApproveSeizureExtension", HEAD,
                    vars(SEIZURE_EXTENSION_DECISION, "REFUSE")), "FIELD_REQUIRED");
            driver.work(instance, "Task_ApproveSeizureExtension", HEAD, vars(SEIZURE_EXTENSION_DECISION, "APPROVE"));
            driver.runJobs(instance);
            // 30 more days from the old due day; the party is told in writing
            assertThat(due(instance, SEIZURE_PERIOD)).isEqualTo("2026-07-10");
            assertThat(driver.task(instance, "Task_DecideSeizedProperty").getDueDate().toInstant())
                    .isEqualTo(deadlines.find(instance.getId(), SEIZURE_PERIOD).orElseThrow().dueAt());
            assertThat(documents.latest(caseId, DocumentType.SEIZURE_EXTENSION_NOTICE)).isPresent();
            refused(() -> driver.work(instance, "Task_DecideSeizedProperty", OFFICER, vars(SEIZURE_OUTCOME,
                    "REQUEST_EXTENSION", SEIZURE_EXTENSION_REASON, "仍需检验")), "DEADLINE_EXTENSION_EXHAUSTED");

            clockAt("2026-06-20T10:00");
            driver.work(instance, "Task_DecideSeizedProperty", OFFICER, vars(SEIZURE_OUTCOME, "RELEASE",
                    SEIZURE_OUTCOME_NOTE, "涉案电线经检验合格"));
            driver.runJobs(instance);
            assertThat(documents.latest(caseId, DocumentType.SEIZURE_RELEASE)).isPresent();
            assertThat(deadlines.find(instance.getId(), SEIZURE_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.DONE);
            assertThat(actions(caseId)).contains("SEIZURE_APPROVED", "SEIZURE_ORDERED", "DEADLINE_EXTENDED",
                    "SEIZURE_DECIDED", "SEIZURE_RELEASED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aSeizureWithoutADecisionInItsPeriodIsReleasedAndRecorded() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            clockAt("2026-03-10T10:00");
            driver.seize(instance);
            assertThat(due(instance, SEIZURE_PERIOD)).isEqualTo("2026-04-09");
            org.camunda.bpm.engine.runtime.Job expiry = driver.timer(instance, "BoundaryEvent_SeizureExpired");
            assertThat(expiry.getDuedate().toInstant())
                    .isEqualTo(deadlines.find(instance.getId(), SEIZURE_PERIOD).orElseThrow().dueAt());
            clockAt("2026-04-10T00:30");
            driver.fire(instance, "BoundaryEvent_SeizureExpired");
            driver.runJobs(instance);
            assertThat(driver.tasks(instance, "Task_DecideSeizedProperty")).isEmpty();
            assertThat(record.entries(caseId)).filteredOn(entry -> entry.action().equals("SEIZURE_RELEASED"))
                    .singleElement().satisfies(entry -> assertThat(entry.summary()).contains("期限届满未作出处理决定"));
            assertThat(documents.latest(caseId, DocumentType.SEIZURE_RELEASE)).isPresent();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("EndEvent_ExpiredSeizureReleased").count()).isOne();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aSeizureTheHeadRefusesGoesBackToTheInvestigation() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "SEIZE_PROPERTY",
                    SEIZURE_ITEMS, "电线120卷", SEIZURE_BASIS, "产品质量法第十八条"));
            refused(() -> driver.work(instance, "Task_ApproveSeizure", HEAD, vars(SEIZURE_DECISION, "REFUSE")),
                    "FIELD_REQUIRED");
            driver.work(instance, "Task_ApproveSeizure", HEAD, vars(SEIZURE_DECISION, "REFUSE",
                    SEIZURE_DECISION_NOTE, "先行登记保存即可"));
            assertThat(driver.task(instance, "Task_Investigate")).isNotNull();
            assertThat(driver.variable(instance, SEIZED_AT)).isNull();
            assertThat(actions(caseId)).contains("SEIZURE_REFUSED");
            // confiscated or destroyed: no release
            driver.seize(instance);
            driver.work(instance, "Task_DecideSeizedProperty", OFFICER, vars(SEIZURE_OUTCOME, "DESTROY",
                    SEIZURE_OUTCOME_NOTE, "经检验为不合格产品，依法销毁"));
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("EndEvent_SeizureDisposed").count()).isOne();
            assertThat(documents.latest(caseId, DocumentType.SEIZURE_RELEASE)).isEmpty();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void testingPausesTheDecisionPeriodAndItResumesWithTheDaysLeft() {
            ProcessInstance instance = filedCase();
            clockAt("2026-03-10T10:00");
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "START_TESTING",
                    TESTING_ITEMS, "导体电阻，送某省产品质量监督检验研究院"));
            assertThat(deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.PAUSED);
            assertThat(decisionPeriodShown(driver.caseOf(instance))).containsEntry("clock", "PAUSED")
                    .containsEntry("daysLeft", 82);
            refused(() -> driver.work(instance, "Task_RecordTestingResult", OFFICER, vars()), "FIELD_REQUIRED");
            clockAt("2026-03-20T10:00");
            driver.work(instance, "Task_RecordTestingResult", OFFICER, vars(TESTING_RESULT, "导体电阻不合格"));
            RunningDeadline resumed = deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow();
            assertThat(resumed.status()).isEqualTo(RunningDeadline.Status.OPEN);
            // 82 days were left on 2026-03-10; counted again from 2026-03-20
            assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-06-10");
            assertThat(driver.task(instance, "Task_Investigate").getDueDate().toInstant().atZone(EngineClock.ZONE)
                    .toLocalDate()).isEqualTo("2026-06-10");
            assertThat(decisionPeriodShown(driver.caseOf(instance))).containsEntry("clock", "RUNNING")
                    .containsEntry("daysLeft", 82);
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void theInvestigationCannotEndWithoutRegisteredEvidence() {
            ProcessInstance instance = filedCase();
            refused(() -> driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "CONCLUDE")),
                    "NO_EVIDENCE_REGISTERED");
            forbidden(() -> driver.work(instance, "Task_Investigate", HEAD, vars(INVESTIGATION_ACTION, "CONCLUDE")));
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void theDecisionPeriodIsExtendedOnceByAHeadAndFurtherOnlyThroughCollectiveDiscussion() {
            ProcessInstance instance = filedCase();
            clockAt("2026-05-20T10:00");
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "REQUEST_EXTENSION",
                    EXTENSION_REASON, "案情复杂"));
            // the first extension is the head's: there is nothing to put to the heads' discussion
            refused(() -> driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION,
                    "DISCUSS", PROPOSED_EXTENSION_DAYS, 30L)), "DEADLINE_EXTENSION_AVAILABLE");
            driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION, "APPROVE"));
            assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-07-01");
            long caseId = driver.caseOf(instance);
            assertThat(decisionPeriodShown(caseId)).containsEntry("clock", "EXTENDED").containsEntry("daysLeft", 42);

            // a further extension: the head cannot approve it alone, he puts it to the heads' collective discussion
            clockAt("2026-06-22T10:00");
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "REQUEST_EXTENSION",
                    EXTENSION_REASON, "涉案产品需送省级检验机构复检"));
            assertThat(driver.variable(instance, EXTENSION_ROUTE)).isEqualTo("DISCUSSION");
            assertThatThrownBy(() -> driver.work(instance, "Task_ApproveDecisionExtension", HEAD,
                    vars(EXTENSION_DECISION, "APPROVE"))).satisfies(e -> {
                        assertThat(ZhifaException.findIn(e).code()).isEqualTo("DEADLINE_EXTENSION_EXHAUSTED");
                        assertThat(ZhifaException.findIn(e).getMessage()).contains("集体讨论", "第六十四条");
                    });
            refused(() -> driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION,
                    "DISCUSS")), "FIELD_REQUIRED");
            refused(() -> driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION,
                    "DISCUSS", PROPOSED_EXTENSION_DAYS, "0")), "FIELD_INVALID");
            assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-07-01");
            driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION, "DISCUSS",
                    PROPOSED_EXTENSION_DAYS, 30L));
            ProcessInstance discussion = driver.called(instance, "collective-discussion");
            assertThat(runtimeService.getVariable(discussion.getId(), "matter")).isEqualTo("DECISION_EXTENSION");
            assertThat(runtimeService.getVariable(discussion.getId(), "extensionGrounds"))
                    .isEqualTo("涉案产品需送省级检验机构复检");
            driver.holdDiscussion(instance, "EXTENSION_GRANTED", 30);
            // 30 more days from the old due day 2026-07-01
            assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-07-31");
            assertThat(decisionPeriodShown(caseId)).containsEntry("clock", "EXTENDED").containsEntry("daysLeft", 39);
            RunningDeadline period = deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow();
            assertThat(deadlines.extensions(period.id())).hasSize(2).last().satisfies(extension -> {
                assertThat(extension.amount()).isEqualTo(30);
                assertThat(extension.reason()).contains("负责人集体讨论决定", "继续延长办案期限30日");
            });
            assertThat(driver.task(instance, "Task_Investigate").getDueDate().toInstant())
                    .isEqualTo(period.dueAt());
            assertThat(actions(caseId)).contains("EXTENSION_REFERRED", "DISCUSSION_REQUESTED", "DEADLINE_EXTENDED");
            assertThat(documents.latest(caseId, DocumentType.COLLECTIVE_DISCUSSION)).isPresent();

            // the heads may refuse: the clock runs on as it was
            driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "REQUEST_EXTENSION",
                    EXTENSION_REASON, "复检机构尚未出具报告"));
            driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION, "DISCUSS",
                    PROPOSED_EXTENSION_DAYS, 15L));
            driver.holdDiscussion(instance, "EXTENSION_REFUSED", null);
            assertThat(due(instance, DECISION_PERIOD)).isEqualTo("2026-07-31");
            assertThat(deadlines.extensions(period.id())).hasSize(2);
            assertThat(record.entries(caseId)).filteredOn(entry -> entry.action().equals("EXTENSION_REFUSED"))
                    .singleElement().satisfies(entry -> assertThat(entry.summary()).contains("不同意继续延长办案期限"));
            assertThat(driver.task(instance, "Task_Investigate")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void theDecisionPeriodRemindsAndThenMarksTheCaseOverdue() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            driver.fire(instance, "BoundaryEvent_DecisionDueSoon");
            driver.fire(instance, "BoundaryEvent_DecisionOverdue");
            assertThat(actions(caseId)).contains("DEADLINE_REMINDED", "DEADLINE_OVERDUE");
            assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }
    }

    @Nested
    class NoticeAndDecision {

        @Test
        void aWrittenWaiverAllowsTheDecisionBeforeTheStatementPeriodHasRun() {
            ProcessInstance instance = notifiedCase();
            long caseId = driver.caseOf(instance);
            clockAt("2026-03-12T10:00");
            refused(() -> driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "WAIVER",
                    WAIVER_ATTACHMENT_ID, "999999")), "WAIVER_NOT_RECORDED");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "WAIVER",
                    WAIVER_ATTACHMENT_ID, driver.uploadEvidence(caseId, "当事人签字的放弃陈述申辩书")));
            driver.decidePenalty(instance, 3000);
            assertThat(driver.task(instance, "Task_DraftDecision")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void silenceIsRecordedOnlyOnceThePeriodHasRun() {
            ProcessInstance instance = notifiedCase();
            clockAt("2026-03-18T16:00");
            refused(() -> driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NONE")),
                    "STATEMENT_PERIOD_RUNNING");
            clockAt("2026-03-19T08:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NONE"));
            driver.decidePenalty(instance, 3000);
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aPenaltyHeavierThanTheOneNotifiedIsRefused() {
            ProcessInstance instance = notifiedCase();
            clockAt("2026-03-12T10:00");
            driver.statement(instance);
            clockAt("2026-03-19T09:00");
            refused(() -> driver.decidePenalty(instance, 5000), "PENALTY_HEAVIER_THAN_NOTIFIED");
            refused(() -> driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "PENALTY",
                    PENALTY_KIND, "LICENCE_REVOCATION", PENALTY_DESCRIPTION, "罚款3000元并吊销营业执照", FINE_AMOUNT, 3000,
                    DECISION_REASON, "情节严重")), "PENALTY_HEAVIER_THAN_NOTIFIED");
            driver.decidePenalty(instance, 2000);
            assertThat(driver.variable(instance, DECIDED_PENALTY_TEXT)).isEqualTo("罚款2000元");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aHearingIsRequestedOnlyWhereTheTableGrantsIt() {
            ProcessInstance instance = notifiedCase();
            clockAt("2026-03-12T10:00");
            refused(() -> driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "HEARING_REQUEST")),
                    "HEARING_NOT_GRANTED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void newFactsMeanANewNoticeAndANewPeriod() {
            ProcessInstance instance = notifiedCase();
            clockAt("2026-03-12T10:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NEW_NOTICE",
                    NEW_NOTICE_REASON, "发现当事人另有销售记录，拟加重处罚"));
            driver.reportFine(instance, 8000);
            assertThat(driver.variable(instance, NOTICE_ROUND)).isEqualTo(2);
            clockAt("2026-03-13T10:00");
            driver.serveDirectly(instance, "2026-03-13");
            assertThat(due(instance, STATEMENT_PERIOD)).isEqualTo("2026-03-20");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "WAIVER",
                    WAIVER_ATTACHMENT_ID, driver.uploadEvidence(driver.caseOf(instance), "放弃陈述申辩书")));
            driver.decidePenalty(instance, 8000);
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void noPenaltyIsDecidedWithoutANoticeAndServed() {
            ProcessInstance instance = filedCase();
            long caseId = driver.caseOf(instance);
            clockAt("2026-03-10T10:00");
            driver.concludeInvestigation(instance);
            driver.work(instance, "Task_ReportInvestigation", OFFICER, vars(PROPOSAL, "NO_PENALTY",
                    FACTS, "当事人销售的电线经检验合格", EVIDENCE, "检验报告", NO_PENALTY_REASON, "违法事实不能成立"));
            refused(() -> driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "PENALTY",
                    PENALTY_KIND, "WARNING", PENALTY_DESCRIPTION, "警告", DECISION_REASON, "x")), "NOTICE_REQUIRED");
            driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "NO_PENALTY",
                    DECISION_REASON, "违法事实不能成立（《行政处罚法》第五十七条第一款第三项）"));
            driver.work(instance, "Task_DraftDecision", OFFICER, vars(RECONSIDERATION_ORGAN, "某县人民政府",
                    COURT, "某县人民法院"));
            driver.runJobs(instance);
            clockAt("2026-03-11T10:00");
            driver.serveDirectly(instance, "2026-03-11");
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.SERVICE);
            assertThat(documents.documents(caseId)).extracting(StoredDocument::type)
                    .contains(DocumentType.NO_PENALTY_DECISION);
            // nothing to pay: case-execution goes straight to the head's approval of closing
            ProcessInstance execution = driver.called(instance, "case-execution");
            assertThat(runtimeService.getVariable(execution.getId(), "decisionOutcome")).isEqualTo("NO_PENALTY");
            assertThat(runtimeService.getVariable(execution.getId(), "fineAmountFen")).isEqualTo(0L);
            driver.closeAndArchive(instance);
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        }

        @Test
        void aTransferIsClosedThroughCaseExecutionAndAWithdrawnCaseEndsThere() {
            for (String decision : List.of("TRANSFER_JUDICIAL", "CLOSE_CASE")) {
                ProcessInstance instance = filedCase();
                long caseId = driver.caseOf(instance);
                clockAt("2026-03-10T10:00");
                driver.concludeInvestigation(instance);
                driver.work(instance, "Task_ReportInvestigation", OFFICER, vars(PROPOSAL, decision, FACTS, "货值金额50万元",
                        EVIDENCE, "账册", TRANSFER_AUTHORITY, "涉嫌生产、销售伪劣产品罪，移送某县公安局", CLOSING_REASON, "当事人死亡"));
                driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, decision, DECISION_REASON, "依法处理"));
                assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(
                        decision.equals("CLOSE_CASE") ? CaseStage.WITHDRAWN : CaseStage.TRANSFERRED);
                if (decision.equals("TRANSFER_JUDICIAL")) {
                    // no decision is served on the party: closing counts from the day of the transfer
                    ProcessInstance execution = driver.called(instance, "case-execution");
                    assertThat(runtimeService.getVariable(execution.getId(), "decisionOutcome")).isEqualTo("TRANSFER");
                    assertThat(runtimeService.getVariable(execution.getId(), "decisionReceivedAt")).isEqualTo("2026-03-10");
                    driver.closeAndArchive(instance);
                    assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
                }
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                        .isZero();
            }
        }
    }

    @Nested
    class LegalReview {

        /** A fine of 20,000 yuan for an individual: a hearing right and a mandatory legal review (default table). */
        ProcessInstance reviewedCase(String opinion) {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
            clockAt("2026-03-02T10:00");
            driver.file(instance);
            driver.declareNoRecusal(instance);
            clockAt("2026-03-10T10:00");
            driver.concludeInvestigation(instance);
            driver.reportFine(instance, 20000);
            assertThat(driver.variable(instance, HEARING_RIGHT)).isEqualTo(true);
            clockAt("2026-03-11T10:00");
            driver.serveDirectly(instance, "2026-03-11");
            clockAt("2026-03-19T09:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NONE"));
            assertThat(driver.variable(instance, LEGAL_REVIEW_REQUIRED)).isEqualTo(true);
            ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                    .processDefinitionKey("legal-review").singleResult();
            driver.work(review, "Task_ReviewIntake", "zhaomin", vars("intakeOutcome", "ACCEPT"));
            driver.work(review, "Task_ReviewOpinion", "zhaomin", opinion(opinion));
            driver.runJobs(instance);
            return instance;
        }

        static java.util.Map<String, Object> opinion(String outcome) {
            java.util.Map<String, Object> variables = new java.util.HashMap<>();
            for (cn.zhifa.review.ReviewPoint point : cn.zhifa.review.ReviewPoint.values()) {
                variables.put(point.variable(), "OK");
            }
            variables.put("reviewAction", "SUBMIT_OPINION");
            variables.put("opinionOutcome", outcome);
            variables.put("opinionText", "经审核，提出如下意见。");
            variables.put("transferAuthority", "属市级部门管辖，移送某市市场监督管理局。");
            return variables;
        }

        @Test
        void aComplexCaseIsDiscussedByTheHeadsAfterItsReviewAndTheirConclusionBindsTheDecision() {
            clockAt("2026-03-02T09:00");
            ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
            clockAt("2026-03-02T10:00");
            driver.file(instance);
            driver.declareNoRecusal(instance);
            clockAt("2026-03-10T10:00");
            driver.concludeInvestigation(instance);
            java.util.Map<String, Object> complex = PenaltyCaseDriver.report(3000);
            complex.put(COMPLEX, true);
            driver.work(instance, "Task_ReportInvestigation", OFFICER, complex);
            driver.runJobs(instance);
            clockAt("2026-03-11T10:00");
            driver.serveDirectly(instance, "2026-03-11");
            clockAt("2026-03-19T09:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NONE"));
            assertThat(driver.variable(instance, DISCUSSION_REQUIRED)).isEqualTo(true);
            assertThat(driver.variable(instance, LEGAL_REVIEW_REQUIRED)).as("discussed cases are reviewed first")
                    .isEqualTo(true);
            ProcessInstance review = driver.called(instance, "legal-review");
            driver.work(review, "Task_ReviewIntake", "zhaomin", vars("intakeOutcome", "ACCEPT"));
            driver.work(review, "Task_ReviewOpinion", "zhaomin", opinion("AGREE"));
            driver.runJobs(instance);
            assertThat(runtimeService.getVariable(driver.called(instance, "collective-discussion").getId(), "matter"))
                    .isEqualTo("PENALTY");
            driver.holdDiscussion(instance, "PENALTY_AS_PROPOSED", null);
            assertThat(driver.variable(instance, DISCUSSION_RESULT)).isEqualTo("PENALTY_AS_PROPOSED");
            refused(() -> driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "NO_PENALTY",
                    DECISION_REASON, "情节轻微")), "DISCUSSION_CONCLUSION_BINDS");
            driver.decidePenalty(instance, 3000);
            assertThat(driver.task(instance, "Task_DraftDecision")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aRequiredReviewIsCalledAndItsApprovalAllowsTheDecision() {
            ProcessInstance instance = reviewedCase("AGREE");
            assertThat(driver.variable(instance, REVIEW_RESULT)).isEqualTo("APPROVED");
            driver.decidePenalty(instance, 20000);
            assertThat(driver.task(instance, "Task_DraftDecision")).isNotNull();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }

        @Test
        void aTransferOpinionEndsInATransfer() {
            ProcessInstance instance = reviewedCase("TRANSFER");
            long caseId = driver.caseOf(instance);
            assertThat(driver.variable(instance, REVIEW_RESULT)).isEqualTo("TRANSFER");
            refused(() -> driver.decidePenalty(instance, 20000), "LEGAL_REVIEW_TRANSFER");
            driver.work(instance, "Task_DecideCase", HEAD, vars(CASE_DECISION, "TRANSFER_AGENCY",
                    DECISION_REASON, "按法制审核意见移送某市市场监督管理局"));
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.TRANSFERRED);
        }

        @Test
        void aDecisionThatSkippedTheRequiredReviewIsRefusedEvenIfAnAdministratorMovesTheCaseToIt() {
            ProcessInstance instance = notifiedCase(20000);
            clockAt("2026-03-19T09:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "NONE"));
            // Cockpit's process instance modification, past the review to the decision
            ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                    .processDefinitionKey("legal-review").singleResult();
            runtimeService.createProcessInstanceModification(instance.getId())
                    .cancelAllForActivity("CallActivity_LegalReview").startBeforeActivity("Task_DecideCase")
                    .execute();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review.getId()).count()).isZero();
            refused(() -> driver.decidePenalty(instance, 20000), "LEGAL_REVIEW_NOT_PASSED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }
    }

    @Nested
    class Hearing {

        @Autowired cn.zhifa.hearing.HearingDriver hearings;

        @Test
        void aRequestedHearingIsHeldWithTheClockPausedAndItsReportGoesToTheReviewAndTheDecision() {
            ProcessInstance instance = notifiedCase(20000);
            long caseId = driver.caseOf(instance);
            clockAt("2026-03-12T10:00");
            driver.work(instance, "Task_HearParty", OFFICER, vars(PARTY_RESPONSE, "HEARING_REQUEST"));
            ProcessInstance hearing = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                    .processDefinitionKey("hearing").singleResult();
            hearings.register(hearing, "2026-03-12");
            assertThat(deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.PAUSED);
            hearings.decide(hearing, "HOLD", null);
            hearings.designate(hearing, "2026-03-31T09:30");
            hearings.noticeServed(hearing);
            clockAt("2026-03-31T09:30");
            hearings.hold(hearing, cn.zhifa.hearing.HearingDriver.held());
            hearings.transcript(hearing, "SIGNED");
            hearings.report(hearing, cn.zhifa.hearing.HearingDriver.report());
            driver.runJobs(instance);

            assertThat(driver.variable(instance, HEARING_RESULT)).isEqualTo("HELD");
            assertThat(driver.variable(instance, HEARING_REPORT_DOCUMENT_ID)).isNotNull();
            assertThat(driver.variable(instance, HEARING_HELD)).isEqualTo(true);
            assertThat(deadlines.find(instance.getId(), DECISION_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.OPEN);
            assertThat(driver.variable(instance, LEGAL_REVIEW_REQUIRED)).isEqualTo(true);
            ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                    .processDefinitionKey("legal-review").singleResult();
            assertThat((String) runtimeService.getVariable(review.getId(), "hearingAssessment")).contains("HELD");
            driver.work(review, "Task_ReviewIntake", "sunli", vars("intakeOutcome", "ACCEPT"));
            driver.work(review, "Task_ReviewOpinion", "sunli", LegalReview.opinion("AGREE"));
            driver.runJobs(instance);
            driver.decidePenalty(instance, 20000);
            assertThat(actions(caseId)).contains("HEARING_ENDED");
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }
    }
}
