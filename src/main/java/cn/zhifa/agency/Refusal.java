package cn.zhifa.agency;

import cn.zhifa.system.ZhifaException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * One reason to refuse a setup step: HTTP status, stable code, Chinese message. The API answers with the first
 * refusal's code and every message; the import lists them by row.
 */
record Refusal(HttpStatus status, String code, String message, String field) {

    static final String INPUT_INVALID = "SETUP_INPUT_INVALID";

    Refusal(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    /** Bad input; {@code field}: the request's component it concerns, if one. */
    static Refusal invalid(String message, String field) {
        return new Refusal(HttpStatus.BAD_REQUEST, INPUT_INVALID, message, field);
    }

    static Refusal conflict(String code, String message) {
        return new Refusal(HttpStatus.CONFLICT, code, message);
    }

    static Refusal unprocessable(String code, String message) {
        return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    static void throwIfAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            Refusal first = refusals.get(0);
            throw new ZhifaException(first.status(), first.code(),
                    refusals.stream().map(Refusal::message).collect(Collectors.joining("；")));
        }
    }
}
