package cn.zhifa.boundary;

import cn.zhifa.system.ZhifaException;
import org.springframework.http.HttpStatus;

/** A user tried to deploy, redeploy or delete a model: models reach the engine through the application's build. */
public class DeploymentForbiddenException extends ZhifaException {

    public static final String CODE = "DEPLOYMENT_FORBIDDEN";

    DeploymentForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, CODE, message);
    }
}
