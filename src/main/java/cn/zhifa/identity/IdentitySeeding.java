package cn.zhifa.identity;

import cn.zhifa.system.StartupLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start: the roles, their rights and filters always; the demo agency only when the demo profile asks. Under the
 * start-up lock, so that nodes starting together seed one after the other.
 */
@Component
@Order(0)
class IdentitySeeding implements ApplicationRunner {

    private final RoleSeeder roles;
    private final DemoAgencySeeder demoAgency;
    private final IdentityProperties properties;
    private final StartupLock startupLock;

    IdentitySeeding(RoleSeeder roles, DemoAgencySeeder demoAgency, IdentityProperties properties,
            StartupLock startupLock) {
        this.roles = roles;
        this.demoAgency = demoAgency;
        this.properties = properties;
        this.startupLock = startupLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.holdUntilCommit();
        roles.seed();
        if (properties.demo().enabled()) {
            demoAgency.seed(properties.demo().password());
        }
    }
}
