package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The public side, anonymously: only published, unwithdrawn, redacted records; every other thing (a draft, a
 * withheld or withdrawn record, the unredacted text, any other endpoint) is out of reach. And the attacks over
 * /engine-rest on what the engine owns and on the task rights.
 */
@ApplicationTest
class DisclosurePublicApiTest {

    static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Disclosures disclosures;

    long caseId;

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
    }

    String startAsZhangwei(Map<String, Object> extra) {
        caseId = cases.register(new NewCase(CaseKind.PENALTY, "王五销售过期食品案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "王五", "11010519491231002X", "某县和平路3号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        cases.assignNumber(caseId);
        long document = DisclosureProcessTest.decisionDocument(caseRecord, caseId, "PENALTY_DECISION",
                "当事人王五（电话13812345678）销售过期食品。");
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                "caseRef", Map.of("value", String.valueOf(caseId), "type", "String"),
                DECISION_KIND, Map.of("value", "PENALTY", "type", "String"),
                DECISION_DOCUMENT_ID, Map.of("value", String.valueOf(document), "type", "String")));
        variables.putAll(extra);
        ResponseEntity<Map> started = rest.withBasicAuth("zhangwei", PASSWORD).postForEntity(
                "/engine-rest/process-definition/key/disclosure/start", Map.of("variables", variables), Map.class);
        return started.getStatusCode() == HttpStatus.OK ? (String) started.getBody().get("id")
                : "refused:" + started.getBody().get("code");
    }

    String task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
        rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", user), Map.class);
        return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", typed), Map.class);
    }

    long recordOf(String instance) {
        return ((Number) runtimeService.getVariable(instance, DISCLOSURE_ID)).longValue();
    }

    @Test
    void shouldShowNothingButPublishedRedactedRecordsToAnonymousClients() {
        String instance = startAsZhangwei(Map.of());
        long record = recordOf(instance);
        // a draft: neither in the list nor by id
        assertThat(rest.getForEntity("/api/public/disclosures/" + record, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForObject("/api/public/disclosures?q=王", String.class)).doesNotContain("\"id\":" + record + ",");
        assertThat(complete("zhangwei", task(instance, DisclosureActorTaskListener.PREPARE),
                Map.of(PUBLIC_CONCLUSION, "给予行政处罚", PUBLIC_FACTS, "当事人王五销售过期食品。", EXEMPTION, "NONE"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("zhaomin", task(instance, DisclosureActorTaskListener.REVIEW),
                Map.of(REVIEW_OUTCOME, "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> one = rest.getForEntity("/api/public/disclosures/" + record, String.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody()).contains("王某某").doesNotContain("王五", "11010519491231002X", "13812345678",
                "某县和平路3号");
        String list = rest.getForObject("/api/public/disclosures?q=王某某&from=2020-01-01&to=2030-12-31&kind=PENALTY",
                String.class);
        assertThat(list).contains("\"id\":" + record).doesNotContain("王五");
        assertThat(rest.getForObject("/api/public/disclosures?q=王五", String.class)).doesNotContain("\"id\":" + record + ",");
        assertThat(rest.getForEntity("/gongshi/", String.class).getBody()).contains("行政执法公示", "/gongshi/gongshi.js");
        assertThat(rest.getForEntity("/gongshi/gongshi.js", String.class).getBody()).contains("/api/public/disclosures")
                .doesNotContain("http://", "https://");

        // withdrawn: gone from the list, 410 with the notice only
        disclosures.withdrawFor(caseId, "复议撤销");
        complete("zhangwei", task(instance, DisclosureActorTaskListener.WITHDRAW), Map.of(WITHDRAWAL_NOTICE, "已被复议机关撤销"));
        ResponseEntity<Map> gone = rest.getForEntity("/api/public/disclosures/" + record, Map.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(gone.getBody().toString()).contains("已被复议机关撤销").doesNotContain("过期食品");
        assertThat(rest.getForObject("/api/public/disclosures?q=王某某", String.class)).doesNotContain("\"id\":" + record + ",");

        // nothing else without login
        for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/record", "/engine-rest/task",
                "/engine-rest/process-instance/" + instance + "/variables", "/api/supervision/disclosure-timeliness?from=2026-01-01&to=2026-12-31")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(rest.withBasicAuth("zhangwei", PASSWORD).getForEntity(
                "/api/supervision/disclosure-timeliness?from=2026-01-01&to=2026-12-31", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> figures = rest.withBasicAuth("zhenghua", PASSWORD).getForEntity(
                "/api/supervision/disclosure-timeliness?from=2020-01-01&to=2030-12-31", Map.class);
        assertThat(figures.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) figures.getBody().get("withdrawnOnTime")).isPositive();
    }

    @Test
    void shouldAcceptValidatedCorrectionRequestsForPublishedRecordsOnly() {
        String instance = startAsZhangwei(Map.of());
        long record = recordOf(instance);
        Map<String, Object> request = Map.of("reason", "处罚内容有误", "evidence", "决定书复印件");
        assertThat(rest.postForEntity("/api/public/disclosures/" + record + "/corrections", request, Map.class)
                .getStatusCode()).as("a draft cannot be the subject").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity("/api/public/disclosures/" + record + "/corrections",
                Map.of("reason", "", "evidence", "x"), Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldRefuseEngineOwnedVariablesForeignUnitsAndBareMessages() {
        assertThat(startAsZhangwei(Map.of(DECIDED_AT, Map.of("value", "2020-01-01", "type", "String"))))
                .isEqualTo("refused:ENGINE_OWNED_VARIABLE");
        // the boundary's own write guard sees the start of a process with an event subprocess too
        assertThat(startAsZhangwei(Map.of(PUBLICATION_TERM, Map.of("value", "DISCLOSURE_TERM_SHORT", "type",
                "String")))).isEqualTo("refused:ENGINE_OWNED_VARIABLE");
        assertThat(startAsZhangwei(Map.of("publishNow", Map.of("value", "true", "type", "Boolean"))))
                .isEqualTo("refused:VARIABLE_NOT_IN_FORM");
        String instance = startAsZhangwei(Map.of());
        String prepare = task(instance, DisclosureActorTaskListener.PREPARE);
        ResponseEntity<Map> forged = complete("zhangwei", prepare, Map.of(PUBLIC_CONCLUSION, "给予行政处罚",
                PUBLIC_FACTS, "事实", EXEMPTION, "NONE", PREPARATION_ROUTE, "REVIEW", REVIEW_PASSED, "true"));
        assertThat(forged.getStatusCode().is4xxClientError()).as("%s", forged.getBody()).isTrue();
        assertThat(forged.getBody().get("code")).isIn("ENGINE_OWNED_VARIABLE", "VARIABLE_NOT_IN_FORM");
        assertThat(taskService.createTaskQuery().taskId(prepare).count()).isOne();
        // an officer of another unit
        taskService.setAssignee(prepare, null);
        ResponseEntity<Map> foreign = complete("wangqiang", prepare, Map.of(PUBLIC_CONCLUSION, "x", PUBLIC_FACTS, "y",
                EXEMPTION, "NONE"));
        assertThat(foreign.getStatusCode().is4xxClientError()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(prepare).count()).isOne();
        // a remedy message sent directly, without the execution stage's registration
        ResponseEntity<Map> bare = rest.withBasicAuth("zhangwei", PASSWORD).postForEntity("/engine-rest/message",
                Map.of("messageName", "DecisionRevoked", "businessKey", String.valueOf(caseId)), Map.class);
        assertThat(bare.getStatusCode().is4xxClientError()).as("%s", bare.getBody()).isTrue();
        assertThat(store(instance)).isEqualTo("DRAFT");
    }

    @Autowired DisclosureStore store;

    String store(String instance) {
        return store.find(recordOf(instance)).orElseThrow().status();
    }
}
