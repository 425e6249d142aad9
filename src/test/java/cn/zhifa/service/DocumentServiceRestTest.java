package cn.zhifa.service;

import static cn.zhifa.service.DocumentServiceDriver.clockAt;
import static cn.zhifa.service.DocumentServiceDriver.day;
import static cn.zhifa.service.ServiceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Serving a document as Tasklist does, over /engine-rest, and the attacks on what the engine owns: nobody sets the
 * date or the method of service, the document served, or the caller's paused clock; each attempt is refused with a
 * Chinese 4xx, leaves the task as it was and is recorded on the case.
 */
@ApplicationTest
class DocumentServiceRestTest {

    static final String PASSWORD = "test-secret";
    static final String START = "/engine-rest/process-definition/key/document-service/start";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CaseRecord caseRecord;
    @Autowired DocumentServiceDriver driver;

    long caseId;

    @BeforeEach
    void setUp() {
        clockAt("2026-02-13T10:00:00");
        caseId = driver.registerCase();
        driver.makeDocument(caseId, DocumentType.PENALTY_DECISION);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Map<String, Object> startForm(long caseId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("caseRef", String.valueOf(caseId));
        form.put(DOCUMENT_TO_SERVE, "PENALTY_DECISION");
        form.put(RECIPIENT, "");
        return form;
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            v.put("value", value);
            v.put("type", value == null ? "Null" : value instanceof Long ? "Long" : value instanceof Boolean
                    ? "Boolean" : "String");
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    String start(String officer) {
        ResponseEntity<Map> started = post(officer, START, typed(startForm(caseId)));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    String taskOf(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    void claim(String user, String taskId) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
        return post(user, "/engine-rest/task/" + taskId + "/complete", typed(variables));
    }

    /** Claims 选择送达方式, chooses direct service and lets the job executor make the 送达回证: the serving task. */
    String chooseDirect(String instanceId) {
        String choose = taskOf(instanceId);
        claim("zhangwei", choose);
        ResponseEntity<Map> chosen = complete("zhangwei", choose,
                Map.of(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
        assertThat(chosen.getStatusCode()).as("%s", chosen.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        for (Job job : managementService.createJobQuery().processInstanceId(instanceId).messages().list()) {
            managementService.executeJob(job.getId());
        }
        return taskOf(instanceId);
    }

    Map<String, Object> signed() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(DIRECT_OUTCOME, "SIGNED");
        form.put(SIGNATORY_ROLE, "RECIPIENT");
        form.put(SIGNATORY_NAME, "张三");
        form.put(SIGNED_ON, "2026-02-13");
        form.put(SIGNED_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "签收的送达回证"));
        return form;
    }

    List<RecordEntry> refusalsOn(String code) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .filter(e -> e.data() != null && e.data().contains("\"" + code + "\"")).toList();
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object message = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) message).containsPattern("\\p{IsHan}");
        assertThat(answer.getBody().toString()).doesNotContain("Exception");
    }

    @Test
    void shouldServeOverRestAndShowTheServiceToWhoeverMaySeeTheCase() {
        String instance = start("zhangwei");
        String serve = chooseDirect(instance);
        ResponseEntity<Map> done = complete("zhangwei", serve, signed());
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(SERVICE_DATE).singleResult().getValue()).isEqualTo(day("2026-02-13"));
        ResponseEntity<List> services = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/services", List.class);
        assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(services.getBody()).singleElement().satisfies(s -> {
            Map<String, Object> service = (Map<String, Object>) s;
            assertThat(service).containsEntry("status", "SERVED").containsEntry("serviceMethod", "DIRECT")
                    .containsEntry("serviceMethodName", "直接送达").containsEntry("serviceDate", "2026-02-13")
                    .containsEntry("recipient", "张三");
            assertThat((List<?>) service.get("attempts")).hasSize(1);
        });
        assertThat(rest.withBasicAuth("chengang", PASSWORD).getForEntity("/api/cases/" + caseId + "/services",
                List.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> otherUnit = rest.withBasicAuth("wangqiang", PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/services", Map.class);
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/cases/" + caseId + "/services", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseAnIncompleteFormOverRestWithTheChineseMessage() {
        String instance = start("zhangwei");
        String serve = chooseDirect(instance);
        Map<String, Object> withoutReceipt = signed();
        withoutReceipt.put(SIGNED_RECEIPT_ATTACHMENT_ID, "");
        assertRefused(complete("zhangwei", serve, withoutReceipt), HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED");
        assertThat(taskOf(instance)).isEqualTo(serve);
    }

    @Nested
    class EngineOwnedVariables {

        // a person cannot declare the document served, nor when, nor how
        @Test
        void aPersonSubmittingTheDateOfServiceIsRefusedAtTheStartAndInACompletion() {
            Map<String, Object> forged = startForm(caseId);
            forged.put(SERVICE_DATE, "2026-01-01");
            assertRefused(post("zhangwei", START, typed(forged)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .variableValueEquals("caseId", caseId).count()).isZero();

            String instance = start("zhangwei");
            String serve = chooseDirect(instance);
            Map<String, Object> backdated = signed();
            backdated.put(SERVICE_DATE, "2026-01-01");
            assertRefused(complete("zhangwei", serve, backdated), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            Map<String, Object> otherMethod = signed();
            otherMethod.put(SERVICE_METHOD, "ANNOUNCEMENT");
            assertRefused(complete("zhangwei", serve, otherMethod), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");

            assertThat(taskOf(instance)).isEqualTo(serve);
            assertThat(runtimeService.getVariable(instance, SERVICE_DATE)).isNull();
            assertThat(refusalsOn("ENGINE_OWNED_VARIABLE")).hasSize(3)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo("zhangwei"));
        }

        // skipping the attempt: declaring the outcome the engine derives from the form
        @Test
        void aCompletionDeclaringTheOutcomeOfTheAttemptIsRefused() {
            String instance = start("zhangwei");
            String choose = taskOf(instance);
            claim("zhangwei", choose);
            assertRefused(complete("zhangwei", choose, Map.of(SERVICE_METHOD_CHOICE, "DIRECT",
                    SERVICE_ADDRESS, "某县某路1号", ATTEMPT_OUTCOME, "SERVED")), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            assertThat(taskOf(instance)).isEqualTo(choose);
        }

        // another case's document, a longer clock pause, or an earlier decision date are the engine's to set
        @Test
        void theDocumentTheDecisionTimeAndThePausedClockCannotBeNamedByAPerson() {
            long otherCase = driver.registerCase();
            long foreignDocument = driver.makeDocument(otherCase, DocumentType.PENALTY_DECISION);
            for (Map.Entry<String, Object> forged : Map.<String, Object>of(SERVICE_DOCUMENT_ID, foreignDocument,
                    PAUSE_DEADLINE, "DECISION", DECIDED_AT, "2026-01-01").entrySet()) {
                Map<String, Object> form = startForm(caseId);
                form.put(forged.getKey(), forged.getValue());
                assertRefused(post("zhangwei", START, typed(form)), HttpStatus.UNPROCESSABLE_ENTITY,
                        "ENGINE_OWNED_VARIABLE");
            }
            assertThat(refusalsOn("ENGINE_OWNED_VARIABLE")).hasSize(3);
        }

        @Test
        void neitherTheAssigneeNorTheAdministratorSetsTheDateOfServiceThroughTheVariablesEndpoints() {
            String instance = start("zhangwei");
            String serve = chooseDirect(instance);
            ResponseEntity<Map> byAssignee = rest.withBasicAuth("zhangwei", PASSWORD).exchange(
                    "/engine-rest/task/" + serve + "/variables/" + SERVICE_DATE, HttpMethod.PUT,
                    new HttpEntity<>(Map.of("value", "2026-01-01", "type", "String")), Map.class);
            assertRefused(byAssignee, HttpStatus.FORBIDDEN, "FORBIDDEN");
            ResponseEntity<Map> byAdmin = rest.withBasicAuth("admin", PASSWORD).exchange(
                    "/engine-rest/process-instance/" + instance + "/variables/" + SERVICE_DATE, HttpMethod.PUT,
                    new HttpEntity<>(Map.of("value", "2026-01-01", "type", "String")), Map.class);
            assertRefused(byAdmin, HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertThat(runtimeService.getVariable(instance, SERVICE_DATE)).isNull();
        }

        // the form of 直接送达 has no field for the address: a completion cannot move the service elsewhere
        @Test
        void aFieldOutsideTheFormIsRefused() {
            String instance = start("zhangwei");
            String serve = chooseDirect(instance);
            Map<String, Object> moved = signed();
            moved.put(SERVICE_ADDRESS, "别处");
            assertRefused(complete("zhangwei", serve, moved), HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
            assertThat(runtimeService.getVariable(instance, SERVICE_ADDRESS)).isEqualTo("某县某路1号");
        }
    }
}
