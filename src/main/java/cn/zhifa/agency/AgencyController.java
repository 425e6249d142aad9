package cn.zhifa.agency;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import cn.zhifa.system.WellFormedText;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agencies and their units over HTTP. Who may call what is a Spring Security rule (identity's configuration). */
@RestController
@RequestMapping("/api/admin/agencies")
class AgencyController {

    private final AgencySetup agencies;

    AgencyController(AgencySetup agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    List<AgencySetup.AgencyResponse> agencies(Principal principal) {
        return agencies.agenciesOf(principal.getName());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AgencySetup.AgencyResponse create(@Valid @RequestBody NewAgencyRequest request) {
        return agencies.create(request);
    }

    @GetMapping("/{agencyId}")
    AgencySetup.AgencyResponse agency(@PathVariable @Size(max = 64) @WellFormedText String agencyId) {
        return agencies.agency(agencyId);
    }

    @PostMapping("/{agencyId}/units")
    @ResponseStatus(HttpStatus.CREATED)
    AgencySetup.UnitResponse createUnit(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @Valid @RequestBody NewUnitRequest request) {
        return agencies.createUnit(agencyId, request);
    }
}
