package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * No code from users (issue 8.1), the other places where the engine evaluates what a user sends: filters (stored
 * queries), ad-hoc queries, queries extending a filter, Java-serialized and JSON object variables.
 */
@ApplicationTest
class ExpressionRefusalTest {

    private static final String PASSWORD = "test-secret";
    private static final String ATTACK_FILTER = "zhifa-attack-filter";
    private static final String SQL = "${jdbcTemplate.update('CREATE TABLE pwned_by_filter (id INT)')}";
    private static final String SHELL =
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch pwned')}";
    /** A Java-serialized String; refused before anything reads it. */
    private static final String JAVA_SERIALIZED = "rO0ABXQABHRlc3Q=";

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired FilterService filterService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRegister cases;

    @AfterEach
    void removeTestFilters() {
        filterService.createFilterQuery().filterNameLike("zhifa-%").list()
                .forEach(filter -> filterService.deleteFilter(filter.getId()));
    }

    @Test
    void theEngineKeepsUserCodeOff() {
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).as("the shared filters need them").isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    }

    @Test
    void anOfficerCannotCreateAFilterThatRunsCode() {
        for (String code : List.of(SHELL, SQL)) {
            ResponseEntity<Map> refused = post("zhangwei", "/engine-rest/filter/create", attackFilter(code));

            // Camunda grants FILTER CREATE to administrators only; the allow-list would refuse it next
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("message")).containsPattern("\\p{IsHan}");
        }
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void evenTheAdministratorCannotStoreAnExpressionOutsideTheAllowList() {
        for (String code : List.of(SQL, SHELL, "${identityService.createMembership('zhangwei', 'camunda-admin')}")) {
            ResponseEntity<Map> refused = post("admin", "/engine-rest/filter/create", attackFilter(code));

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("code", "EXPRESSION_FORBIDDEN");
            assertThat((String) refused.getBody().get("message")).contains("筛选器只能使用").contains("currentUser()");
        }
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void theAdministratorStoresAFilterWithTheAllowedFunctions() {
        ResponseEntity<Map> created = post("admin", "/engine-rest/filter/create", Map.of("resourceType", "Task",
                "name", "zhifa-due-this-week", "query", Map.of("assigneeExpression", "${currentUser()}",
                        "dueBeforeExpression", "${dateTime().plusWeeks(1)}")));

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "/engine-rest/filter/" + created.getBody().get("id") + "/count").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anOfficerCannotRewriteASharedFilter() {
        String shared = sharedFilterId();

        ResponseEntity<Map> refused = exchange("zhangwei", HttpMethod.PUT, "/engine-rest/filter/" + shared,
                attackFilter(SQL));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(((AbstractQuery<?, ?>) filterService.getFilter(shared).getQuery()).getExpressions())
                .containsEntry("taskAssignee", "${currentUser()}");
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void anOfficerCannotExtendASharedFilterWithAnExpression() {
        String shared = sharedFilterId();

        for (String path : List.of("/list", "/count", "/singleResult")) {
            ResponseEntity<Map> refused = post("zhangwei", "/engine-rest/filter/" + shared + path,
                    Map.of("assigneeExpression", SQL));

            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("code", "EXPRESSION_FORBIDDEN");
            assertThat((String) refused.getBody().get("message")).contains("不接受表达式");
        }
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void theSharedFiltersStillWorkOverRestAndInTasklist() throws Exception {
        for (Filter filter : filterService.createFilterQuery().list()) {
            assertThat(get("zhaomin", "/engine-rest/filter/" + filter.getId() + "/count").getStatusCode())
                    .as(filter.getName()).isEqualTo(HttpStatus.OK);
        }
        assertThat(post("zhaomin", "/engine-rest/filter/" + sharedFilterId() + "/count",
                Map.of("nameLike", "%审%")).getStatusCode()).isEqualTo(HttpStatus.OK);

        WebappSession tasklist = WebappSession.logIn(port, "tasklist", "zhaomin", PASSWORD);
        HttpResponse<String> list = tasklist.postJson("/camunda/api/engine/engine/default/filter/" + sharedFilterId()
                + "/list?firstResult=0&maxResults=15", """
                {"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    }

    @Test
    void aFilterStoredBeforeTheRuleCannotRunCode() {
        Filter legacy = filterService.newTaskFilter("zhifa-legacy-filter");
        legacy.setQuery(taskService.createTaskQuery().taskAssigneeExpression(SQL));
        configuration.getCommandExecutorTxRequired().execute(new SaveFilterCmd(legacy));
        Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(legacy.getId());
        everyone.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyone);

        ResponseEntity<Map> refused = get("zhangwei", "/engine-rest/filter/" + legacy.getId() + "/list");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("code", "EXPRESSION_FORBIDDEN");
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void anAdhocQueryCarriesNoExpression() {
        ResponseEntity<Map> byParameter = get("zhangwei", "/engine-rest/task?assigneeExpression={e}", SQL);
        ResponseEntity<Map> count = get("zhangwei", "/engine-rest/task/count?candidateGroupsExpression={e}", SQL);
        ResponseEntity<Map> inAnOrBranch = post("zhangwei", "/engine-rest/task",
                Map.of("orQueries", List.of(Map.of("candidateGroupExpression", SHELL))));

        for (ResponseEntity<Map> refused : List.of(byParameter, count, inAnOrBranch)) {
            assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("code", "EXPRESSION_FORBIDDEN");
            assertThat((String) refused.getBody().get("message")).contains("不接受表达式");
        }
        assertNoAttackFilterAndNoSideEffect();
    }

    @Test
    void nobodySendsAJavaSerializedObject() {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("deployment-probe").count();
        Map<String, Object> serialized = Map.of("type", "Object", "value", JAVA_SERIALIZED, "valueInfo",
                Map.of("objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object"));

        ResponseEntity<Map> atStart = post("zhangwei", "/engine-rest/process-definition/key/deployment-probe/start",
                Map.of("variables", Map.of("payload", serialized)));

        assertThat(atStart.getStatusCode()).as("%s", atStart.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(atStart.getBody()).containsEntry("code", "JAVA_SERIALIZATION_FORBIDDEN");
        assertThat((String) atStart.getBody().get("message")).contains("Java 序列化");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("deployment-probe").count())
                .isEqualTo(instances);

        ProcessInstance probe = startProbe();
        try {
            ResponseEntity<Map> onAnInstance = exchange("admin", HttpMethod.PUT,
                    "/engine-rest/process-instance/" + probe.getId() + "/variables/payload", serialized);

            assertThat(onAnInstance.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(onAnInstance.getBody()).containsEntry("code", "JAVA_SERIALIZATION_FORBIDDEN");
            assertThat(runtimeService.getVariable(probe.getId(), "payload")).isNull();
        } finally {
            runtimeService.deleteProcessInstance(probe.getId(), "test");
        }
    }

    @Test
    void aJsonObjectDeserializesOnlyToAnAllowedType() {
        ProcessInstance probe = startProbe();
        String variable = "/engine-rest/process-instance/" + probe.getId() + "/variables/target";
        try {
            Map<String, Object> file = Map.of("type", "Object", "value", "\"/etc/passwd\"", "valueInfo",
                    Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json"));
            assertThat(exchange("admin", HttpMethod.PUT, variable, file).getStatusCode())
                    .as("stored as sent, not deserialized").isEqualTo(HttpStatus.NO_CONTENT);

            assertThat(get("admin", variable).getStatusCode().is2xxSuccessful()).as("deserialized").isFalse();
            assertThat(get("admin", variable + "?deserializeValue=false").getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            runtimeService.deleteProcessInstance(probe.getId(), "test");
        }
    }

    @Test
    void anUploadedJsonObjectIsReadOnlyIntoAnAllowedType() {
        ProcessInstance probe = startProbe();
        try {
            MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
            upload.add("data", part("\"/etc/passwd\"", MediaType.APPLICATION_JSON));
            upload.add("type", part("java.io.File", MediaType.TEXT_PLAIN));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);

            ResponseEntity<Map> refused = rest.withBasicAuth("admin", PASSWORD).postForEntity(
                    "/engine-rest/process-instance/" + probe.getId() + "/variables/target/data",
                    new HttpEntity<>(upload, headers), Map.class);

            assertThat(refused.getStatusCode().is2xxSuccessful()).as("%s", refused.getBody()).isFalse();
            assertThat(runtimeService.getVariable(probe.getId(), "target")).isNull();
        } finally {
            runtimeService.deleteProcessInstance(probe.getId(), "test");
        }
    }

    /** Trusted code names the case by id (docs/security.md): an instance to attack, as an administrator could. */
    private ProcessInstance startProbe() {
        long caseId = cases.register(new NewCase(CaseKind.OTHER_DECISION, "变量格式探测", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        return runtimeService.startProcessInstanceByKey("deployment-probe", Map.of("caseId", caseId));
    }

    private static HttpEntity<String> part(String content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(content, headers);
    }

    private String sharedFilterId() {
        return filterService.createFilterQuery().filterName("我的待办").singleResult().getId();
    }

    private static Map<String, Object> attackFilter(String expression) {
        return Map.of("resourceType", "Task", "name", ATTACK_FILTER, "query", Map.of("assigneeExpression", expression));
    }

    private void assertNoAttackFilterAndNoSideEffect() {
        assertThat(filterService.createFilterQuery().filterName(ATTACK_FILTER).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?")
                .param("PWNED_BY_FILTER").query(Long.class).single()).isZero();
        // the shell expression would create this file in the working directory
        assertThat(Path.of("pwned")).doesNotExist();
    }

    private ResponseEntity<Map> get(String user, String path, Object... uriVariables) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity(path, Map.class, uriVariables);
    }

    private ResponseEntity<Map> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
