package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The discussion as Tasklist drives it, over /engine-rest with the heads' own logins, and the attacks on what the
 * engine owns: each refused with a Chinese message, the task and the case as they were, the refusal on the case.
 */
@ApplicationTest
class CollectiveDiscussionRestTest {

    static final String START = "/engine-rest/process-definition/key/collective-discussion/start";
    static final String PASSWORD = DiscussionDriver.PASSWORD;

    @Autowired TestRestTemplate rest;
    @Autowired DiscussionDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CaseRecord caseRecord;
    @Autowired DocumentService documents;

    long caseId;

    @BeforeEach
    void setUp() {
        driver.setUp();
        caseId = driver.filedCase(CollectiveDiscussionProcessTest.AMR);
        driver.reviewEnded(caseId, "APPROVED");
    }

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
        driver.tearDown();
    }

    /** Typed as Tasklist sends them: text and numbers plain, the checklist's array as Json. */
    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            if (value instanceof List<?> list) {
                v.put("value", DiscussionDriver.toJson(list.stream().map(String::valueOf).toList()));
                v.put("type", "Json");
            } else {
                v.put("value", value);
                v.put("type", value instanceof Long ? "Long" : value instanceof Integer ? "Integer"
                        : value instanceof Boolean ? "Boolean" : "String");
            }
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

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object message = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) message).containsPattern("\\p{IsHan}");
        assertThat(answer.getBody().toString()).doesNotContain("Exception");
    }

    String start(String user, Map<String, Object> variables) {
        ResponseEntity<Map> started = post(user, START, typed(variables));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    String task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    String opinionTask(String instance, String head) {
        return taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(DiscussionHeadTaskListener.OPINION_TASK).taskAssignee(head).singleResult().getId();
    }

    void ok(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Started by 张伟, convened by 陈刚, both heads present: the two opinion tasks wait. */
    String heardUpToTheOpinions() {
        String instance = start("zhangwei", DiscussionDriver.penaltyMatter(caseId));
        String convening = task(instance, "Task_ConveneDiscussion");
        ok(post("chengang", "/engine-rest/task/" + convening + "/claim", Map.of("userId", "chengang")));
        ok(post("chengang", "/engine-rest/task/" + convening + "/complete", typed(DiscussionDriver.meeting(null))));
        String attendance = task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK);
        ok(post("chengang", "/engine-rest/task/" + attendance + "/complete", typed(Map.of(MEETING_ACTION, "HOLD",
                ATTENDING_HEADS, List.of("chengang", "zhoujie"), NON_VOTING_ATTENDEES, "承办人员张伟"))));
        return instance;
    }

    List<RecordEntry> refusals(String code) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .filter(e -> e.data().contains("\"" + code + "\"")).toList();
    }

    @Test
    void shouldHoldTheDiscussionInTasklistAndFileTheMinutes() {
        String instance = heardUpToTheOpinions();
        Map<String, Object> formVariables = rest.withBasicAuth("zhoujie", PASSWORD).getForObject(
                "/engine-rest/task/" + opinionTask(instance, "zhoujie") + "/form-variables", Map.class);
        assertThat(formVariables).containsKeys(MEETING_TEXT, ATTENDANCE_TEXT, DRAFT_DECISION, LEGAL_REVIEW_TEXT,
                MATTER);
        ok(post("zhoujie", "/engine-rest/task/" + opinionTask(instance, "zhoujie") + "/complete",
                typed(Map.of(OPINION, "DISAGREE", OPINION_REASONS, "罚款偏高。"))));
        ok(post("chengang", "/engine-rest/task/" + opinionTask(instance, "chengang") + "/complete",
                typed(Map.of(OPINION, "AGREE", OPINION_REASONS, ""))));
        String conclusion = task(instance, DiscussionHeadTaskListener.CONCLUSION_TASK);
        ok(post("chengang", "/engine-rest/task/" + conclusion + "/complete", typed(Map.of(CONCLUSION_OUTCOME,
                "PENALTY_AS_PROPOSED", CONCLUSION_REASONS, "裁量适当。", CHANGED_PENALTY, "", TRANSFER_AUTHORITY, "",
                HEAVIER_THAN_PROPOSED, false))));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult()
                .getId());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        List<Map<String, Object>> files = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForObject("/api/cases/" + caseId + "/documents", List.class);
        assertThat(files).anyMatch(d -> "COLLECTIVE_DISCUSSION".equals(d.get("type")));
        assertThat(documents.latest(caseId, DocumentType.COLLECTIVE_DISCUSSION)).isPresent();
    }

    @Nested
    class EngineOwnedVariables {

        @Test
        void aHeadCannotSetTheResultDirectly() {
            String instance = heardUpToTheOpinions();
            ok(post("zhoujie", "/engine-rest/task/" + opinionTask(instance, "zhoujie") + "/complete",
                    typed(Map.of(OPINION, "AGREE"))));
            ok(post("chengang", "/engine-rest/task/" + opinionTask(instance, "chengang") + "/complete",
                    typed(Map.of(OPINION, "AGREE"))));
            String conclusion = task(instance, DiscussionHeadTaskListener.CONCLUSION_TASK);
            Map<String, Object> forged = new HashMap<>(Map.of(CONCLUSION_OUTCOME, "NO_PENALTY",
                    CONCLUSION_REASONS, "情节轻微。", DISCUSSION_RESULT, "PENALTY_AS_PROPOSED"));
            assertRefused(post("chengang", "/engine-rest/task/" + conclusion + "/complete", typed(forged)),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertRefused(put("chengang", "/engine-rest/task/" + conclusion + "/variables/" + DISCUSSION_RESULT,
                    Map.of("value", "NO_PENALTY", "type", "String")), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(put("admin", "/engine-rest/process-instance/" + instance + "/variables/"
                    + FURTHER_EXTENSION_DAYS, Map.of("value", 365, "type", "Integer")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");

            assertThat(task(instance, DiscussionHeadTaskListener.CONCLUSION_TASK)).isEqualTo(conclusion);
            assertThat(runtimeService.getVariable(instance, DISCUSSION_RESULT)).isNull();
            assertThat(refusals("ENGINE_OWNED_VARIABLE")).hasSize(2)
                    .anySatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
        }

        @Test
        void nobodyNamesTheMembersThePresidingHeadOrTheVotesHimself() {
            Map<String, Object> start = DiscussionDriver.penaltyMatter(caseId);
            start.put(PRESIDING_HEAD, "zhoujie");
            assertRefused(post("zhangwei", START, typed(start)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");

            String instance = start("zhangwei", DiscussionDriver.penaltyMatter(caseId));
            String convening = task(instance, "Task_ConveneDiscussion");
            ok(post("chengang", "/engine-rest/task/" + convening + "/claim", Map.of("userId", "chengang")));
            Map<String, Object> withMembers = new HashMap<>(DiscussionDriver.meeting(null));
            withMembers.put(MEMBERS, List.of("chengang"));
            assertRefused(post("chengang", "/engine-rest/task/" + convening + "/complete", typed(withMembers)),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            ok(post("chengang", "/engine-rest/task/" + convening + "/complete", typed(DiscussionDriver.meeting(null))));

            String attendance = task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK);
            assertRefused(post("chengang", "/engine-rest/task/" + attendance + "/complete", typed(Map.of(
                    MEETING_ACTION, "HOLD", ATTENDING_HEADS, List.of("chengang"), PRESENT_MEMBERS,
                    List.of("chengang", "zhoujie")))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            ok(post("chengang", "/engine-rest/task/" + attendance + "/complete", typed(Map.of(MEETING_ACTION,
                    "HOLD", ATTENDING_HEADS, List.of("chengang", "zhoujie")))));

            String zhoujies = opinionTask(instance, "zhoujie");
            assertRefused(post("zhoujie", "/engine-rest/task/" + zhoujies + "/complete", typed(Map.of(OPINION,
                    "AGREE", MEMBER, "chengang"))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertRefused(post("zhoujie", "/engine-rest/task/" + zhoujies + "/complete", typed(Map.of(OPINION,
                    "AGREE", OPINION_SUMMARY, "陈刚：同意"))), HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertRefused(post("zhoujie", "/engine-rest/task/" + zhoujies + "/complete", typed(Map.of(OPINION,
                    "AGREE", CONCLUSION_OUTCOME, "NO_PENALTY"))), HttpStatus.UNPROCESSABLE_ENTITY,
                    "VARIABLE_NOT_IN_FORM");
            assertThat(opinionTask(instance, "zhoujie")).isEqualTo(zhoujies);
            assertThat(refusals("ENGINE_OWNED_VARIABLE")).hasSize(5);
        }
    }

    @Nested
    class WhoActs {

        @Test
        void aHeadCannotGiveAnotherHeadsOpinion() {
            String instance = heardUpToTheOpinions();
            String zhoujies = opinionTask(instance, "zhoujie");
            assertRefused(post("chengang", "/engine-rest/task/" + zhoujies + "/complete",
                    typed(Map.of(OPINION, "AGREE"))), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(put("chengang", "/api/tasks/" + zhoujies + "/assignee", Map.of("userId", "chengang")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "REASSIGN_NOT_CANDIDATE");
            assertRefused(post("admin", "/engine-rest/task/" + zhoujies + "/assignee", Map.of("userId", "chengang")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "OPINION_NOT_OWN");
            assertThat(taskService.createTaskQuery().taskId(zhoujies).singleResult().getAssignee())
                    .isEqualTo("zhoujie");
            assertThat(refusals("OPINION_NOT_OWN")).hasSize(1);
        }

        @Test
        void aNonHeadOrAHeadOfAnotherAgencyCannotConveneNorVote() {
            String instance = start("zhangwei", DiscussionDriver.penaltyMatter(caseId));
            String convening = task(instance, "Task_ConveneDiscussion");
            assertRefused(post("zhangwei", "/engine-rest/task/" + convening + "/claim", Map.of("userId", "zhangwei")),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(post(OtherAgency.PRINCIPAL, "/engine-rest/task/" + convening + "/claim",
                    Map.of("userId", OtherAgency.PRINCIPAL)), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(post("admin", "/engine-rest/task/" + convening + "/assignee",
                    Map.of("userId", OtherAgency.PRINCIPAL)), HttpStatus.UNPROCESSABLE_ENTITY, "NOT_AGENCY_HEAD");
            ok(post("chengang", "/engine-rest/task/" + convening + "/claim", Map.of("userId", "chengang")));
            ok(post("chengang", "/engine-rest/task/" + convening + "/complete", typed(DiscussionDriver.meeting(null))));
            String attendance = task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK);
            assertRefused(post("chengang", "/engine-rest/task/" + attendance + "/complete", typed(Map.of(
                    MEETING_ACTION, "HOLD", ATTENDING_HEADS, List.of("chengang", "zhoujie", OtherAgency.PRINCIPAL)))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "NOT_A_MEMBER");
            ok(post("chengang", "/engine-rest/task/" + attendance + "/complete", typed(Map.of(MEETING_ACTION,
                    "HOLD", ATTENDING_HEADS, List.of("chengang", "zhoujie")))));
            assertRefused(post("zhangwei", "/engine-rest/task/" + opinionTask(instance, "zhoujie") + "/complete",
                    typed(Map.of(OPINION, "AGREE"))), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(post("admin", "/engine-rest/task/" + opinionTask(instance, "zhoujie") + "/assignee",
                    Map.of("userId", "zhangwei")), HttpStatus.UNPROCESSABLE_ENTITY, "NOT_AGENCY_HEAD");
            assertThat(refusals("NOT_AGENCY_HEAD")).hasSize(2);
        }

        @Test
        void aMeetingWithoutQuorumIsRefusedWithTheNumbersOverRest() {
            String instance = start("zhangwei", DiscussionDriver.penaltyMatter(caseId));
            String convening = task(instance, "Task_ConveneDiscussion");
            ok(post("chengang", "/engine-rest/task/" + convening + "/claim", Map.of("userId", "chengang")));
            ok(post("chengang", "/engine-rest/task/" + convening + "/complete", typed(DiscussionDriver.meeting(null))));
            String attendance = task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK);
            ResponseEntity<Map> refused = post("chengang", "/engine-rest/task/" + attendance + "/complete",
                    typed(Map.of(MEETING_ACTION, "HOLD", ATTENDING_HEADS, List.of("chengang"))));
            assertRefused(refused, HttpStatus.UNPROCESSABLE_ENTITY, "QUORUM_NOT_MET");
            assertThat(refused.getBody().toString()).contains("本机关负责人共2人", "至少2人", "实际出席1人");
            assertThat(task(instance, DiscussionHeadTaskListener.ATTENDANCE_TASK)).isEqualTo(attendance);
        }
    }

    @Nested
    class TheAgencysRule {

        static final String RULE = "/api/agencies/" + OtherAgency.AGENCY + "/discussion-rule";
        static final String SETUP = "/api/admin/agencies/" + OtherAgency.AGENCY + "/discussion-rule";

        Map<String, Object> rule(String principal, int numerator, int denominator) {
            Map<String, Object> rule = new HashMap<>();
            rule.put("principalHead", principal);
            rule.put("quorumNumerator", numerator);
            rule.put("quorumDenominator", denominator);
            rule.put("quorumInclusive", true);
            rule.put("conclusion", "MAJORITY");
            rule.put("meetingKind", "LEADERSHIP_MEETING");
            return rule;
        }

        @Test
        void onlyAnAdministratorSetsItAndOnlyWithAHeadOfTheAgencyAsPrincipal() {
            assertRefused(put(OtherAgency.PRINCIPAL, SETUP, rule("yj-head2", 2, 3)), HttpStatus.FORBIDDEN,
                    "FORBIDDEN");
            assertRefused(put("admin", RULE, rule("yj-head2", 2, 3)), HttpStatus.METHOD_NOT_ALLOWED,
                    "METHOD_NOT_ALLOWED");
            assertRefused(put("admin", SETUP, rule("chengang", 2, 3)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "PRINCIPAL_HEAD_NOT_HEAD");
            assertRefused(put("admin", SETUP, rule("yj-head2", 3, 2)), HttpStatus.BAD_REQUEST,
                    "DISCUSSION_QUORUM_INVALID");
            assertRefused(put("admin", SETUP, rule("yj-head2", 0, 2)), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");

            ResponseEntity<Map> set = put("admin", SETUP, rule("yj-head2", 2, 3));
            assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(set.getBody()).containsEntry("principalHead", "yj-head2").containsEntry("quorumNumerator", 2)
                    .containsEntry("conclusion", "MAJORITY").containsEntry("meetingKind", "LEADERSHIP_MEETING");
            assertThat(rest.withBasicAuth("yj-head3", PASSWORD).getForObject(RULE, Map.class))
                    .containsEntry("principalHead", "yj-head2");
            // the agency's own administrator sets his agency's rule, not another's
            assertThat(put(OtherAgency.ADMIN, SETUP, rule(OtherAgency.PRINCIPAL, 1, 2)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertRefused(put(OtherAgency.ADMIN, "/api/admin/agencies/agency-amr/discussion-rule",
                    rule("chengang", 1, 2)), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(rest.withBasicAuth("chengang", PASSWORD).getForEntity(RULE, Map.class),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(rest.withBasicAuth(OtherAgency.OFFICER, PASSWORD).getForEntity(RULE, Map.class),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
        }
    }
}
