package cn.zhifa.documents;

import cn.zhifa.system.ZhifaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Files on disk addressed by their SHA-256 ({@code <storage-dir>/ab/cd/abcd…}). Content is streamed to a temporary
 * file while its hash is computed, then moved into place; the same content is stored once.
 */
@Component
class ContentStore {

    record Stored(String sha256, long size) {
    }

    private final Path root;

    ContentStore(DocumentsProperties properties) {
        this.root = Path.of(properties.storageDir()).toAbsolutePath().normalize();
    }

    /** Streams {@code in} into the store; refuses (413) once more than {@code maxBytes} have arrived. */
    Stored store(InputStream in, long maxBytes) {
        Path temp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (DigestInputStream digesting = new DigestInputStream(in, sha256);
                    OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = digesting.read(buffer); n >= 0; n = digesting.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = pathOf(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(hash, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store content", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    Stored store(byte[] content) {
        return store(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (IOException e) {
            throw new ZhifaException(HttpStatus.INTERNAL_SERVER_ERROR, "CONTENT_MISSING", "文件内容缺失，请联系管理员");
        }
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static ZhifaException tooLarge(long maxBytes) {
        return new ZhifaException(HttpStatus.PAYLOAD_TOO_LARGE, "ATTACHMENT_TOO_LARGE",
                "上传文件超过大小限制（最大" + humanSize(maxBytes) + "）");
    }

    private static String humanSize(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "字节";
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a left-over temporary file is harmless; the next upload uses another name
            }
        }
    }
}
