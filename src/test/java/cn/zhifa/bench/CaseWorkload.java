package cn.zhifa.bench;

import java.util.List;
import java.util.Map;

/**
 * One procedure as the benchmark drives it. A new procedure (penalty-case from clue to archive) is one more class
 * implementing this and one line in {@link BenchmarkRun#workloads()}: the harness derives its bare topology from the
 * same model file, runs it on the project's engine through the service calls and over /engine-rest, and on the bare
 * engine, in alternating rounds.
 */
interface CaseWorkload {

    String processKey();

    /** The project's model, on the classpath; the bare engine deploys it stripped of everything of ours. */
    String processResource();

    /** Untimed: what must exist before a case starts (on the project's side a registered case). */
    CaseState prepare(Side side);

    /**
     * The phases of one case. The harness runs a phase for every case of the round, then waits until the engine's
     * job executor has nothing left due (async continuations, timers set to fire at once), then the next phase.
     */
    List<Phase> phases();

    /** The variables the bare model needs where the project's listeners and delegates set engine-owned ones. */
    Map<String, Object> bareStartVariables();

    /** Per case, what the harness knows: the case on the project's side and the process instance. */
    final class CaseState {
        final long caseId;
        String processInstanceId;

        CaseState(long caseId) {
            this.caseId = caseId;
        }
    }

    @FunctionalInterface
    interface Phase {
        void run(CaseState state, Clicks clicks);
    }
}
