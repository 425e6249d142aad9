package cn.zhifa.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 keeps the Content-Security-Policy nonce of the webapps in one servlet-context attribute: the header
 * filter writes it, the index page reads it back a moment later. Between the two, any other request through the
 * webapps writes its own nonce, and the page then carries another nonce than its header, so the browser refuses
 * every script of the page (Cockpit stays on its loading screen). Each request here gets its own attribute: the
 * context the webapp filters see keeps the nonce in the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CspNoncePerRequestFilter extends OncePerRequestFilter {

    static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new NonceScopedRequest(request), response);
    }

    private static final class NonceScopedRequest extends HttpServletRequestWrapper {

        private final ServletContext context;

        NonceScopedRequest(HttpServletRequest request) {
            super(request);
            ServletContext shared = request.getServletContext();
            this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                        if (args != null && args.length > 0 && NONCE_ATTRIBUTE.equals(args[0])) {
                            switch (method.getName()) {
                                case "getAttribute":
                                    return request.getAttribute(NONCE_ATTRIBUTE);
                                case "setAttribute":
                                    request.setAttribute(NONCE_ATTRIBUTE, args[1]);
                                    return null;
                                case "removeAttribute":
                                    request.removeAttribute(NONCE_ATTRIBUTE);
                                    return null;
                                default:
                                    break;
                            }
                        }
                        try {
                            return method.invoke(shared, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }
    }
}
