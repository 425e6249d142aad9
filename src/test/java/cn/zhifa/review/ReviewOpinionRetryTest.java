package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.clockAt;
import static cn.zhifa.review.LegalReviewDriver.opinion;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static cn.zhifa.review.LegalReviewVariables.OPINION_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.DocumentsProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The written opinion is rendered in a job of its own: a broken template does not undo the reviewer's click; the job
 * is retried (R3/PT5M) and then becomes an incident in Cockpit, which an administrator resolves by a retry.
 */
@ApplicationTest
class ReviewOpinionRetryTest {

    private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired DocumentService documents;
    @Autowired DocumentsProperties documentsProperties;
    @Autowired LegalReviewDriver driver;
    @Autowired LoggingSystem loggingSystem;

    long caseId;
    Path brokenTemplate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt("2026-09-30T10:00:00");
        caseId = driver.registerCase();
        brokenTemplate = Path.of(documentsProperties.templateDir(), DocumentType.LEGAL_REVIEW_OPINION.templateFile());
    }

    @AfterEach
    void tearDown() throws IOException {
        Files.deleteIfExists(brokenTemplate);
        ClockUtil.reset();
    }

    @Test
    void shouldKeepTheReviewersOpinionAndRetryTheRenderingUntilAnIncident() throws IOException {
        ProcessInstance instance = driver.submit("zhangwei", submission(caseId));
        driver.accept(instance, "zhaomin");
        // an administrator replaced the template with a file that is no .docx
        Files.createDirectories(brokenTemplate.getParent());
        Files.writeString(brokenTemplate, "not a docx", StandardCharsets.UTF_8);

        driver.completeWithoutJobExecutor(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));

        assertThat(instance).isWaitingAt("Task_IssueReviewOpinion");
        assertThat(runtimeService.getVariable(instance.getId(), OPINION_OUTCOME)).isEqualTo("AGREE");
        Job job = driver.continuations(instance.getId()).get(0);
        for (int left = 2; left >= 0; left--) {
            assertThatThrownBy(() -> withoutCommandErrorLog(() -> managementService.executeJob(job.getId())))
                    .isInstanceOf(RuntimeException.class);
            Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(left);
            assertThat(failed.getExceptionMessage()).isNotBlank();
            if (left > 0) {
                assertThat(failed.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant()
                        .plus(Duration.ofMinutes(5))));
            }
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_IssueReviewOpinion");
        assertThat(documents.latest(caseId, DocumentType.LEGAL_REVIEW_OPINION)).isEmpty();

        // the template is repaired and the job given a retry, as from Cockpit; the job executor runs it when due
        Files.delete(brokenTemplate);
        managementService.setJobRetries(job.getId(), 1);
        clockAt("2026-09-30T10:05:01");
        driver.runContinuations(instance.getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
        assertThat(documents.latest(caseId, DocumentType.LEGAL_REVIEW_OPINION)).isPresent();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    /** The engine logs each failed attempt with its stack trace (ENGINE-16004): expected here, kept out of the build. */
    private void withoutCommandErrorLog(Runnable attempt) {
        LogLevel before = loggingSystem.getLoggerConfiguration(ENGINE_CONTEXT_LOGGER).getConfiguredLevel();
        loggingSystem.setLogLevel(ENGINE_CONTEXT_LOGGER, LogLevel.OFF);
        try {
            attempt.run();
        } finally {
            loggingSystem.setLogLevel(ENGINE_CONTEXT_LOGGER, before);
        }
    }
}
