package cn.zhifa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs a workload's cases in rounds that alternate the sides (project, bare, project over HTTP, project, bare, ...),
 * each round a fixed number of cases, so that every ratio compares rounds that ran seconds apart on the same noisy
 * machine.
 */
final class Rounds {

    private final BenchSettings settings;

    Rounds(BenchSettings settings) {
        this.settings = settings;
    }

    /** One round of one side. */
    record Round(String side, int index, int cases, long nanos, long statements, long roundTrips, long bytes,
            Samples samples, Map<String, Long> kinds, List<String> jobFailures) {

        double casesPerSecond() {
            return cases / (nanos / 1e9);
        }

        double completionsPerSecond(int completionsPerCase) {
            return cases * completionsPerCase / (nanos / 1e9);
        }
    }

    Round run(CaseWorkload workload, Side side, int index, int cases, LongSupplier bytesOf) {
        List<CaseWorkload.CaseState> states = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            states.add(workload.prepare(side));
        }
        Samples samples = new Samples();
        long bytesBefore = bytesOf.getAsLong();
        long statementsBefore = side.statements().statements();
        long tripsBefore = side.statements().roundTrips();
        Map<String, Long> kindsBefore = side.statements().kinds();
        java.util.Set<String> roots = new java.util.HashSet<>();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> attempts = new java.util.HashMap<>();
        long nanos = 0;
        for (CaseWorkload.Phase phase : workload.phases()) {
            long started = System.nanoTime();
            parallel(states, state -> phase.run(state, new Clicks(side, samples)));
            states.forEach(s -> roots.add(s.processInstanceId));
            java.util.function.Predicate<Job> ours = job -> roots.contains(job.getRootProcessInstanceId());
            awaitJobs(side, ours);
            while (retryFailedJobs(side, ours, failures, attempts)) {
                awaitJobs(side, ours);
            }
            if (phase.timed()) {
                nanos += System.nanoTime() - started;
            }
        }
        long started = System.nanoTime();
        awaitEnded(side, states, job -> roots.contains(job.getRootProcessInstanceId()));
        nanos += System.nanoTime() - started;
        long statements = side.statements().statements() - statementsBefore;
        long trips = side.statements().roundTrips() - tripsBefore;
        Map<String, Long> kinds = new java.util.HashMap<>();
        side.statements().kinds().forEach((kind, count) -> {
            long delta = count - kindsBefore.getOrDefault(kind, 0L);
            if (delta > 0) {
                kinds.put(kind, delta);
            }
        });
        return new Round(side.name(), index, cases, nanos, statements, trips, bytesOf.getAsLong() - bytesBefore,
                samples, kinds, failures);
    }

    private void parallel(List<CaseWorkload.CaseState> states, java.util.function.Consumer<CaseWorkload.CaseState> work) {
        int threads = Math.min(settings.clientThreads(), states.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < states.size(); i += threads) {
                        work.accept(states.get(i));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client thread failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until none of the jobs the filter takes is due (those of a round's cases and of the processes they called:
     * their root instance is the case's): the job executor has run the continuations and the timers set to the past.
     * Without a job executor (the smoke run) the harness executes them itself.
     */
    void awaitJobs(Side side, java.util.function.Predicate<Job> ours) {
        ManagementService management = side.engine().getManagementService();
        long deadline = System.currentTimeMillis() + 180_000;
        // a job that fails is run once per call: in the smoke run other tests left some failing; a round retries its own
        java.util.Set<String> failed = new java.util.HashSet<>();
        while (true) {
            // the filter's jobs only: in the smoke run the shared test context also holds other tests' jobs
            var due = StatementCounter.uncounted(() -> management.createJobQuery().executable().list()).stream()
                    .filter(ours).filter(job -> !failed.contains(job.getId())).toList();
            if (due.isEmpty()) {
                return;
            }
            if (!settings.jobExecutor()) {
                for (var job : due) {
                    try {
                        management.executeJob(job.getId());  // the work itself: counted
                    } catch (RuntimeException e) {
                        failed.add(job.getId());
                    }
                }
                continue;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(due.size() + " jobs still due on " + side.name());
            }
            sleep(10);
        }
    }

    /**
     * A job of the round's cases that failed waits for its retry (minutes: failedJobRetryTimeCycle) and the next phase
     * would not find its task. Makes each due again at once, as the retry would be without its wait, and keeps the
     * root cause for the report (the application's logging keeps the engine's job failures quiet). True if any; a
     * job that fails a third time fails the round (a bug rather than contention).
     */
    private static boolean retryFailedJobs(Side side, java.util.function.Predicate<Job> ours, List<String> failures,
            Map<String, Integer> attempts) {
        ManagementService management = side.engine().getManagementService();
        return StatementCounter.uncounted(() -> {
            boolean any = false;
            for (Job job : management.createJobQuery().withException().list()) {
                if (ours.test(job)) {
                    String cause = job.getProcessDefinitionKey() + ": " + rootCause(
                            management.getJobExceptionStacktrace(job.getId()));
                    if (attempts.merge(job.getId(), 1, Integer::sum) > 2) {
                        throw new IllegalStateException("job " + job.getId() + " failed three times on " + side.name()
                                + ": " + cause);
                    }
                    failures.add(cause);
                    management.setJobRetries(job.getId(), Math.max(1, job.getRetries()));
                    management.setJobDuedate(job.getId(), new java.util.Date(System.currentTimeMillis() - 1000));
                    any = true;
                }
            }
            return any;
        });
    }

    /** The last "Caused by" of a stack trace, its first line, where it says what the database refused and where. */
    static String rootCause(String stacktrace) {
        String cause = stacktrace.lines().findFirst().orElse("");
        List<String> lines = stacktrace.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Caused by:")) {
                cause = lines.get(i).substring("Caused by:".length()).trim();
                for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("\tat "); k++) {
                    if (lines.get(k).trim().startsWith("Where:")) {
                        cause += " (" + lines.get(k).trim() + ")";
                    }
                }
            }
        }
        return cause;
    }

    private void awaitEnded(Side side, List<CaseWorkload.CaseState> states, java.util.function.Predicate<Job> ours) {
        var runtime = side.engine().getRuntimeService();
        java.util.Set<String> ids = new java.util.HashSet<>();
        states.forEach(s -> ids.add(s.processInstanceId));
        long deadline = System.currentTimeMillis() + 120_000;
        while (StatementCounter.uncounted(() -> runtime.createProcessInstanceQuery().processInstanceIds(ids).count()) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("cases did not end on " + side.name());
            }
            awaitJobs(side, ours);
            sleep(10);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rounds of every side in turn: A B C A B C ... */
    Map<String, List<Round>> alternate(CaseWorkload workload, List<Side> sides, Map<String, LongSupplier> bytes) {
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        sides.forEach(s -> rounds.put(s.name(), new ArrayList<>()));
        for (int r = 0; r < settings.rounds(); r++) {
            for (Side side : sides) {
                rounds.get(side.name()).add(run(workload, side, r, settings.casesPerRound(), bytes.get(side.name())));
            }
        }
        return rounds;
    }
}
