package cn.zhifa.documents;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of evidence and audio-video records (multipart field {@code file}), their list and their content. A refused
 * upload is itself recorded (ATTACHMENT_REFUSED) in a transaction of its own.
 */
@RestController
class AttachmentController {

    private static final Set<String> UPLOADERS = Set.of(Roles.OFFICER);

    private final CaseAttachments attachments;
    private final CaseAccess access;
    private final CaseRecord record;
    private final StaffDirectory staff;

    AttachmentController(CaseAttachments attachments, CaseAccess access, CaseRecord record, StaffDirectory staff) {
        this.attachments = attachments;
        this.access = access;
        this.record = record;
        this.staff = staff;
    }

    /** An attachment as the 案卷 tab lists it: with the uploader's name, which people read, beside the login id. */
    record ListedAttachment(@JsonUnwrapped Attachment attachment, String uploadedByName) {
    }

    @PostMapping(path = "/api/cases/{caseId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment upload(@PathVariable long caseId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) AttachmentKind kind,
            @RequestParam(required = false) @Size(max = 1000) @WellFormedText(lineBreaks = true) String description,
            @RequestParam(required = false) @Size(max = 100) @WellFormedText String caseNo,
            @RequestParam(required = false) @Size(max = 40) @WellFormedText String capturedAt,
            @RequestParam(required = false) @Size(max = 300) @WellFormedText String capturedPlace,
            @RequestParam(required = false) @Size(max = 100) @WellFormedText String capturedBy,
            @RequestParam(required = false) @Size(max = 1000) @WellFormedText(lineBreaks = true) String provesWhat,
            Principal principal) throws IOException {
        access.requireVisibleAndOneOf(caseId, principal.getName(), UPLOADERS, "只有办案的执法人员可以上传证据材料和音像记录");
        if (file == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "ATTACHMENT_FILE_REQUIRED", "请选择要上传的文件（字段 file）");
        }
        try (InputStream content = file.getInputStream()) {
            AudioVideoMetadata av = kind == AttachmentKind.AUDIO_VIDEO
                    ? new AudioVideoMetadata(caseNo, parseTime(capturedAt), capturedPlace, capturedBy, provesWhat)
                    : null;
            return attachments.upload(caseId, new NewAttachment(kind, file.getOriginalFilename(),
                    file.getContentType(), file.getSize(), content, description, av), principal.getName());
        } catch (ZhifaException refused) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", refused.code());
            data.put("fileName", file.getOriginalFilename());
            data.put("contentType", file.getContentType());
            data.put("size", file.getSize());
            record.appendInNewTransaction(caseId, principal.getName(), "ATTACHMENT_REFUSED",
                    "拒绝上传：" + refused.getMessage(), data);
            throw refused;
        }
    }

    @GetMapping("/api/cases/{caseId}/attachments")
    List<ListedAttachment> list(@PathVariable long caseId, Principal principal) {
        access.requireVisible(caseId, principal.getName());
        return attachments.attachments(caseId).stream()
                .map(a -> new ListedAttachment(a, staff.displayName(a.uploadedBy()))).toList();
    }

    @GetMapping("/api/cases/{caseId}/attachments/{attachmentId}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable long caseId, @PathVariable long attachmentId,
            Principal principal) {
        access.requireVisible(caseId, principal.getName());
        Attachment attachment = attachments.find(attachmentId).filter(a -> a.caseId() == caseId)
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "ATTACHMENT_NOT_FOUND", "附件不存在"));
        access.recordReading(caseId, principal.getName(), attachment.kind().chineseName() + " " + attachment.fileName(),
                attachment.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", attachment.sha256())
                .body(new InputStreamResource(attachments.content(attachment)));
    }

    /** ISO date-time with offset, or without one as China time. */
    private static OffsetDateTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(DocumentModel.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new ZhifaException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                        "采集时间格式不正确，应为 YYYY-MM-DDTHH:MM[:SS]");
            }
        }
    }
}
