package cn.zhifa.disclosure;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public disclosure page (static/gongshi/index.html) answers at /gongshi/ as well. */
@Configuration(proxyBeanMethods = false)
class PublicPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/gongshi", "/gongshi/");
        registry.addViewController("/gongshi/").setViewName("forward:/gongshi/index.html");
    }
}
