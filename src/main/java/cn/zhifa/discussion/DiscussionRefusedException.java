package cn.zhifa.discussion;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A collective-discussion step the rules forbid, or a form that is incomplete; the task stays as it was. */
public class DiscussionRefusedException extends ZhifaException {

    public DiscussionRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
