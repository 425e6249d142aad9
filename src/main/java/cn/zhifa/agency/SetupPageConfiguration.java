package cn.zhifa.agency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The setup page (static/setup/index.html) answers at /setup/ as well. */
@Configuration(proxyBeanMethods = false)
class SetupPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/setup", "/setup/");
        registry.addViewController("/setup/").setViewName("forward:/setup/index.html");
    }
}
