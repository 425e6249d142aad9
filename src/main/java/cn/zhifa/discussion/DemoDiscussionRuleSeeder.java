package cn.zhifa.discussion;

import cn.zhifa.identity.IdentityProperties;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.Units;
import cn.zhifa.system.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo profile, after the demo agency is seeded: 陈刚 is its principal head, so its heads can convene a
 * discussion at once. Outside the demo an administrator sets each agency's rule; nothing is seeded.
 */
@Component
@Order(1)
class DemoDiscussionRuleSeeder implements ApplicationRunner {

    static final String DEMO_PRINCIPAL_HEAD = "chengang";
    private static final Logger log = LoggerFactory.getLogger(DemoDiscussionRuleSeeder.class);

    private final IdentityProperties identity;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final StartupLock startupLock;

    DemoDiscussionRuleSeeder(IdentityProperties identity, StaffDirectory staff, JdbcClient jdbc,
            StartupLock startupLock) {
        this.identity = identity;
        this.staff = staff;
        this.jdbc = jdbc;
        this.startupLock = startupLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.holdUntilCommit();
        if (!identity.demo().enabled() || !staff.isHeadOf(Units.AGENCY, DEMO_PRINCIPAL_HEAD)
                || jdbc.sql("SELECT COUNT(*) FROM discussion_rule WHERE agency_id = ?").param(Units.AGENCY)
                        .query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO discussion_rule (agency_id, principal_head, updated_at, updated_by)
                VALUES (?, ?, CURRENT_TIMESTAMP, 'system')""").params(Units.AGENCY, DEMO_PRINCIPAL_HEAD).update();
        log.info("Demo discussion rule: {} is the principal head of {}", DEMO_PRINCIPAL_HEAD, Units.AGENCY);
    }
}
