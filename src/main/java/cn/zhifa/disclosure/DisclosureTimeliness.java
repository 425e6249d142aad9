package cn.zhifa.disclosure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Of the decisions made between {@code from} and {@code to} (inclusive) by the agencies asked for (all when
 * {@code agencyIds} is null): how many were published on time, late, are still unpublished (and of those overdue),
 * withheld; how many were withdrawn, and of those on time; how many await withdrawal. A draft abandoned because its
 * decision was revoked or changed before publication is no decision to count.
 */
public record DisclosureTimeliness(LocalDate from, LocalDate to, Set<String> agencyIds, int decisions,
        int publishedOnTime, int publishedLate, int unpublished, int unpublishedOverdue, int withheld, int withdrawn,
        int withdrawnOnTime, int withdrawnLate, int withdrawalPending) {

    static DisclosureTimeliness of(LocalDate from, LocalDate to, Collection<String> agencyIds,
            Collection<DisclosureStore.Row> rows, OffsetDateTime now) {
        int decisions = 0, onTime = 0, late = 0, unpublished = 0, overdue = 0, withheld = 0, withdrawn = 0,
                withdrawnOnTime = 0, withdrawnLate = 0, pending = 0;
        for (DisclosureStore.Row row : rows) {
            if ("ABANDONED".equals(row.status())) {
                continue;
            }
            decisions++;
            if (row.publishedAt() != null) {
                if (row.dueAt() == null || !row.publishedAt().isAfter(row.dueAt())) {
                    onTime++;
                } else {
                    late++;
                }
            } else if ("WITHHELD".equals(row.status())) {
                withheld++;
            } else {
                unpublished++;
                if (row.dueAt() != null && now.isAfter(row.dueAt())) {
                    overdue++;
                }
            }
            if (row.withdrawnAt() != null) {
                withdrawn++;
                if (row.withdrawalDueAt() == null || !row.withdrawnAt().isAfter(row.withdrawalDueAt())) {
                    withdrawnOnTime++;
                } else {
                    withdrawnLate++;
                }
            } else if (row.withdrawalDueAt() != null) {
                pending++;
            }
        }
        return new DisclosureTimeliness(from, to, agencyIds == null ? null : Set.copyOf(agencyIds), decisions, onTime,
                late, unpublished, overdue, withheld, withdrawn, withdrawnOnTime, withdrawnLate, pending);
    }
}
