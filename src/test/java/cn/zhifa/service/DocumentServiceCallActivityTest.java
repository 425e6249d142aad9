package cn.zhifa.service;

import static cn.zhifa.service.DocumentServiceDriver.at;
import static cn.zhifa.service.DocumentServiceDriver.clockAt;
import static cn.zhifa.service.DocumentServiceDriver.day;
import static cn.zhifa.service.DocumentServiceDriver.vars;
import static cn.zhifa.service.ServiceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentType;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * document-service as a called process: the caller receives serviceDate and serviceMethod and counts the party's
 * period from the date of service (R1: from the next day); its own named clock stands still during announcement
 * service (市场监督管理行政处罚程序规定 第六十四条第二款).
 */
@ApplicationTest
class DocumentServiceCallActivityTest {

    static final String CALLER = "document-service-caller";

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired DeadlineService deadlines;
    @Autowired DocumentServiceDriver driver;

    @BeforeEach
    void deployCaller() {
        BpmnAwareTests.init(engine);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(CALLER).count() == 0) {
            repositoryService.createDeployment().addClasspathResource("bpmn/document-service-caller.bpmn").deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The caller, started by trusted code for a case filed on the given day, serving the given document. */
    private ProcessInstance caller(long caseId, long documentId, String filedOn, Date decidedAt) {
        Map<String, Object> variables = vars("caseId", caseId, "noticeDocumentId", documentId,
                "caseFiledAt", day(filedOn));
        if (decidedAt != null) {
            variables.put(DECIDED_AT, decidedAt);
        }
        return runtimeService.startProcessInstanceByKey(CALLER, String.valueOf(caseId), variables);
    }

    private ProcessInstance serviceOf(ProcessInstance caller) {
        ProcessInstance service = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
        assertThat(service.getBusinessKey()).isEqualTo(caller.getBusinessKey());
        return service;
    }

    private Job decisionTimer(ProcessInstance caller) {
        return managementService.createJobQuery().processInstanceId(caller.getId())
                .activityId("BoundaryEvent_DecisionOverdue").singleResult();
    }

    // 陈述申辩 5 working days for the party (SAMR Art. 57), from a notice received by post on Sat 3 Oct 2026 (国庆):
    // Thu 8, Fri 9, (Sat 10 调休 skipped for the party), Mon 12, Tue 13, Wed 14 Oct
    @Test
    void shouldCountTheCallersPeriodFromTheDateOfService() {
        clockAt("2026-09-28T10:00:00");
        long caseId = driver.registerCase();
        long notice = driver.makeDocument(caseId, DocumentType.PENALTY_NOTICE);
        ProcessInstance caller = caller(caseId, notice, "2026-09-01", null);
        ProcessInstance service = serviceOf(caller);

        driver.choose(service, "zhangwei", vars(SERVICE_METHOD_CHOICE, "POST", SERVICE_ADDRESS, "某县某路1号",
                DIRECT_DIFFICULTY, "当事人长期在外务工"));
        clockAt("2026-10-09T10:00:00");
        driver.work(service, "Task_ServeByPost", "zhangwei", vars(TRACKING_NUMBER, "EMS1234567890",
                POSTED_ON, "2026-09-29", POST_OUTCOME, "RECEIVED", RECEIVED_ON, "2026-10-03",
                RETURN_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "邮件回执")));

        assertThat(caller).isWaitingAt("Task_AwaitStatement").variables()
                .containsEntry("noticeServedAt", day("2026-10-03")).containsEntry("noticeServiceMethod", "POST");
        assertThat(taskService.createTaskQuery().processInstanceId(caller.getId()).singleResult().getDueDate())
                .isEqualTo(at("2026-10-14T23:59:59"));
        assertThat(managementService.createJobQuery().processInstanceId(caller.getId())
                .activityId("BoundaryEvent_StatementPeriodOver").singleResult().getDuedate())
                .isEqualTo(at("2026-10-14T23:59:59"));
    }

