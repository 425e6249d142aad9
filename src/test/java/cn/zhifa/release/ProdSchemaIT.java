package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The schema step of docs/operations.md on the packaged jar in the prod profile: a normal start never creates the
 * engine's tables, the first installation does it with one explicit start, and later starts leave them alone.
 */
class ProdSchemaIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "it-" + UUID.randomUUID();
    /** The step, exactly as docs/operations.md gives it. */
    static final String CREATE_SCHEMA = "--camunda.bpm.database.schema-update=create";

    @RegisterExtension
    static final PackagedJar app = PackagedJar.prod(ADMIN, PASSWORD);

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
    }

    private static List<Map<String, Object>> deployments() {
        RestClient admin = app.as(ADMIN, PASSWORD);
        return admin.get().uri("/engine-rest/deployment").retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                });
    }
}
