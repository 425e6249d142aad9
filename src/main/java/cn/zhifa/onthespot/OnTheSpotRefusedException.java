package cn.zhifa.onthespot;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A step of the on-the-spot procedure the law forbids, or a form that is incomplete; the task stays as it was. */
public class OnTheSpotRefusedException extends ZhifaException {

    public OnTheSpotRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
