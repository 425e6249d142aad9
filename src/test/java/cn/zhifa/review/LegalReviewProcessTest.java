package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.clockAt;
import static cn.zhifa.review.LegalReviewDriver.opinion;
import static cn.zhifa.review.LegalReviewDriver.resubmission;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static cn.zhifa.review.LegalReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of legal-review.bpmn, every refusal, and its timers under a controlled clock. */
@ApplicationTest
class LegalReviewProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired DocumentService documents;
    @Autowired LegalReviewDriver driver;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt("2026-09-30T10:00:00");
        caseId = driver.registerCase();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    private ProcessInstance submitted() {
        return driver.submit("zhangwei", submission(caseId));
    }

    private String resultOf(ProcessInstance instance) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(REVIEW_RESULT).singleResult().getValue();
    }

    private List<String> recordedActions() {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    private static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(LegalReviewDriver.ZONE).toInstant());
    }

    @Nested
    class Paths {

        @Test
        void shouldApproveWhenTheOpinionAgrees() {
            ProcessInstance instance = submitted();
            assertThat(instance).isWaitingAt("Task_ReviewIntake");
            assertThat(instance.getBusinessKey()).isEqualTo(cases.find(caseId).orElseThrow().reference());
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.LEGAL_REVIEW);

            driver.accept(instance, "zhaomin");
            Task review = driver.task(instance, "Task_ReviewOpinion");
            assertThat(review.getAssignee()).isEqualTo("zhaomin");
            driver.complete(review, "zhaomin", opinion("AGREE"));

            assertThat(instance).isEnded();
            assertThat(resultOf(instance)).isEqualTo("APPROVED");
            assertThat(documents.latest(caseId, DocumentType.LEGAL_REVIEW_OPINION)).isPresent();
            assertThat(recordedActions()).contains("REVIEW_SUBMITTED", "REVIEW_ACCEPTED", "REVIEW_OPINION",
                    "REVIEW_CLOSED");
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        @Test
        void shouldEndInTransferWhenBeyondTheAgencysPower() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("TRANSFER"));

            assertThat(instance).isEnded().hasPassed("EndEvent_Transferred");
            assertThat(resultOf(instance)).isEqualTo("TRANSFER");
        }

        @Test
        void shouldStartANewClockWhenTheUnitRevisesAndResubmits() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            Date firstDue = driver.task(instance, "Task_ReviewOpinion").getDueDate();
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("PROBLEM"));
            assertThat(instance).isWaitingAt("Task_RespondToFindings");

            driver.work(instance, "Task_RespondToFindings", "zhangwei", Map.of(FINDINGS_RESPONSE, "REVISE"));
            Map<String, Object> revised = resubmission(caseId);
            revised.put(DISCRETION, "改为适用裁量基准第二档。");
            revised.put(RESUBMIT_ACTION, "RESUBMIT");
            clockAt("2026-10-12T09:30:00");
            driver.work(instance, "Task_ReviseSubmission", "zhangwei", revised);
            assertThat(instance).isWaitingAt("Task_ReviewIntake");
            assertThat(runtimeService.getVariable(instance.getId(), SUBMISSION_ROUND)).isEqualTo(2);

            driver.accept(instance, "zhaomin");
            Date secondDue = driver.task(instance, "Task_ReviewOpinion").getDueDate();
            assertThat(firstDue).isEqualTo(at("2026-10-10T23:59:59"));
            assertThat(secondDue).isEqualTo(at("2026-10-15T23:59:59"));
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));
            assertThat(resultOf(instance)).isEqualTo("APPROVED");
        }

        @Test
        void shouldResubmitWhenTheHeadFollowsTheReviewOpinion() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("PROBLEM"));
            driver.work(instance, "Task_RespondToFindings", "zhangwei",
                    Map.of(FINDINGS_RESPONSE, "DISAGREE", DISAGREEMENT_REASONS, "裁量档次适用正确，理由如下……"));
            assertThat(instance).isWaitingAt("Task_CoordinateDispute");

            driver.work(instance, "Task_CoordinateDispute", "chengang",
                    Map.of(COORDINATION_OUTCOME, "FOLLOW_REVIEW", COORDINATION_REASONS, "采纳法制审核意见。"));
            assertThat(instance).isWaitingAt("Task_ReviseSubmission");
            Map<String, Object> revised = resubmission(caseId);
            revised.put(RESUBMIT_ACTION, "RESUBMIT");
            driver.work(instance, "Task_ReviseSubmission", "lina", revised);
            driver.accept(instance, "sunli");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "sunli", opinion("AGREE"));
            assertThat(resultOf(instance)).isEqualTo("APPROVED");
        }

        @Test
        void shouldApproveAfterCoordinationWhenTheHeadKeepsTheUnitsView() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("PROBLEM"));
            driver.work(instance, "Task_RespondToFindings", "zhangwei",
                    Map.of(FINDINGS_RESPONSE, "DISAGREE", DISAGREEMENT_REASONS, "裁量档次适用正确。"));
            driver.work(instance, "Task_CoordinateDispute", "zhoujie",
                    Map.of(COORDINATION_OUTCOME, "KEEP_UNIT_VIEW", COORDINATION_REASONS, "情节严重，维持原拟处理意见。"));

            assertThat(instance).isEnded().hasPassed("EndEvent_ApprovedAfterCoordination");
            assertThat(resultOf(instance)).isEqualTo("APPROVED_AFTER_COORDINATION");
        }

        @Test
        void shouldWithdrawAfterAReturn() {
            ProcessInstance instance = submitted();
            driver.work(instance, "Task_ReviewIntake", "zhaomin",
                    Map.of(INTAKE_OUTCOME, "RETURN", RETURN_REASONS, "不属于重大执法决定法制审核目录范围。"));
            assertThat(instance).isWaitingAt("Task_ReviseSubmission");
            driver.work(instance, "Task_ReviseSubmission", "zhangwei",
                    Map.of(RESUBMIT_ACTION, "WITHDRAW", WITHDRAW_REASON, "按一般程序办理，无需法制审核。"));

            assertThat(instance).isEnded();
            assertThat(resultOf(instance)).isEqualTo("WITHDRAWN");
        }

        @Test
        void shouldRepeatTheIntakeAfterSupplements() {
            ProcessInstance instance = submitted();
            driver.work(instance, "Task_ReviewIntake", "zhaomin", Map.of(INTAKE_OUTCOME, "SUPPLEMENT",
                    SUPPLEMENT_ITEMS, "补充检验报告原件", SUPPLEMENT_DUE_DATE, "2026-10-09"));
            Task supplement = driver.task(instance, "Task_SupplementMaterials");
            assertThat(supplement).isNotNull();
            assertThat(supplement.getDueDate()).isEqualTo(at("2026-10-09T23:59:59"));

            Map<String, Object> supplemented = resubmission(caseId);
            supplemented.put(SUPPLEMENT_NOTE, "已补充检验报告原件。");
            driver.work(instance, "Task_SupplementMaterials", "lina", supplemented);
            assertThat(instance).isWaitingAt("Task_ReviewIntake");
            driver.accept(instance, "zhaomin");
            assertThat(instance).isWaitingAt("Task_ReviewOpinion");
        }
    }

    @Nested
    class DeadlinesAndExtension {

        @Test
        void shouldDueTheReviewThreeWorkingDaysAfterReceiptAcrossNationalDay() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");

            // received Wed 30 Sep 2026; 1-7 Oct off; Thu 8, Fri 9, Sat 10 Oct (调休 working day)
            assertThat(driver.task(instance, "Task_ReviewOpinion").getDueDate()).isEqualTo(at("2026-10-10T23:59:59"));
            assertThat(driver.task(instance, "Task_ReviewOpinion").getFollowUpDate()).isEqualTo(at("2026-10-09T09:00:00"));
            assertThat(timer(instance, "BoundaryEvent_ReviewDueSoon").getDuedate()).isEqualTo(at("2026-10-09T09:00:00"));
            assertThat(timer(instance, "BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2026-10-10T23:59:59"));
        }

        @Test
        void shouldRemindOnTheLastWorkingDayAndEscalateAtTheDueTimeWithoutTakingTheTask() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");

            clockAt("2026-10-09T09:00:01");
            driver.executeJob(timer(instance, "BoundaryEvent_ReviewDueSoon").getId());
            Task review = driver.task(instance, "Task_ReviewOpinion");
            assertThat(review.getPriority()).isEqualTo(RemindReviewerDelegate.REMINDED_PRIORITY);
            assertThat(taskService.getTaskComments(review.getId())).anyMatch(c -> c.getFullMessage().contains("2026-10-10"));

            clockAt("2026-10-11T00:00:01");
            driver.executeJob(timer(instance, "BoundaryEvent_ReviewOverdue").getId());
            assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
            assertThat(instance).isWaitingAt("Task_ReviewOpinion", "Task_AcknowledgeReviewOverdue");
            assertThat(driver.task(instance, "Task_ReviewOpinion").getAssignee()).isEqualTo("zhaomin");
            assertThat(recordedActions()).contains("REVIEW_REMINDED", "REVIEW_OVERDUE");

            driver.work(instance, "Task_AcknowledgeReviewOverdue", "chengang", Map.of(OVERDUE_INSTRUCTION, "请于今日出具意见。"));
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));
            assertThat(instance).isEnded();
            assertThat(cases.find(caseId).orElseThrow().overdue()).isFalse();
        }

        @Test
        void shouldMoveTheTaskAndItsTimersByTwoWorkingDaysWhenTheHeadApproves() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                    Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂，涉及多个法律关系。"));
            assertThat(instance).isWaitingAt("Task_ApproveReviewExtension");

            driver.work(instance, "Task_ApproveReviewExtension", "chengang", Map.of(EXTENSION_DECISION, "APPROVE"));

            // Sat 10 Oct + 2 working days: Mon 12, Tue 13 Oct
            Task review = driver.task(instance, "Task_ReviewOpinion");
            assertThat(review.getAssignee()).isEqualTo("zhaomin");
            assertThat(review.getDueDate()).isEqualTo(at("2026-10-13T23:59:59"));
            assertThat(review.getFollowUpDate()).isEqualTo(at("2026-10-12T09:00:00"));
            assertThat(runtimeService.getVariable(instance.getId(), REVIEW_ACTION)).isNull();
            assertThat(runtimeService.getVariable(instance.getId(), EXTENSION_REQUESTED_BY_NAME)).isEqualTo("赵敏");
            assertThat(timer(instance, "BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2026-10-13T23:59:59"));
            assertThat(timer(instance, "BoundaryEvent_ReviewDueSoon").getDuedate()).isEqualTo(at("2026-10-12T09:00:00"));
            assertThat(recordedActions()).contains("REVIEW_EXTENDED");
        }

        @Test
        void shouldKeepTheDueDateWhenTheHeadRefuses() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                    Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂。"));
            driver.work(instance, "Task_ApproveReviewExtension", "zhoujie",
                    Map.of(EXTENSION_DECISION, "REFUSE", EXTENSION_DECISION_NOTE, "材料清楚，按期出具。"));

            assertThat(driver.task(instance, "Task_ReviewOpinion").getDueDate()).isEqualTo(at("2026-10-10T23:59:59"));
            assertThat(timer(instance, "BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(at("2026-10-10T23:59:59"));
        }

        @Test
        void shouldRefuseASecondExtensionRequest() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                    Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂。"));
            driver.work(instance, "Task_ApproveReviewExtension", "chengang", Map.of(EXTENSION_DECISION, "APPROVE"));

            Task review = driver.task(instance, "Task_ReviewOpinion");
            assertThatThrownBy(() -> driver.complete(review, "zhaomin",
                    Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "仍需时间。")))
                    .hasMessageContaining("只能申请延长一次");
            assertThat(driver.task(instance, "Task_ReviewOpinion").getId()).isEqualTo(review.getId());
            assertThat(recordedActions()).contains("REFUSAL");
        }

        private Job timer(ProcessInstance instance, String activityId) {
            return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                    .singleResult();
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAnIncompleteSubmissionAndStartNothing() {
            Map<String, Object> incomplete = submission(caseId);
            incomplete.remove(EVIDENCE_LIST);
            incomplete.put(DRAFT_DECISION, " ");
            long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

            assertThatThrownBy(() -> driver.submit("zhangwei", incomplete))
                    .hasMessageContaining("执法决定书代拟稿").hasMessageContaining("证据材料清单");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                    .isEqualTo(before);
            assertThat(cases.find(caseId).orElseThrow().stage()).isNotEqualTo(CaseStage.LEGAL_REVIEW);
            assertThat(recordedActions()).contains("REFUSAL").doesNotContain("REVIEW_SUBMITTED");
        }

        @Test
        void shouldRefuseASubmissionFromAnotherUnit() {
            assertThatThrownBy(() -> driver.submit("wangqiang", submission(caseId)))
                    .hasMessageContaining("承办机构");
        }

        @Test
        void shouldRefuseAReviewerWithoutLegalQualificationOnClaim() {
            ProcessInstance instance = submitted();
            Task intake = driver.task(instance, "Task_ReviewIntake");
            assertThatThrownBy(() -> driver.claim(intake, "qianlei")).hasMessageContaining("法律职业资格");
            assertThat(driver.task(instance, "Task_ReviewIntake").getAssignee()).isNull();
        }

        @Test
        void shouldRefuseSomeoneOutsideTheLegalAffairsUnit() {
            ProcessInstance instance = submitted();
            Task intake = driver.task(instance, "Task_ReviewIntake");
            // Tasklist would not even offer the task; an API caller with rights on it is stopped by the listener
            assertThatThrownBy(() -> taskService.setAssignee(intake.getId(), "lina"))
                    .hasMessageContaining("法制审核机构");
            assertThat(driver.task(instance, "Task_ReviewIntake").getAssignee()).isNull();
        }

        @Test
        void shouldRefuseAReviewerWhoInvestigatedTheCase() {
            cases.addOfficer(caseId, "sunli", OfficerRole.INVESTIGATOR);
            ProcessInstance instance = submitted();
            assertThatThrownBy(() -> driver.claim(driver.task(instance, "Task_ReviewIntake"), "sunli"))
                    .hasMessageContaining("参与了本案");
            assertThat(driver.task(instance, "Task_ReviewIntake").getAssignee()).isNull();
        }

        @Test
        void shouldRefuseAnIncompleteOpinionAndLeaveTheTaskAsItWas() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            Task review = driver.task(instance, "Task_ReviewOpinion");
            Map<String, Object> noCorrections = opinion("PROBLEM");
            noCorrections.remove(CORRECTIONS);

            assertThatThrownBy(() -> driver.complete(review, "zhaomin", noCorrections))
                    .hasMessageContaining("须纠正的内容");
            assertThat(driver.task(instance, "Task_ReviewOpinion").getId()).isEqualTo(review.getId());
            assertThat(runtimeService.getVariable(instance.getId(), OPINION_OUTCOME)).isNull();
        }

        @Test
        void shouldRefuseAnAgreeingOpinionWithAProblemPoint() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            Map<String, Object> inconsistent = opinion("AGREE");
            inconsistent.put(ReviewPoint.PROCEDURE.variable(), "PROBLEM");
            assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", inconsistent))
                    .hasMessageContaining("不能出具“同意”");
        }

        @Test
        void shouldLeaveExtensionApprovalAndCoordinationToAnAgencyHead() {
            ProcessInstance instance = submitted();
            driver.accept(instance, "zhaomin");
            driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                    Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂。"));
            Task approval = driver.task(instance, "Task_ApproveReviewExtension");
            assertThatThrownBy(() -> taskService.setAssignee(approval.getId(), "sunli"))
                    .hasMessageContaining("机关负责人");
            assertThat(driver.task(instance, "Task_ApproveReviewExtension").getAssignee()).isNull();
        }

        @Test
        void shouldRefuseAReviewerApprovingHisOwnExtension() {
            identityService.createMembership("zhaomin", "agency-head");
            identityService.createMembership("zhaomin", "unit-leadership");
            try {
                ProcessInstance instance = submitted();
                driver.accept(instance, "zhaomin");
                driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin",
                        Map.of(REVIEW_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "案情复杂。"));
                assertThatThrownBy(() -> driver.claim(driver.task(instance, "Task_ApproveReviewExtension"), "zhaomin"))
                        .hasMessageContaining("不能自行审批");
            } finally {
                identityService.deleteMembership("zhaomin", "unit-leadership");
                identityService.deleteMembership("zhaomin", "agency-head");
            }
        }

        @Test
        void shouldRefuseASupplementDateInThePast() {
            ProcessInstance instance = submitted();
            assertThatThrownBy(() -> driver.work(instance, "Task_ReviewIntake", "zhaomin", Map.of(INTAKE_OUTCOME,
                    "SUPPLEMENT", SUPPLEMENT_ITEMS, "补充材料", SUPPLEMENT_DUE_DATE, LocalDate.of(2026, 9, 1).toString())))
                    .hasMessageContaining("补正期限");
        }
    }
}
