package cn.zhifa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.UUID;
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

    @Autowired ApplicationContext context;

    @Test
    void shouldRunEveryWorkloadOnAFewCasesAndWriteItsReport() {
        App app = App.of("H2 (shared test context)", context, null, null, BenchmarkRun.PASSWORD);
        JdbcTemplate jdbc = new JdbcTemplate(app.rawDataSource());
        long casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE id >= " + OpenCaseCloner.OFFSET,
                Long.class);
        try (BareEngine bare = new BareEngine("jdbc:h2:mem:bench-smoke-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 4, BenchSettings.JobExecutor.of(new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor()),
                false, BenchmarkRun.workloads())) {
            Bench bench = new Bench(BenchSettings.smoke(), app, bare, BenchmarkRun.workloads());
            bench.run();
            String report = bench.report();

            assertThat(report).contains("| project |", "| bare |", "| project /engine-rest |",
                    "project / bare, median task completion latency", "Timer lateness", "3 fired",
                    "本单位待办", "GET /api/cases/{id}/record", "Statements per case by kind", "Where the CPU goes");
            assertThat(bare.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
                    .as("bare cases that ended: warm-up, rounds, CPU rounds").isEqualTo(1 + 2 * 2 + 2 * 2);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE id >= " + OpenCaseCloner.OFFSET, Long.class))
                .as("copies removed").isEqualTo(casesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ LIKE '%~%'", Long.class))
                .isZero();
    }
}
