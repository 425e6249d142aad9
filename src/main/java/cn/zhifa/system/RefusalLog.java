package cn.zhifa.system;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refusal is the user's mistake, not a server error: it leaves exactly one WARN line with its code, the user and the
 * request, and never a stack trace. Every place that answers a refusal (the /api handler, the engine REST mappers, the
 * request guard) logs it here; the engine's own command-context logger is switched off for it (application.yaml).
 */
public final class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    private RefusalLog() {
    }

    public static void warn(ZhifaException refusal, HttpServletRequest request) {
        warn(refusal.code(), refusal.status().value(), refusal.getMessage(), request);
    }

    public static void warn(String code, int status, String message, HttpServletRequest request) {
        String where = request == null ? "-" : request.getMethod() + " " + request.getRequestURI();
        log.warn("Refused {} ({}) for {} on {}: {}", code, status, userOf(request), where, oneLine(message));
    }

    /** The Spring Security user of /api and /engine-rest, else the engine's user (the webapps' own session login). */
    static String userOf(HttpServletRequest request) {
        Principal principal = request == null ? null : request.getUserPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        var authentication = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "anonymous" : authentication.getUserId();
    }

    private static String oneLine(String message) {
        return message == null ? "" : TextRules.clean(message).replaceAll("[\\r\\n\\t]+", " ");
    }
}
