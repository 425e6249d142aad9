package cn.zhifa.documents;

import java.time.OffsetDateTime;

/**
 * A stored attachment of a case. For audio-video records the metadata is set and {@code lateUpload} tells whether it
 * reached the system more than 24 hours after capture (seeds 003 L95).
 */
public record Attachment(long id, long caseId, AttachmentKind kind, String fileName, String contentType,
        String sha256, long size, String description, AudioVideoMetadata audioVideo, boolean lateUpload,
        OffsetDateTime uploadedAt, String uploadedBy) {
}
