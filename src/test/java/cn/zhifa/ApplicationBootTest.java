package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ApplicationBootTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRegister cases;

    @Test
    void shouldDeployProcessesAndFormsInOneDeploymentSoFormRefResolves() throws Exception {
        ProcessDefinition probe = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("deployment-probe").latestVersion().singleResult();
        assertThat(probe).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(probe.getDeploymentId()))
                .anyMatch(name -> name.endsWith("deployment-probe.form"));

        // every process belongs to a case (docs/security.md); trusted code names it by id
        long caseId = cases.register(new NewCase(CaseKind.OTHER_DECISION, "部署探测", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("deployment-probe",
                Map.of("caseId", caseId));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"deployment-probe\"");
        }
        runtimeService.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void shouldCreateTheProjectTablesWithFlyway() {
        Long migrations = jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")
                .query(Long.class).single();
        assertThat(migrations).isPositive();
    }
}
