package cn.zhifa.identity;

import cn.zhifa.system.StartupLock;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start of the prod profile. The administrator's password is the environment's ZHIFA_ADMIN_PASSWORD: Camunda
 * only creates the admin user, so changing the variable had no effect after the first start. Accounts the demo profile
 * left in the database are disabled, each with a WARN line: a demo id (the demo agency's people, and the demo
 * administrator {@code admin} unless it is the prod administrator) that still carries the demo e-mail domain or the
 * shipped demo password. A disabled account gets a random password nobody knows and is marked, so an administrator who
 * gives the person a new password in Camunda Admin keeps it (unless it is the shipped demo password again).
 */
@Component
@Profile("prod")
@Order(1)
class ProductionAccounts implements ApplicationRunner {

    static final String DISABLED_MARK = "zhifa.demo-account-disabled";
    private static final Logger log = LoggerFactory.getLogger(ProductionAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identityService;
    private final CamundaBpmProperties camunda;
    private final Clock clock;
    private final StartupLock startupLock;

    ProductionAccounts(IdentityService identityService, CamundaBpmProperties camunda, Clock clock,
            StartupLock startupLock) {
        this.identityService = identityService;
        this.camunda = camunda;
        this.clock = clock;
        this.startupLock = startupLock;
    }

    /** Under the start-up lock, in one transaction: two prod nodes starting together do not both change the admin. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.holdUntilCommit();
        applyAdministratorPassword();
        List<String> disabled = disableDemoAccounts(Stream.concat(DemoAgency.PEOPLE.stream().map(DemoAgency.Person::id),
                Stream.of(DemoAgency.ADMIN_ID)).toList());
        if (!disabled.isEmpty()) {
            log.warn("生产环境停用了演示配置留下的 {} 个账户 / {} demo account(s) disabled: {}", disabled.size(),
                    disabled.size(), disabled);
        }
    }

    /** Sets the configured administrator's password when it differs from the environment's; true if it changed. */
    boolean applyAdministratorPassword() {
        AdminUserProperty admin = camunda.getAdminUser();
        if (admin == null || admin.getId() == null || admin.getPassword() == null
                || identityService.checkPassword(admin.getId(), admin.getPassword())) {
            return false;
        }
        // read after the check: a wrong password updates the user row (its failed-attempt count)
        User user = identityService.createUserQuery().userId(admin.getId()).singleResult();
        if (user == null) {
            return false;
        }
        user.setPassword(admin.getPassword());
        identityService.saveUser(user);
        log.info("管理员 {} 的密码已按环境变量 ZHIFA_ADMIN_PASSWORD 更新 / Password of administrator {} set from the "
                + "environment", admin.getId(), admin.getId());
        return true;
    }

    /** Disables the demo accounts among {@code userIds}; returns those disabled now. */
    List<String> disableDemoAccounts(Collection<String> userIds) {
        String prodAdmin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
        List<String> disabled = new ArrayList<>();
        for (String userId : userIds) {
            User user = Objects.equals(userId, prodAdmin) ? null
                    : identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && isDemoAccount(user)) {
                user = identityService.createUserQuery().userId(userId).singleResult();
                user.setPassword(randomPassword());
                identityService.saveUser(user);
                identityService.setUserInfo(userId, DISABLED_MARK, Instant.now(clock).toString());
                log.warn("演示账户 {} 已停用（已设为随机密码）/ Demo account {} disabled with a random password", userId,
                        userId);
                disabled.add(userId);
            }
        }
        return disabled;
    }

    private boolean isDemoAccount(User user) {
        boolean marked = identityService.getUserInfo(user.getId(), DISABLED_MARK) != null;
        boolean demoMail = user.getEmail() != null && user.getEmail().endsWith("@" + DemoAgency.EMAIL_DOMAIN);
        return !marked && demoMail || identityService.checkPassword(user.getId(), DemoAgency.SHIPPED_PASSWORD);
    }

    private static String randomPassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
