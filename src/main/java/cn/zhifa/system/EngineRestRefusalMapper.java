package cn.zhifa.system;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A refusal thrown by one of our listeners reaches REST clients and Tasklist wrapped by the engine ("Exception while
 * invoking TaskListener: …", status 500). This unwraps it into its own status, stable code and Chinese message;
 * Camunda's own refusals that a person meets (missing authorization, a task claimed by someone else meanwhile) get
 * a Chinese message too ({@link EngineRefusals}); every other engine exception keeps Camunda's own answer. The refusal
 * is logged here, once, at WARN.
 */
@Priority(1)
class EngineRestRefusalMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
        ZhifaException refusal = EngineRefusals.refusalIn(exception);
        return refusal == null ? camundaDefault.toResponse(exception) : answer(refusal, request);
    }

    /** The answer to a refusal, on every engine REST path; logs its one WARN line. */
    static Response answer(ZhifaException refusal, HttpServletRequest request) {
        RefusalLog.warn(refusal, request);
        Map<String, Object> body = new LinkedHashMap<>();
        // a stable problem type, never a Java class name
        body.put("type", "about:blank");
        body.put("code", refusal.code());
        body.put("message", refusal.getMessage());
        return Response.status(refusal.status().value()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
