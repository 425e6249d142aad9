package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.opinion;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** legal-review as a called process: the caller hands over the submission and branches on reviewResult. */
@ApplicationTest
class LegalReviewCallActivityTest {

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired LegalReviewDriver driver;

    @BeforeEach
    void deployCaller() {
        BpmnAwareTests.init(engine);
        LegalReviewDriver.clockAt("2026-09-30T10:00:00");
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("legal-review-caller").count() == 0) {
            repositoryService.createDeployment().addClasspathResource("bpmn/legal-review-caller.bpmn").deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Starts the caller for a new case submitted by the officer. */
    private ProcessInstance callerSubmittedBy(String officer) {
        long caseId = driver.registerCase();
        Map<String, Object> variables = submission(caseId);
        variables.put(LegalReviewVariables.SUBMITTED_BY, officer);
        return runtimeService.startProcessInstanceByKey("legal-review-caller", String.valueOf(caseId), variables);
    }

    private ProcessInstance reviewCalledBy(ProcessInstance caller) {
        ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
        assertThat(review.getBusinessKey()).isEqualTo(caller.getBusinessKey());
        return review;
    }

    @Test
    void shouldReturnTheResultAndTheOpinionToTheCaller() {
        ProcessInstance caller = callerSubmittedBy("zhangwei");
        ProcessInstance review = reviewCalledBy(caller);

        driver.accept(review, "sunli");
        driver.complete(driver.task(review, "Task_ReviewOpinion"), "sunli", opinion("AGREE"));

        assertThat(caller).isWaitingAt("Task_Decide").variables().containsEntry("reviewResult", "APPROVED")
                .containsKey("opinionDocumentId");
    }

    @Test
    void shouldNotLetTheCallerDecideAfterAWithdrawal() {
        ProcessInstance caller = callerSubmittedBy("lina");
        ProcessInstance review = reviewCalledBy(caller);
        driver.work(review, "Task_ReviewIntake", "zhaomin", Map.of(LegalReviewVariables.INTAKE_OUTCOME, "RETURN",
                LegalReviewVariables.RETURN_REASONS, "不属于审核范围。"));
        driver.work(review, "Task_ReviseSubmission", "lina", Map.of(LegalReviewVariables.RESUBMIT_ACTION, "WITHDRAW",
                LegalReviewVariables.WITHDRAW_REASON, "撤回。"));

        assertThat(caller).isEnded().hasPassed("EndEvent_NotDecided");
    }
}
