package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a real PostgreSQL 16 (embedded, no Docker): engine schema, Flyway schema, seeding. */
@SpringBootTest(classes = ZhifaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresApplicationTest {

    // stopped by its own shutdown hook, after the cached Spring context has closed its connections
    private static final EmbeddedPostgres POSTGRES = start();

    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate rest;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void shouldBootOnPostgresWithEngineAndProjectSchemas() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 16");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ge_property").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM officer_certificate").query(Long.class).single()).isPositive();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-probe").count())
                .isEqualTo(1);
    }

    @Test
    void shouldAuthenticateAgainstTheIdentityStoredInPostgres() {
        ResponseEntity<Map> me = rest.withBasicAuth("lina", "test-secret").getForEntity("/api/me", Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("name", "李娜");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }
}
