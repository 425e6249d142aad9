package cn.zhifa.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
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

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "未登录或密码错误";
            case FORBIDDEN -> "无权操作";
            case NOT_FOUND -> "未找到";
            case CONFLICT -> "操作冲突";
            case PAYLOAD_TOO_LARGE -> "文件过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的文件类型";
            case UNPROCESSABLE_ENTITY -> "不符合规定";
            default -> "系统错误";
        };
    }
}
