package cn.zhifa.disclosure;

import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
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

    private final Disclosures disclosures;

    DisclosureTimelinessController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping("/api/supervision/disclosure-timeliness")
    DisclosureTimeliness timeliness(@RequestParam @Size(max = 10) @WellFormedText String from,
            @RequestParam @Size(max = 10) @WellFormedText String to,
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String agencyId) {
        return disclosures.timeliness(date(from, "from"), date(to, "to"), agencyId == null ? null : Set.of(agencyId));
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "日期不正确：参数 " + field + " 应为 YYYY-MM-DD");
        }
    }
}
