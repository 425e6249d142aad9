package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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

    @Test
    void shouldDeployProcessesAndFormsInOneDeploymentSoFormRefResolves() throws Exception {
        ProcessDefinition probe = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("deployment-probe").latestVersion().singleResult();
        assertThat(probe).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(probe.getDeploymentId()))
                .anyMatch(name -> name.endsWith("deployment-probe.form"));

        ProcessInstance instance = runtimeService.startProcessInstanceByKey("deployment-probe", "probe-1");
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
