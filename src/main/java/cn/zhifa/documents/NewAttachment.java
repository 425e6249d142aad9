package cn.zhifa.documents;

import java.io.InputStream;

/** An upload: its stream (read once), declared name, type and size (-1 if unknown), and what it is. */
public record NewAttachment(AttachmentKind kind, String fileName, String contentType, long declaredSize,
        InputStream content, String description, AudioVideoMetadata audioVideo) {
}
