package cn.zhifa.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One procedure as the benchmark drives it. A new procedure is one more class implementing this and one line in
 * {@link BenchmarkRun#workloads()}: the harness derives its bare topology from the same model files, runs it on the
 * project's engine through the service calls and over /engine-rest, and on the bare engine, in alternating rounds.
 */
interface CaseWorkload {

    String processKey();

    /** The project's model of the procedure, on the classpath. */
    String processResource();

    /**
     * The models a case runs through: the procedure's and those of the processes it calls on the workload's path.
     * The bare engine deploys each stripped of everything of ours; the harness waits for the jobs of all of them.
     */
    default List<String> processResources() {
        return List.of(processResource());
    }

    /** The people who click: the bare side authenticates them with the groups they have in the project. */
    List<String> users();

    /** One sentence for the report: what a case does, after "start, claim, N task completions per case;". */
    String description();

    /** Untimed: what must exist before a case starts (on the project's side a registered case, if it needs one). */
    CaseState prepare(Side side);

    /**
     * The phases of one case. The harness runs a phase for every case of the round, then waits until the engine's
     * job executor has nothing left due (async continuations, timers set to fire at once), then the next phase.
     */
    List<Phase> phases();

    /**
     * The variables the bare model needs where the project's listeners and delegates set engine-owned ones; the bare
     * models' call activities pass each of them on to the called process, as the project's listeners set them there.
     */
    Map<String, Object> bareStartVariables();

    /** Per case, what the harness knows: the case on the project's side, the process instance, set-up ids. */
    final class CaseState {
        /** 0 until known: a procedure that opens the case itself has it only after the start. */
        long caseId;
        String processInstanceId;
        final Map<String, String> ids = new HashMap<>();

        CaseState(long caseId) {
            this.caseId = caseId;
        }
    }

    @FunctionalInterface
    interface Phase {
        void run(CaseState state, Clicks clicks);

        /** False for set-up between two timed phases (uploads): its time is not part of the round. */
        default boolean timed() {
            return true;
        }

        static Phase setUp(Phase phase) {
            return new SetUp(phase);
        }
    }

    /** A set-up phase: named, so that the CPU profile can leave it out by its stack frame. */
    record SetUp(Phase phase) implements Phase {

        @Override
        public void run(CaseState state, Clicks clicks) {
            phase.run(state, clicks);
        }

        @Override
        public boolean timed() {
            return false;
        }
    }
}
