package cn.zhifa.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS (directly, or behind a TLS proxy that says so in X-Forwarded-Proto) every cookie is {@code Secure}, so a
 * browser never sends it over plain HTTP. Tomcat marks its session cookie itself; this covers the others, above all
 * Camunda's {@code XSRF-TOKEN}, which the webapps write as a raw header. Over plain HTTP (a local demo) nothing changes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecureCookieFilter extends OncePerRequestFilter {

    private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.isSecure();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addCookie(Cookie cookie) {
                cookie.setSecure(true);
                super.addCookie(cookie);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, secured(name, value));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, secured(name, value));
            }
        });
    }

    static String secured(String header, String value) {
        if (!"Set-Cookie".equalsIgnoreCase(header) || value == null || SECURE.matcher(value).find()) {
            return value;
        }
        return value + "; Secure";
    }
}
