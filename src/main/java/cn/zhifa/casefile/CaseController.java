package cn.zhifa.casefile;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The case register over HTTP: register, search and read cases, within what the caller may see. */
@RestController
class CaseController {

    private final CaseRegister register;

    CaseController(CaseRegister register) {
        this.register = register;
    }

    @PostMapping("/api/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetail register(@RequestBody @Valid NewCase request, Principal principal) {
        CaseSummary registered = register.register(request, principal.getName());
        return register.find(registered.id()).orElseThrow();
    }

    @GetMapping("/api/cases")
    List<CaseSummary> search(@RequestParam(required = false) @Size(max = 100) @WellFormedText String caseNo,
            @RequestParam(required = false) @Size(max = 200) @WellFormedText String party,
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) @Size(max = 64) @WellFormedText String unit,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @Size(max = 200) @WellFormedText String q, Principal principal) {
        return register.search(new CaseQuery(caseNo, party, stage, unit, overdue, limit, q), principal.getName());
    }

    @GetMapping("/api/cases/{caseId}")
    CaseDetail find(@PathVariable long caseId, Principal principal) {
        if (!register.isVisibleTo(caseId, principal.getName())) {
            throw CaseRegister.notFound(caseId);
        }
        return register.find(caseId).orElseThrow(() -> CaseRegister.notFound(caseId));
    }
}
