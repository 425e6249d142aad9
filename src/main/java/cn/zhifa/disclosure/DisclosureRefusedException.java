package cn.zhifa.disclosure;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A disclosure step the rules forbid, or a form or request that is incomplete; the task stays as it was. */
public class DisclosureRefusedException extends ZhifaException {

    public DisclosureRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
