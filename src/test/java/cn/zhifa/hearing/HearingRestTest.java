package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingDriver.CLERK;
import static cn.zhifa.hearing.HearingDriver.HEAD;
import static cn.zhifa.hearing.HearingDriver.HOST;
import static cn.zhifa.hearing.HearingDriver.OFFICER;
import static cn.zhifa.hearing.HearingDriver.clockAt;
import static cn.zhifa.hearing.HearingDriver.vars;
import static cn.zhifa.hearing.HearingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The hearing over /engine-rest with the people's own logins, and the attacks on its rules: crafted engine-owned
 * variables (the hearing right, the lateness of the request, the gateway's outcome, the result), someone else's
 * task, a second hearing for the case, and each rule of the listeners; each refused with a Chinese message, the task
 * as it was, the refusal on the case.
 */
@ApplicationTest
class HearingRestTest {

    static final String START = "/engine-rest/process-definition/key/hearing/start";
    static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired HearingDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    long caseId;

    @BeforeEach
    void setUp() {
        clockAt("2026-09-21T10:00");
        caseId = driver.filedCase();
        driver.penaltyNoticeServed(caseId);
        clockAt("2026-09-23T10:00");
    }

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
        driver.tearDown();
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            if (value instanceof JsonValue json) {
                v.put("value", json.getValueSerialized()); // a checklist, as Tasklist sends it
                v.put("type", "Json");
            } else {
                v.put("value", value);
                v.put("type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String");
            }
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code, String... message) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object text = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) text).containsPattern("\\p{IsHan}");
        for (String part : message) {
            assertThat((String) text).contains(part);
        }
        assertThat(answer.getBody().toString()).doesNotContain("Exception");
    }

    static void ok(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    String task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    ResponseEntity<Map> complete(String user, String task, Map<String, Object> variables) {
        return post(user, "/engine-rest/task/" + task + "/complete", typed(variables));
    }

    String started() {
        ResponseEntity<Map> started = post(OFFICER, START, typed(vars("caseRef", String.valueOf(caseId))));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    @Test
    void shouldRefuseAClientThatSetsTheHearingRightOrTheNoticeDateAtStartAndASecondHearing() {
        assertRefused(post(OFFICER, START, typed(vars("caseRef", String.valueOf(caseId), HEARING_RIGHT, true))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertRefused(post(OFFICER, START, typed(vars("caseRef", String.valueOf(caseId), NOTICE_SERVED_AT,
                "2026-09-22"))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        started();
        assertRefused(post(OFFICER, START, typed(vars("caseRef", String.valueOf(caseId)))), HttpStatus.CONFLICT,
                "PROCEEDING_ALREADY_RUNNING");
    }

    @Test
    void shouldRefuseALateRequestMadeToLookTimelyAndAHeadWhoSkipsTheDecision() {
        String hearing = started();
        String register = task(hearing, "Task_RegisterHearingRequest");
        ok(post(OFFICER, "/engine-rest/task/" + register + "/claim", Map.of("userId", OFFICER)));
        Map<String, Object> request = HearingDriver.request("2026-09-23");
        request.put(REQUEST_LATE, false);
        assertRefused(complete(OFFICER, register, request), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        request.remove(REQUEST_LATE);
        request.put("hearingDate", "2026-09-24");
        assertRefused(complete(OFFICER, register, request), HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
        clockAt("2026-09-30T10:00");
        ok(complete(OFFICER, register, HearingDriver.request("2026-09-30")));

        String decide = task(hearing, "Task_DecideHearing");
        ok(post(HEAD, "/engine-rest/task/" + decide + "/claim", Map.of("userId", HEAD)));
        assertRefused(complete(HEAD, decide, vars(HEARING_DECISION, "HOLD", HOLD_HEARING, true)),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertRefused(complete(HEAD, decide, vars(HEARING_DECISION, "HOLD")), HttpStatus.UNPROCESSABLE_ENTITY,
                "REQUEST_LATE", "2026-09-29");
        assertThat(task(hearing, "Task_DecideHearing")).isEqualTo(decide);
        assertThat(driver.refusals(caseId, "REQUEST_LATE")).hasSize(1);
    }

    @Test
    void shouldRefuseAHostWhoHandledTheCaseATooEarlyDateAndSomeoneElsesHearingTask() {
        String hearing = started();
        ProcessInstance instance = instance(hearing);
        driver.register(instance, "2026-09-23");
        driver.decide(instance, "HOLD", null);
        String designate = task(hearing, "Task_DesignateHearingHost");
        ok(post(CLERK, "/engine-rest/task/" + designate + "/claim", Map.of("userId", CLERK)));
        assertRefused(complete(CLERK, designate, HearingDriver.designation(HOST, "lina", "2026-10-15T09:30")),
                HttpStatus.UNPROCESSABLE_ENTITY, "HANDLED_THE_CASE", "李娜");
        assertRefused(complete(CLERK, designate, HearingDriver.designation(HOST, "sunli", "2026-10-09T09:30")),
                HttpStatus.UNPROCESSABLE_ENTITY, "HEARING_DATE_TOO_EARLY", "2026-10-10");
        Map<String, Object> crafted = HearingDriver.designation(HOST, "sunli", "2026-10-15T09:30");
        crafted.put(HEARING_HOST, "zhaomin");
        assertRefused(complete(CLERK, designate, crafted), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        ok(complete(CLERK, designate, HearingDriver.designation(HOST, "sunli", "2026-10-15T09:30")));
        driver.noticeServed(instance);
        clockAt("2026-10-15T09:30");

        String hold = task(hearing, "Task_HoldHearing");
        assertRefused(complete(HEAD, hold, HearingDriver.held()), HttpStatus.FORBIDDEN, "FORBIDDEN");
        Map<String, Object> skipping = vars(HEARING_ACTION, "HELD", HEARING_OUTCOME, "ABSENT");
        assertRefused(complete(HOST, hold, skipping), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        Map<String, Object> result = vars(HEARING_ACTION, "WITHDRAWN", ACTION_NOTE, "撤回", HEARING_RESULT, "HELD");
        assertRefused(complete(HOST, hold, result), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        Map<String, Object> stranger = vars(HEARING_ACTION, "HELD", PARTY_PRESENT, "PARTY",
                ATTENDING_INVESTIGATORS, "wangqiang", INVESTIGATOR_STATEMENT, "事实", PARTY_STATEMENT, "申辩");
        assertRefused(complete(HOST, hold, stranger), HttpStatus.UNPROCESSABLE_ENTITY, "INVESTIGATOR_NOT_ON_CASE");
        assertThat(task(hearing, "Task_HoldHearing")).isEqualTo(hold);
    }
}
