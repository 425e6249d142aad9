package cn.zhifa.record;

import cn.zhifa.casefile.MigratedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database on the embedded PostgreSQL set up as docs/case-register.md tells an agency to: owned by a migration role
 * that Flyway runs as, used by an application role that owns nothing. Created once per JVM.
 */
final class TwoRolePostgres {

    static final String DATABASE = "zhifa_two_roles";
    static final String OWNER = "zhifa_migration";
    static final String APP = "zhifa_app";

    private static boolean created;

    private TwoRolePostgres() {
    }

    static synchronized void create() {
        if (created) {
            return;
        }
        EmbeddedPostgres postgres = MigratedPostgres.instance();
        JdbcClient superuser = JdbcClient.create(postgres.getPostgresDatabase());
        superuser.sql("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'migration-secret'").update();
        superuser.sql("CREATE ROLE " + APP + " LOGIN PASSWORD 'app-secret'").update();
        superuser.sql("CREATE DATABASE " + DATABASE + " OWNER " + OWNER).update();
        try (HikariDataSource admin = connect("postgres", 1)) {
            // the engine creates its ACT_ tables as the application at start
            JdbcClient.create(admin).sql("GRANT USAGE, CREATE ON SCHEMA public TO " + APP).update();
        }
        try (HikariDataSource owner = connect(OWNER, 3)) {
            Flyway.configure().dataSource(owner)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .placeholders(Map.of("zhifa_app_role", APP))
                    .load().migrate();
            JdbcClient jdbc = JdbcClient.create(owner);
            jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id, case_number_prefix) VALUES (?, ?, 'AGENCY', NULL, ?)")
                    .params(MigratedPostgres.AGENCY, "某县市场监督管理局", "某县市监处罚").update();
            jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id) VALUES (?, ?, 'HANDLING', ?)")
                    .params(MigratedPostgres.UNIT, "执法一大队", MigratedPostgres.AGENCY).update();
        }
        created = true;
    }

    /** A connection pool on the two-role database as {@code user} (OWNER, APP, or "postgres" the superuser). */
    static HikariDataSource connect(String user, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(MigratedPostgres.instance().getJdbcUrl(user, DATABASE));
        config.setUsername(user);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
