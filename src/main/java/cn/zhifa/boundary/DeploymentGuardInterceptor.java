package cn.zhifa.boundary;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every command that changes the deployed models (deploy, redeploy, delete a deployment or a process
 * definition) when a user is authenticated and the {@link DeploymentPolicy} does not let that user. A deployed model
 * is code: its expressions run as the job executor, where no authorization applies. Without an authentication the
 * caller is the application itself (the process application's deployment at start, the job executor): every HTTP path
 * into the engine carries one (/engine-rest through Spring Security, the webapps through their session).
 */
class DeploymentGuardInterceptor extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuardInterceptor.class);
    private static final List<Class<?>> DEPLOYMENT_CHANGES = List.of(DeployCmd.class, DeleteDeploymentCmd.class,
            DeleteProcessDefinitionsByIdsCmd.class, DeleteProcessDefinitionsByKeyCmd.class);

    private final DeploymentPolicy policy;
    private final ProcessEngineConfigurationImpl configuration;

    DeploymentGuardInterceptor(DeploymentPolicy policy, ProcessEngineConfigurationImpl configuration) {
        this.policy = policy;
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (DEPLOYMENT_CHANGES.stream().anyMatch(change -> change.isInstance(command))) {
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user != null && !(policy == DeploymentPolicy.ADMIN && isAdministrator(user))) {
                log.warn("Refused {} by {}: {} (zhifa.engine.rest-deployments={})", command.getClass().getSimpleName(),
                        user.getUserId(), DeploymentForbiddenException.CODE, policy);
                throw new DeploymentForbiddenException(policy == DeploymentPolicy.NONE
                        ? "本系统不接受通过接口、Cockpit 或 Modeler 部署或删除流程模型：模型只随应用程序的构建发布"
                        : "只有系统管理员可以部署或删除流程模型：模型随应用程序的构建发布，试验请在本地演示环境中以管理员身份部署");
            }
        }
        return next.execute(command);
    }

    /** The engine's own notion of an administrator (camunda-admin, or configured admin groups and users). */
    private boolean isAdministrator(Authentication user) {
        List<String> adminGroups = configuration.getAdminGroups();
        List<String> adminUsers = configuration.getAdminUsers();
        return (adminUsers != null && adminUsers.contains(user.getUserId()))
                || (adminGroups != null && user.getGroupIds() != null
                        && user.getGroupIds().stream().anyMatch(adminGroups::contains));
    }
}
