package cn.zhifa.bench;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Where a round runs: the project's engine through its services, the same over /engine-rest, or the bare engine. */
interface Side {

    String name();

    boolean bare();

    ProcessEngine engine();

    StatementCounter statements();

    /** Untimed preparation on the project's side: registers a case for the given officer; 0 on the bare side. */
    long registerCase();

    String start(String user, String processKey, Map<String, Object> variables);

    OpenTask task(String processInstanceId, String taskKey);

    void claim(String user, String taskId);

    void complete(String user, String taskId, Map<String, Object> variables);

    /** Untimed: sets the due date of the case's timer at an activity to a moment just past. */
    default void timerDueNow(String processInstanceId, String activityId) {
        var management = engine().getManagementService();
        StatementCounter.uncounted(() -> {
            management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                    .forEach(job -> management.setJobDuedate(job.getId(), new java.util.Date(System.currentTimeMillis() - 1000)));
            return null;
        });
    }

    default OpenTask findTask(String processInstanceId, String taskKey) {
        var task = StatementCounter.uncounted(() -> engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult());
        return task == null ? null : new OpenTask(task.getId(), task.getAssignee());
    }

    record OpenTask(String id, String assignee) {
    }
}
