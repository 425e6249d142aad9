package cn.zhifa.documents;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.TextRules;
import cn.zhifa.system.ZhifaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence and audio-video uploads of a case (seeds-catalogue §5.3): streamed into the content store with their
 * SHA-256, limited in size and type, audio-video records with their five required items and a late flag when they
 * arrive more than 24 hours after capture. Each upload is appended to the case record as ATTACHMENT_UPLOADED.
 */
@Service
public class CaseAttachments {

    private static final Logger log = LoggerFactory.getLogger(CaseAttachments.class);
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final CaseRegister cases;
    private final CaseRecord record;
    private final ContentStore contents;
    private final AttachmentStore store;
    private final DocumentsProperties properties;
    private final Clock clock;

    CaseAttachments(CaseRegister cases, CaseRecord record, ContentStore contents, AttachmentStore store,
            DocumentsProperties properties, Clock clock) {
        this.cases = cases;
        this.record = record;
        this.contents = contents;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks, streams and registers an upload; refuses with 400, 413, 415 or 422 and a Chinese message. */
    @Transactional
    public Attachment upload(long caseId, NewAttachment upload, String actor) {
        CaseDetail detail = cases.find(caseId).orElseThrow(() -> DocumentService.notFound(caseId));
        cases.refuseIfArchived(caseId, actor, "上传证据材料或音像记录");
        if (upload.kind() == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "ATTACHMENT_KIND_REQUIRED", "请说明上传的是证据材料还是音像记录");
        }
        long max = properties.maxUploadSize().toBytes();
        if (upload.declaredSize() == 0) {
            throw empty();
        }
        if (upload.declaredSize() > max) {
            throw ContentStore.tooLarge(max);
        }
        String fileName = fileName(upload.fileName());
        String contentType = normalise(upload.contentType());
        checkType(upload.kind(), contentType);
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(DocumentModel.ZONE).toOffsetDateTime();
        boolean late = upload.kind() == AttachmentKind.AUDIO_VIDEO && checkAudioVideo(upload.audioVideo(), detail, now);
        BufferedInputStream in = new BufferedInputStream(upload.content());
        checkSignature(in, contentType);
        ContentStore.Stored stored = contents.store(in, max);
        if (stored.size() == 0) {
            throw empty();
        }
        NewAttachment normalised = new NewAttachment(upload.kind(), fileName, contentType, stored.size(), null,
                upload.description(), upload.audioVideo());
        long id = store.insert(caseId, normalised, fileName, stored, late, now, actor);
        record.append(caseId, actor, "ATTACHMENT_UPLOADED", summary(normalised, late), entryData(id, normalised,
                stored, late));
        log.info("Case {}: attachment {} stored ({} bytes, late={})", caseId, id, stored.size(), late);
        return store.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(long caseId) {
        return store.ofCase(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long attachmentId) {
        return store.find(attachmentId);
    }

    public InputStream content(Attachment attachment) {
        return contents.open(attachment.sha256());
    }

    /** Audio-video records uploaded more than 24 hours after capture, for the supervision figures. */
    @Transactional(readOnly = true)
    public long countLateAudioVideo() {
        return store.countLate();
    }

    private void checkType(AttachmentKind kind, String contentType) {
        if (contentType == null || !properties.allowedContentTypes().contains(contentType)) {
            throw new ZhifaException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                    "不允许上传该类型的文件：" + (contentType == null ? "未知类型" : contentType));
        }
        if (kind == AttachmentKind.AUDIO_VIDEO && !contentType.startsWith("audio/") && !contentType.startsWith("video/")
                && !contentType.startsWith("image/")) {
            throw new ZhifaException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                    "音像记录须为照片、录音或录像文件");
        }
    }

    /** Returns whether the record is late; refuses missing items, a wrong case number or a capture in the future. */
    private boolean checkAudioVideo(AudioVideoMetadata av, CaseDetail detail, OffsetDateTime now) {
        List<String> missing = new ArrayList<>();
        if (av == null || blank(av.caseNo())) {
            missing.add("案件编号");
        }
        if (av == null || av.capturedAt() == null) {
            missing.add("采集时间");
        }
        if (av == null || blank(av.capturedPlace())) {
            missing.add("采集地点");
        }
        if (av == null || blank(av.capturedBy())) {
            missing.add("采集人");
        }
        if (av == null || blank(av.provesWhat())) {
            missing.add("证明对象");
        }
        if (!missing.isEmpty()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "AV_METADATA_MISSING",
                    "音像记录缺少以下信息：" + String.join("、", missing));
        }
        if (detail.caseNo() == null || !detail.caseNo().equals(av.caseNo().strip())) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "AV_CASE_NO_MISMATCH",
                    detail.caseNo() == null ? "案件尚未编号，音像记录须注明案件编号"
                            : "音像记录注明的案件编号与本案不一致，本案编号为" + detail.caseNo());
        }
        if (av.capturedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "AV_CAPTURED_IN_FUTURE", "采集时间不能晚于当前时间");
        }
        return Duration.between(av.capturedAt(), now).compareTo(properties.audioVideoUploadWindow()) > 0;
    }

    /** The first bytes must match what the declared type promises, for the types that have a signature. */
    private static void checkSignature(BufferedInputStream in, String contentType) {
        byte[] expected = switch (contentType) {
            case "application/pdf" -> new byte[] {'%', 'P', 'D', 'F'};
            case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G'};
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> new byte[] {'P', 'K'};
            default -> null;
        };
        if (expected == null) {
            return;
        }
        try {
            in.mark(expected.length);
            byte[] head = in.readNBytes(expected.length);
            in.reset();
            if (head.length == 0) {
                throw empty();
            }
            if (!Arrays.equals(head, expected)) {
                throw new ZhifaException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_MISMATCH",
                        "文件内容与声明的类型不符：" + contentType);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(NewAttachment upload, boolean late) {
        return "上传" + upload.kind().chineseName() + "：" + upload.fileName() + (late ? "（采集后超过24小时上传）" : "");
    }

    private static Map<String, Object> entryData(long id, NewAttachment upload, ContentStore.Stored stored,
            boolean late) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attachmentId", id);
        data.put("kind", upload.kind().name());
        data.put("fileName", upload.fileName());
        data.put("contentType", upload.contentType());
        data.put("sha256", stored.sha256());
        data.put("size", stored.size());
        data.put("description", upload.description());
        data.put("audioVideo", upload.audioVideo());
        data.put("lateUpload", late);
        return data;
    }

    private static String normalise(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The last path segment, at most 300 characters (the column), cut at a code point. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "未命名文件";
        }
        TextRules.problemOf(original, false).ifPresent(problem -> {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "TEXT_MALFORMED", "文件名" + problem);
        });
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.length() > 300) {
            int from = name.length() - 300;
            name = name.substring(Character.isLowSurrogate(name.charAt(from)) ? from + 1 : from);
        }
        return name.isEmpty() ? "未命名文件" : name;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ZhifaException empty() {
        return new ZhifaException(HttpStatus.BAD_REQUEST, "ATTACHMENT_EMPTY", "不能上传空文件");
    }
}
