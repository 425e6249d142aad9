package cn.zhifa.execution;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** An execution step the rules forbid, or a form that is incomplete; the task stays as it was. */
public class ExecutionRefusedException extends ZhifaException {

    public ExecutionRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
