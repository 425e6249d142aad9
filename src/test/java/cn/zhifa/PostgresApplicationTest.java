package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.penalty.PenaltyCaseDriver;
import cn.zhifa.penalty.PenaltyCaseTasklistWalk;
import cn.zhifa.worklist.TaskVisibility;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a real PostgreSQL 16 (embedded, no Docker): engine schema, Flyway schema, seeding. Set up
 * as in production: Flyway runs as the role that owns the tables, the application logs in as a role that owns none
 * of them and cannot change the case record (docs/case-register.md).
 */
@SpringBootTest(classes = ZhifaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
@TestExecutionListeners(listeners = PostgresApplicationTest.DatabaseOutlivesApplication.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PostgresApplicationTest {

    private static final EmbeddedPostgres POSTGRES = start();

    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate rest;
    @Autowired ManagementService managementService;
    @Autowired PenaltyCaseDriver penaltyCases;
    @Autowired TaskVisibility visibility;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        // no user in the URL: the driver would prefer it to the migration user Flyway passes
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + POSTGRES.getPort() + "/zhifa");
        registry.add("spring.datasource.username", () -> "zhifa_app");
        registry.add("spring.datasource.password", () -> "app-secret");
        registry.add("spring.flyway.user", () -> "zhifa_migration");
        registry.add("spring.flyway.password", () -> "migration-secret");
        registry.add("zhifa.record.checkpoint-dir", () -> "target/test-record-checkpoints/postgres-" + UUID.randomUUID());
        // as in prod: refuse to start if the application's user could change the record
        registry.add("zhifa.record.require-restricted-database-user", () -> "true");
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
    void shouldRunAsAnApplicationRoleThatOwnsNoneOfTheProjectTables() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("zhifa_app");
        assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'case_record_entry'")
                .query(String.class).single()).isEqualTo("zhifa_migration");
        assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'act_ge_property'")
                .query(String.class).single()).isEqualTo("zhifa_app");
        ResponseEntity<Map> created = rest.withBasicAuth("zhangwei", "test-secret").postForEntity("/api/cases", Map.of(
                "kind", "PENALTY", "title", "两个角色案",
                "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X")),
                "officers", List.of(Map.of("userId", "zhangwei"), Map.of("userId", "lina"))), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> verify = rest.withBasicAuth("zhangwei", "test-secret")
                .getForEntity("/api/cases/" + created.getBody().get("id") + "/record/verify", Map.class);
        assertThat(verify.getBody()).containsEntry("intact", true).containsEntry("lastCheckpointSeq", 1);
        assertThat(jdbc.sql("SELECT has_table_privilege('case_record_entry', 'UPDATE')").query(Boolean.class).single())
                .isFalse();
    }

    /** The general procedure as Tasklist drives it, logged in as each person who acts (issue 20), on PostgreSQL. */
    @Test
    void shouldCarryAPenaltyCaseFromClueToServedDecision() {
        try {
            long caseId = new PenaltyCaseTasklistWalk(rest, managementService, penaltyCases).fromClueToServedDecision();
            assertThat(jdbc.sql("SELECT stage FROM case_file WHERE id = ?").param(caseId).query(String.class).single())
                    .isEqualTo("EXECUTION");
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * On PostgreSQL the task list takes paths H2 never sees (a page asks the authorization per task, the due-date
     * index): every user still gets exactly the tasks Camunda's authorization lets him read (TaskVisibility).
     */
    @Test
    void shouldListEachUsersTasksExactlyAsCamundaAuthorizesThem() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'act_idx_task_due_date'")
                .query(String.class).single()).contains("(due_date_)");
        try {
            PenaltyCaseDriver.clockAt("2026-09-30T10:00:00");
            penaltyCases.file(penaltyCases.registerClue(PenaltyCaseDriver.clue("2026-09-29", "2026-09-20")));
            penaltyCases.registerClue(PenaltyCaseDriver.clue("2026-09-29", "2026-09-20"));
            int seen = 0;
            for (String user : List.of(PenaltyCaseDriver.OFFICER, PenaltyCaseDriver.CO_OFFICER, PenaltyCaseDriver.HEAD,
                    "zhaomin")) {
                seen += visibility.assertExactFor(user);
            }
            assertThat(seen).as("some tasks listed").isPositive();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void shouldAuthenticateAgainstTheIdentityStoredInPostgres() {
        ResponseEntity<Map> me = rest.withBasicAuth("lina", "test-secret").getForEntity("/api/me", Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("name", "李娜");
    }

    /**
     * The database outlives the application: after the last test the context (engine, pool) closes, then PostgreSQL
     * stops. Left to the JVM's shutdown hooks both run at once: the closing engine then reports its metrics to a
     * stopped database and waits 30 s for a connection (Surefire kills the JVM), and undeploying the process
     * application fails (ENGINE-07018, ENGINE-08044). First of the listeners, so the last after the class.
     */
    static class DatabaseOutlivesApplication implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) throws IOException {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            POSTGRES.close();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** The two roles and the database as docs/case-register.md tells an agency to create them. */
    private static EmbeddedPostgres start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
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
