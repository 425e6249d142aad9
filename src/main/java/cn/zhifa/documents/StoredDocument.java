package cn.zhifa.documents;

import java.time.OffsetDateTime;

/** One stored version of a generated document, with the SHA-256 of its .docx content. */
public record StoredDocument(long id, long caseId, DocumentType type, String typeName, int version, String fileName,
        String sha256, long size, OffsetDateTime createdAt, String createdBy) {
}
