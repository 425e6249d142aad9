package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.system.StartupLock;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 §9, the prod start on a database that once ran demo: the administrator's password is the environment's at
 * every start, and accounts left by the demo profile stop working, each said in a WARN line; real accounts that
 * happen to share a demo id are left alone. (The prod profile itself does not run in the shared test context, so the
 * runner's steps are called here on the test database.)
 */
@ApplicationTest
class ProductionAccountsTest {

    @Autowired IdentityService identityService;
    @Autowired Clock clock;
    @Autowired StartupLock startupLock;

    static String id(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void user(String id, String email, String password) {
        User user = identityService.newUser(id);
        user.setFirstName("测");
        user.setLastName("试");
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    ProductionAccounts prodWithAdministrator(String id, String password) {
        CamundaBpmProperties camunda = new CamundaBpmProperties();
        AdminUserProperty admin = new AdminUserProperty();
        admin.setId(id);
        admin.setPassword(password);
        camunda.setAdminUser(admin);
        return new ProductionAccounts(identityService, camunda, clock, startupLock);
    }

    @Test
    void shouldApplyTheEnvironmentsAdministratorPasswordAtEveryStart() {
        String admin = id("admin");
        user(admin, admin + "@localhost", "First-Start-2026!");

        assertThat(prodWithAdministrator(admin, "Rotated-Pass-2027#").applyAdministratorPassword()).isTrue();

        assertThat(identityService.checkPassword(admin, "Rotated-Pass-2027#")).isTrue();
        assertThat(identityService.checkPassword(admin, "First-Start-2026!")).isFalse();
        assertThat(prodWithAdministrator(admin, "Rotated-Pass-2027#").applyAdministratorPassword())
                .as("unchanged when it already applies").isFalse();
    }

    @Test
    void shouldDisableDemoAccountsAndLeaveRealOnesAlone() {
        String seededByDemo = id("demo-mail");
        String demoPassword = id("demo-pass");
        String real = id("real");
        user(seededByDemo, seededByDemo + "@" + DemoAgency.EMAIL_DOMAIN, "custom-demo-password");
        user(demoPassword, demoPassword + "@localhost", DemoAgency.SHIPPED_PASSWORD);
        user(real, real + "@amr.county.gov.cn", "Real-Person-2026!");
        ProductionAccounts prod = prodWithAdministrator("prod-admin", "Admin-Pass-2026!");

        List<String> disabled = prod.disableDemoAccounts(List.of(seededByDemo, demoPassword, real, "no-such-user"));

        assertThat(disabled).containsExactly(seededByDemo, demoPassword);
        assertThat(identityService.checkPassword(seededByDemo, "custom-demo-password")).isFalse();
        assertThat(identityService.checkPassword(demoPassword, DemoAgency.SHIPPED_PASSWORD)).isFalse();
        assertThat(identityService.checkPassword(real, "Real-Person-2026!")).isTrue();
        assertThat(prod.disableDemoAccounts(List.of(seededByDemo, demoPassword, real))).as("once").isEmpty();
    }

    @Test
    void shouldKeepAPasswordAnAdministratorGaveADisabledDemoAccountLater() {
        String kept = id("demo-kept");
        user(kept, kept + "@" + DemoAgency.EMAIL_DOMAIN, "custom-demo-password");
        ProductionAccounts prod = prodWithAdministrator("prod-admin", "Admin-Pass-2026!");
        prod.disableDemoAccounts(List.of(kept));
        User user = identityService.createUserQuery().userId(kept).singleResult();
        user.setPassword("Given-By-Admin-2026!");
        identityService.saveUser(user);

        assertThat(prod.disableDemoAccounts(List.of(kept))).isEmpty();
        assertThat(identityService.checkPassword(kept, "Given-By-Admin-2026!")).isTrue();
    }

    @Test
    void shouldNeverDisableTheProdAdministrator() {
        String admin = id("admin");
        user(admin, admin + "@localhost", DemoAgency.SHIPPED_PASSWORD);

        assertThat(prodWithAdministrator(admin, "Admin-Pass-2026!").disableDemoAccounts(List.of(admin))).isEmpty();
    }
}
