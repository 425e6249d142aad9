package cn.zhifa.documents;

import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
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
 * A case's generated documents over HTTP: list every version, download one, generate a new version (who may author
 * what, and when, is the service's rule). Every refusal of a generation is written to the case record.
 */
@RestController
class DocumentController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DocumentService documents;
    private final CaseAccess access;
    private final CaseRecord record;

    DocumentController(DocumentService documents, CaseAccess access, CaseRecord record) {
        this.documents = documents;
        this.access = access;
        this.record = record;
    }

    /** The document's values by field key; each value is checked as text where it becomes text (DocumentModel). */
    record GenerateRequest(DocumentType type,
            @Size(max = 100, message = "文书内容不得超过{max}项") Map<@Size(max = 64) @WellFormedText String, Object> data) {
    }

    @GetMapping("/api/cases/{caseId}/documents")
    List<StoredDocument> list(@PathVariable long caseId, Principal principal) {
        access.requireVisible(caseId, principal.getName());
        return documents.documents(caseId);
    }

    @GetMapping("/api/cases/{caseId}/documents/{documentId}/content")
    ResponseEntity<byte[]> content(@PathVariable long caseId, @PathVariable long documentId, Principal principal) {
        access.requireVisible(caseId, principal.getName());
        StoredDocument document = documents.find(documentId).filter(d -> d.caseId() == caseId)
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "DOCUMENT_NOT_FOUND", "文书不存在"));
        byte[] content = documents.content(document);
        access.recordReading(caseId, principal.getName(), "《" + document.typeName() + "》" + document.fileName(),
                document.sha256());
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", document.sha256())
                .body(content);
    }

    @PostMapping("/api/cases/{caseId}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    StoredDocument generate(@PathVariable long caseId, @RequestBody @Valid GenerateRequest request,
            Principal principal) {
        access.requireVisible(caseId, principal.getName());
        if (request.type() == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DOCUMENT_TYPE_REQUIRED", "请选择文书种类");
        }
        try {
            return documents.generate(caseId, request.type(), request.data(), principal.getName());
        } catch (ZhifaException refused) {
            record.appendInNewTransaction(caseId, principal.getName(), "DOCUMENT_REFUSED",
                    "拒绝生成《" + request.type().chineseName() + "》：" + refused.getMessage(),
                    Map.of("type", request.type().name(), "code", refused.code()));
            throw refused;
        }
    }
}
