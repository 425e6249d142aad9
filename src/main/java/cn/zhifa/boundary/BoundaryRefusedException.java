package cn.zhifa.boundary;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A client asked the engine for what the boundary rules forbid; nothing was changed. */
public class BoundaryRefusedException extends ZhifaException {

    public BoundaryRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
