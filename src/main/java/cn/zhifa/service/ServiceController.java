package cn.zhifa.service;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.system.ZhifaException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseId}/services}: each document of the case with its method and date of service. */
@RestController
class ServiceController {

    private final ServedDocuments services;
    private final CaseRegister cases;

    ServiceController(ServedDocuments services, CaseRegister cases) {
        this.services = services;
        this.cases = cases;
    }

    @GetMapping("/api/cases/{caseId}/services")
    List<ServedDocument> services(@PathVariable long caseId, Principal principal) {
        if (!cases.isVisibleTo(caseId, principal.getName())) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
        }
        return services.ofCase(caseId);
    }
}
