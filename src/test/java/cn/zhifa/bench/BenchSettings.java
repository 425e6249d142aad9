package cn.zhifa.bench;

/** What one benchmark run does; every value can be set as a system property (-Dbench.rounds=...). */
record BenchSettings(int rounds, int casesPerRound, int clientThreads, int warmupCases, int openCases, int dueTimers,
        int queryRepetitions, boolean restVariant, boolean jobExecutor) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.rounds", 8),
                Integer.getInteger("bench.casesPerRound", 40),
                Integer.getInteger("bench.clientThreads", 2),
                Integer.getInteger("bench.warmupCases", 10),
                Integer.getInteger("bench.openCases", 100_000),
                Integer.getInteger("bench.dueTimers", 300),
                Integer.getInteger("bench.queryRepetitions", 200),
                Boolean.parseBoolean(System.getProperty("bench.rest", "true")),
                true);
    }

    /** A few cases of everything: proves the harness works, measures nothing. */
    static BenchSettings smoke() {
        return new BenchSettings(2, 2, 2, 1, 40, 3, 3, true, false);
    }

    BenchSettings withOpenCases(int cases) {
        return new BenchSettings(rounds, casesPerRound, clientThreads, warmupCases, cases, dueTimers, queryRepetitions,
                restVariant, jobExecutor);
    }

    /** The job executor settings of the project's engine, copied to the bare engine and written into the report. */
    record JobExecutor(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition,
            long waitTimeInMillis, long maxWait, int lockTimeInMillis, long backoffTimeInMillis, long maxBackoff) {

        static JobExecutor of(org.camunda.bpm.engine.impl.jobexecutor.JobExecutor executor) {
            int core = 0;
            int max = 0;
            int queue = 0;
            if (executor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
                    && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor pool) {
                core = pool.getCorePoolSize();
                max = pool.getMaxPoolSize();
                queue = pool.getQueueCapacity();
            } else if (executor instanceof org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor tp
                    && tp.getThreadPoolExecutor() != null) {
                core = tp.getThreadPoolExecutor().getCorePoolSize();
                max = tp.getThreadPoolExecutor().getMaximumPoolSize();
                queue = tp.getThreadPoolExecutor().getQueue().remainingCapacity();
            }
            return new JobExecutor(core, max, queue, executor.getMaxJobsPerAcquisition(),
                    executor.getWaitTimeInMillis(), executor.getMaxWait(), executor.getLockTimeInMillis(),
                    executor.getBackoffTimeInMillis(), executor.getMaxBackoff());
        }
    }
}
