package cn.zhifa.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces Camunda's per-account lock-out with {@link LoginThrottle}. Camunda locks an account for good after ten
 * wrong passwords ({@code loginMaxAttempts}), whoever typed them, and refuses even the right one during a growing delay
 * ({@code loginDelay*}): anyone could keep a head out of the system by guessing. Here the engine never locks an
 * account (so an account a former setting locked is usable again) and the throttle counts per client address.
 * Setting {@code login-*} engine properties has no effect.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;

    LoginThrottlePlugin(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                // the engine registers a writable identity provider for this type
                return DbIdentityServiceProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle);
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(0);
    }
}
