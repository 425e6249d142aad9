package cn.zhifa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness on a few cases, in the shared test context (no job executor: the harness runs the jobs), so
 * that the normal build notices when a change breaks it. Measures nothing; the copies of open cases are removed again.
 */
@ApplicationTest
class BenchmarkSmokeTest {

    /**
     * Per workload and side: one warm-up case and two rounds of two; the project also runs the attributed round;
     * project and bare two more rounds each under the CPU profile.
     */
    private static final int BARE_CASES = 1 + 2 * 2 + 2 * 2;
    private static final int PROJECT_CASES = 2 * (1 + 2 * 2) + 2 + 2 * 2;

    @Autowired ApplicationContext context;
    @Autowired HistoryService history;

    @Test
    void shouldRunEveryWorkloadOnAFewCasesAndWriteItsReport() {
        App app = App.of("H2 (shared test context)", context, null, null, BenchmarkRun.PASSWORD);
        JdbcTemplate jdbc = new JdbcTemplate(app.rawDataSource());
        long casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE id >= " + OpenCaseCloner.OFFSET,
                Long.class);
        long archivedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE stage = 'ARCHIVED'", Long.class);
        long concludedBefore = concluded(history);
        try (BareEngine bare = new BareEngine("jdbc:h2:mem:bench-smoke-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 4, BenchSettings.JobExecutor.of(new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor()),
                false, BenchmarkRun.workloads())) {
            Bench bench = new Bench(BenchSettings.smoke(), app, bare, BenchmarkRun.workloads());
            bench.run();
            String report = bench.report();

            assertThat(report).contains("### legal-review", "### penalty-case", "| project |", "| bare |",
                    "| project /engine-rest |", "project / bare, median task completion latency", "Timer lateness",
                    "3 fired", "本单位待办", "GET /api/cases/{id}/record", "complete Task_ArchiveCase",
                    "Statements per case by kind", "Where the CPU goes");
            HistoryService bareHistory = bare.engine.getHistoryService();
            assertThat(bareHistory.createHistoricProcessInstanceQuery().processDefinitionKey("legal-review").finished()
                    .count()).as("bare legal reviews that ended").isEqualTo(BARE_CASES);
            assertThat(concluded(bareHistory)).as("bare penalty cases that ended archived").isEqualTo(BARE_CASES);
            assertThat(bareHistory.createHistoricProcessInstanceQuery().processDefinitionKey("document-service")
                    .finished().count()).as("bare services of notice and decision").isEqualTo(2 * BARE_CASES);
            assertThat(bare.engine.getRuntimeService().createProcessInstanceQuery().count()).as("bare left running")
                    .isZero();
        }
        assertThat(concluded(history) - concludedBefore).as("project penalty cases concluded").isEqualTo(PROJECT_CASES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE stage = 'ARCHIVED'", Long.class)
                - archivedBefore).as("project cases archived").isEqualTo(PROJECT_CASES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE id >= " + OpenCaseCloner.OFFSET, Long.class))
                .as("copies removed").isEqualTo(casesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ LIKE '%~%'", Long.class))
                .isZero();
    }

    /** Penalty cases that reached 已结案 after case-execution archived them. */
    private static long concluded(HistoryService history) {
        return history.createHistoricActivityInstanceQuery().activityId("EndEvent_CaseConcluded").finished().count();
    }
}
