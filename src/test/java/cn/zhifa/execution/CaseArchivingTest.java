package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static cn.zhifa.execution.ExecutionDriver.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseArchivedException;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 立卷归档 of case-execution.bpmn and the read-only archived case, over the Java API as the people act in Tasklist.
 * The no-penalty decision is closed on Tuesday 1 September 2026: the 30 calendar days of ARCHIVING end on
 * 1 October, National Day, so the case file is due on Thursday 8 October.
 */
@ApplicationTest
class CaseArchivingTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ExecutionDriver driver;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt("2026-09-01T10:00");
        caseId = driver.filedCase();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown(caseId);
    }

    ProcessInstance closedNoPenaltyCase(boolean withEvidence) {
        driver.noPenaltyCaseFile(caseId, withEvidence);
        ProcessInstance instance = driver.start(decision(caseId, "NO_PENALTY", "2026-08-31", null));
        driver.approveClosing(instance);
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        return instance;
    }

    RecordEntry lastOf(String action) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b)
                .orElseThrow();
    }

    /**
     * The attack: case-execution started (as over /engine-rest) with an outcome that denies the case's own decision.
     * The checklist follows the 不予行政处罚决定书 in the case file, so the missing evidence still blocks archiving.
     */
    @Test
    void anOutcomeThatDeniesTheCasesOwnDecisionDoesNotMakeTheCaseFileAskForLess() {
        driver.noPenaltyCaseFile(caseId, false);
        ProcessInstance instance = driver.start(decision(caseId, "TRANSFER", "2026-08-31", null));
        driver.approveClosing(instance);
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        assertThat(refusal(() -> driver.archive(instance)))
                .hasFieldOrPropertyWithValue("code", "CASE_FILE_INCOMPLETE");
        assertThat(cases.find(caseId).orElseThrow().stage()).isNotEqualTo(CaseStage.ARCHIVED);
    }

    @Test
    void aMissingDocumentBlocksArchivingAndNamesItselfThenTheFileIsArchivedWithItsIndex() {
        ProcessInstance instance = closedNoPenaltyCase(false);
        var task = driver.task(instance, "Task_ArchiveCase");
        assertThat(WorkingDayCalendar.dayOf(task.getDueDate().toInstant())).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat((String) runtimeService.getVariable(instance.getId(), "caseFileText"))
                .contains("正卷", "立案审批表", "不予行政处罚决定书", "送达回证", "副卷", "结案审批表", "缺少：调查取得的证据材料");

        assertThat(refusal(() -> driver.archive(instance)))
                .hasFieldOrPropertyWithValue("code", "CASE_FILE_INCOMPLETE")
                .hasMessage("案卷材料不全，不能归档，缺少：调查取得的证据材料");
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        assertThat(lastOf("REFUSAL").summary()).contains("调查取得的证据材料");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);

        driver.uploadEvidence(caseId);
        driver.archive(instance);
        assertThat(instance).isEnded();
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
        RecordEntry archived = lastOf("CASE_ARCHIVED");
        assertThat(archived.data()).contains("\"volume\":\"正卷\"", "\"volume\":\"副卷\"", "立案审批表", "证据材料",
                "结案审批表", "sha256");
        // in the order of SAMR 第七十八条: 立案审批表, decision, evidence (正卷), then 结案审批表 (副卷)
        assertThat(archived.data()).containsSubsequence("立案审批表", "不予行政处罚决定书", "送达回证", "证据材料",
                "结案审批表");
    }

    @Test
    void aConfirmationIsRequiredAndOnlyTheHandlingUnitArchives() {
        ProcessInstance instance = closedNoPenaltyCase(true);
        assertThat(refusal(() -> driver.work(instance, "Task_ArchiveCase", OFFICER, Map.of("archiveConfirmed", false))))
                .hasFieldOrPropertyWithValue("code", "FIELD_REQUIRED");
        // a head is no candidate of the handling unit's task
        assertThatThrownBy(() -> driver.work(instance, "Task_ArchiveCase", HEAD, Map.of("archiveConfirmed", true)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(instance).isWaitingAt("Task_ArchiveCase");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);
    }

    @Test
    void everyChangeToAnArchivedCaseIsRefusedAndRecorded() {
        ProcessInstance instance = closedNoPenaltyCase(true);
        driver.archive(instance);
        long refusalsBefore = caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL")).count();

        assertArchivedRefusal(() -> driver.generate(caseId, DocumentType.CASE_CLOSING_APPROVAL), "生成《结案审批表》");
        assertArchivedRefusal(() -> driver.uploadEvidence(caseId), "上传证据材料或音像记录");
        assertArchivedRefusal(() -> cases.moveTo(caseId, CaseStage.CLOSED, OFFICER), "变更办理阶段");
        assertArchivedRefusal(() -> cases.addOfficer(caseId, "lina", OfficerRole.HANDLER), "变更办案人员");
        assertArchivedRefusal(() -> cases.markOverdue(caseId, true), "变更案件标记");
        assertArchivedRefusal(() -> driver.start(decision(caseId, "NO_PENALTY", "2026-08-31", null)),
                "启动「执行、结案与归档」");

        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
        assertThat(caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL")).count())
                .isEqualTo(refusalsBefore + 6);
        assertThat(lastOf("REFUSAL").summary()).startsWith("案件已归档，不能再启动");
        assertThat(runtimeService.createProcessInstanceQuery()
                .variableValueEquals(EngineVariables.CASE_ID, caseId).count()).isZero();
    }

    @Test
    void aRunningProcessOfAnArchivedCaseTakesNoMoreClientWrites() {
        ProcessInstance instance = driver.start(decision(caseId, "PENALTY", "2026-08-31", "100.00"));
        // archived while the execution still runs (a proceeding not ended with it)
        cases.moveTo(caseId, CaseStage.ARCHIVED, HEAD);
        assertArchivedRefusal(() -> driver.pay(instance, "BANK-0900", "100.00", "2026-09-01"), "修改流程变量");
        assertThat(instance).isWaitingAt("Task_RecordPayment");
    }

    static ZhifaException refusal(Runnable action) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action::run);
        assertThat(ZhifaException.findIn(thrown)).as("%s", thrown).isNotNull();
        return ZhifaException.findIn(thrown);
    }

    void assertArchivedRefusal(Runnable change, String what) {
        assertThatThrownBy(change::run).satisfies(thrown -> {
            ZhifaException refusal = ZhifaException.findIn(thrown);
            assertThat(refusal).isInstanceOf(CaseArchivedException.class);
            assertThat(refusal.code()).isEqualTo("CASE_ARCHIVED");
            assertThat(refusal.status().value()).isEqualTo(409);
            assertThat(refusal.getMessage()).startsWith("案件已归档，不能再" + what);
        });
    }
}
