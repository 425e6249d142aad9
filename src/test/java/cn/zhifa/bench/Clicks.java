package cn.zhifa.bench;

import java.util.HashMap;
import java.util.Map;

/** What a workload does to a case, timed: the calls a person makes in Tasklist, on whichever side runs the round. */
final class Clicks {

    private final Side side;
    private final Samples samples;

    Clicks(Side side, Samples samples) {
        this.side = side;
        this.samples = samples;
    }

    boolean bare() {
        return side.bare();
    }

    String start(String user, String processKey, Map<String, Object> variables) {
        long t = System.nanoTime();
        String id = side.start(user, processKey, variables);
        samples.add("start", System.nanoTime() - t);
        return id;
    }

    /**
     * Claims the user's open task of that key in the case or a process it called (unless assigned) and completes it
     * with the form's variables; on the bare side with {@code bareOnly} added (what our listeners would set).
     */
    void work(String user, String processInstanceId, String taskKey, Map<String, Object> formVariables,
            Map<String, Object> bareOnly) {
        Side.OpenTask task = side.task(processInstanceId, taskKey, user);
        if (task == null) {
            throw new IllegalStateException("no task " + taskKey + " in " + processInstanceId + " on " + side.name());
        }
        if (task.assignee() == null) {
            long t = System.nanoTime();
            side.claim(user, task.id());
            samples.add("claim", System.nanoTime() - t);
        }
        Map<String, Object> variables = new HashMap<>(formVariables);
        if (side.bare()) {
            variables.putAll(bareOnly);
        }
        long t = System.nanoTime();
        side.complete(user, task.id(), variables);
        long elapsed = System.nanoTime() - t;
        samples.add("complete", elapsed);
        samples.add("complete " + taskKey, elapsed);
    }

    /** Untimed set-up: the case the project's engine opened for the instance (0 on the bare side). */
    long caseOf(String processInstanceId) {
        return side.caseOf(processInstanceId);
    }

    /** Untimed set-up: an attachment of the case (evidence, a signed receipt, a waiver); its id. */
    String attach(long caseId, String description) {
        return side.attach(caseId, description);
    }

    /** Moves a waiting timer of the case to now, so the job executor fires it at once. */
    void fireTimerNow(String processInstanceId, String activityId) {
        side.timerDueNow(processInstanceId, activityId);
    }
}
