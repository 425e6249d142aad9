package cn.zhifa.review;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A legal-review step the rules forbid or a form that is incomplete; the task stays as it was. */
public class ReviewRefusedException extends ZhifaException {

    public ReviewRefusedException(String code, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
