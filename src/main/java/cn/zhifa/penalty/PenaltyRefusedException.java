package cn.zhifa.penalty;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A step of the general procedure the law forbids, or a form that is incomplete; the task stays as it was. */
public class PenaltyRefusedException extends ZhifaException {

    public PenaltyRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
