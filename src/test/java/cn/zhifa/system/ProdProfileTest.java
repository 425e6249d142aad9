package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProdProfileTest {

    @Test
    void prodRefusesToStartWithoutDatabaseAndAdministratorFromTheEnvironment() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(ZhifaApplication.class).profiles("prod")
                .properties("spring.main.web-application-type=none");
        assertThatThrownBy(prod::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHIFA_DB_URL").hasMessageContaining("ZHIFA_ADMIN_PASSWORD")
                .hasMessageContaining("ZHIFA_DB_MIGRATION_USER").hasMessageContaining("ZHIFA_RECORD_KEY");
    }

    @Test
    void prodRefusesToStartWithoutTheCaseRecordKey() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(ZhifaApplication.class).profiles("prod")
                .properties("spring.main.web-application-type=none", "ZHIFA_DB_URL=jdbc:h2:mem:prod-check",
                        "ZHIFA_DB_USER=sa", "ZHIFA_DB_PASSWORD=x", "ZHIFA_ADMIN_USER=admin",
                        "ZHIFA_ADMIN_PASSWORD=A-long-admin-password-7", "ZHIFA_RECORD_KEY_ID=k1",
                        "ZHIFA_DB_MIGRATION_USER=owner", "ZHIFA_DB_MIGRATION_PASSWORD=y");
        assertThatThrownBy(prod::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[ZHIFA_RECORD_KEY]");
    }

    @Test
    void prodRefusesToMigrateAsTheApplicationsOwnDatabaseUser() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(ZhifaApplication.class).profiles("prod")
                .properties("spring.main.web-application-type=none", "ZHIFA_DB_URL=jdbc:h2:mem:prod-check",
                        "ZHIFA_DB_USER=zhifa", "ZHIFA_DB_PASSWORD=x", "ZHIFA_ADMIN_USER=admin",
                        "ZHIFA_ADMIN_PASSWORD=A-long-admin-password-7", "ZHIFA_RECORD_KEY=a2V5", "ZHIFA_RECORD_KEY_ID=k1",
                        "ZHIFA_DB_MIGRATION_USER=zhifa", "ZHIFA_DB_MIGRATION_PASSWORD=x");
        assertThatThrownBy(prod::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHIFA_DB_MIGRATION_USER 不能同时是应用账号");
    }

    @Test
    void prodRefusesAWeakAdministratorPassword() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(ZhifaApplication.class).profiles("prod")
                .properties("spring.main.web-application-type=none", "ZHIFA_DB_URL=jdbc:h2:mem:weak",
                        "ZHIFA_DB_USER=sa", "ZHIFA_DB_PASSWORD=x", "ZHIFA_ADMIN_USER=admin",
                        "ZHIFA_ADMIN_PASSWORD=zhifa2026", "ZHIFA_RECORD_KEY=a2V5", "ZHIFA_RECORD_KEY_ID=k1",
                        "ZHIFA_DB_MIGRATION_USER=owner", "ZHIFA_DB_MIGRATION_PASSWORD=y");
        assertThatThrownBy(prod::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHIFA_ADMIN_PASSWORD").hasMessageContaining("太弱").hasMessageContaining("too weak");
    }

    @Test
    void prodRefusesDeploymentsThroughTheApi() {
        // an environment variable outranks application-prod.yaml, so the check reads the resolved property
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("ZHIFA_DB_URL", "jdbc:h2:mem:deployments").withProperty("ZHIFA_DB_USER", "sa")
                .withProperty("ZHIFA_DB_PASSWORD", "x").withProperty("ZHIFA_ADMIN_USER", "admin")
                .withProperty("ZHIFA_ADMIN_PASSWORD", "A-long-admin-password-7")
                .withProperty("ZHIFA_RECORD_KEY", "a2V5").withProperty("ZHIFA_RECORD_KEY_ID", "k1")
                .withProperty("ZHIFA_DB_MIGRATION_USER", "owner").withProperty("ZHIFA_DB_MIGRATION_PASSWORD", "y")
                .withProperty("zhifa.engine.rest-deployments", "ADMIN");
        environment.setActiveProfiles("prod");
        assertThatThrownBy(() -> new ProdEnvironmentCheck().postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rest-deployments");
        environment.setProperty("zhifa.engine.rest-deployments", "NONE");
        new ProdEnvironmentCheck().postProcessEnvironment(environment, null);
    }

    @Test
    void aPasswordOfTwelveCharactersFromThreeClassesIsStrongEnough() {
        assertThat(ProdEnvironmentCheck.isWeak("Zhifa-county7")).isFalse();
        assertThat(ProdEnvironmentCheck.isWeak("执法系统管理员密码2026ab")).isFalse();
        assertThat(ProdEnvironmentCheck.isWeak("zhifa-county")).as("two classes").isTrue();
        assertThat(ProdEnvironmentCheck.isWeak("Abcdefghijkl")).as("two classes").isTrue();
        assertThat(ProdEnvironmentCheck.isWeak("Short-1!")).as("eight characters").isTrue();
    }

    @Test
    void prodRefusesTheDemoProfile() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(ZhifaApplication.class).profiles("prod", "demo")
                .properties("spring.main.web-application-type=none");
        assertThatThrownBy(prod::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
    }
}