    // case filed Mon 3 Nov 2025: 90 days → Mon 2 Feb 2026. Announced Tue 2 Dec 2025 with 61 days left; served Sun
    // 4 Jan 2026; the clock runs again from then: 4 Jan + 61 days = Fri 6 Mar 2026
    @Test
    void shouldStopTheCallersNamedClockDuringAnnouncementAndStartThePartysPeriodWhenItEnds() {
        clockAt("2025-11-03T10:00:00");
        long caseId = driver.registerCase();
        long notice = driver.makeDocument(caseId, DocumentType.PENALTY_NOTICE);
        ProcessInstance caller = caller(caseId, notice, "2025-11-03", null);
        ProcessInstance service = serviceOf(caller);
        assertThat(decisionTimer(caller).getDuedate()).isEqualTo(at("2026-02-02T23:59:59"));

        clockAt("2025-12-01T10:00:00");
        driver.choose(service, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
        driver.work(service, "Task_ServeDirectly", "zhangwei",
                vars(DIRECT_OUTCOME, "FAILED", FAILURE_REASON, "人去楼空", ATTEMPTED_ON, "2025-12-01"));
        driver.choose(service, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT",
                ANNOUNCEMENT_REASON, "直接送达未成功，当事人不知去向"));
        clockAt("2025-12-02T15:00:00");
        driver.work(service, "Task_PublishAnnouncement", "zhangwei", vars(POSTED_ON_BOARD, true,
                ANNOUNCEMENT_PLACE, "本局公告栏", PUBLISHED_ON, "2025-12-02",
                ANNOUNCEMENT_ATTACHMENT_ID, driver.upload(caseId, "公告文本"),
                POSTING_RECORDING_ATTACHMENT_ID, driver.uploadPhoto(caseId, "公告张贴过程"), DOMICILE_IN_CHINA, "YES"));

        assertThat(deadlines.find(caller.getId(), "DECISION").orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.PAUSED);
        assertThat(decisionTimer(caller).isSuspended()).isTrue();

        clockAt("2026-01-04T23:59:59");
        driver.fire(service, "IntermediateEvent_AnnouncementPeriodDomestic");

        assertThat(deadlines.find(caller.getId(), "DECISION").orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.OPEN);
        assertThat(decisionTimer(caller).isSuspended()).isFalse();
        assertThat(decisionTimer(caller).getDuedate()).isEqualTo(at("2026-03-06T23:59:59"));
        assertThat(caller).isWaitingAt("Task_AwaitStatement").variables()
                .containsEntry("noticeServedAt", day("2026-01-04")).containsEntry("noticeServiceMethod", "ANNOUNCEMENT")
                .containsEntry(ANNOUNCEMENT_PUBLISHED_ON, day("2025-12-02"))
                .containsEntry(ANNOUNCEMENT_SERVED_ON, day("2026-01-04"));
        // 5 working days from Sun 4 Jan 2026: Mon 5 … Fri 9 Jan
        assertThat(taskService.createTaskQuery().processInstanceId(caller.getId()).singleResult().getDueDate())
                .isEqualTo(at("2026-01-09T23:59:59"));
    }

    // the caller's decision time starts the agency's period: Thu 12 Feb 2026 + 7 working days = Sat 28 Feb (调休)
    @Test
    void shouldCountTheAgencysPeriodFromTheCallersDecisionTime() {
        clockAt("2026-02-13T10:00:00");
        long caseId = driver.registerCase();
        long decision = driver.makeDocument(caseId, DocumentType.PENALTY_DECISION);
        ProcessInstance caller = caller(caseId, decision, "2026-01-05", at("2026-02-12T16:00:00"));
        ProcessInstance service = serviceOf(caller);

        assertThat(driver.task(service, "Task_ChooseServiceMethod").getDueDate()).isEqualTo(at("2026-02-28T23:59:59"));
        assertThat(runtimeService.getVariable(service.getId(), SERVICE_DOCUMENT_ID)).isEqualTo(decision);
    }
}
