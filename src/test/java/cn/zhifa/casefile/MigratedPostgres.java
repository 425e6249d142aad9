package cn.zhifa.casefile;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL for tests without Spring: started once per JVM, migrated with the project's Flyway scripts
 * (common + postgresql), seeded with one agency and one handling unit. Each {@link #node()} is a separate connection
 * pool, standing in for one application node.
 */
public final class MigratedPostgres {

    public static final String AGENCY = "pg-agency";
    public static final String UNIT = "pg-squad";

    private static EmbeddedPostgres postgres;

    private MigratedPostgres() {
    }

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(MigratedPostgres::close));
            Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    // tests connect as the superuser that migrates: one role, nothing to grant
                    .placeholders(Map.of("zhifa_app_role", "postgres"))
                    .load().migrate();
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id, case_number_prefix) VALUES (?, ?, 'AGENCY', NULL, ?)")
                    .params(AGENCY, "某县市场监督管理局", "某县市监处罚").update();
            jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id) VALUES (?, ?, 'HANDLING', ?)")
                    .params(UNIT, "执法一大队", AGENCY).update();
        }
        return postgres;
    }

    /** A new connection pool on the test database: one "application node". Close it after use. */
    public static HikariDataSource node(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(instance().getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Inserts a bare case row in stage CLUE and returns its id. */
    public static long insertCase(DataSource dataSource, String title) {
        return JdbcClient.create(dataSource).sql("""
                INSERT INTO case_file (kind, agency_id, handling_unit_id, title, stage, created_at, created_by,
                    stage_changed_at)
                VALUES ('PENALTY', ?, ?, ?, 'CLUE', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP) RETURNING id""")
                .params(AGENCY, UNIT, title).query(Long.class).single();
    }

    private static synchronized void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the JVM is exiting; nothing left to clean up
        }
    }
}
