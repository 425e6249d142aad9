package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The legal review as Tasklist drives it, over Camunda's REST API: refusals come back as 422 with code and Chinese. */
@ApplicationTest
class LegalReviewRestTest {

    private static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired LegalReviewDriver driver;

    long caseId;

    @BeforeEach
    void setUp() {
        LegalReviewDriver.clockAt("2026-09-30T10:00:00");
        caseId = driver.registerCase();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCarryASubmissionThroughIntakeAndReviewOverRestWithRefusalsIn422() {
        ResponseEntity<Map> started = post("zhangwei", "/engine-rest/process-definition/key/legal-review/start",
                Map.of("variables", typed(LegalReviewDriver.submission(caseId))));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");

        String intakeId = taskId("zhaomin", instanceId);
        ResponseEntity<Map> refused = post("qianlei", "/engine-rest/task/" + intakeId + "/claim", Map.of("userId", "qianlei"));
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("code", "REVIEWER_NOT_QUALIFIED");
        assertThat((String) refused.getBody().get("message")).contains("法律职业资格");

        assertThat(post("zhaomin", "/engine-rest/task/" + intakeId + "/claim", Map.of("userId", "zhaomin"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map> incomplete = post("zhaomin", "/engine-rest/task/" + intakeId + "/complete",
                Map.of("variables", typed(Map.of(INTAKE_OUTCOME, "RETURN"))));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(incomplete.getBody()).containsEntry("code", "FIELD_REQUIRED");
        assertThat(taskId("zhaomin", instanceId)).isEqualTo(intakeId);

        assertThat(post("zhaomin", "/engine-rest/task/" + intakeId + "/complete",
                Map.of("variables", typed(Map.of(INTAKE_OUTCOME, "ACCEPT")))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        List<Map<String, Object>> reviewTasks = rest.withBasicAuth("zhaomin", PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + instanceId, List.class);
        assertThat(reviewTasks).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("name", "出具法制审核意见").containsEntry("assignee", "zhaomin");
            assertThat((String) task.get("due")).startsWith("2026-10-10T23:59:59");
        });
        List<Map<String, Object>> deadlines = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForObject("/api/cases/" + caseId + "/deadlines", List.class);
        assertThat(deadlines).singleElement().satisfies(deadline -> {
            assertThat(deadline).containsEntry("entryId", "LEGAL_REVIEW").containsEntry("name", "法制审核期限")
                    .containsEntry("status", "OPEN");
            assertThat((String) deadline.get("dueAt")).isEqualTo("2026-10-10T15:59:59Z");
        });
        assertThat(rest.withBasicAuth("wangqiang", PASSWORD).getForEntity("/api/cases/" + caseId + "/deadlines",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseAnIncompleteSubmissionOverRest() {
        Map<String, Object> incomplete = LegalReviewDriver.submission(caseId);
        incomplete.remove(BASIC_FACTS);
        ResponseEntity<Map> refused = post("zhangwei", "/engine-rest/process-definition/key/legal-review/start",
                Map.of("variables", typed(incomplete)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("code", "SUBMISSION_INCOMPLETE");
        assertThat((String) refused.getBody().get("message")).contains("基本事实");
    }

    @Test
    void shouldNotLetACandidateMoveTheStatutoryDueDate() {
        String instanceId = (String) post("zhangwei", "/engine-rest/process-definition/key/legal-review/start",
                Map.of("variables", typed(LegalReviewDriver.submission(caseId)))).getBody().get("id");
        String intakeId = taskId("zhaomin", instanceId);
        Map<String, Object> task = rest.withBasicAuth("zhaomin", PASSWORD)
                .getForObject("/engine-rest/task/" + intakeId, Map.class);
        task.put("due", "2030-12-31T23:59:59.000+0800");

        ResponseEntity<Map> refused = rest.withBasicAuth("zhaomin", PASSWORD).exchange(
                "/engine-rest/task/" + intakeId, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(task), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("code", "FORBIDDEN");
        assertThat((String) refused.getBody().get("message")).contains("无权");
        assertThat(rest.withBasicAuth("zhaomin", PASSWORD).getForObject("/engine-rest/task/" + intakeId,
                Map.class).get("due")).isNull();
    }

    private String taskId(String user, String instanceId) {
        List<Map<String, Object>> tasks = rest.withBasicAuth(user, PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + instanceId, List.class);
        return (String) tasks.get(0).get("id");
    }

    private ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    private static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Long ? "Long" : "String")));
        return typed;
    }
}
