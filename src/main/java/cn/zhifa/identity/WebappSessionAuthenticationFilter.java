package cn.zhifa.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Tasklist and Cockpit plugins call /api as the person logged into the webapp, without asking for the
 * password again: the webapp's session holds Camunda's login, with the groups the webapp read at login. A request
 * that changes something must carry the webapp's CSRF token ({@code X-XSRF-TOKEN}, as the plugins send it), so a
 * foreign page cannot act with the session cookie. Requests with HTTP Basic are left to Spring's Basic filter.
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ENGINE = "default";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            UserAuthentication user = userOf(session);
            if (user != null && (SAFE_METHODS.contains(request.getMethod()) || csrfTokenMatches(request, session))) {
                List<SimpleGrantedAuthority> authorities = user.getGroupIds() == null ? List.of()
                        : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }

    private static UserAuthentication userOf(HttpSession session) {
        Authentications authentications;
        try {
            authentications = AuthenticationUtil.getAuthsFromSession(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        return authentication instanceof UserAuthentication user ? user : null;
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
