package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The execution over HTTP with the people's own logins, and the attacks: crafted engine-owned variables (the fine in
 * fen, the status the gateways read), fields outside the form, a second execution of the case, a crafted
 * {@code RemedyDecided} message, someone else's remedy, a case one may not see.
 */
@ApplicationTest
class ExecutionRestTest {

    static final String START = "/engine-rest/process-definition/key/case-execution/start";
    static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired ExecutionDriver driver;
    @Autowired TaskService taskService;

    long caseId;

    @BeforeEach
    void setUp() {
        clockAt("2026-09-20T10:00");
        caseId = driver.servedCase();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown(caseId);
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            v.put("value", value);
            v.put("type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String");
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }

    Map<String, Object> decision() {
        return ExecutionDriver.decision(caseId, "PENALTY", "2026-09-16", "1000.00");
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object text = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) text).containsPattern("\\p{IsHan}");
        assertThat(answer.getBody().toString()).doesNotContain("Exception");
    }

    String started() {
        ResponseEntity<Map> started = post(OFFICER, START, typed(decision()));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    String task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    @Test
    void shouldRefuseAClientThatSetsTheFineInFenOrTheStatusAtStartAndASecondExecution() {
        Map<String, Object> crafted = decision();
        crafted.put("fineAmountFen", 1L);
        assertRefused(post(OFFICER, START, typed(crafted)), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        crafted = decision();
        crafted.put("executionStatus", "CARRIED_OUT");
        assertRefused(post(OFFICER, START, typed(crafted)), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        started();
        assertRefused(post(OFFICER, START, typed(decision())), HttpStatus.CONFLICT, "PROCEEDING_ALREADY_RUNNING");
    }

    @Test
    void shouldRefuseAPaymentThatClaimsTheDecisionCarriedOutOrWritesOutsideTheForm() {
        String instance = started();
        String record = task(instance, "Task_RecordPayment");
        assertThat(post(OFFICER, "/engine-rest/task/" + record + "/claim", Map.of("userId", OFFICER))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> payment = ExecutionDriver.payment("BANK-0100", "1.00", "2026-09-20");
        payment.put("executionStatus", "CARRIED_OUT");
        assertRefused(post(OFFICER, "/engine-rest/task/" + record + "/complete", typed(payment)),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        payment = ExecutionDriver.payment("BANK-0100", "1.00", "2026-09-20");
        payment.put("fineAmount", "1.00");
        assertRefused(post(OFFICER, "/engine-rest/task/" + record + "/complete", typed(payment)),
                HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
        assertRefused(post(HEAD, "/engine-rest/task/" + record + "/complete",
                typed(ExecutionDriver.payment("BANK-0100", "1.00", "2026-09-20"))), HttpStatus.FORBIDDEN,
                "FORBIDDEN"); // a head is no candidate of the handling unit's task
        assertThat(task(instance, "Task_RecordPayment")).isEqualTo(record);
    }

    @Test
    void shouldRefuseACraftedRemedyMessageAndARemedyEnteredByAnOfficer() {
        String instance = started();
        ResponseEntity<Map> message = post(HEAD, "/engine-rest/message",
                Map.of("messageName", Remedies.MESSAGE, "correlationKeys", Map.of("caseId", Map.of("value", caseId, "type", "Long"))));
        assertThat(message.getStatusCode().is4xxClientError()).as("%s", message.getBody()).isTrue();
        assertThat(message.getBody().toString()).doesNotContain("Exception");
        assertThat(task(instance, "Task_RecordPayment")).isNotNull();

        assertRefused(post(OFFICER, "/api/cases/" + caseId + "/execution/remedies",
                Map.of("kind", "RECONSIDERATION", "filedOn", "2026-09-20")), HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD");
        assertThat(post(HEAD, "/api/cases/" + caseId + "/execution/remedies",
                Map.of("kind", "RECONSIDERATION", "filedOn", "2026-09-20")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(HEAD, "/api/cases/" + caseId + "/execution/remedies/decision",
                Map.of("decidedOn", "2026-09-20", "outcome", "CHANGED", "changedFineAmount", "800.00",
                        "documentNo", "某复议〔2026〕2号")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.withBasicAuth(OFFICER, PASSWORD).getForEntity("/api/cases/" + caseId + "/execution",
                Map.class).getBody()).containsEntry("fineFen", 800_00);
    }

    @Test
    void shouldShowTheSurchargeWithItsDayCountOnlyToThoseWhoSeeTheCase() {
        started();
        clockAt("2026-10-18T10:00");
        ResponseEntity<Map> shown = rest.withBasicAuth(OFFICER, PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/execution", Map.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody()).containsEntry("surchargeDays", 10).containsEntry("surchargeFen", 300_00)
                .containsEntry("outstandingFen", 1300_00);
        assertThat((String) shown.getBody().get("summary")).contains("加处罚款300.00元（计10日）");
        assertThat(rest.withBasicAuth("wangqiang", PASSWORD).getForEntity("/api/cases/" + caseId + "/execution",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseAClientThatSkipsTheDunningPeriodOrMovesTheEnforcementClock() {
        String instance = started();
        String record = task(instance, "Task_RecordPayment");
        post(OFFICER, "/engine-rest/task/" + record + "/claim", Map.of("userId", OFFICER));
        for (String owned : java.util.List.of("enforcementStep", "dunningServedAt", "surchargeStartedAt",
                "remedyPeriodEndedAt")) {
            Map<String, Object> payment = ExecutionDriver.payment("BANK-0101", "1.00", "2026-09-20");
            payment.put(owned, owned.equals("enforcementStep") ? "DUN" : "2026-01-01");
            assertRefused(post(OFFICER, "/engine-rest/task/" + record + "/complete", typed(payment)),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        }
        ResponseEntity<Map> written = rest.withBasicAuth("admin", PASSWORD).exchange(
                "/engine-rest/process-instance/" + instance + "/variables/dunningServedAt",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
                        Map.of("value", "2026-01-01", "type", "String")), Map.class);
        assertRefused(written, HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertThat(task(instance, "Task_RecordPayment")).isEqualTo(record);
    }
}
