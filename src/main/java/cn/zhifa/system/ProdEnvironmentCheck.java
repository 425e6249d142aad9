package cn.zhifa.system;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * In the prod profile the database (an application role and a separate migration role that owns the tables), the
 * administrator and the case record's signing key must come from the environment; there is no default password or
 * key. Missing ones stop the start with a message that names them, and so does a weak administrator password
 * (fewer than {@value #MIN_PASSWORD_LENGTH} characters, or fewer than three of: capitals, small letters, digits,
 * other characters such as symbols or Chinese). The password applies at every start (identity's ProductionAccounts).
 */
public class ProdEnvironmentCheck implements EnvironmentPostProcessor {

    /** What the prod profile needs from the environment; docker/compose.yaml passes each (ComposeFileTest). */
    public static final List<String> REQUIRED = List.of("ZHIFA_DB_URL", "ZHIFA_DB_USER", "ZHIFA_DB_PASSWORD",
            "ZHIFA_DB_MIGRATION_USER", "ZHIFA_DB_MIGRATION_PASSWORD", "ZHIFA_ADMIN_USER", "ZHIFA_ADMIN_PASSWORD",
            "ZHIFA_RECORD_KEY", "ZHIFA_RECORD_KEY_ID");
    static final int MIN_PASSWORD_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Set.of(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (Set.of(environment.getActiveProfiles()).contains("demo")) {
            throw new IllegalStateException("生产环境（prod）不能同时启用演示配置（demo） / The prod profile cannot run together with the demo profile");
        }
        List<String> missing = REQUIRED.stream().filter(name -> !StringUtils.hasText(environment.getProperty(name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("生产环境（prod）缺少以下环境变量，拒绝启动 / The prod profile needs these environment variables: " + missing);
        }
        // the role that owns the tables could switch the case record's append-only trigger off
        if (environment.getProperty("ZHIFA_DB_MIGRATION_USER").equals(environment.getProperty("ZHIFA_DB_USER"))) {
            throw new IllegalStateException("生产环境（prod）中迁移账号 ZHIFA_DB_MIGRATION_USER 不能同时是应用账号 ZHIFA_DB_USER，拒绝启动"
                    + " / In prod ZHIFA_DB_MIGRATION_USER must be another role than ZHIFA_DB_USER");
        }
        // models reach a production system only through the build (docs/security.md, "No code from users")
        String deployments = environment.getProperty("zhifa.engine.rest-deployments", "NONE");
        if (!"NONE".equalsIgnoreCase(deployments.strip())) {
            throw new IllegalStateException("生产环境（prod）不允许通过接口或 Cockpit 部署流程（zhifa.engine.rest-deployments 须为 NONE），拒绝启动"
                    + " / In prod zhifa.engine.rest-deployments must be NONE: models are deployed by the build only");
        }
        if (isWeak(environment.getProperty("ZHIFA_ADMIN_PASSWORD"))) {
            throw new IllegalStateException("生产环境（prod）的管理员密码 ZHIFA_ADMIN_PASSWORD 太弱，拒绝启动：至少"
                    + MIN_PASSWORD_LENGTH + "个字符，并包含大写字母、小写字母、数字、其他字符（符号、汉字等）中的至少三类 / "
                    + "ZHIFA_ADMIN_PASSWORD is too weak: at least " + MIN_PASSWORD_LENGTH
                    + " characters from at least three of capitals, small letters, digits and other characters");
        }
    }

    static boolean isWeak(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return true;
        }
        IntPredicate other = c -> !Character.isUpperCase(c) && !Character.isLowerCase(c) && !Character.isDigit(c);
        long classes = Stream.<IntPredicate>of(Character::isUpperCase, Character::isLowerCase, Character::isDigit,
                other).filter(kind -> password.codePoints().anyMatch(kind)).count();
        return classes < 3;
    }
}
