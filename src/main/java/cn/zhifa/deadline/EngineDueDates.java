package cn.zhifa.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves what the engine scheduled from a deadline: the due and follow-up dates of the instance's tasks and the due
 * dates of its timer jobs that equal the old due or reminder instant. Public engine API only.
 */
class EngineDueDates {

    private final TaskService taskService;
    private final ManagementService managementService;

    EngineDueDates(TaskService taskService, ManagementService managementService) {
        this.taskService = taskService;
        this.managementService = managementService;
    }

    void move(String processInstanceId, Instant oldDue, Instant newDue, Instant oldRemind, Instant newRemind) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            boolean changed = false;
            if (same(task.getDueDate(), oldDue) && !oldDue.equals(newDue)) {
                task.setDueDate(Date.from(newDue));
                changed = true;
            }
            if (oldRemind != null && newRemind != null && same(task.getFollowUpDate(), oldRemind)
                    && !oldRemind.equals(newRemind)) {
                task.setFollowUpDate(Date.from(newRemind));
                changed = true;
            }
            if (changed) {
                taskService.saveTask(task);
            }
        }
        for (Job job : timers(processInstanceId)) {
            if (same(job.getDuedate(), oldDue)) {
                managementService.setJobDuedate(job.getId(), Date.from(newDue));
            } else if (oldRemind != null && newRemind != null && same(job.getDuedate(), oldRemind)) {
                managementService.setJobDuedate(job.getId(), Date.from(newRemind));
            }
        }
    }

    /** Suspends the timers of a paused deadline so they cannot fire while the clock stands still (R7). */
    void suspend(String processInstanceId, Instant due, Instant remind) {
        for (Job job : timers(processInstanceId)) {
            if (!job.isSuspended() && (same(job.getDuedate(), due) || same(job.getDuedate(), remind))) {
                managementService.suspendJobById(job.getId());
            }
        }
    }

    void activate(String processInstanceId, Instant due, Instant remind) {
        for (Job job : timers(processInstanceId)) {
            if (job.isSuspended() && (same(job.getDuedate(), due) || same(job.getDuedate(), remind))) {
                managementService.activateJobById(job.getId());
            }
        }
    }

    private List<Job> timers(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list();
    }

    private static boolean same(Date date, Instant instant) {
        return date != null && instant != null && date.getTime() == instant.toEpochMilli();
    }
}
