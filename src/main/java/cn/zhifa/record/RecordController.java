package cn.zhifa.record;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.system.ZhifaException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads and verifies a case record; whoever may see the case may read its record (seeds-catalogue §5.6). */
@RestController
class RecordController {

    private final CaseRecord record;
    private final CaseRegister cases;

    RecordController(CaseRecord record, CaseRegister cases) {
        this.record = record;
        this.cases = cases;
    }

    @GetMapping("/api/cases/{caseId}/record")
    List<RecordEntry> entries(@PathVariable long caseId, Principal principal) {
        requireVisible(caseId, principal);
        return record.entries(caseId);
    }

    @GetMapping("/api/cases/{caseId}/record/verify")
    VerificationResult verify(@PathVariable long caseId, Principal principal) {
        requireVisible(caseId, principal);
        return record.verify(caseId);
    }

    private void requireVisible(long caseId, Principal principal) {
        if (!cases.isVisibleTo(caseId, principal.getName())) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
        }
    }
}
