package cn.zhifa.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A refusal that reaches Camunda's REST API unwrapped (e.g. from a start listener). */
class EngineRestZhifaExceptionMapper implements ExceptionMapper<ZhifaException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(ZhifaException refusal) {
        return EngineRestRefusalMapper.answer(refusal, request);
    }
}
