package cn.zhifa.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.boundary.WebappSession;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The worklist over HTTP as each role calls it from Tasklist: task cards with case, party and due state; business
 * keys that follow the case number; the shared filters per role and their due windows; 我发起的 and 已办; the webapp
 * session accepted on /api, with its CSRF token for changes.
 */
@ApplicationTest
class WorklistApiTest {

    static final String PASSWORD = "test-secret";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    long caseId;

    @BeforeEach
    void setUp() {
        clockAt("2026-09-30T10:00:00");
        caseId = cases.register(new NewCase(CaseKind.PENALTY, "某商店销售过期食品案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "李四", "11010519491231002X", "某县某路2号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
        ClockUtil.reset();
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    @Test
    void theBusinessKeyIsTheRegistrationNumberUntilFilingThenTheCaseNumber() {
        String instanceId = startReview("zhangwei");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
                .isEqualTo("登记号" + caseId);

        String caseNo = cases.assignNumber(caseId);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
                .isEqualTo(caseNo).startsWith("某县市监");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getBusinessKey()).isEqualTo(caseNo);
        // the case is still found by what people typed before
        assertThat(cases.findByReference("登记号" + caseId)).map(c -> c.id()).contains(caseId);
    }

    @Test
    void aTaskCardNamesTheCaseAndPartyAndItsDueStateForThoseWhoMaySeeTheTask() {
        String instanceId = startReview("zhangwei");
        Task intake = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();

        List<Map<String, Object>> cards = get("zhaomin", "/api/worklist/tasks?ids=" + intake.getId());
        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card).containsEntry("caseReference", "登记号" + caseId).containsEntry("party", "李四")
                    .containsEntry("caseTitle", "某商店销售过期食品案");
        });
        // an officer of another unit does not see the task, so gets no card
        assertThat(get("wangqiang", "/api/worklist/tasks?ids=" + intake.getId())).isEmpty();
    }

    @Test
    void theOpinionTaskSaysWhatTheLawAsksAndByWhenAndIsMarkedNearAndOverdueInWorkingDays() {
        String instanceId = startReview("zhangwei");
        Task intake = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        as("zhaomin", () -> {
            tasks.claim(intake.getId(), "zhaomin");
            tasks.complete(intake.getId(), Map.of("intakeOutcome", "ACCEPT"));
        });
        Task opinion = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_ReviewOpinion")
                .singleResult();
        assertThat(opinion.getDescription()).contains("逐项审核七个要点").contains("办理期限：2026年10月").contains("依据：");
        assertThat(opinion.getFollowUpDate()).isNotNull().isBefore(opinion.getDueDate());

        Map<String, Object> fresh = card("zhaomin", opinion.getId());
        assertThat(fresh).containsEntry("state", "OK");
        assertThat((Integer) fresh.get("workingDaysLeft")).isPositive();
        assertThat(filterIds("zhaomin", "即将到期")).doesNotContain(opinion.getId());

        ClockUtil.setCurrentTime(new Date(opinion.getFollowUpDate().getTime() + 60_000));
        assertThat(card("zhaomin", opinion.getId())).containsEntry("state", "NEAR");
        assertThat(filterIds("zhaomin", "即将到期")).contains(opinion.getId());
        assertThat(filterIds("zhaomin", "我的待办")).contains(opinion.getId());
        assertThat(filterIds("zhaomin", "已逾期")).doesNotContain(opinion.getId());

        ClockUtil.setCurrentTime(new Date(opinion.getDueDate().getTime() + 3 * 86_400_000L));
        Map<String, Object> late = card("zhaomin", opinion.getId());
        assertThat(late).containsEntry("state", "OVERDUE");
        assertThat((Integer) late.get("workingDaysLeft")).isNegative();
        assertThat(filterIds("zhaomin", "已逾期")).contains(opinion.getId());
        assertThat(filterIds("zhaomin", "即将到期")).doesNotContain(opinion.getId());

        List<Map<String, Object>> deadlines = get("zhangwei", "/api/worklist/cases/" + caseId + "/deadlines");
        assertThat(deadlines).anySatisfy(d -> {
            assertThat(d).containsEntry("entryId", "LEGAL_REVIEW");
            assertThat((List<Object>) d.get("states")).contains("RUNNING", "OVERDUE");
        });
        assertThat(rest.withBasicAuth("wangqiang", PASSWORD).getForEntity("/api/worklist/cases/" + caseId
                + "/deadlines", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDueDateNoCataloguePeriodGaveIsRemindedTwoWorkingDaysBefore() {
        String instanceId = startReview("zhangwei");
        Task intake = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        as("zhaomin", () -> {
            tasks.claim(intake.getId(), "zhaomin");
            // due Friday 2026-10-09: the working days before it are Thursday 10-08 and, over the National Day
            // holiday (10-01 to 10-07), Wednesday 09-30
            tasks.complete(intake.getId(), Map.of("intakeOutcome", "SUPPLEMENT", "supplementItems", "补充检验报告原件",
                    "supplementDueDate", "2026-10-09"));
        });
        Task supplement = tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_SupplementMaterials").singleResult();
        assertThat(supplement.getFollowUpDate().toInstant())
                .isEqualTo(LocalDateTime.parse("2026-09-30T09:00:00").atZone(ZONE).toInstant());
        assertThat(supplement.getDescription()).contains("办理期限：2026年10月9日前").doesNotContain("依据：");
    }

    @Test
    void theSharedFiltersAreReadByTheRolesThatWorkInTasklistAndByNobodyElse() {
        for (String name : List.of("我的待办", "本单位待办", "今日到期", "即将到期", "已逾期")) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            assertThat(filter).as(name).isNotNull();
            for (String role : WorklistFilters.TASKLIST_ROLES) {
                assertThat(authorizations.isUserAuthorized("nobody", List.of(role), Permissions.READ, Resources.FILTER,
                        filter.getId())).as("%s for %s", name, role).isTrue();
            }
            assertThat(authorizations.isUserAuthorized("nobody", List.of("supervisor"), Permissions.READ,
                    Resources.FILTER, filter.getId())).as("%s for supervisor", name).isFalse();
        }
        ResponseEntity<List<Map<String, Object>>> seen = rest.withBasicAuth("zhangwei", PASSWORD)
                .exchange("/engine-rest/filter?resourceType=Task", HttpMethod.GET, null, LIST);
        assertThat(seen.getBody()).extracting(f -> f.get("name"))
                .contains("我的待办", "本单位待办", "今日到期", "即将到期", "已逾期");
    }

    @Test
    void anOfficerFindsWhatHeStartedAndWhatHeDid() {
        String instanceId = startReview("zhangwei");
        List<Map<String, Object>> started = get("zhangwei", "/api/worklist/started");
        assertThat(started).anySatisfy(p -> {
            assertThat(p).containsEntry("processInstanceId", instanceId).containsEntry("caseReference", "登记号" + caseId)
                    .containsEntry("processName", "重大执法决定法制审核");
            assertThat((List<Object>) p.get("openTasks")).containsExactly("受理审查");
        });
        assertThat(get("lina", "/api/worklist/started")).noneMatch(p -> instanceId.equals(p.get("processInstanceId")));

        Task intake = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        as("zhaomin", () -> {
            tasks.claim(intake.getId(), "zhaomin");
            tasks.complete(intake.getId(), Map.of("intakeOutcome", "ACCEPT"));
        });
        assertThat(get("zhaomin", "/api/worklist/done")).anySatisfy(t -> assertThat(t)
                .containsEntry("taskId", intake.getId()).containsEntry("taskName", "受理审查")
                .containsEntry("caseReference", "登记号" + caseId));
        assertThat(get("zhangwei", "/api/worklist/done")).noneMatch(t -> intake.getId().equals(t.get("taskId")));
    }

    @Test
    void thePickerFindsACaseByPartyTitleOrRegistrationNumber() {
        for (String q : List.of("李四", "过期食品", "登记号" + caseId, String.valueOf(caseId))) {
            assertThat(get("zhangwei", "/api/cases?q=" + q)).as(q).anySatisfy(c -> assertThat(c)
                    .containsEntry("reference", "登记号" + caseId));
        }
        assertThat(get("wangqiang", "/api/cases?q=李四")).noneMatch(c -> ((Number) c.get("id")).longValue() == caseId);
    }

    @Test
    void anOfficerOfTheUnitListsHisColleaguesForANewCase() {
        assertThat(get("zhangwei", "/api/worklist/colleagues")).extracting(c -> c.get("userId"))
                .startsWith("zhangwei").contains("lina").doesNotContain("wangqiang", "zhaomin");
    }

    @Test
    void theTasklistSessionReadsAndWritesApiButAChangeNeedsItsCsrfToken() throws Exception {
        WebappSession tasklist = WebappSession.logIn(port, "tasklist", "zhangwei", PASSWORD);
        HttpResponse<String> me = tasklist.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"zhangwei\"");
        // the session stays as the webapp holds it: same id, still logged in for the engine API
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").statusCode())
                .isEqualTo(200);

        String newCase = """
                {"kind":"PENALTY","title":"某超市无照经营案","parties":[{"kind":"INDIVIDUAL","name":"王五",
                "idNumber":"11010519491231002X"}],"officers":[{"userId":"zhangwei"},{"userId":"lina"}]}""";
        HttpResponse<String> forged = tasklist.postJsonWithoutCsrfToken("/api/cases", newCase);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("某超市无照经营案");

        HttpResponse<String> registered = tasklist.postJson("/api/cases", newCase);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Map<?, ?> body = json.readValue(registered.body(), Map.class);
        assertThat(body.get("reference")).isEqualTo("登记号" + body.get("id"));
        assertThat(body.get("createdBy")).isEqualTo("zhangwei");

        HttpResponse<String> anonymous = WebappSession.anonymous(port, "tasklist").get("/api/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------------------------

    private String startReview(String officer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseRef", String.valueOf(caseId));
        variables.put("basicFacts", "当事人销售过期食品。");
        variables.put("appliedLaw", "《中华人民共和国食品安全法》第一百二十四条。");
        variables.put("discretionApplied", "适用裁量基准第二档。");
        variables.put("investigation", "现场检查、询问当事人。");
        variables.put("hearingAssessment", "无");
        variables.put("draftDecision", "行政处罚决定书（代拟稿）。");
        variables.put("evidenceList", "1. 现场检查笔录");
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
        ResponseEntity<Map> started = rest.withBasicAuth(officer, PASSWORD).postForEntity(
                "/engine-rest/process-definition/key/legal-review/start", Map.of("variables", typed), Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    private List<Map<String, Object>> get(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, PASSWORD)
                .exchange(path, HttpMethod.GET, HttpEntity.EMPTY, LIST);
        assertThat(response.getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> card(String user, String taskId) {
        List<Map<String, Object>> cards = get(user, "/api/worklist/tasks?ids=" + taskId);
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }

    /** The task ids a shared filter lists for the user, as Tasklist asks for them. */
    private List<String> filterIds(String user, String filterName) {
        String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        ResponseEntity<List<Map<String, Object>>> listed = rest.withBasicAuth(user, PASSWORD)
                .exchange("/engine-rest/filter/" + filterId + "/list", HttpMethod.POST,
                        new HttpEntity<>(Map.of()), LIST);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        return listed.getBody().stream().map(t -> (String) t.get("id")).toList();
    }

    private void as(String user, Runnable action) {
        identity.setAuthentication(user, List.copyOf(identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId()).toList()));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
