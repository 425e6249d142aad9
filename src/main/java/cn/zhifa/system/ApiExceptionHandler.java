package cn.zhifa.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every /api error leaves as a problem detail with a stable code and a Chinese detail, never a stack trace. A refusal
 * or bad input is logged once at WARN ({@link RefusalLog}); only the unexpected is an ERROR.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ZhifaException.class)
    ProblemDetail refused(ZhifaException e, HttpServletRequest request) {
        RefusalLog.warn(e, request);
        ProblemDetail problem = ApiProblems.of(e.status(), e.code(), e.getMessage());
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.problems());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(error.contains(ConstraintViolation.class)
                    ? InvalidInputException.problem(error.getField(), error.unwrap(ConstraintViolation.class))
                    : new InvalidInputException.FieldProblem(error.getField(), "VALIDATION_FAILED", "格式不正确"));
        }
        problems.sort(Comparator.comparing(InvalidInputException.FieldProblem::field));
        return refused(new InvalidInputException(problems), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = error instanceof FieldError field ? field.getField()
                    : result.getMethodParameter().getParameterName();
            ConstraintViolation<?> violation = result.unwrap(error, ConstraintViolation.class);
            problems.add(InvalidInputException.problem(name, violation));
        }));
        problems.sort(Comparator.comparing(InvalidInputException.FieldProblem::field));
        return refused(new InvalidInputException(problems), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return refused(new ZhifaException(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER",
                "缺少必填参数：" + e.getParameterName()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return refused(new ZhifaException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数格式不正确：" + e.getName()),
                request);
    }

    /** An impossible date (2025-02-30) or time is named with its field; any other unreadable body is malformed. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof InvalidFormatException format && format.getTargetType() != null
                && Temporal.class.isAssignableFrom(format.getTargetType())) {
            return refused(new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "日期或时间不正确：字段 "
                    + pathOf(format) + " 的值“" + TextRules.clean(String.valueOf(format.getValue()))
                    + "”不是有效的日期或时间（日期格式 YYYY-MM-DD，时间格式 YYYY-MM-DDTHH:MM:SS）"), request);
        }
        return refused(new ZhifaException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "请求内容无法解析，请检查 JSON 格式与日期格式（YYYY-MM-DD）"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return refused(new ZhifaException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "上传文件超过大小限制"),
                request);
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e, HttpServletRequest request) {
        return refused(new ZhifaException(HttpStatus.BAD_REQUEST, "UPLOAD_INVALID", "上传请求不正确"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持该请求方法");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "请求的资源不存在");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ProblemDetail forbidden(Exception e, HttpServletRequest request) {
        return refused(new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作"), request);
    }

    /** A refusal thrown by a listener while an /api call drives the engine arrives wrapped by the engine. */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engine(ProcessEngineException e, HttpServletRequest request) {
        ZhifaException refusal = EngineRefusals.refusalIn(e);
        return refusal != null ? refused(refusal, request) : unexpected(e, request);
    }

    /** Two people creating the same thing at the same moment: the database's unique key answers, as a conflict. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
        log.warn("Refused CONFLICT: {}", e.getMostSpecificCause().getMessage());
        return ApiProblems.of(HttpStatus.CONFLICT, "CONFLICT", "与已有记录重复（可能刚被他人同时创建），请刷新后重试");
    }

    /** A refusal wrapped by something else than the engine (a framework) is still a refusal. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        ZhifaException refusal = ZhifaException.findIn(e);
        if (refusal != null) {
            return refused(refusal, request);
        }
        log.error("Unexpected error answering an API request", e);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请稍后重试或联系管理员");
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
