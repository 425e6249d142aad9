package cn.zhifa.documents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhifa.documents.*: where replacement templates and stored files live, the upload size limit, the content types
 * accepted, and the window for audio-video uploads (24 hours after capture, seeds 003 L95).
 */
@ConfigurationProperties("zhifa.documents")
public record DocumentsProperties(String templateDir, String storageDir, DataSize maxUploadSize,
        List<String> allowedContentTypes, Duration audioVideoUploadWindow) {

    static final List<String> DEFAULT_CONTENT_TYPES = List.of(
            "image/jpeg", "image/png", "image/gif", "image/tiff", "image/webp", "application/pdf",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/plain", "audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/amr", "audio/aac",
            "video/mp4", "video/mpeg", "video/quicktime", "video/x-msvideo", "video/3gpp", "video/webm");

    public DocumentsProperties {
        storageDir = storageDir == null || storageDir.isBlank() ? "./data/files" : storageDir;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(512) : maxUploadSize;
        allowedContentTypes = allowedContentTypes == null || allowedContentTypes.isEmpty() ? DEFAULT_CONTENT_TYPES
                : List.copyOf(allowedContentTypes);
        audioVideoUploadWindow = audioVideoUploadWindow == null ? Duration.ofHours(24) : audioVideoUploadWindow;
    }
}
