package cn.zhifa.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark on one database: alternating rounds of each workload on the project's engine, over /engine-rest and
 * on the bare engine; one attributed round (statements and time per project class and per listener); then the open
 * cases, the waiting timers and how late the due ones fire, and the queries. Writes its section of the report.
 */
final class Bench {

    private static final int QUERY_BUDGET_SECONDS = 60;
    private static final int STATEMENT_TIMEOUT_SECONDS = 30;

    private final BenchSettings settings;
    private final App app;
    private final BareEngine bare;
    private final List<CaseWorkload> workloads;
    private final StringBuilder out = new StringBuilder();
    private final EngineSide project;
    private final EngineSide bareSide;
    private final RestSide rest;
    private Runnable progress = () -> { };

    /** Called after every section, so that a long run leaves its figures behind even if stopped. */
    Bench onProgress(Runnable progress) {
        this.progress = progress;
        return this;
    }

    Bench(BenchSettings settings, App app, BareEngine bare, List<CaseWorkload> workloads) {
        this.settings = settings;
        this.app = app;
        this.bare = bare;
        this.workloads = workloads;
        this.project = new EngineSide("project", app.engine(), app.statements(), app::registerCase, app::attach, null);
        Map<String, List<String>> groups = new HashMap<>();
        for (CaseWorkload workload : workloads) {
            for (String user : workload.users()) {
                groups.put(user, project.groupsOf(user));
            }
        }
        this.bareSide = new EngineSide("bare", bare.engine, bare.dataSource, () -> 0L, (caseId, what) -> "0", groups);
        this.rest = new RestSide(project, app.port(), app.password());
    }

    String report() {
        return out.toString();
    }

    void run() {
        String db = app.database();
        out.append("\n## ").append(db).append("\n\n");
        out.append("Database: ").append(databaseVersion(app.engine())).append("; load average at start ")
                .append(loadAverage()).append(".\n\n");
        // either part can be left out (bench.rounds=0, bench.openCases=0), to run the long one at a quieter time
        if (settings.rounds() > 0) {
            for (CaseWorkload workload : workloads) {
                cases(workload);
                progress.run();
            }
            heap("after the case rounds");
        }
        if (settings.openCases() > 0) {
            openCasesTimersAndQueries();
            heap("after the open cases, timers and queries");
        }
        out.append("\nLoad average at the end of ").append(db).append(": ").append(loadAverage()).append(".\n");
    }

    // ------------------------------------------------------------------ cases, alternating rounds

