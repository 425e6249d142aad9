package cn.zhifa.deadline;

import java.time.Instant;

/**
 * An approved request to extend a running deadline: who approved it and why, when it was asked for and when it was
 * approved. The request must come before the period ran out; an approval that comes after is granted but marked late
 * (see {@link DeadlineService#extend}).
 */
public record ExtensionApproval(String approvedBy, String reason, Instant requestedAt, Instant approvedAt) {
}
