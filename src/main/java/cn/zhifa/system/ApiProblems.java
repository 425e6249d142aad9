package cn.zhifa.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds the one problem-detail shape every /api error uses: status, Chinese title and detail, stable code. */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:zhifa:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(titleOf(status));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The same problem for a client of Camunda's REST API, which reads {@code message} (Tasklist shows it); the
     * {@code type} names the problem, never a Java class.
     */
    public static ProblemDetail forEngineRest(HttpStatus status, String code, String detail) {
        ProblemDetail problem = of(status, code, detail);
        problem.setProperty("message", detail);
        return problem;
    }

    /** Writes a problem from a filter, before any controller or mapper is reached. */
    public static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "未登录或密码错误";
            case FORBIDDEN -> "无权操作";
            case NOT_FOUND -> "未找到";
            case CONFLICT -> "操作冲突";
            case PAYLOAD_TOO_LARGE -> "内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的文件类型";
            case UNPROCESSABLE_ENTITY -> "不符合规定";
            case TOO_MANY_REQUESTS -> "请求过于频繁";
            default -> "系统错误";
        };
    }
}
