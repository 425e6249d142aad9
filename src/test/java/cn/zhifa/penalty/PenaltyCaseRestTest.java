package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseDriver.*;
import static cn.zhifa.penalty.PenaltyCaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * penalty-case through /engine-rest as Tasklist drives it, logged in as each person who acts (张伟 and 李娜 officers,
 * 陈刚 head), from the clue to the served decision; and the attacks on the boundary a client can make on this
 * process: naming an existing case, setting the variables the engine owns, acting on a task that is not his.
 * {@code cn.zhifa.PostgresApplicationTest} runs the same walk on PostgreSQL.
 */
@ApplicationTest
class PenaltyCaseRestTest {

    static final String PASSWORD = "test-secret";
    static final String START = "/engine-rest/process-definition/key/penalty-case/start";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord record;
    @Autowired PenaltyCaseDriver driver;
    @Autowired cn.zhifa.deadline.DeadlineService deadlines;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseGoesFromClueToServedDecisionAndToTheArchivedCaseInTasklist() {
        PenaltyCaseTasklistWalk walk = new PenaltyCaseTasklistWalk(rest, managementService, driver);
        long caseId = walk.fromClueToServedDecision();
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);
        walk.payCloseAndArchive();
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void aClientCannotNameAnExistingCaseNorSetTheVariablesTheEngineOwns() {
        clockAt("2026-03-02T09:00");
        PenaltyCaseTasklistWalk walk = new PenaltyCaseTasklistWalk(rest, managementService, driver);
        String existing = walk.start(clue("2026-02-27", "2025-12-01"));
        long caseId = ((Number) runtimeService.getVariable(existing, "caseId")).longValue();

        Map<String, Object> naming = clue("2026-02-27", "2025-12-01");
        naming.put("caseRef", String.valueOf(caseId));
        assertRefused(walk.post(OFFICER, START, typed(naming)), HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
        for (String owned : List.of("caseId", WITHIN_LIMITATION, CLUE_RECEIVED_AT, CASE_FILED_AT, STATEMENT_WAIVED,
                LEGAL_REVIEW_REQUIRED, REVIEW_RESULT, NOTICE_SERVED_AT, NOT_FILED_DOCUMENT_ID, EXTENSION_ROUTE,
                FURTHER_EXTENSION_DAYS, EXTENSION_DISCUSSION_RESULT, DECISION_OUTCOME, FINE_AMOUNT_FEN,
                EXECUTION_STATUS)) {
            Map<String, Object> forged = clue("2026-02-27", "2025-12-01");
            forged.put(owned, owned.equals("caseId") ? (Object) caseId : "true");
            assertRefused(walk.post(OFFICER, START, typed(forged)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
        }
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLUE);

        // the filing task: only the case's officers; the head's task: not with a variable the engine owns
        String propose = walk.task(existing, "Task_ProposeFiling");
        assertThat(walk.post("wangqiang", "/engine-rest/task/" + propose + "/claim", Map.of("userId", "wangqiang"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        walk.act(OFFICER, existing, "Task_ProposeFiling", Map.of(FILING_PROPOSAL, "FILE", CASE_SUMMARY, "案情",
                FILING_BASIS, "依据"));
        String decide = walk.task(existing, "Task_DecideFiling");
        walk.claim(HEAD, decide);
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + decide + "/complete",
                typed(Map.of(FILING_DECISION, "FILE", FILING_DECIDED_AT, "2025-01-01"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + decide + "/complete",
                typed(Map.of(FILING_DECISION, "FILE", "caseNo", "某县市监处罚〔2026〕1号"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertThat(cases.find(caseId).orElseThrow().caseNo()).isNull();
        runtimeService.deleteProcessInstance(existing, "test");
    }

    @Test
    void theOfficersDeclareOnlyForThemselvesAndTheHeadCannotBeSkipped() {
        clockAt("2026-03-02T09:00");
        PenaltyCaseTasklistWalk walk = new PenaltyCaseTasklistWalk(rest, managementService, driver);
        String instance = walk.start(clue("2026-02-27", "2025-12-01"));
        walk.act(OFFICER, instance, "Task_ProposeFiling", Map.of(FILING_PROPOSAL, "FILE", CASE_SUMMARY, "案情",
                FILING_BASIS, "依据"));
        // an officer cannot decide the filing himself, nor forge the head's choice in his own form
        String decide = walk.task(instance, "Task_DecideFiling");
        assertThat(walk.post(OFFICER, "/engine-rest/task/" + decide + "/claim", Map.of("userId", OFFICER))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        walk.act(HEAD, instance, "Task_DecideFiling", Map.of(FILING_DECISION, "FILE"));
        walk.runJobs();
        String linas = walk.tasks(instance, "Task_DeclareRecusal").stream()
                .filter(t -> "lina".equals(t.get("assignee"))).map(t -> (String) t.get("id")).findFirst().orElseThrow();
        assertThat(walk.post(OFFICER, "/engine-rest/task/" + linas + "/complete",
                typed(Map.of(RECUSAL_DECLARATION, "NONE"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        runtimeService.deleteProcessInstance(instance, "test");
    }

    /**
     * A further extension of the decision period only through the heads' collective discussion: the head cannot
     * approve it himself, nor can anyone route the request, set the days or the discussion's result.
     */
    @Test
    void aFurtherExtensionCannotBeApprovedByAHeadAloneNorForged() {
        clockAt("2026-03-02T09:00");
        org.camunda.bpm.engine.runtime.ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
        clockAt("2026-03-02T10:00");
        driver.file(instance);
        driver.declareNoRecusal(instance);
        clockAt("2026-05-20T10:00");
        driver.work(instance, "Task_Investigate", OFFICER, vars(INVESTIGATION_ACTION, "REQUEST_EXTENSION",
                EXTENSION_REASON, "案情复杂"));
        driver.work(instance, "Task_ApproveDecisionExtension", HEAD, vars(EXTENSION_DECISION, "APPROVE"));
        clockAt("2026-06-22T10:00");
        PenaltyCaseTasklistWalk walk = new PenaltyCaseTasklistWalk(rest, managementService, driver);
        String id = instance.getId();

        String investigate = walk.task(id, "Task_Investigate");
        walk.claim(OFFICER, investigate);
        assertRefused(walk.post(OFFICER, "/engine-rest/task/" + investigate + "/complete", typed(Map.of(
                INVESTIGATION_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "仍需调查", EXTENSION_ROUTE, "APPROVAL"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        walk.complete(OFFICER, investigate, Map.of(INVESTIGATION_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON,
                "仍需调查"));

        String approve = walk.task(id, "Task_ApproveDecisionExtension");
        walk.claim(HEAD, approve);
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + approve + "/complete",
                typed(Map.of(EXTENSION_DECISION, "APPROVE"))), HttpStatus.UNPROCESSABLE_ENTITY,
                "DEADLINE_EXTENSION_EXHAUSTED");
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + approve + "/complete", typed(Map.of(
                EXTENSION_DECISION, "DISCUSS", PROPOSED_EXTENSION_DAYS, 30L, FURTHER_EXTENSION_DAYS, 300L))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + approve + "/complete", typed(Map.of(
                EXTENSION_DECISION, "DISCUSS", PROPOSED_EXTENSION_DAYS, 30L, EXTENSION_DISCUSSION_RESULT,
                "EXTENSION_GRANTED"))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        ResponseEntity<Map> forged = rest.withBasicAuth(HEAD, PASSWORD).exchange("/engine-rest/process-instance/" + id
                + "/variables/" + EXTENSION_DISCUSSION_RESULT, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(Map.of("value", "EXTENSION_GRANTED", "type", "String")),
                Map.class);
        assertThat(forged.getStatusCode().is4xxClientError()).as("%s", forged.getBody()).isTrue();
        assertThat(walk.task(id, "Task_ApproveDecisionExtension")).isEqualTo(approve);
        assertThat(runtimeService.getVariable(id, EXTENSION_DISCUSSION_RESULT)).isNull();
        assertThat(deadlineDue(id)).isEqualTo("2026-07-01");
        assertThat(record.entries(driver.caseOf(instance))).filteredOn(e -> e.action().equals("REFUSAL"))
                .extracting(e -> e.summary()).anySatisfy(summary -> assertThat(summary).contains("集体讨论"));

        walk.complete(HEAD, approve, Map.of(EXTENSION_DECISION, "DISCUSS", PROPOSED_EXTENSION_DAYS, 30L));
        driver.holdDiscussion(instance, "EXTENSION_GRANTED", 30);
        assertThat(deadlineDue(id)).isEqualTo("2026-07-31");
        runtimeService.deleteProcessInstance(id, "test");
    }

    /** 查封、扣押: only a head of the case's agency approves it, its clock start is the engine's, one extension. */
    @Test
    void aSeizureIsApprovedOnlyByAHeadItsClockIsTheEnginesAndItIsExtendedOnce() {
        clockAt("2026-03-02T09:00");
        org.camunda.bpm.engine.runtime.ProcessInstance instance = driver.registerClue(clue("2026-02-27", "2025-12-01"));
        clockAt("2026-03-02T10:00");
        driver.file(instance);
        driver.declareNoRecusal(instance);
        clockAt("2026-03-10T10:00");
        PenaltyCaseTasklistWalk walk = new PenaltyCaseTasklistWalk(rest, managementService, driver);
        String id = instance.getId();
        Map<String, Object> seize = Map.of(INVESTIGATION_ACTION, "SEIZE_PROPERTY", SEIZURE_ITEMS, "电线120卷",
                SEIZURE_BASIS, "产品质量法第十八条");

        String investigate = walk.task(id, "Task_Investigate");
        walk.claim(OFFICER, investigate);
        Map<String, Object> forged = new HashMap<>(seize);
        forged.put(SEIZED_AT, "2026-01-01");
        assertRefused(walk.post(OFFICER, "/engine-rest/task/" + investigate + "/complete", typed(forged)),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        walk.complete(OFFICER, investigate, seize);

        String approve = walk.task(id, "Task_ApproveSeizure");
        assertThat(walk.post(OFFICER, "/engine-rest/task/" + approve + "/claim", Map.of("userId", OFFICER))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        walk.claim(HEAD, approve);
        assertRefused(walk.post(HEAD, "/engine-rest/task/" + approve + "/complete", typed(Map.of(SEIZURE_DECISION,
                "APPROVE", SEIZED_AT, "2026-01-01"))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        walk.complete(HEAD, approve, Map.of(SEIZURE_DECISION, "APPROVE"));
        walk.runJobs();
        assertThat(deadlines.find(id, SEIZURE_PERIOD).orElseThrow().dueAt().atZone(cn.zhifa.system.EngineClock.ZONE)
                .toLocalDate().toString()).isEqualTo("2026-04-09");

        walk.act(OFFICER, id, "Task_DecideSeizedProperty", Map.of(SEIZURE_OUTCOME, "REQUEST_EXTENSION",
                SEIZURE_EXTENSION_REASON, "检验机构尚未出具报告"));
        walk.act(HEAD, id, "Task_ApproveSeizureExtension", Map.of(SEIZURE_EXTENSION_DECISION, "APPROVE"));
        walk.runJobs();
        String decide = walk.task(id, "Task_DecideSeizedProperty");
        walk.claim(OFFICER, decide);
        assertRefused(walk.post(OFFICER, "/engine-rest/task/" + decide + "/complete", typed(Map.of(SEIZURE_OUTCOME,
                "REQUEST_EXTENSION", SEIZURE_EXTENSION_REASON, "仍需检验"))), HttpStatus.UNPROCESSABLE_ENTITY,
                "DEADLINE_EXTENSION_EXHAUSTED");
        assertThat(walk.task(id, "Task_DecideSeizedProperty")).isEqualTo(decide);
        runtimeService.deleteProcessInstance(id, "test");
    }

    String deadlineDue(String processInstanceId) {
        return deadlines.find(processInstanceId, DECISION_PERIOD).orElseThrow().dueAt()
                .atZone(cn.zhifa.system.EngineClock.ZONE).toLocalDate().toString();
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object message = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) message).containsPattern("\\p{IsHan}");
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            v.put("value", value);
            v.put("type", value == null ? "Null" : value instanceof Boolean ? "Boolean"
                    : value instanceof Long || value instanceof Integer ? "Long" : "String");
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }
}