    private void cases(CaseWorkload workload) {
        List<Side> sides = new ArrayList<>(List.of(project, bareSide));
        if (settings.restVariant()) {
            sides.add(rest);
        }
        Rounds rounds = new Rounds(settings);
        Map<String, LongSupplier> bytes = new HashMap<>();
        bytes.put(project.name(), () -> databaseBytes(app.rawDataSource()));
        bytes.put(rest.name(), () -> databaseBytes(app.rawDataSource()));
        bytes.put(bareSide.name(), () -> databaseBytes(bare.dataSource.getTargetDataSource()));
        for (Side side : sides) {
            rounds.run(workload, side, -1, settings.warmupCases(), () -> 0L);
        }
        Map<String, List<Rounds.Round>> result = rounds.alternate(workload, sides, bytes);
        int completions = (int) Math.round(result.get("project").get(0).samples().of("complete").size()
                / (double) settings.casesPerRound());

        out.append("### ").append(workload.processKey()).append(": ").append(settings.rounds()).append(" rounds × ")
                .append(settings.casesPerRound()).append(" cases per side, ").append(settings.clientThreads())
                .append(" client threads, order ").append(String.join(" → ", result.keySet())).append("\n\n");
        out.append("Per round and side the same cases: start, claim, ").append(completions)
                .append(" task completions per case; ").append(workload.description()).append("\n\n");
        out.append("| side | cases/s (median) | task completions/s | completion p50 ms | completion p99 ms | start p50 ms | claim p50 ms | statements/case | round trips/case | DB bytes/case |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : result.entrySet()) {
            List<Rounds.Round> list = entry.getValue();
            Samples all = new Samples();
            list.forEach(r -> all.addAll(r.samples()));
            long cases = list.stream().mapToLong(Rounds.Round::cases).sum();
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %s |\n",
                    entry.getKey(), Samples.median(list.stream().map(Rounds.Round::casesPerSecond).toList()),
                    Samples.median(list.stream().map(r -> r.completionsPerSecond(completions)).toList()),
                    Samples.percentileMs(all.of("complete"), 50), Samples.percentileMs(all.of("complete"), 99),
                    Samples.percentileMs(all.of("start"), 50), Samples.percentileMs(all.of("claim"), 50),
                    list.stream().mapToLong(Rounds.Round::statements).sum() / (double) cases,
                    list.stream().mapToLong(Rounds.Round::roundTrips).sum() / (double) cases,
                    bytesPerCase(list, cases)));
        }
        jobFailures(result);
        out.append("\nPer task and side, p50 / p99 ms:\n\n| side | ");
        List<String> kinds = result.get("project").get(0).samples().snapshot().keySet().stream()
                .filter(k -> k.startsWith("complete ")).toList();
        out.append(String.join(" | ", kinds)).append(" |\n|---|").append("---|".repeat(kinds.size())).append("\n");
        for (var entry : result.entrySet()) {
            Samples all = new Samples();
            entry.getValue().forEach(r -> all.addAll(r.samples()));
            out.append("| ").append(entry.getKey()).append(" | ");
            out.append(String.join(" | ", kinds.stream().map(k -> String.format(Locale.ROOT, "%.1f / %.1f",
                    Samples.percentileMs(all.of(k), 50), Samples.percentileMs(all.of(k), 99))).toList()));
            out.append(" |\n");
        }
        out.append("\nRatios, per round (the rounds ran side by side in time), median [min – max] over the rounds:\n\n");
        ratio("project / bare, median task completion latency", result, "project", "bare",
                r -> Samples.percentileMs(r.samples().of("complete"), 50));
        ratio("project / bare, time per case (round duration / cases)", result, "project", "bare",
                r -> r.nanos() / 1e6 / r.cases());
        ratio("project / bare, statements per case", result, "project", "bare", r -> (double) r.statements() / r.cases());
        if (settings.restVariant()) {
            ratio("over /engine-rest / project, median task completion latency", result, rest.name(), "project",
                    r -> Samples.percentileMs(r.samples().of("complete"), 50));
            ratio("over /engine-rest / bare, median task completion latency", result, rest.name(), "bare",
                    r -> Samples.percentileMs(r.samples().of("complete"), 50));
        }
        statementKinds(result);
        attribution(workload);
        cpu(workload);
    }

    /** The statements per case of the project and of the bare engine side by side, by verb and table. */
    private void statementKinds(Map<String, List<Rounds.Round>> result) {
        Map<String, Double> project = kindsPerCase(result.get("project"));
        Map<String, Double> bareKinds = kindsPerCase(result.get("bare"));
        java.util.Set<String> all = new java.util.TreeSet<>(project.keySet());
        all.addAll(bareKinds.keySet());
        out.append("\nStatements per case by kind (verb and first table) in the rounds above, the largest differences first:\n\n");
        out.append("| statement | project | bare | project − bare |\n|---|---|---|---|\n");
        all.stream().sorted((x, y) -> Double.compare(
                        Math.abs(project.getOrDefault(y, 0.0) - bareKinds.getOrDefault(y, 0.0)),
                        Math.abs(project.getOrDefault(x, 0.0) - bareKinds.getOrDefault(x, 0.0))))
                .filter(k -> Math.abs(project.getOrDefault(k, 0.0) - bareKinds.getOrDefault(k, 0.0)) >= 0.05)
                .forEach(k -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %+.1f |\n", k,
                        project.getOrDefault(k, 0.0), bareKinds.getOrDefault(k, 0.0),
                        project.getOrDefault(k, 0.0) - bareKinds.getOrDefault(k, 0.0))));
    }

    private static Map<String, Double> kindsPerCase(List<Rounds.Round> rounds) {
        long cases = rounds.stream().mapToLong(Rounds.Round::cases).sum();
        Map<String, Double> perCase = new HashMap<>();
        rounds.forEach(r -> r.kinds().forEach((kind, count) -> perCase.merge(kind, count / (double) cases, Double::sum)));
        return perCase;
    }

    /**
     * Jobs of the round's cases that failed (a deadlock, a lock timeout) and that the harness made due again at once,
     * as the job executor's retry would after its wait: each is a case the project would have delayed by minutes.
     */
    private void jobFailures(Map<String, List<Rounds.Round>> result) {
        Map<String, Map<String, Integer>> bySide = new java.util.LinkedHashMap<>();
        result.forEach((side, list) -> list.forEach(r -> r.jobFailures().forEach(cause -> bySide
                .computeIfAbsent(side, s -> new java.util.TreeMap<>()).merge(cause, 1, Integer::sum))));
        if (bySide.isEmpty()) {
            out.append("\nNo job of these rounds failed.\n");
            return;
        }
        out.append("\nJobs that failed in these rounds and were made due again at once (the job executor would have"
                + " retried them after the failedJobRetryTimeCycle's wait):\n\n| side | failures | cause |\n|---|---|---|\n");
        bySide.forEach((side, causes) -> causes.forEach((cause, count) -> out.append("| ").append(side).append(" | ")
                .append(count).append(" | ").append(cause.replace("|", "\\|")).append(" |\n")));
    }

    private String bytesPerCase(List<Rounds.Round> list, long cases) {
        long bytes = list.stream().mapToLong(Rounds.Round::bytes).sum();
        return bytes <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / (double) cases);
    }

    private void ratio(String what, Map<String, List<Rounds.Round>> result, String a, String b,
            java.util.function.ToDoubleFunction<Rounds.Round> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < result.get(a).size(); i++) {
            ratios.add(figure.applyAsDouble(result.get(a).get(i)) / figure.applyAsDouble(result.get(b).get(i)));
        }
        out.append(String.format(Locale.ROOT, "- %s: **%.2f** [%.2f – %.2f]\n", what, Samples.median(ratios),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    }

    /** One more round of the project with every statement and listener charged to its cause (not in the figures above). */
    private void attribution(CaseWorkload workload) {
        Rounds rounds = new Rounds(settings);
        app.statements().drainByCaller();
        if (app.timings() != null) {
            app.timings().drain();
            app.timings().enabled = true;
        }
        app.statements().attribute = true;
        Rounds.Round round;
        try {
            round = rounds.run(workload, project, 0, settings.casesPerRound(), () -> 0L);
        } finally {
            app.statements().attribute = false;
            if (app.timings() != null) {
                app.timings().enabled = false;
            }
        }
        int cases = round.cases();
        out.append("\nWhere the project's statements come from (one extra round of ").append(cases)
                .append(" cases with the attribution on; the innermost project class on the stack, per case):\n\n");
        out.append("| caller | statements/case | SQL ms/case |\n|---|---|---|\n");
        app.statements().drainByCaller().entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |\n", e.getKey(),
                        e.getValue()[0] / (double) cases, e.getValue()[1] / 1e6 / cases)));
        if (app.timings() != null) {
            out.append("\nListeners, delegates and expressions the engine invoked (inclusive time, per case):\n\n");
            out.append("| invoked | calls/case | ms/case | statements/case |\n|---|---|---|---|\n");
            app.timings().drain().entrySet().stream()
                    .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                    .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.2f | %.1f |\n",
                            e.getKey().replace("|", "\\|"), e.getValue()[0] / (double) cases,
                            e.getValue()[1] / 1e6 / cases, e.getValue()[2] / (double) cases)));
        }
        out.append("\n");
    }

    /** Two more rounds per side, project and bare in turn, each under a CPU profile (not in the figures above). */
    private void cpu(CaseWorkload workload) {
        Rounds rounds = new Rounds(settings);
        Map<String, Long> projectCpu = new java.util.TreeMap<>();
        Map<String, Long> bareCpu = new java.util.TreeMap<>();
        int cases = 0;
        for (int i = 0; i < 2; i++) {
            for (Side side : List.of(project, bareSide)) {
                Map<String, Long> into = side == project ? projectCpu : bareCpu;
                try (CpuProfile profile = CpuProfile.start()) {
                    int done = rounds.run(workload, side, i, settings.casesPerRound(), () -> 0L).cases();
                    profile.stop().forEach((part, n) -> into.merge(part, n, Long::sum));
                    cases += side == project ? done : 0;
                }
            }
        }
        out.append("\nWhere the CPU goes: two more rounds of ").append(settings.casesPerRound()).append(" cases per side, "
                + "project and bare in turn, each under Java Flight Recorder (execution samples every millisecond of every "
                + "thread running Java code, client threads and job executor alike, charged by their stack):\n\n"
                + "| part | project ms/case | bare ms/case |\n|---|---|---|\n");
        java.util.Set<String> parts = new java.util.TreeSet<>(projectCpu.keySet());
        parts.addAll(bareCpu.keySet());
        for (String part : parts) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |\n", part,
                    projectCpu.getOrDefault(part, 0L) * CpuProfile.PERIOD_MS / (double) cases,
                    bareCpu.getOrDefault(part, 0L) * CpuProfile.PERIOD_MS / (double) cases));
        }
        long ours = projectCpu.entrySet().stream().filter(e -> e.getKey().startsWith("project:"))
                .mapToLong(Map.Entry::getValue).sum();
        long bareEngine = bareCpu.getOrDefault(CpuProfile.BARE_ENGINE, 0L);
        if (bareEngine > 0) {
            out.append(String.format(Locale.ROOT, "\nProject / bare, CPU in engine commands per case: **%.2f** (without "
                    + "the document rendering %.2f; the project's Camunda work alone %.2f). The sampler takes a bounded "
                    + "number of threads per period, so the milliseconds are a lower bound and the ratios the figure.\n",
                    ours / (double) bareEngine,
                    (ours - projectCpu.getOrDefault(CpuProfile.RENDERING, 0L)) / (double) bareEngine,
                    projectCpu.getOrDefault(CpuProfile.ENGINE, 0L) / (double) bareEngine));
        }
    }

    // ------------------------------------------------------------------ open cases, timers, queries

    private static java.util.function.Predicate<Job> ofInstances(List<String> instances) {
        java.util.Set<String> ids = new java.util.HashSet<>(instances);
        return job -> ids.contains(job.getRootProcessInstanceId());
    }

    private void openCasesTimersAndQueries() {
        ProcessEngine engine = app.engine();
        int templates = Math.min(20, Math.max(2, settings.openCases() / 2));
        List<Long> caseIds = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        LegalReviewWorkload legal = new LegalReviewWorkload();
        for (int i = 0; i < templates; i++) {
            long caseId = app.registerCase();
            String instance = project.start(LegalReviewWorkload.OFFICER, legal.processKey(),
                    LegalReviewWorkload.submission(caseId));
            if (i % 2 == 1) {
                Clicks clicks = new Clicks(project, new Samples());
                clicks.work(LegalReviewWorkload.REVIEWER_USER, instance, "Task_ReviewIntake",
                        Map.of("intakeOutcome", "ACCEPT"), Map.of());
            }
            caseIds.add(caseId);
            instances.add(instance);
        }
        new Rounds(settings).awaitJobs(project, ofInstances(instances));
        int copies = Math.max(0, settings.openCases() / templates - 1);
        OpenCaseCloner cloner = new OpenCaseCloner(app.rawDataSource());
        double seconds = cloner.copy(caseIds, instances, copies);
        pauseForPlans();
        JdbcTemplate jdbc = new JdbcTemplate(app.rawDataSource());
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL", Long.class);
        long timers = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'", Long.class);
        long openTasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
        out.append("### Open cases\n\n").append(String.format(Locale.ROOT,
                "%d open process instances (%d open tasks, %d waiting timers), %d cases in the register: %d real "
                        + "legal reviews, half at 受理审查 and half at 出具法制审核意见, copied %d times inside the database "
                        + "with history (%.0f s). Database size %s.\n\n",
                open, openTasks, timers, jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class), templates,
                copies, seconds, human(databaseBytes(app.rawDataSource()))));
        progress.run();
        try {
            timerLateness(timers);
            progress.run();
            queries(caseIds, copies);
            progress.run();
        } finally {
            if (!settings.jobExecutor()) {
                cloner.removeCopies();
            }
        }
    }

    /**
     * -Dbench.pauseFile=path: after the copy the run writes the database's JDBC URL into that file and waits until it
     * is deleted, so that a query's plan can be read by hand (EXPLAIN ANALYZE in psql) at the size the benchmark
     * measures it; the analysis files quote such plans.
     */
    private void pauseForPlans() {
        String file = System.getProperty("bench.pauseFile");
        if (file == null) {
            return;
        }
        java.nio.file.Path path = java.nio.file.Path.of(file);
        try {
            java.nio.file.Files.writeString(path, ((com.zaxxer.hikari.HikariDataSource) app.rawDataSource()).getJdbcUrl());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        while (java.nio.file.Files.exists(path)) {
            Rounds.sleep(2000);
        }
    }

    private void timerLateness(long waiting) {
        int count = settings.dueTimers();
        List<String> instances = new ArrayList<>();
        LegalReviewWorkload legal = new LegalReviewWorkload();
        for (int i = 0; i < count; i++) {
            long caseId = app.registerCase();
            String instance = project.start(LegalReviewWorkload.OFFICER, legal.processKey(),
                    LegalReviewWorkload.submission(caseId));
            new Clicks(project, new Samples()).work(LegalReviewWorkload.REVIEWER_USER, instance, "Task_ReviewIntake",
                    Map.of("intakeOutcome", "ACCEPT"), Map.of());
            instances.add(instance);
        }
        var management = app.engine().getManagementService();
        long spread = settings.jobExecutor() ? 30_000 : 1_000;
        long base = System.currentTimeMillis() + (settings.jobExecutor() ? 5_000 : 500);
        Map<String, Long> due = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Job job = management.createJobQuery().processInstanceId(instances.get(i))
                    .activityId("BoundaryEvent_ReviewDueSoon").timers().singleResult();
            long at = base + spread * i / Math.max(1, count);
            management.setJobDuedate(job.getId(), new Date(at));
            due.put(instances.get(i), at);
        }
        long giveUp = base + spread + 120_000;
        if (!settings.jobExecutor()) {
            Rounds.sleep(Math.max(0, base + spread - System.currentTimeMillis()));
            new Rounds(settings).awaitJobs(project, ofInstances(instances));
        }
        Map<String, Long> fired = new HashMap<>();
        while (fired.size() < count && System.currentTimeMillis() < giveUp) {
            for (String instance : instances) {
                if (!fired.containsKey(instance)) {
                    List<HistoricActivityInstance> hits = app.engine().getHistoryService()
                            .createHistoricActivityInstanceQuery().processInstanceId(instance)
                            .activityId("BoundaryEvent_ReviewDueSoon").list();
                    if (!hits.isEmpty()) {
                        fired.put(instance, hits.get(0).getStartTime().getTime());
                    }
                }
            }
            Rounds.sleep(500);
        }
        List<Long> lateness = new ArrayList<>();
        fired.forEach((instance, at) -> lateness.add((at - due.get(instance)) * 1_000_000L));
        out.append(String.format(Locale.ROOT, "### Timer lateness\n\n%d reminder timers of real legal reviews set "
                        + "to fall due over %d s, among %d waiting timers; %d fired within the run (the rest counts as "
                        + "not fired). Lateness = start of the boundary event in the history − due date: p50 **%.0f ms**, "
                        + "p99 **%.0f ms**, max **%.0f ms**.\n\n",
                count, spread / 1000, waiting + count, fired.size(), Samples.percentileMs(lateness, 50),
                Samples.percentileMs(lateness, 99), Samples.maxMs(lateness)));
    }

    private void queries(List<Long> templateCases, int copies) {
        ProcessEngine engine = app.engine();
        Filter filter = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
        Random random = new Random(17);
        Map<String, Runnable> queries = new LinkedHashMap<>();
        String reviewer = LegalReviewWorkload.REVIEWER_USER;
        String officer = LegalReviewWorkload.OFFICER;
        queries.put("Tasklist 本单位待办 as 法制审核科, first page (15) — FilterService.listPage", () -> project.as(reviewer,
                () -> engine.getFilterService().listPage(filter.getId(), 0, 15)));
        queries.put("Tasklist 本单位待办 as 法制审核科, count — FilterService.count", () -> project.as(reviewer,
                () -> engine.getFilterService().count(filter.getId())));
        queries.put("GET /engine-rest/filter/{id}/list?firstResult=0&maxResults=15 (法制审核科)", () -> rest.get(reviewer,
                "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15"));
        queries.put("Tasklist 本单位待办 as 执法一大队 officer, first page", () -> project.as(officer,
                () -> engine.getFilterService().listPage(filter.getId(), 0, 15)));
        java.util.function.LongSupplier someCase = () -> templateCases.get(random.nextInt(templateCases.size()))
                + (copies == 0 ? 0 : (1 + random.nextInt(copies)) * OpenCaseCloner.OFFSET);
        queries.put("案卷: GET /api/cases/{id}", () -> rest.get(officer, "/api/cases/" + someCase.getAsLong()));
        queries.put("案卷: GET /api/cases/{id}/deadlines", () -> rest.get(officer, "/api/cases/" + someCase.getAsLong() + "/deadlines"));
        queries.put("案卷: GET /api/cases/{id}/documents", () -> rest.get(officer, "/api/cases/" + someCase.getAsLong() + "/documents"));
        queries.put("案卷: GET /api/cases/{id}/record", () -> rest.get(officer, "/api/cases/" + someCase.getAsLong() + "/record"));
        queries.put("GET /api/cases?party=张三&limit=20", () -> rest.get(officer, "/api/cases?party=%E5%BC%A0%E4%B8%89&limit=20"));
        queries.put("GET /api/cases?stage=LEGAL_REVIEW&limit=20", () -> rest.get(officer, "/api/cases?stage=LEGAL_REVIEW&limit=20"));
        queries.put("GET /api/cases?unit=unit-squad-1&overdue=false&limit=20", () -> rest.get(officer,
                "/api/cases?unit=unit-squad-1&overdue=false&limit=20"));
        queries.put("GET /api/cases?caseNo=(no such number)", () -> rest.get(officer, "/api/cases?caseNo=X-none"));
        out.append("### Queries at ").append(settings.openCases()).append(" open cases, authorization on\n\n");
        out.append(settings.queryRepetitions()).append(" times each, one client, after 2 unmeasured calls; the HTTP "
                + "calls as Tasklist and the 案卷 tab send them (basic authentication, session cookie kept).\n\n");
        out.append("Each query gets at most " + QUERY_BUDGET_SECONDS + " s in all and each statement at most "
                + STATEMENT_TIMEOUT_SECONDS + " s (MyBatis statement timeout), so that one that does not scale is"
                + " reported instead of stopping the run.\n\n");
        out.append("| query | calls | p50 ms | p95 ms | max ms | statements/call |\n|---|---|---|---|---|---|\n");
        var mybatis = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
        Integer timeoutBefore = mybatis.getDefaultStatementTimeout();
        mybatis.setDefaultStatementTimeout(STATEMENT_TIMEOUT_SECONDS);
        try {
            for (var entry : queries.entrySet()) {
                long budgetEnd = System.nanoTime() + QUERY_BUDGET_SECONDS * 1_000_000_000L;
                List<Long> nanos = new ArrayList<>();
                long before = app.statements().statements();
                String failure = null;
                for (int i = 0; i < settings.queryRepetitions() + 2 && System.nanoTime() < budgetEnd; i++) {
                    long t = System.nanoTime();
                    try {
                        entry.getValue().run();
                    } catch (RuntimeException e) {
                        failure = e.getClass().getSimpleName();
                        nanos.add(System.nanoTime() - t);
                        break;
                    }
                    if (i >= 2) {
                        nanos.add(System.nanoTime() - t);
                    }
                }
                long statements = app.statements().statements() - before;
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |\n",
                        entry.getKey() + (failure == null ? "" : " — **failed: " + failure + " (timeout)**"),
                        nanos.size(), Samples.percentileMs(nanos, 50), Samples.percentileMs(nanos, 95),
                        Samples.maxMs(nanos), statements / (double) Math.max(1, nanos.size() + 2)));
                progress.run();
            }
        } finally {
            mybatis.setDefaultStatementTimeout(timeoutBefore);
        }
        out.append("\n");
    }

    // ------------------------------------------------------------------ machine and database facts

    private void heap(String when) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append(String.format(Locale.ROOT, "\nHeap used %s (of max %s) %s, after a full GC.\n",
                human(heap.getUsed()), human(heap.getMax()), when));
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String databaseVersion(ProcessEngine engine) {
        return StatementCounter.uncounted(() -> {
            var cfg = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            try (var connection = cfg.getDataSource().getConnection()) {
                var meta = connection.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", JDBC driver "
                        + meta.getDriverName() + " " + meta.getDriverVersion() + ", pool "
                        + cfg.getDataSource().getClass().getSimpleName();
            } catch (java.sql.SQLException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        });
    }

    /** PostgreSQL: the database's size; H2 (in memory): the sum of what its tables use. */
    static long databaseBytes(javax.sql.DataSource dataSource) {
        return StatementCounter.uncounted(() -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            try {
                return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
            } catch (RuntimeException notPostgres) {
                try {
                    Long sum = jdbc.queryForObject("SELECT SUM(DISK_SPACE_USED('\"' || TABLE_SCHEMA || '\".\"' || "
                            + "TABLE_NAME || '\"')) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                            + "AND TABLE_TYPE = 'BASE TABLE'", Long.class);
                    return sum == null ? 0L : sum;
                } catch (RuntimeException e) {
                    return 0L;
                }
            }
        });
    }

    static String human(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
