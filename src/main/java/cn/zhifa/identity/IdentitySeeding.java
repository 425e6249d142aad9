package cn.zhifa.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start: the roles, their rights and filters always; the demo agency only when the demo profile asks. */
@Component
@Order(0)
class IdentitySeeding implements ApplicationRunner {

    private final RoleSeeder roles;
    private final DemoAgencySeeder demoAgency;
    private final IdentityProperties properties;

    IdentitySeeding(RoleSeeder roles, DemoAgencySeeder demoAgency, IdentityProperties properties) {
        this.roles = roles;
        this.demoAgency = demoAgency;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        roles.seed();
        if (properties.demo().enabled()) {
            demoAgency.seed(properties.demo().password());
        }
    }
}
