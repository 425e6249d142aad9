package cn.zhifa.deadline;

import java.time.Instant;

/**
 * A period running for one process instance: when its clock started, when it ends (end of the due day, or the hour
 * for hour periods), when to remind, whether it is provisional (a year without holiday data), how many extensions
 * were granted, and its status. {@code SUPERSEDED}: closed because the clock restarted (e.g. resubmitted materials).
 */
public record RunningDeadline(long id, String processInstanceId, String businessKey, String entryId,
        Instant clockStart, Instant dueAt, Instant remindAt, boolean provisional, int extensionsUsed, Status status) {

    public enum Status {
        OPEN,
        PAUSED,
        DONE,
        SUPERSEDED
    }
}
