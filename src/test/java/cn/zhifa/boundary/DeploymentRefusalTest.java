package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
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
 * No code from users (issue 8.1): the process designer deploys a model whose expressions run SQL, an OS command and
 * make him administrator, over /engine-rest and through Cockpit. Models reach the engine only with the build; in
 * demo an administrator may still deploy experiments.
 */
@ApplicationTest
class DeploymentRefusalTest {

    private static final String PASSWORD = "test-secret";
    private static final String ATTACK = "zhifa-designer-attack";
    private static final String EXPERIMENT = "zhifa-admin-experiment";
    /** Runs at deployment: a start timer's date is evaluated when the model is deployed. */
    private static final String MALICIOUS_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              id="Definitions_Attack" targetNamespace="http://zhifa.cn/bpmn/attack">
              <bpmn:process id="designer-attack" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Now">
                  <bpmn:timerEventDefinition id="TimerEventDefinition_Now">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${jdbcTemplate.update('CREATE TABLE pwned_by_designer (id INT)') == 0 ? '2030-01-01T00:00:00' : '2030-01-01T00:00:00'}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="SequenceFlow_ToShell" sourceRef="StartEvent_Now" targetRef="Task_Shell" />
                <bpmn:serviceTask id="Task_Shell" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch pwned')}" />
                <bpmn:sequenceFlow id="SequenceFlow_ToAdmin" sourceRef="Task_Shell" targetRef="Task_Admin" />
                <bpmn:serviceTask id="Task_Admin" camunda:expression="${identityService.createMembership('huangtao', 'camunda-admin')}" />
                <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_Admin" targetRef="EndEvent_Done" />
                <bpmn:endEvent id="EndEvent_Done" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String HARMLESS_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_Experiment" targetNamespace="http://zhifa.cn/bpmn/experiment">
              <bpmn:process id="admin-experiment" name="试验流程" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Experiment" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void unlockTheDesigner() {
        // SecurityTest uses huangtao for wrong-password attempts; Camunda then delays his next logins
        identityService.unlockUser("huangtao");
    }

    @AfterEach
    void removeExperiments() {
        for (String name : List.of(ATTACK, EXPERIMENT)) {
            repositoryService.createDeploymentQuery().deploymentName(name).list()
                    .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
        }
    }

    @Test
    void theDesignerCannotDeployCodeOverEngineRest() {
        ResponseEntity<Map> refused = deploy("huangtao", ATTACK, MALICIOUS_BPMN);

        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("code", "DEPLOYMENT_FORBIDDEN");
        assertThat((String) refused.getBody().get("message")).contains("只有系统管理员").contains("构建");
        assertNothingDeployedAndNoSideEffect();
    }

    @Test
    void theDesignerCannotDeployCodeThroughCockpit() throws Exception {
        WebappSession cockpit = WebappSession.logIn(port, "cockpit", "huangtao", PASSWORD);

        HttpResponse<String> refused = cockpit.postMultipart("/camunda/api/engine/engine/default/deployment/create",
                ATTACK, "attack.bpmn", MALICIOUS_BPMN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"DEPLOYMENT_FORBIDDEN\"").contains("只有系统管理员");
        assertNothingDeployedAndNoSideEffect();
    }

    @Test
    void nobodyDeploysThroughTheWebappWithoutLoggingIn() throws Exception {
        WebappSession anonymous = WebappSession.anonymous(port, "cockpit");

        HttpResponse<String> refused = anonymous.postMultipart("/camunda/api/engine/engine/default/deployment/create",
                ATTACK, "attack.bpmn", MALICIOUS_BPMN);

        // the webapp's security filter answers 401; Spring's error page then fails to re-read the multipart body
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 401);
        assertThat(anonymous.get("/camunda/api/engine/engine/default/deployment").statusCode()).isEqualTo(401);
        assertNothingDeployedAndNoSideEffect();
    }

    @Test
    void theDesignerCannotRedeployOrDeleteTheApplicationsDeployment() {
        Deployment application = repositoryService.createDeploymentQuery().deploymentName("zhifa")
                .orderByDeploymentTime().desc().list().get(0);
        long deployments = repositoryService.createDeploymentQuery().count();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        String path = "/engine-rest/deployment/" + application.getId();
        ResponseEntity<Map> redeploy = rest.withBasicAuth("huangtao", PASSWORD)
                .postForEntity(path + "/redeploy", new HttpEntity<>("{}", json), Map.class);
        ResponseEntity<Map> delete = rest.withBasicAuth("huangtao", PASSWORD)
                .exchange(path + "?cascade=true", HttpMethod.DELETE, null, Map.class);

        assertThat(redeploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(redeploy.getBody()).containsEntry("code", "DEPLOYMENT_FORBIDDEN");
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getBody()).containsEntry("code", "DEPLOYMENT_FORBIDDEN");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(application.getId()).count()).isEqualTo(1);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void inDemoTheAdministratorDeploysAndDeletesAnExperiment() {
        ResponseEntity<Map> deployed = deploy("admin", EXPERIMENT, HARMLESS_BPMN);

        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        String id = (String) deployed.getBody().get("id");
        assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(id).count()).isEqualTo(1);

        ResponseEntity<Void> deleted = rest.withBasicAuth("admin", PASSWORD)
                .exchange("/engine-rest/deployment/" + id + "?cascade=true", HttpMethod.DELETE, null, Void.class);

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(id).count()).isZero();
    }

    @Test
    void theDesignerMaySeeDeploymentsButNotCreateThem() {
        List<String> groups = List.of("process-designer");
        assertThat(authorizationService.isUserAuthorized("huangtao", groups, Permissions.READ, Resources.DEPLOYMENT))
                .isTrue();
        assertThat(authorizationService.isUserAuthorized("huangtao", groups, Permissions.CREATE, Resources.DEPLOYMENT))
                .isFalse();
    }

    private ResponseEntity<Map> deploy(String user, String name, String bpmn) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
    }

    private void assertNothingDeployedAndNoSideEffect() {
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ATTACK).count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("designer-attack").count())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?")
                .param("PWNED_BY_DESIGNER").query(Long.class).single()).isZero();
        assertThat(identityService.createUserQuery().userId("huangtao").memberOfGroup("camunda-admin").count())
                .isZero();
        // the shell command of the model would create this file in the working directory
        assertThat(Path.of("pwned")).doesNotExist();
    }
}
