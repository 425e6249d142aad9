package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.clockAt;
import static cn.zhifa.review.LegalReviewDriver.opinion;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static cn.zhifa.review.LegalReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineExtension;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The review's timers after an extension (issue 8 part 12), under a controlled clock. Received Tue 2025-09-30, due
 * Sat 2025-10-11 (a 调休 working day), reminder Fri 10-10 09:00; +2 working days from the old due day: Mon 10-13,
 * Tue 10-14, reminder Mon 10-13 09:00 (catalogue LEGAL_REVIEW, seeds 003 L110: 3 + 2 working days).
 */
@ApplicationTest
class LegalReviewExtensionTest {

    private static final String PASSWORD = "test-secret";

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired DeadlineService deadlines;
    @Autowired LegalReviewDriver driver;
    @Autowired TestRestTemplate rest;

    long caseId;
    ProcessInstance instance;

    @BeforeEach
    void receivedOnTuesdayAndExtensionRequestedAtOnce() {
        BpmnAwareTests.init(engine);
        clockAt("2025-09-30T10:00:00");
        caseId = driver.registerCase();
        instance = driver.submit("zhangwei", submission(caseId));
        driver.accept(instance, "zhaomin");
        assertThat(timer("BoundaryEvent_ReviewDueSoon").getDuedate()).isEqualTo(at("2025-10-10T09:00:00"));
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2025-10-11T23:59:59"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    // the scenario of the issue: both timers fired while the request waited; the head approves on Monday 10-13
    @Test
    void shouldRearmReminderAndEscalationForTheNewPeriodWhenTheHeadApprovesAfterBothFired() {
        requestExtension("2025-09-30T10:05:00");
        clockAt("2025-10-10T09:00:01");
        driver.runDueJobs(instance);
        clockAt("2025-10-12T00:00:01");
        driver.runDueJobs(instance);
        assertThat(timers()).isEmpty();
        assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
        assertThat(instance).isWaitingAt("Task_ApproveReviewExtension", "Task_AcknowledgeReviewOverdue");

        approve("2025-10-13T10:00:00");

        Task review = driver.task(instance, "Task_ReviewOpinion");
        assertThat(review.getAssignee()).isEqualTo("zhaomin");
        assertThat(review.getDueDate()).isEqualTo(at("2025-10-14T23:59:59"));
        assertThat(review.getFollowUpDate()).isEqualTo(at("2025-10-13T09:00:00"));
        assertThat(timer("BoundaryEvent_ReviewDueSoon").getDuedate()).isEqualTo(at("2025-10-13T09:00:00"));
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2025-10-14T23:59:59"));
        assertThat(timers()).hasSize(2);
        assertThat(cases.find(caseId).orElseThrow().overdue()).isFalse();
        // the head still supervises the overdue that happened; the approval is on record as late
        assertThat(driver.task(instance, "Task_AcknowledgeReviewOverdue")).isNotNull();
        assertThat(lastEntry("REVIEW_EXTENDED").summary())
                .isEqualTo("机关负责人批准延长法制审核期限至2025-10-14（批准时原审核期限已届满，逾期批准）");
        assertThat(extension().late()).isTrue();
        assertThat(extension().requestedAt()).isEqualTo(at("2025-09-30T10:05:00").toInstant());

        // the re-armed reminder is already due (09:00 on the day of approval) and fires for the new date
        driver.runDueJobs(instance);
        assertThat(lastEntry("REVIEW_REMINDED").summary()).contains("2025-10-14");
        assertThat(timers()).extracting(Job::getDuedate).containsExactly(at("2025-10-14T23:59:59"));

        // and when the new period runs out too, the escalation fires again
        clockAt("2025-10-15T00:00:01");
        driver.runDueJobs(instance);
        assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AcknowledgeReviewOverdue").count()).isEqualTo(2);
    }

    @Test
    void shouldRearmTheReminderWhenOnlyTheReminderHadFired() {
        requestExtension("2025-09-30T10:05:00");
        clockAt("2025-10-10T09:00:01");
        driver.runDueJobs(instance);
        assertThat(timer("BoundaryEvent_ReviewDueSoon")).isNull();
        assertThat(timers()).singleElement().isEqualTo(timer("BoundaryEvent_ReviewOverdue"));

        approve("2025-10-11T15:00:00");

        assertThat(driver.task(instance, "Task_ReviewOpinion").getDueDate()).isEqualTo(at("2025-10-14T23:59:59"));
        assertThat(timer("BoundaryEvent_ReviewDueSoon").getDuedate()).isEqualTo(at("2025-10-13T09:00:00"));
        assertThat(timer("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2025-10-14T23:59:59"));
        assertThat(cases.find(caseId).orElseThrow().overdue()).isFalse();
        assertThat(extension().late()).isFalse();
        assertThat(lastEntry("REVIEW_EXTENDED").summary()).isEqualTo("机关负责人批准延长法制审核期限至2025-10-14");

        // nothing fires at the old due time any more
        clockAt("2025-10-12T00:00:01");
        driver.runDueJobs(instance);
        assertThat(instance).isWaitingAt("Task_ReviewOpinion");
        assertThat(cases.find(caseId).orElseThrow().overdue()).isFalse();
    }

    @Test
    void shouldKeepOneReminderAndOneEscalationWhenNothingHadFired() {
        requestExtension("2025-09-30T10:05:00");

        approve("2025-10-09T16:00:00");

        assertThat(timers()).extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(at("2025-10-13T09:00:00"), at("2025-10-14T23:59:59"));
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));
        assertThat(instance).isEnded();
        RunningDeadline done = deadlines.find(instance.getId(), DEADLINE_ENTRY).orElseThrow();
        assertThat(done.status()).isEqualTo(RunningDeadline.Status.DONE);
        assertThat(done.dueAt()).isEqualTo(at("2025-10-14T23:59:59").toInstant());
    }

    // an extension prolongs a running period: asked for after it ran out, it would erase an overdue that happened
    @Test
    void shouldRefuseARequestAfterThePeriodRanOutAndLeaveTheTaskAsItWas() {
        clockAt("2025-10-12T09:00:00");
        Task review = driver.task(instance, "Task_ReviewOpinion");

        assertThatThrownBy(() -> driver.complete(review, "zhaomin",
                Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂。")))
                .hasMessageContaining("法制审核期限已于2025-10-11届满，届满后不能再申请延长");

        assertThat(driver.task(instance, "Task_ReviewOpinion").getId()).isEqualTo(review.getId());
        assertThat(driver.task(instance, "Task_ApproveReviewExtension")).isNull();
        assertThat(taskService.getVariable(review.getId(), EXTENSION_REQUESTED_BY)).isNull();
        RecordEntry refusal = lastEntry("REFUSAL");
        assertThat(refusal.summary()).startsWith("申请延长审核期限：");
        assertThat(refusal.data()).contains("DEADLINE_ALREADY_EXPIRED");
    }

    // refusal bodies name a stable problem type, never a Java class
    @Test
    void shouldAnswerALateRequestOverRestWithAStableProblemType() {
        clockAt("2025-10-12T09:00:00");
        String taskId = driver.task(instance, "Task_ReviewOpinion").getId();
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_ACTION, Map.of("value", "REQUEST_EXTENSION", "type", "String"));
        variables.put(EXTENSION_REASON, Map.of("value", "案情复杂。", "type", "String"));

        ResponseEntity<String> refused = rest.withBasicAuth("zhaomin", PASSWORD).postForEntity(
                "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("\"type\":\"about:blank\"",
                "\"code\":\"DEADLINE_ALREADY_EXPIRED\"", "届满后不能再申请延长").doesNotContain("Exception");
        assertThat(driver.task(instance, "Task_ReviewOpinion").getId()).isEqualTo(taskId);
    }

    @Test
    void shouldReportAMissingSupplementDateAsMissingAndAnImpossibleOneAsInvalid() {
        ProcessInstance second = driver.submit("zhangwei", submission(driver.registerCase()));
        Task intake = driver.task(second, "Task_ReviewIntake");
        driver.claim(intake, "sunli");
        Map<String, Object> supplement = new HashMap<>(Map.of(INTAKE_OUTCOME, "SUPPLEMENT", SUPPLEMENT_ITEMS, "补充检验报告"));

        assertThatThrownBy(() -> driver.complete(intake, "sunli", supplement)).hasMessageContaining("请填写补正期限")
                .hasMessageNotContaining("格式");
        supplement.put(SUPPLEMENT_DUE_DATE, "2025-02-30");
        assertThatThrownBy(() -> driver.complete(intake, "sunli", supplement))
                .hasMessageContaining("补正期限格式不正确");
        supplement.put(SUPPLEMENT_DUE_DATE, "2025-10-09");
        driver.complete(intake, "sunli", supplement);
        assertThat(driver.task(second, "Task_SupplementMaterials").getDueDate()).isEqualTo(at("2025-10-09T23:59:59"));
    }

    @Test
    void shouldMoveTheCaseToTheNoticeAfterAnApprovingReview() {
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.NOTIFICATION);
    }

    private void requestExtension(String at) {
        clockAt(at);
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂，涉及多个法律关系。"));
        assertThat(instance).isWaitingAt("Task_ApproveReviewExtension");
    }

    private void approve(String at) {
        clockAt(at);
        driver.work(instance, "Task_ApproveReviewExtension", "chengang", Map.of(EXTENSION_DECISION, "APPROVE"));
        driver.runContinuations(instance);
    }

    private DeadlineExtension extension() {
        RunningDeadline deadline = deadlines.find(instance.getId(), DEADLINE_ENTRY).orElseThrow();
        return deadlines.extensions(deadline.id()).get(0);
    }

    private Job timer(String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
    }

    private List<Job> timers() {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private RecordEntry lastEntry(String action) {
        List<RecordEntry> entries = caseRecord.entries(caseId).stream().filter(e -> e.action().equals(action))
                .toList();
        assertThat(entries).as(action).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    private static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(LegalReviewDriver.ZONE).toInstant());
    }
}
