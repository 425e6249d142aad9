package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The attacks of issue 8 (parts 2 to 5), each made as the attacker over /engine-rest with the calls Tasklist and
 * Cockpit make: each must be refused with a Chinese message, leave the task and the case as they were, and be
 * recorded on the case where one is named.
 */
@ApplicationTest
class EngineBoundaryAttackTest {

    static final String PASSWORD = "test-secret";
    static final String START = "/engine-rest/process-definition/key/legal-review/start";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord record;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired SecondAgency secondAgency;

    long caseId;

    @BeforeEach
    void setUp() {
        ClockUtil.reset();
        secondAgency.ensure();
        caseId = registerCase("unit-squad-1", "zhangwei", "lina");
    }

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
    }

    long registerCase(String unit, String handler, String investigator) {
        return cases.register(new NewCase(CaseKind.PENALTY, "某商店销售不合格电线案", unit,
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer(handler, OfficerRole.HANDLER),
                        new NewCase.NewOfficer(investigator, OfficerRole.INVESTIGATOR))), handler).id();
    }

    static Map<String, Object> submission(long caseId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("caseRef", String.valueOf(caseId));
        v.put("decisionTitle", "对当事人罚款20万元");
        v.put("basicFacts", "当事人销售不合格电线电缆，货值5万元。");
        v.put("appliedLaw", "《中华人民共和国产品质量法》第四十九条。");
        v.put("discretionApplied", "适用裁量基准第三档。");
        v.put("investigation", "现场检查、抽样检验、询问当事人。");
        v.put("hearingAssessment", "无");
        v.put("draftDecision", "行政处罚决定书（代拟稿）：罚款20万元。");
        v.put("evidenceList", "1. 现场检查笔录");
        return v;
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            v.put("value", value);
            v.put("type", value == null ? "Null" : value instanceof Long ? "Long" : "String");
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    ResponseEntity<Map> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    String start(String officer, Map<String, Object> variables) {
        ResponseEntity<Map> started = post(officer, START, typed(variables));
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

    List<RecordEntry> refusalsOn(long caseId, String code) {
        return record.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .filter(e -> e.data() != null && e.data().contains("\"" + code + "\"")).toList();
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object message = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) message).containsPattern("\\p{IsHan}");
        assertThat(answer.getBody().toString()).doesNotContain("Exception").doesNotContain("permission");
    }

    /** An intake accepted by 赵敏: the review-opinion task is hers. */
    String reviewTaskOf(String instanceId) {
        String intake = taskOf(instanceId);
        claim("zhaomin", intake);
        assertThat(post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                typed(Map.of("intakeOutcome", "ACCEPT"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return taskOf(instanceId);
    }

    @Nested
    class EngineOwnedVariables {

        @Test
        void aStartVariableNamingTheSubmitterIsRefusedAndRecorded() {
            Map<String, Object> forged = submission(caseId);
            forged.put("submittedBy", "lina");
            assertRefused(post("zhangwei", START, typed(forged)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            Map<String, Object> nulled = submission(caseId);
            nulled.put("submittedBy", null);
            assertRefused(post("zhangwei", START, typed(nulled)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");

            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("legal-review")
                    .variableValueEquals("caseId", caseId).count()).isZero();
            assertThat(refusalsOn(caseId, "ENGINE_OWNED_VARIABLE")).hasSize(2);
        }

        @Test
        void anOfficerOfAnotherUnitCannotSubmitTheCaseByNamingItsId() {
            Map<String, Object> forged = submission(caseId);
            forged.remove("caseRef");
            forged.put("caseId", caseId);
            assertRefused(post("wangqiang", START, typed(forged)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            assertRefused(post("wangqiang", START, typed(submission(caseId))), HttpStatus.UNPROCESSABLE_ENTITY,
                    "REVIEW_SUBMITTER_NOT_IN_UNIT");
            assertThat(refusalsOn(caseId, "ENGINE_OWNED_VARIABLE")).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("wangqiang"));
        }

        @Test
        void theSubmitterIsWhoeverIsLoggedIn() {
            String instance = start("zhangwei", submission(caseId));
            assertThat(runtimeService.getVariable(instance, "submittedBy")).isEqualTo("zhangwei");
            assertThat(runtimeService.getVariable(instance, "caseId")).isEqualTo(caseId);
            assertThat(runtimeService.getVariable(instance, "agencyId")).isEqualTo("agency-amr");
        }

        @Test
        void aCandidateCannotMoveTheReviewOntoAnotherCase() {
            long otherCase = registerCase("unit-squad-2", "wangqiang", "liuyang");
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);

            ResponseEntity<Map> byVariable = put("zhaomin", "/engine-rest/task/" + intake + "/variables/caseId",
                    Map.of("value", otherCase, "type", "Long"));
            assertRefused(byVariable, HttpStatus.FORBIDDEN, "FORBIDDEN");
            ResponseEntity<Map> byModification = post("qianlei", "/engine-rest/task/" + intake + "/variables",
                    Map.of("modifications", Map.of("caseId", Map.of("value", otherCase, "type", "Long"))));
            assertRefused(byModification, HttpStatus.FORBIDDEN, "FORBIDDEN");

            claim("zhaomin", intake);
            ResponseEntity<Map> inCompletion = post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                    typed(Map.of("intakeOutcome", "ACCEPT", "caseId", otherCase)));
            assertRefused(inCompletion, HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");

            assertThat(taskOf(instance)).isEqualTo(intake);
            assertThat(runtimeService.getVariable(instance, "caseId")).isEqualTo(caseId);
            assertThat(refusalsOn(caseId, "ENGINE_OWNED_VARIABLE")).hasSize(1);
            assertThat(record.entries(otherCase)).noneMatch(e -> e.action().startsWith("REVIEW"));
        }

        @Test
        void evenTheAdministratorCannotSetAnEngineOwnedVariable() {
            String instance = start("zhangwei", submission(caseId));
            ResponseEntity<Map> answer = put("admin", "/engine-rest/process-instance/" + instance
                    + "/variables/handlingUnit", Map.of("value", "unit-squad-2", "type", "String"));
            assertRefused(answer, HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertThat(runtimeService.getVariable(instance, "handlingUnit")).isEqualTo("unit-squad-1");
            assertThat(refusalsOn(caseId, "ENGINE_OWNED_VARIABLE")).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
        }

        @Test
        void aCompletionMaySetOnlyTheFieldsOfTheTasksForm() {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            claim("zhaomin", intake);
            ResponseEntity<Map> answer = post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                    typed(Map.of("intakeOutcome", "ACCEPT", "opinionOutcome", "AGREE")));
            assertRefused(answer, HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
            assertThat(taskOf(instance)).isEqualTo(intake);
            assertThat(runtimeService.getVariable(instance, "opinionOutcome")).isNull();
        }

        @Test
        void aTransientVariableIsRefused() {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            claim("zhaomin", intake);
            ResponseEntity<Map> answer = post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                    Map.of("variables", Map.of("intakeOutcome", Map.of("value", "ACCEPT", "type", "String",
                            "valueInfo", Map.of("transient", true)))));
            assertRefused(answer, HttpStatus.UNPROCESSABLE_ENTITY, "TRANSIENT_VARIABLE");
            assertThat(taskOf(instance)).isEqualTo(intake);
        }
    }

    @Nested
    class TaskRights {

        @Test
        void aCandidateCannotGiveTheTaskToSomeoneElseNorTakeAColleaguesTask() {
            String instance = start("zhangwei", submission(caseId));
            String review = reviewTaskOf(instance);

            assertRefused(post("zhaomin", "/engine-rest/task/" + review + "/assignee", Map.of("userId", "sunli")),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(post("sunli", "/engine-rest/task/" + review + "/claim", Map.of("userId", "sunli")),
                    HttpStatus.CONFLICT, "TASK_ALREADY_CLAIMED");
            assertRefused(post("sunli", "/engine-rest/task/" + review + "/unclaim", null), HttpStatus.FORBIDDEN,
                    "FORBIDDEN");
            assertRefused(rest.withBasicAuth("sunli", PASSWORD).exchange("/api/tasks/" + review + "/assignee",
                    HttpMethod.DELETE, null, Map.class), HttpStatus.FORBIDDEN, "TASK_NOT_YOURS");
            assertRefused(post("sunli", "/engine-rest/task/" + review + "/complete", typed(opinion())),
                    HttpStatus.FORBIDDEN, "TASK_NOT_YOURS");
            assertRefused(post("sunli", "/engine-rest/task/" + review + "/delegate", Map.of("userId", "sunli")),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");

            assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee())
                    .isEqualTo("zhaomin");
            assertThat(refusalsOn(caseId, "TASK_NOT_YOURS")).hasSize(2);

            assertThat(rest.withBasicAuth("zhaomin", PASSWORD).exchange("/api/tasks/" + review + "/assignee",
                    HttpMethod.DELETE, null, Map.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
        }

        @Test
        void aTaskMustBeClaimedBeforeItIsCompleted() {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            assertRefused(post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                    typed(Map.of("intakeOutcome", "ACCEPT"))), HttpStatus.CONFLICT, "TASK_NOT_CLAIMED");
            assertThat(taskOf(instance)).isEqualTo(intake);
        }

        @Test
        void aUserTaskCannotBeLeftByABpmnErrorOrEscalation() {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            claim("zhaomin", intake);
            assertRefused(post("zhaomin", "/engine-rest/task/" + intake + "/bpmnError",
                    Map.of("errorCode", "X")), HttpStatus.FORBIDDEN, "TASK_ACTION_FORBIDDEN");
            assertRefused(post("zhaomin", "/engine-rest/task/" + intake + "/bpmnEscalation",
                    Map.of("escalationCode", "X")), HttpStatus.FORBIDDEN, "TASK_ACTION_FORBIDDEN");
            assertThat(taskOf(instance)).isEqualTo(intake);
        }

        @Test
        void aClaimRaceAnswersOneClaimAndOneConflict() throws Exception {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<HttpStatus>> claims = new ArrayList<>();
                for (String user : List.of("zhaomin", "sunli")) {
                    claims.add(() -> (HttpStatus) post(user, "/engine-rest/task/" + intake + "/claim",
                            Map.of("userId", user)).getStatusCode());
                }
                List<HttpStatus> answers = new ArrayList<>();
                for (Future<HttpStatus> answer : pool.invokeAll(claims)) {
                    answers.add(answer.get());
                }
                assertThat(answers).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
            } finally {
                pool.shutdown();
            }
        }

        @Test
        void aHeadOfTheCasesAgencyReassignsWithinTheCandidates() {
            String instance = start("zhangwei", submission(caseId));
            String intake = taskOf(instance);
            claim("zhaomin", intake);

            assertRefused(put("zhaomin", "/api/tasks/" + intake + "/assignee", Map.of("userId", "sunli")),
                    HttpStatus.FORBIDDEN, "REASSIGN_NOT_HEAD");
            assertRefused(put(SecondAgency.HEAD, "/api/tasks/" + intake + "/assignee", Map.of("userId", "sunli")),
                    HttpStatus.FORBIDDEN, "REASSIGN_NOT_HEAD");
            assertRefused(put("chengang", "/api/tasks/" + intake + "/assignee", Map.of("userId", "wangqiang")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "REASSIGN_NOT_CANDIDATE");
            ResponseEntity<Map> unqualified = put("chengang", "/api/tasks/" + intake + "/assignee",
                    Map.of("userId", "qianlei"));
            assertThat(unqualified.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(unqualified.getBody()).containsEntry("code", "REVIEWER_NOT_QUALIFIED");
        assertThat(taskService.createTaskQuery().taskId(intake).singleResult().getAssignee()).isEqualTo("zhaomin");

            assertThat(put("chengang", "/api/tasks/" + intake + "/assignee", Map.of("userId", "sunli"))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(taskService.createTaskQuery().taskId(intake).singleResult().getAssignee()).isEqualTo("sunli");
            assertThat(record.entries(caseId)).anyMatch(e -> e.action().equals("TASK_REASSIGNED"));
        }
    }

    @Nested
    class OneProceedingPerCase {

        @Test
        void aSecondReviewOfTheCaseIsRefusedWhileOneRuns() {
            String first = start("zhangwei", submission(caseId));
            assertRefused(post("lina", START, typed(submission(caseId))), HttpStatus.CONFLICT,
                    "PROCEEDING_ALREADY_RUNNING");
            assertThat(refusalsOn(caseId, "PROCEEDING_ALREADY_RUNNING")).hasSize(1);

            runtimeService.deleteProcessInstance(first, "test: the first review ended");
            start("lina", submission(caseId));
        }

        @Test
        void aReviewDeletedWithoutItsListenersDoesNotBlockTheCase() {
            String first = start("zhangwei", submission(caseId));
            runtimeService.deleteProcessInstance(first, "test", true);
            start("zhangwei", submission(caseId));
        }

        @Test
        void ofConcurrentSubmissionsOnlyOneStarts() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<HttpStatus>> starts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    starts.add(() -> (HttpStatus) post("zhangwei", START, typed(submission(caseId)))
                            .getStatusCode());
                }
                List<HttpStatus> answers = new ArrayList<>();
                for (Future<HttpStatus> answer : pool.invokeAll(starts)) {
                    answers.add(answer.get());
                }
                assertThat(answers).containsOnlyOnce(HttpStatus.OK).doesNotContain(HttpStatus.INTERNAL_SERVER_ERROR);
            } finally {
                pool.shutdown();
            }
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("legal-review")
                    .variableValueEquals("caseId", caseId).count()).isEqualTo(1);
        }
    }

    @Nested
    class ActorsFromTheCasesAgency {

        @Test
        void anOfficerOfAnotherAgencyCannotStartAProceedingOnTheCase() {
            assertRefused(post(SecondAgency.OFFICER, START, typed(submission(caseId))), HttpStatus.FORBIDDEN,
                    "CASE_OF_OTHER_AGENCY");
            assertThat(refusalsOn(caseId, "CASE_OF_OTHER_AGENCY")).hasSize(1);
        }

        @Test
        void theReviewersAndHeadsOfOneAgencyAreNotThoseOfTheOther() {
            long hwCase = registerCase(SecondAgency.SQUAD, SecondAgency.OFFICER, SecondAgency.OFFICER_2);
            String instance = start(SecondAgency.OFFICER, submission(hwCase));
            String intake = taskOf(instance);
            assertThat(taskService.getIdentityLinksForTask(intake)).anyMatch(l -> SecondAgency.LEGAL.equals(
                    l.getGroupId()));
            assertRefused(post("zhaomin", "/engine-rest/task/" + intake + "/claim", Map.of("userId", "zhaomin")),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertThat(rest.withBasicAuth("zhaomin", PASSWORD).getForEntity("/api/cases/" + hwCase, String.class)
                    .getStatusCode()).as("a reviewer sees only his own agency's submitted cases")
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(rest.withBasicAuth(SecondAgency.REVIEWER, PASSWORD).getForEntity("/api/cases/" + hwCase,
                    String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            claim(SecondAgency.REVIEWER, intake);
            assertThat(post(SecondAgency.REVIEWER, "/engine-rest/task/" + intake + "/complete",
                    typed(Map.of("intakeOutcome", "ACCEPT"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            String review = taskOf(instance);
            assertThat(post(SecondAgency.REVIEWER, "/engine-rest/task/" + review + "/complete",
                    typed(Map.of("reviewAction", "REQUEST_EXTENSION", "extensionReason", "案情复杂")))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            String approval = taskOf(instance);

            assertRefused(post("chengang", "/engine-rest/task/" + approval + "/claim",
                    Map.of("userId", "chengang")), HttpStatus.FORBIDDEN, "FORBIDDEN");
            claim(SecondAgency.HEAD, approval);
            runtimeService.deleteProcessInstance(instance, "test");
        }

        @Test
        void aHeadOfAnotherAgencyIsRefusedEvenIfMadeACandidate() {
            String instance = start("zhangwei", submission(caseId));
            String review = reviewTaskOf(instance);
            assertThat(post("zhaomin", "/engine-rest/task/" + review + "/complete",
                    typed(Map.of("reviewAction", "REQUEST_EXTENSION", "extensionReason", "案情复杂")))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            String approval = taskOf(instance);
            taskService.addCandidateUser(approval, SecondAgency.HEAD);

            ResponseEntity<Map> answer = post(SecondAgency.HEAD, "/engine-rest/task/" + approval + "/claim",
                    Map.of("userId", SecondAgency.HEAD));
            assertRefused(answer, HttpStatus.UNPROCESSABLE_ENTITY, "NOT_AGENCY_HEAD");
            assertThat(taskService.createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();
        }
    }

    static Map<String, Object> opinion() {
        Map<String, Object> v = new HashMap<>();
        for (String point : List.of("pointSubject", "pointAuthority", "pointFacts", "pointLaw", "pointProcedure",
                "pointDocuments", "pointCrime")) {
            v.put(point, "OK");
        }
        v.put("reviewAction", "SUBMIT_OPINION");
        v.put("opinionOutcome", "AGREE");
        v.put("opinionText", "同意。");
        return v;
    }
}
