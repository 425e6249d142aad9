package cn.zhifa.bench;

import cn.zhifa.ZhifaApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark (bench/README.md): {@code ./mvnw -Pbench test}. Not a test of the normal build (its name matches no
 * Surefire pattern; the bench profile selects it). Runs the application on an embedded PostgreSQL and on H2, each
 * against a bare engine on the same kind of database, and writes bench/results/&lt;date&gt;-&lt;commit&gt;.md.
 */
class BenchmarkRun {

    static final String PASSWORD = "test-secret";

    /** Every procedure the benchmark drives, each in a section of its own; a new one joins here. */
    static List<CaseWorkload> workloads() {
        return List.of(new LegalReviewWorkload(), new PenaltyCaseWorkload());
    }

    @Test
    void run() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String loadBefore = Bench.loadAverage();
        String commit = git("rev-parse", "--short", "HEAD");
        Path dir = Path.of("bench", "results");
        Files.createDirectories(dir);
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        Path file = dir.resolve(date + "-" + commit + ".md");
        StringBuilder report = new StringBuilder();
        List<String> databases = List.of(System.getProperty("bench.databases", "postgres,h2").split(","));
        String jobSettings = "";
        for (String database : databases) {
            BenchSettings here = database.equals("h2")
                    ? settings.withOpenCases(Integer.getInteger("bench.h2OpenCases", settings.openCases()))
                    : settings;
            if (database.equals("postgres")) {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
                    JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
                    superuser.execute("CREATE DATABASE zhifa");
                    superuser.execute("CREATE DATABASE bare");
                    jobSettings = runOn(file, "PostgreSQL (embedded, io.zonky)", here,
                            postgres.getJdbcUrl("postgres", "zhifa"), postgres.getJdbcUrl("postgres", "bare"),
                            "postgres", "", report, true);
                }
            } else {
                String id = UUID.randomUUID().toString();
                jobSettings = runOn(file, "H2 (in memory)", here, "jdbc:h2:mem:bench-app-" + id + ";DB_CLOSE_DELAY=-1",
                        "jdbc:h2:mem:bench-bare-" + id + ";DB_CLOSE_DELAY=-1", "sa", "", report, false);
            }
        }
        String header = header(settings, commit, loadBefore, jobSettings);
        Files.writeString(file, header + report + "\nLoad average at the end: " + Bench.loadAverage() + "\n",
                StandardCharsets.UTF_8);
        System.out.println("benchmark report: " + file.toAbsolutePath());
    }

    private String runOn(Path file, String name, BenchSettings settings, String appUrl, String bareUrl, String user,
            String password, StringBuilder report, boolean postgres) throws Exception {
        DelegateTimings timings = new DelegateTimings();
        StatementCounter[] counter = new StatementCounter[1];
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + appUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                // Flyway cannot derive its connection from the counting wrapper: the same database, said again
                "--spring.flyway.url=" + appUrl, "--spring.flyway.user=" + user, "--spring.flyway.password=" + password,
                "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN",
                "--zhifa.record.checkpoint-dir=target/bench-checkpoints/" + UUID.randomUUID(),
                "--zhifa.documents.storage-dir=target/bench-files/" + UUID.randomUUID()));
        List<String> profiles = new ArrayList<>(List.of("demo", "test"));
        if (postgres) {
            profiles.add("postgres");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZhifaApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("benchDelegateTimings", timings);
                    ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                            if (bean instanceof DataSource dataSource && !(bean instanceof StatementCounter)
                                    && counter[0] == null) {
                                counter[0] = new StatementCounter(dataSource);
                                return counter[0];
                            }
                            return bean;
                        }
                    });
                })
                .run(args.toArray(String[]::new));
        try {
            App app = App.of(name, context, counter[0], timings, PASSWORD);
            ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
                    .getProcessEngineConfiguration();
            BenchSettings.JobExecutor jobs = BenchSettings.JobExecutor.of(cfg.getJobExecutor());
            int pool = ((com.zaxxer.hikari.HikariDataSource) app.rawDataSource()).getMaximumPoolSize();
            try (BareEngine bare = new BareEngine(bareUrl, user, password, pool, jobs, true, workloads())) {
                Bench bench = new Bench(settings, app, bare, workloads());
                String done = report.toString();
                String partialHeader = "# Benchmark (in progress)\n\nJob executor: " + jobs + "\n";
                bench.onProgress(() -> {
                    try {
                        Files.writeString(file, partialHeader + done + bench.report(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                bench.run();
                report.append(bench.report());
            }
            return jobs + ", Hikari maximum pool size " + pool + " (both engines)";
        } finally {
            context.close();
        }
    }

    private static String header(BenchSettings settings, String commit, String loadBefore, String jobs) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "# Benchmark " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " UTC\n\n"
                + "| | |\n|---|---|\n"
                + "| commit | `" + commit + "`" + (git("status", "--porcelain", "--", ".", ":(exclude)bench/results").isBlank() ? "" : " (with uncommitted changes)") + " |\n"
                + "| machine | " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + Bench.human(os.getTotalMemorySize()) + " memory, shared with other builds |\n"
                + "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", heap max " + Bench.human(Runtime.getRuntime().maxMemory()) + ", "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList() + " |\n"
                + "| Camunda | " + ProcessEngine.class.getPackage().getImplementationVersion() + ", history full, authorization on |\n"
                + "| load average before | " + loadBefore + " |\n"
                + "| settings | " + settings + " |\n"
                + "| job executor | " + jobs + " |\n";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return output.toLowerCase(Locale.ROOT).startsWith("fatal") ? "unknown" : output;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
