package cn.zhifa.execution;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certified copies of an archived case file over HTTP: a case nobody of the user's agency sees is 404 as for the
 * export; {@link CaseCopies} admits only people of the case's agency (403 otherwise) and a head for the decision.
 */
@RestController
class CaseCopyController {

    record Requester(@NotNull(message = "请选择申请人类型（公民、法人或者其他组织、人民法院、其他国家机关）") CopyRequesterKind kind,
            @NotBlank @Size(max = 200) @WellFormedText String name,
            @Size(max = 18) @WellFormedText String idNumber) {
    }

    record NewCopyRequest(@NotNull(message = "请填写申请人") @Valid Requester requester,
            @NotBlank @Size(max = 1000) @WellFormedText String reason, boolean wholeFile,
            @Size(max = 200) List<@NotNull Long> documentIds, @Size(max = 200) List<@NotNull Long> attachmentIds) {
    }

    record CopyDecision(@NotNull(message = "请选择批准或者不予批准") Boolean approved,
            @NotBlank @Size(max = 1000) @WellFormedText String opinion) {
    }

    private final CaseRegister register;
    private final CaseCopies copies;

    CaseCopyController(CaseRegister register, CaseCopies copies) {
        this.register = register;
        this.copies = copies;
    }

    @PostMapping("/api/cases/{caseId}/copy-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CopyRequest request(@PathVariable long caseId, @Valid @RequestBody NewCopyRequest request, Principal principal) {
        visible(caseId, principal);
        return copies.request(caseId, request.requester().kind(), request.requester().name(),
                request.requester().idNumber(), request.reason(), new CaseCopies.Materials(
                        request.wholeFile(), request.documentIds(), request.attachmentIds()), principal.getName());
    }

    @GetMapping("/api/cases/{caseId}/copy-requests")
    List<CopyRequest> requests(@PathVariable long caseId, Principal principal) {
        visible(caseId, principal);
        return copies.requests(caseId, principal.getName());
    }

    @PostMapping("/api/cases/{caseId}/copy-requests/{requestId}/decision")
    CopyRequest decide(@PathVariable long caseId, @PathVariable long requestId,
            @Valid @RequestBody CopyDecision decision, Principal principal) {
        visible(caseId, principal);
        return copies.decide(caseId, requestId, decision.approved(), decision.opinion(),
                principal.getName());
    }

    /** The certified copy as one ZIP with its 目录.txt. */
    @GetMapping("/api/cases/{caseId}/copy-requests/{requestId}/copy")
    ResponseEntity<byte[]> copy(@PathVariable long caseId, @PathVariable long requestId, Principal principal) {
        visible(caseId, principal);
        CaseFileExport.Exported copy = copies.issue(caseId, requestId, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(copy.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(copy.zip());
    }

    private void visible(long caseId, Principal principal) {
        if (!register.isVisibleTo(caseId, principal.getName())) {
            throw ExecutionController.caseNotFound(caseId);
        }
    }
}
