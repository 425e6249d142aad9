package cn.zhifa.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * No code from users, part two: nothing a user sends is evaluated as code. Expressions in ad-hoc queries are off
 * and refused in Chinese; stored filters keep expressions (the shared Tasklist filters need {@code currentUser()}
 * and the like) but only those of the {@link ExpressionAllowList}, checked on every save and run; Java serialization
 * stays off; JSON objects deserialize only to the engine's allow-listed types.
 */
@Component
class ExpressionGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Supplier<Authentication> user = () -> configuration.getIdentityService().getCurrentAuthentication();
        ExpressionAllowList allowList = new ExpressionAllowList(user);
        configuration.setFilterService(new ExpressionCheckedFilterService(allowList));
        // one instance per chain: an interceptor holds the next link of its chain; other plugins' interceptors stay
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration
                .getCustomPreCommandInterceptorsTxRequired(), new ExpressionGuardInterceptor(allowList, user)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration
                .getCustomPreCommandInterceptorsTxRequiresNew(), new ExpressionGuardInterceptor(allowList, user)));
    }

    /** After every plugin's preInit (generic properties included), so that configuration cannot reopen them. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors,
            CommandInterceptor interceptor) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(interceptor);
        return all;
    }
}
