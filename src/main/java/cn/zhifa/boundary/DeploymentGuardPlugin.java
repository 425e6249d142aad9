package cn.zhifa.boundary;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * No code from users, part one: deployments. Installs {@link DeploymentGuardInterceptor} in front of every command,
 * configured by {@code zhifa.engine.rest-deployments} ({@code NONE} unless the demo profile opens it to
 * administrators).
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

    private final DeploymentProperties properties;

    DeploymentGuardPlugin(DeploymentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one instance per chain: an interceptor holds the next link of its chain
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    /** Other plugins add interceptors of their own: keep theirs. */
    private List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors,
            ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new DeploymentGuardInterceptor(properties.restDeployments(), configuration));
        return all;
    }
}
