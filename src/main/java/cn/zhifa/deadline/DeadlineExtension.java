package cn.zhifa.deadline;

import cn.zhifa.calendar.PeriodUnit;
import java.time.Instant;

/**
 * An approved extension of a running deadline: by how much, from which due time to which, who approved, when it was
 * requested and approved, why. {@code requestedAt} is null for extensions granted before it was recorded (V40).
 */
public record DeadlineExtension(long id, long deadlineId, int amount, PeriodUnit unit, Instant oldDueAt,
        Instant newDueAt, String approvedBy, Instant requestedAt, Instant approvedAt, String reason) {

    /** Approved after the old period had run out (the request itself came in time). */
    public boolean late() {
        return approvedAt.isAfter(oldDueAt);
    }
}
