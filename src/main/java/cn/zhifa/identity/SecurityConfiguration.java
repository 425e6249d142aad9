package cn.zhifa.identity;

import cn.zhifa.system.ApiProblems;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.RefusalLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * /api, /engine-rest and actuator metrics: stateless HTTP Basic checked against the Camunda identity service, with
 * too many wrong passwords from one address answered 429 ({@link LoginThrottle}); /api/admin for administrators.
 * The webapps under /camunda keep their own session login and CSRF protection. Every response carries
 * {@code Referrer-Policy: same-origin}, and over HTTPS {@code Strict-Transport-Security}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("H:mm").withZone(EngineClock.ZONE);

    @Bean
    AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService,
            LoginThrottle throttle) {
        return new CamundaIdentityAuthenticationProvider(identityService, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, Clock clock, StaffDirectory staff)
            throws Exception {
        AgencyAdministrators administrators = new AgencyAdministrators(staff);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof CamundaIdentityAuthenticationProvider.LoginBlockedException blocked) {
                String detail = "登录失败次数过多，已暂停从此地址登录该账户，请于" + CLOCK_TIME.format(blocked.until())
                        + "后再试，或请系统管理员解除";
                RefusalLog.warn("LOGIN_BLOCKED", HttpStatus.TOO_MANY_REQUESTS.value(), detail, request);
                long seconds = Math.max(1, Duration.between(clock.instant(), blocked.until()).toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                ApiProblems.write(response, objectMapper,
                        ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_BLOCKED", detail));
                return;
            }
            // a page that logs in by itself (the setup page) says so, and the browser keeps its own dialog closed
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"zhifa\", charset=\"UTF-8\"");
            }
            ApiProblems.write(response, objectMapper, ApiProblems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "请先登录：需要有效的用户名和密码"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            RefusalLog.warn("FORBIDDEN", HttpStatus.FORBIDDEN.value(), "当前用户无权执行此操作", request);
            ApiProblems.write(response, objectMapper,
                    ApiProblems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作"));
        };
        return http
                // path matchers, not MVC ones: /engine-rest is Jersey's servlet, not the DispatcherServlet
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        // the public side of disclosure (docs/disclosure.md): published records, correction requests
                        .requestMatchers(path(HttpMethod.GET, "/api/public/disclosures"),
                                path(HttpMethod.GET, "/api/public/disclosures/{id}"),
                                path(HttpMethod.POST, "/api/public/disclosures/{id}/corrections")).permitAll()
                        // disclosure timeliness of any agency (docs/disclosure.md): supervisors and administrators
                        .requestMatchers(path(HttpMethod.GET, "/api/supervision/disclosure-timeliness"))
                        .hasAnyAuthority(Roles.ADMIN, Roles.SUPERVISOR)
                        .requestMatchers(path("/actuator/**")).hasAnyAuthority(Roles.ADMIN, Roles.SUPERVISOR)
                        // setting up agencies: the platform administrator creates them and may administer any;
                        // an agency administrator only his own agency's units and staff
                        .requestMatchers(path("/api/admin/agencies/{agencyId}/**"))
                        .access((authentication, context) -> new AuthorizationDecision(administrators
                                .mayAdminister(authentication.get(), context.getVariables().get("agencyId"))))
                        .requestMatchers(path(HttpMethod.GET, "/api/admin/agencies"),
                                path("/api/admin/staff-import/**"))
                        .hasAnyAuthority(Roles.ADMIN, Roles.AGENCY_ADMIN)
                        .requestMatchers(path("/api/admin/**")).hasAuthority(Roles.ADMIN)
                        // supervision: read-only, for supervisors and agency heads (a head within his agency)
                        .requestMatchers(path(HttpMethod.GET, "/api/supervision/**"))
                        .hasAnyAuthority(Roles.SUPERVISOR, Roles.AGENCY_HEAD)
                        .requestMatchers(path("/api/supervision/**")).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // the webapps' plugins call /api with the webapp's session (and its CSRF token for changes)
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // a plugin's call with the webapp's session must not change that session's id under the app
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // Tasklist, Cockpit and Admin authenticate users themselves and carry Camunda's CSRF filter and their own
        // security headers (X-Content-Type-Options, CSP ...); only HSTS (on HTTPS) and the referrer policy are added
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.defaultsDisabled()
                        .httpStrictTransportSecurity(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The request in the request context from the first filter on (Spring MVC's default order, before security): the
     * login throttle reads the client address there while HTTP Basic is checked. Jersey's own one would come later.
     */
    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter();
    }

    /** Hands the Spring-authenticated user to the engine so Camunda authorization applies to every REST call. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(200);
        return registration;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
