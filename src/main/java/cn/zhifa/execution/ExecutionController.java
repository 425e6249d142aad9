package cn.zhifa.execution;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The execution of a case over HTTP: read by whoever may see the case; remedies entered by a head of the case's
 * agency ({@link Remedies} checks); the agency's enforcement power set with the agency's setup under
 * /api/admin/agencies/{agencyId}, whose security rule admits the platform administrator and that agency's own.
 */
@RestController
class ExecutionController {

    record RemedyFiled(@NotNull RemedyKind kind, @NotNull LocalDate filedOn) {
    }

    record RemedyDecision(@NotNull LocalDate decidedOn, @NotNull RemedyOutcome outcome,
            @Size(max = 20) @WellFormedText String changedFineAmount,
            @NotNull @Size(min = 1, max = 200) @WellFormedText String documentNo) {
    }

    record EnforcementSetting(boolean ownEnforcementPower) {
    }

    private final CaseRegister register;
    private final CaseExecution execution;
    private final Remedies remedies;
    private final CaseFileExport export;

    ExecutionController(CaseRegister register, CaseExecution execution, Remedies remedies, CaseFileExport export) {
        this.register = register;
        this.execution = execution;
        this.remedies = remedies;
        this.export = export;
    }

    /** The archived case file as one ZIP with its index (目录.txt); only for people of the case's agency. */
    @GetMapping("/api/cases/{caseId}/case-file/export")
    ResponseEntity<byte[]> caseFile(@PathVariable long caseId, Principal principal) {
        visible(caseId, principal);
        CaseFileExport.Exported exported = export.export(caseId, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exported.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(exported.zip());
    }

    @GetMapping("/api/cases/{caseId}/execution")
    ExecutionState state(@PathVariable long caseId, Principal principal) {
        if (!register.isVisibleTo(caseId, principal.getName())) {
            throw ExecutionController.caseNotFound(caseId);
        }
        return execution.state(caseId, EngineClock.today()).orElseThrow(() -> new ZhifaException(
                HttpStatus.NOT_FOUND, "EXECUTION_NOT_OPENED", "本案尚未进入执行"));
    }

    @PostMapping("/api/cases/{caseId}/execution/remedies")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void filed(@PathVariable long caseId, @Valid @RequestBody RemedyFiled request, Principal principal) {
        visible(caseId, principal);
        if (request.filedOn().isAfter(EngineClock.today())) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "提起复议或诉讼的日期不能晚于今天");
        }
        remedies.filed(caseId, request.kind(), request.filedOn(), principal.getName());
    }

    @PostMapping("/api/cases/{caseId}/execution/remedies/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decided(@PathVariable long caseId, @Valid @RequestBody RemedyDecision request, Principal principal) {
        visible(caseId, principal);
        if (request.decidedOn().isAfter(EngineClock.today())) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "复议决定或判决的日期不能晚于今天");
        }
        Long changed = request.changedFineAmount() == null || request.changedFineAmount().isBlank() ? null
                : Money.parseYuan(request.changedFineAmount());
        if (request.changedFineAmount() != null && !request.changedFineAmount().isBlank() && changed == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "AMOUNT_INVALID", "变更后的罚款数额须为金额（元，最多两位小数）");
        }
        remedies.decided(caseId, request.decidedOn(), request.outcome(), changed, request.documentNo().strip(),
                principal.getName());
    }

    @GetMapping("/api/admin/agencies/{agencyId}/execution-setting")
    EnforcementSetting setting(@PathVariable @Size(max = 64) @WellFormedText String agencyId) {
        return new EnforcementSetting(execution.ownEnforcementPower(agencyId));
    }

    @PutMapping("/api/admin/agencies/{agencyId}/execution-setting")
    EnforcementSetting update(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @Valid @RequestBody EnforcementSetting request, Principal principal) {
        execution.setOwnEnforcementPower(agencyId, request.ownEnforcementPower(), principal.getName());
        return new EnforcementSetting(execution.ownEnforcementPower(agencyId));
    }

    static ZhifaException caseNotFound(long caseId) {
        return new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
    }

    private void visible(long caseId, Principal principal) {
        if (!register.isVisibleTo(caseId, principal.getName())) {
            throw ExecutionController.caseNotFound(caseId);
        }
    }
}
