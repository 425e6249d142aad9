package cn.zhifa.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal or bad input that a person must read: a stable code for machines and a Chinese message for people.
 * Features subclass it; {@link ApiExceptionHandler} turns it into an RFC 9457 problem detail.
 */
public class ZhifaException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    public ZhifaException(HttpStatus status, String code, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The refusal inside an exception the engine or a framework wrapped around it, or null if there is none. */
    public static ZhifaException findIn(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ZhifaException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
