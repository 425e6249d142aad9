package cn.zhifa.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the case of an /api/cases/{id} request into the logging context under the key the engine uses for the
 * business key, so API and engine log lines about one case read alike.
 */
@Component
class CaseLoggingContextFilter extends OncePerRequestFilter {

    private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/(\\d+)(/.*)?$");
    static final String KEY = "businessKey";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = CASE_PATH.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(KEY, matcher.group(1));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }
}
