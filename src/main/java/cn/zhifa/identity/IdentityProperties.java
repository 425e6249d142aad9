package cn.zhifa.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhifa.identity.*: whether to seed the demo agency, and the demo users' password (never in prod); how many wrong
 * passwords a client address may try per account ({@code login.max-failures}) and over all accounts
 * ({@code login.max-failures-per-source}) within {@code login.window} before it is blocked for {@code login.block}.
 */
@ConfigurationProperties("zhifa.identity")
public record IdentityProperties(Demo demo, Login login) {

    public IdentityProperties {
        demo = demo == null ? new Demo(false, null) : demo;
        login = login == null ? new Login(0, 0, null, null) : login;
    }

    public record Demo(boolean enabled, String password) {
    }

    public record Login(int maxFailures, int maxFailuresPerSource, Duration window, Duration block) {

        public Login {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            maxFailuresPerSource = maxFailuresPerSource <= 0 ? 20 : maxFailuresPerSource;
            window = window == null ? Duration.ofMinutes(15) : window;
            block = block == null ? Duration.ofMinutes(15) : block;
        }
    }
}
