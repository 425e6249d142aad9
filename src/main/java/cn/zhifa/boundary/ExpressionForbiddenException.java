package cn.zhifa.boundary;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/**
 * A user sent something the engine would evaluate as code: an expression in a query or outside the filter
 * allow-list, or a Java-serialized object. Refused whatever the user's role.
 */
public class ExpressionForbiddenException extends ZhifaException {

    public static final String EXPRESSION_FORBIDDEN = "EXPRESSION_FORBIDDEN";
    public static final String JAVA_SERIALIZATION_FORBIDDEN = "JAVA_SERIALIZATION_FORBIDDEN";

    ExpressionForbiddenException(String code, String message) {
        super(HttpStatus.FORBIDDEN, code, message);
    }
}
