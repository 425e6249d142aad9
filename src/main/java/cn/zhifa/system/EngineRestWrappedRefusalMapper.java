package cn.zhifa.system;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/** Task completion over REST wraps listener exceptions once more, in a RestException with status 500. */
@Priority(1)
class EngineRestWrappedRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(RestException exception) {
        ZhifaException refusal = ZhifaException.findIn(exception);
        return refusal == null ? camundaDefault.toResponse(exception) : EngineRestRefusalMapper.answer(refusal, request);
    }
}
