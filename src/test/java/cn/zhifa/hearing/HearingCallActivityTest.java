package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingDriver.clockAt;
import static cn.zhifa.hearing.HearingDriver.vars;
import static cn.zhifa.hearing.HearingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * hearing as a called process: the caller hands over the date the 告知书 was served and the hearing right its DMN
 * found, branches on hearingResult, and its DECISION clock stands still from the request to the end of the hearing.
 * The case is filed on Tuesday 1 September 2026: 90 days run to Monday 30 November; the request on 23 September
 * leaves 68 days, which run again from 15 October, the day the hearing ends, to Tuesday 22 December.
 */
@ApplicationTest
class HearingCallActivityTest {

    static final String CALLER = "hearing-caller";

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired DeadlineService deadlines;
    @Autowired DocumentService documents;
    @Autowired HearingDriver driver;

    @BeforeEach
    void deployCaller() {
        BpmnAwareTests.init(engine);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(CALLER).count() == 0) {
            repositoryService.createDeployment().addClasspathResource("bpmn/hearing-caller.bpmn").deploy();
        }
    }

    @AfterEach
    void tearDown() {
        driver.tearDown();
    }

    /** The caller, started by trusted code for the case, and the hearing it called. */
    private ProcessInstance[] called(long caseId, Boolean hearingRight) {
        ProcessInstance caller = runtimeService.startProcessInstanceByKey(CALLER, String.valueOf(caseId),
                vars("caseId", caseId, "caseFiledAt", "2026-09-01", NOTICE_SERVED_AT, "2026-09-21",
                        HEARING_RIGHT, hearingRight, HEARING_RIGHT_REASON, "拟对法人罚款20万元（听证办法第五条）"));
        ProcessInstance hearing = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
        assertThat(hearing.getBusinessKey()).isEqualTo(caller.getBusinessKey()).doesNotMatch("\\d+");
        return new ProcessInstance[] {caller, hearing};
    }

    private RunningDeadline decisionClock(ProcessInstance caller) {
        return deadlines.find(caller.getId(), "DECISION").orElseThrow();
    }

    private static Instant endOf(String day) {
        return LocalDateTime.parse(day + "T23:59:59").atZone(EngineClock.ZONE).toInstant();
    }

    @Test
    void shouldReturnTheReportAndTheTranscriptAndResumeTheCallersClockWithTheDaysLeft() {
        clockAt("2026-09-21T10:00");
        long caseId = driver.filedCase();
        ProcessInstance[] instances = called(caseId, true);
        assertThat(decisionClock(instances[0]).dueAt()).isEqualTo(endOf("2026-11-30"));

        clockAt("2026-09-23T10:00");
        driver.register(instances[1], "2026-09-23");
        assertThat(decisionClock(instances[0]).status()).isEqualTo(RunningDeadline.Status.PAUSED);
        driver.decide(instances[1], "HOLD", null);
        driver.designate(instances[1], "2026-10-15T09:30");
        driver.noticeServed(instances[1]);
        clockAt("2026-10-15T09:30");
        driver.hold(instances[1], HearingDriver.held());
        driver.transcript(instances[1], "SIGNED");
        assertThat(decisionClock(instances[0]).status()).isEqualTo(RunningDeadline.Status.PAUSED);
        driver.report(instances[1], HearingDriver.report());

        assertThat(instances[1]).isEnded();
        assertThat(instances[0]).isWaitingAt("Task_DecideAfterHearing").variables()
                .containsEntry(HEARING_RESULT, "HELD")
                .containsEntry(HEARING_REPORT_DOCUMENT_ID,
                        documents.latest(caseId, DocumentType.HEARING_REPORT).orElseThrow().id())
                .containsEntry(HEARING_TRANSCRIPT_DOCUMENT_ID,
                        documents.latest(caseId, DocumentType.HEARING_TRANSCRIPT).orElseThrow().id());
        RunningDeadline resumed = decisionClock(instances[0]);
        assertThat(resumed.status()).isEqualTo(RunningDeadline.Status.OPEN);
        assertThat(resumed.dueAt()).isEqualTo(endOf("2026-12-22"));
    }

    @Test
    void shouldRefuseToHoldAHearingOutsideTheRightAndReturnRefused() {
        clockAt("2026-09-23T10:00");
        long caseId = driver.filedCase();
        ProcessInstance[] instances = called(caseId, false);
        driver.register(instances[1], "2026-09-23");
        assertThatThrownBy(() -> driver.decide(instances[1], "HOLD", null)).satisfies(thrown ->
                assertThat(HearingProcessTest.refusal(thrown)).hasFieldOrPropertyWithValue("code", "OUTSIDE_HEARING_RIGHT"));
        driver.decide(instances[1], "REFUSE", "拟作出的行政处罚不属于听证范围");
        driver.runJobs(instances[1]);
        driver.serveDirectly(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instances[1].getId())
                .singleResult(), caseId);

        assertThat(instances[0]).isWaitingAt("Task_DecideWithoutHearing").variables()
                .containsEntry(HEARING_RESULT, "REFUSED");
        assertThat(decisionClock(instances[0]).status()).isEqualTo(RunningDeadline.Status.OPEN);
    }

    @Test
    void shouldRefuseToDenyAHearingThePartyIsEntitledToAndReturnAbsent() {
        clockAt("2026-09-23T10:00");
        long caseId = driver.filedCase();
        ProcessInstance[] instances = called(caseId, true);
        driver.register(instances[1], "2026-09-23");
        assertThatThrownBy(() -> driver.decide(instances[1], "REFUSE", "不同意")).satisfies(thrown ->
                assertThat(HearingProcessTest.refusal(thrown)).hasFieldOrPropertyWithValue("code", "HEARING_RIGHT_DENIED"));
        driver.decide(instances[1], "HOLD", null);
        driver.designate(instances[1], "2026-10-15T09:30");
        driver.noticeServed(instances[1]);
        clockAt("2026-10-15T10:00");
        driver.hold(instances[1], vars(HEARING_ACTION, "ABSENT", ACTION_NOTE, "经合法通知无正当理由未到场"));

        assertThat(instances[0]).isWaitingAt("Task_DecideWithoutHearing").variables()
                .containsEntry(HEARING_RESULT, "ABSENT").containsEntry(HEARING_REPORT_DOCUMENT_ID, null);
        assertThat(decisionClock(instances[0]).dueAt()).isEqualTo(endOf("2026-12-22"));
    }
}
