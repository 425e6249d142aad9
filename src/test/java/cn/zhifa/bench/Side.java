package cn.zhifa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Where a round runs: the project's engine through its services, the same over /engine-rest, or the bare engine. */
interface Side {

    String name();

    boolean bare();

    ProcessEngine engine();

    StatementCounter statements();

    /** Untimed preparation on the project's side: registers a case for the given officer; 0 on the bare side. */
    long registerCase();

    /**
     * Untimed set-up on the project's side: uploads a small PDF to the case as the officer (evidence, a signed
     * receipt or waiver) and answers the attachment's id; a dummy id on the bare side.
     */
    String attach(long caseId, String description);

    String start(String user, String processKey, Map<String, Object> variables);

    /** The user's open task of that key in the case's process instance or in one it called (untimed). */
    default OpenTask task(String processInstanceId, String taskKey, String user) {
        return findTask(processInstanceId, taskKey, user);
    }

    void claim(String user, String taskId);

    void complete(String user, String taskId, Map<String, Object> variables);

    /** Untimed: the case the project's engine bound the instance to (engine-owned {@code caseId}); 0 if none. */
    default long caseOf(String processInstanceId) {
        Object id = StatementCounter.uncounted(() -> engine().getRuntimeService()
                .getVariable(processInstanceId, "caseId"));
        return id instanceof Number number ? number.longValue() : 0L;
    }

    /** Untimed: sets the due date of the case's timer at an activity to a moment just past. */
    default void timerDueNow(String processInstanceId, String activityId) {
        var management = engine().getManagementService();
        StatementCounter.uncounted(() -> {
            management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                    .forEach(job -> management.setJobDuedate(job.getId(), new java.util.Date(System.currentTimeMillis() - 1000)));
            return null;
        });
    }

    /**
     * The task of that key in the instance or the instances it called (document-service, case-execution): the one
     * assigned to the user, else one nobody holds (a multi-instance task has one per officer).
     */
    default OpenTask findTask(String processInstanceId, String taskKey, String user) {
        return StatementCounter.uncounted(() -> {
            List<Task> tasks = engine().getTaskService().createTaskQuery()
                    .processInstanceIdIn(family(processInstanceId).toArray(String[]::new))
                    .taskDefinitionKey(taskKey).list();
            Task mine = tasks.stream().filter(t -> user.equals(t.getAssignee())).findFirst()
                    .orElse(tasks.stream().filter(t -> t.getAssignee() == null).findFirst().orElse(null));
            return mine == null ? null : new OpenTask(mine.getId(), mine.getAssignee());
        });
    }

    /** The instance and every instance it called, transitively, that still runs. */
    private List<String> family(String processInstanceId) {
        List<String> ids = new ArrayList<>(List.of(processInstanceId));
        for (ProcessInstance child : engine().getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            ids.addAll(family(child.getId()));
        }
        return ids;
    }

    record OpenTask(String id, String assignee) {
    }
}
