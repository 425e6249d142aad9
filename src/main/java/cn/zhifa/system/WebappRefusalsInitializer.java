package cn.zhifa.system;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist talks to the engine through the webapp's own REST application ("Engine Api" under /camunda/api/engine),
 * not through /engine-rest. We register that servlet just before the Camunda starter would, the same way, plus our
 * refusal mappers, so that a refused start, claim or completion in Tasklist answers 422 with the Chinese message
 * instead of a wrapped 500. The starter keeps a servlet that is already registered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebappRefusalsInitializer implements ServletContextInitializer {

    static final String WEBAPP_ENGINE_API = "Engine Api";
    static final String WEBAPP_ENGINE_APPLICATION = "org.camunda.bpm.webapp.impl.engine.EngineRestApplication";

    private final CamundaBpmProperties camunda;

    WebappRefusalsInitializer(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) != null) {
            return;
        }
        ServletRegistration.Dynamic engineApi = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        engineApi.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        String providers = Stream.of(EngineRestRefusalMapper.class, EngineRestWrappedRefusalMapper.class,
                EngineRestZhifaExceptionMapper.class).map(Class::getName).collect(Collectors.joining(","));
        engineApi.setInitParameters(Map.of("jakarta.ws.rs.Application", WEBAPP_ENGINE_APPLICATION,
                ServerProperties.PROVIDER_CLASSNAMES, providers));
    }
}
