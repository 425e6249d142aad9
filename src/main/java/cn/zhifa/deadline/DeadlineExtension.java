package cn.zhifa.deadline;

import cn.zhifa.calendar.PeriodUnit;
import java.time.Instant;

/** An approved extension of a running deadline: by how much, from which due time to which, who approved, when, why. */
public record DeadlineExtension(long id, long deadlineId, int amount, PeriodUnit unit, Instant oldDueAt,
        Instant newDueAt, String approvedBy, Instant approvedAt, String reason) {
}
