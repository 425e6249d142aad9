package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceNamesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The deployment rule per profile, without an engine: prod (NONE) refuses even the administrator. */
class DeploymentGuardInterceptorTest {

    private final StandaloneInMemProcessEngineConfiguration configuration =
            new StandaloneInMemProcessEngineConfiguration();
    private final Recorder engine = new Recorder();

    @AfterEach
    void logOut() {
        configuration.getIdentityService().clearAuthentication();
    }

    @Test
    void prodRefusesTheAdministratorToDeployRedeployOrDelete() {
        CommandInterceptor guard = guard(DeploymentPolicy.NONE);
        logIn("admin", "camunda-admin");

        for (Command<?> change : deploymentChanges()) {
            assertThatThrownBy(() -> guard.execute(change)).isInstanceOf(DeploymentForbiddenException.class)
                    .hasMessageContaining("只随应用程序的构建发布")
                    .extracting(e -> ((DeploymentForbiddenException) e).code()).isEqualTo("DEPLOYMENT_FORBIDDEN");
        }
        assertThat(engine.executed).isEmpty();
    }

    @Test
    void demoLetsTheAdministratorDeployAndRefusesTheDesigner() {
        CommandInterceptor guard = guard(DeploymentPolicy.ADMIN);

        logIn("huangtao", "process-designer");
        assertThatThrownBy(() -> guard.execute(deploy())).isInstanceOf(DeploymentForbiddenException.class)
                .hasMessageContaining("只有系统管理员");
        assertThat(engine.executed).isEmpty();

        logIn("admin", "camunda-admin");
        guard.execute(deploy());
        assertThat(engine.executed).hasSize(1);
    }

    @Test
    void theApplicationsOwnDeploymentRunsWithoutAuthenticationAndPassesEvenInProd() {
        CommandInterceptor guard = guard(DeploymentPolicy.NONE);

        guard.execute(deploy());

        assertThat(engine.executed).hasSize(1);
    }

    @Test
    void otherCommandsPassForEveryone() {
        CommandInterceptor guard = guard(DeploymentPolicy.NONE);
        logIn("huangtao", "process-designer");

        guard.execute(new GetDeploymentResourceNamesCmd("any"));

        assertThat(engine.executed).hasSize(1);
    }

    @Test
    void prodAndTheBaseConfigurationCloseDeploymentsAndDemoOpensThemToTheAdministrator() {
        assertThat(restDeployments("application-prod.yaml")).isEqualTo("NONE");
        assertThat(restDeployments("application.yaml")).isEqualTo("NONE");
        assertThat(restDeployments("application-demo.yaml")).isEqualTo("ADMIN");
        assertThat(new DeploymentProperties(null).restDeployments()).isEqualTo(DeploymentPolicy.NONE);
    }

    private static String restDeployments(String yaml) {
        YamlPropertiesFactoryBean properties = new YamlPropertiesFactoryBean();
        properties.setResources(new ClassPathResource(yaml));
        return properties.getObject().getProperty("zhifa.engine.rest-deployments");
    }

    private CommandInterceptor guard(DeploymentPolicy policy) {
        configuration.setAdminGroups(List.of("camunda-admin"));
        DeploymentGuardInterceptor guard = new DeploymentGuardInterceptor(policy, configuration);
        guard.setNext(engine);
        return guard;
    }

    private void logIn(String user, String group) {
        configuration.getIdentityService().setAuthentication(user, List.of(group));
    }

    private static DeployCmd deploy() {
        return new DeployCmd(new DeploymentBuilderImpl(null));
    }

    private static List<Command<?>> deploymentChanges() {
        DeploymentBuilderImpl redeploy = new DeploymentBuilderImpl(null);
        redeploy.addDeploymentResources("previous-deployment");
        return List.of(deploy(), new DeployCmd(redeploy), new DeleteDeploymentCmd("d", true, false, false),
                new DeleteProcessDefinitionsByIdsCmd(List.of("p"), true, false, false));
    }

    /** Stands for the rest of the engine's chain. */
    private static final class Recorder extends CommandInterceptor {

        final List<Command<?>> executed = new ArrayList<>();

        @Override
        public <T> T execute(Command<T> command) {
            executed.add(command);
            return null;
        }
    }
}
