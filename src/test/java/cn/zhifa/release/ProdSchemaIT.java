package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The schema step of docs/operations.md on the packaged jar in the prod profile, on a PostgreSQL 16 with the two roles
 * of docs/case-register.md: a normal start never creates the engine's tables, the first installation does it with one
 * explicit start, and later starts leave them alone.
 */
class ProdSchemaIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "it-" + UUID.randomUUID();
    /** The step, exactly as docs/operations.md gives it. */
    static final String CREATE_SCHEMA = "--camunda.bpm.database.schema-update=create";

    private static final EmbeddedPostgres POSTGRES = emptyDatabaseWithTwoRoles();

    /** Registered first, so it runs last: the database stops after the application. */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback STOP_DATABASE = context -> POSTGRES.close();

    @RegisterExtension
    @Order(2)
    static final PackagedJar app = PackagedJar.prod(Map.of(
            "ZHIFA_DB_URL", "jdbc:postgresql://localhost:" + POSTGRES.getPort() + "/zhifa",
            "ZHIFA_DB_USER", "zhifa_app", "ZHIFA_DB_PASSWORD", "app-secret",
            "ZHIFA_DB_MIGRATION_USER", "zhifa_migration", "ZHIFA_DB_MIGRATION_PASSWORD", "migration-secret"),
            ADMIN, PASSWORD);

    @Test
    void shouldCreateTheEngineSchemaOnlyInTheExplicitFirstStart() throws Exception {
        assertThat(app.exitCode("empty-database")).isNotZero();
        assertThat(Files.readString(app.log())).contains("ENGINE-03057");

        app.start("first-installation", CREATE_SCHEMA);
        assertThat(app.errorLines()).as("ERROR lines in " + app.log()).isEmpty();
        assertThat(deployments()).singleElement().satisfies(d -> assertThat(d).containsEntry("name", "zhifa"));
        app.stop();

        app.start("second-start");
        assertThat(app.errorLines()).as("ERROR lines in " + app.log()).isEmpty();
        // same resources, same names: deploy-changed-only makes no second deployment
        assertThat(deployments()).hasSize(1);
        assertThat(Files.readString(app.log())).doesNotContain("ENGINE-03016");
        app.stop();
    }

    private static List<Map<String, Object>> deployments() {
        RestClient admin = app.as(ADMIN, PASSWORD);
        return admin.get().uri("/engine-rest/deployment").retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                });
    }

    /** The roles and the database as docs/case-register.md tells an agency to create them. */
    private static EmbeddedPostgres emptyDatabaseWithTwoRoles() {
        EmbeddedPostgres postgres;
        try {
            // the server's own log (with the expected ERROR of the start on an empty database) goes beside the
            // application's logs, not into the build output
            File log = Files.createDirectories(Path.of("target", "packaged-jar")).resolve("ProdSchemaIT-postgres.log")
                    .toFile();
            postgres = EmbeddedPostgres.builder().setOutputRedirector(Redirect.appendTo(log))
                    .setErrorRedirector(Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        JdbcClient superuser = JdbcClient.create(postgres.getPostgresDatabase());
        superuser.sql("CREATE ROLE zhifa_migration LOGIN PASSWORD 'migration-secret'").update();
        superuser.sql("CREATE ROLE zhifa_app LOGIN PASSWORD 'app-secret'").update();
        superuser.sql("CREATE DATABASE zhifa OWNER zhifa_migration").update();
        JdbcClient.create(postgres.getDatabase("postgres", "zhifa"))
                .sql("GRANT USAGE, CREATE ON SCHEMA public TO zhifa_app").update();
        return postgres;
    }
}
