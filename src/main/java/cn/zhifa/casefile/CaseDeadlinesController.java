package cn.zhifa.casefile;

import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statutory periods as the register shows them, within what the caller may see: those of one case, and every running
 * one ({@code GET /api/deadlines/running}, served here because the deadline feature knows processes, not who sees
 * which case). A deadline whose business key is no case of the register is shown only to those who see all cases.
 */
@RestController
class CaseDeadlinesController {

    /**
     * {@code clock}: RUNNING, PAUSED (中止计算), EXTENDED (running after an approved extension) or STOPPED (done or
     * superseded); {@code daysLeft} in the entry's unit (the days kept at the pause while paused), null once stopped.
     */
    record CaseDeadline(String entryId, String name, Instant clockStart, Instant dueAt, boolean provisional,
            int extensionsUsed, RunningDeadline.Status status, String clock, Integer daysLeft, String legalBasis) {
    }

    private final CaseRegister register;
    private final DeadlineService deadlines;

    CaseDeadlinesController(CaseRegister register, DeadlineService deadlines) {
        this.register = register;
        this.deadlines = deadlines;
    }

    @GetMapping("/api/cases/{caseId}/deadlines")
    List<CaseDeadline> deadlines(@PathVariable long caseId, Principal principal) {
        if (!register.isVisibleTo(caseId, principal.getName())) {
            throw CaseRegister.notFound(caseId);
        }
        Map<Long, Integer> daysLeft = deadlines.daysLeft(String.valueOf(caseId));
        return deadlines.ofCase(String.valueOf(caseId)).stream().map(d -> describe(d, daysLeft.get(d.id()))).toList();
    }

    /** Open and paused deadlines, earliest due first. */
    @GetMapping("/api/deadlines/running")
    List<RunningDeadline> running(
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String processInstanceId,
            Principal principal) {
        List<RunningDeadline> running = processInstanceId == null ? deadlines.open()
                : deadlines.open(processInstanceId);
        Set<Long> caseIds = running.stream().map(d -> caseIdOf(d.businessKey())).filter(id -> id != null)
                .collect(Collectors.toSet());
        Set<Long> visible = register.visibleAmong(caseIds, principal.getName());
        boolean seesAll = register.seesAllCases(principal.getName());
        return running.stream().filter(d -> {
            Long caseId = caseIdOf(d.businessKey());
            return caseId == null ? seesAll : visible.contains(caseId);
        }).toList();
    }

    private CaseDeadline describe(RunningDeadline deadline, Integer daysLeft) {
        DeadlineEntry entry = deadlines.catalogue().entry(deadline.entryId());
        String clock = switch (deadline.status()) {
            case PAUSED -> "PAUSED";
            case OPEN -> deadline.extensionsUsed() > 0 ? "EXTENDED" : "RUNNING";
            default -> "STOPPED";
        };
        return new CaseDeadline(deadline.entryId(), entry.name(), deadline.clockStart(), deadline.dueAt(),
                deadline.provisional(), deadline.extensionsUsed(), deadline.status(), clock, daysLeft,
                entry.legalBasis());
    }

    private static Long caseIdOf(String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Long.valueOf(businessKey) : null;
    }
}
