package cn.zhifa.casefile;

import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The statutory periods of one case, as the register shows them: what runs, until when, extended or not. */
@RestController
class CaseDeadlinesController {

    record CaseDeadline(String entryId, String name, Instant clockStart, Instant dueAt, boolean provisional,
            int extensionsUsed, RunningDeadline.Status status, String legalBasis) {
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
        return deadlines.ofCase(String.valueOf(caseId)).stream().map(this::describe).toList();
    }

    private CaseDeadline describe(RunningDeadline deadline) {
        DeadlineEntry entry = deadlines.catalogue().entry(deadline.entryId());
        return new CaseDeadline(deadline.entryId(), entry.name(), deadline.clockStart(), deadline.dueAt(),
                deadline.provisional(), deadline.extensionsUsed(), deadline.status(), entry.legalBasis());
    }
}
