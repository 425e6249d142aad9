package cn.zhifa.deadline;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/agencies/{agencyId}/deadlines/{entryId}}: an agency's own length of a catalogue period (e.g. the
 * disclosure periods, which local rules set), for the platform administrator or the agency's own administrator (the
 * security rule of every {@code /api/admin/agencies/{agencyId}/**} path). Deadlines already running keep their
 * length.
 */
@RestController
@RequestMapping("/api/admin/agencies/{agencyId}/deadlines/{entryId}")
class AgencyDeadlineController {

    private final DeadlineService deadlines;

    AgencyDeadlineController(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    record AgencyAmountRequest(@Min(1) @Max(365) int amount,
            @NotBlank @Size(max = 1000) @WellFormedText String legalBasis) {
    }

    @GetMapping
    DeadlineEntry entry(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @PathVariable @Size(max = 64) @WellFormedText String entryId) {
        return deadlines.entryFor(agencyId, entryId);
    }

    @PutMapping
    DeadlineEntry set(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @PathVariable @Size(max = 64) @WellFormedText String entryId,
            @Valid @RequestBody AgencyAmountRequest request, Principal principal) {
        return deadlines.setAgencyAmount(agencyId, entryId, request.amount(), request.legalBasis(),
                principal.getName());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @PathVariable @Size(max = 64) @WellFormedText String entryId) {
        deadlines.clearAgencyAmount(agencyId, entryId);
    }
}
