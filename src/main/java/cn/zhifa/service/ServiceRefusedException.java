package cn.zhifa.service;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A service step the law forbids or a form that is incomplete; the task and the case stay as they were. */
public class ServiceRefusedException extends ZhifaException {

    public ServiceRefusedException(String code, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
