package cn.zhifa.identity;

import cn.zhifa.system.TextRules;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * The engine's own user store, whose password check asks {@link LoginThrottle} first and tells it the outcome. Every
 * password check of the engine goes through it: our HTTP Basic, the webapps' login form and {@code /identity/verify}.
 * A user id that could not be stored is no account (and would only reach the database as an error).
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || TextRules.problemOf(userId, false).isPresent()) {
            return false;
        }
        String source = LoginThrottle.currentSource();
        if (throttle.blockedUntil(userId, source).isPresent()) {
            return false;
        }
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            throttle.succeeded(userId, source);
        } else {
            throttle.failed(userId, source);
        }
        return valid;
    }
}
