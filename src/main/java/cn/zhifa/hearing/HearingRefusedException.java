package cn.zhifa.hearing;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A hearing step the rules forbid, or a form that is incomplete; the task stays as it was. */
public class HearingRefusedException extends ZhifaException {

    public HearingRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
