package cn.zhifa.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** zhifa.identity.*: whether to seed the demo agency, and the demo users' password (never in prod). */
@ConfigurationProperties("zhifa.identity")
public record IdentityProperties(Demo demo) {

    public IdentityProperties {
        demo = demo == null ? new Demo(false, null) : demo;
    }

    public record Demo(boolean enabled, String password) {
    }
}
