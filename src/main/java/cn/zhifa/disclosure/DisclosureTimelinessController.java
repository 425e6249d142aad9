package cn.zhifa.disclosure;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/disclosure-timeliness?from=&to=[&agencyId=]} for the supervision dashboard (supervisors
 * and administrators): of the decisions made in the range, how many were published on time, late, are still
 * unpublished (and of those overdue), withheld; how many were withdrawn, and of those on time.
 */
@RestController
class DisclosureTimelinessController {

    private final DisclosureStore store;

    DisclosureTimelinessController(DisclosureStore store) {
        this.store = store;
    }

    record Timeliness(LocalDate from, LocalDate to, String agencyId, int decisions, int publishedOnTime,
            int publishedLate, int unpublished, int unpublishedOverdue, int withheld, int withdrawn,
            int withdrawnOnTime, int withdrawnLate, int withdrawalPending) {
    }

    @GetMapping("/api/supervision/disclosure-timeliness")
    Timeliness timeliness(@RequestParam @Size(max = 10) @WellFormedText String from,
            @RequestParam @Size(max = 10) @WellFormedText String to,
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String agencyId) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        OffsetDateTime now = OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE);
        // a draft abandoned because its decision was revoked or changed before publication is no decision to count
        List<DisclosureStore.Row> rows = store.decidedBetween(start, end, agencyId).stream()
                .filter(row -> !"ABANDONED".equals(row.status())).toList();
        int onTime = 0, late = 0, unpublished = 0, overdue = 0, withheld = 0, withdrawn = 0, withdrawnOnTime = 0,
                withdrawnLate = 0, pending = 0;
        for (DisclosureStore.Row row : rows) {
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
        return new Timeliness(start, end, agencyId, rows.size(), onTime, late, unpublished, overdue, withheld,
                withdrawn, withdrawnOnTime, withdrawnLate, pending);
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "日期不正确：参数 " + field + " 应为 YYYY-MM-DD");
        }
    }
}
