package cn.zhifa.system;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Additions to Camunda's REST API (Jersey). */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer engineRestRefusals() {
        return config -> config.register(EngineRestRefusalMapper.class).register(EngineRestWrappedRefusalMapper.class)
                .register(EngineRestZhifaExceptionMapper.class);
    }
}
