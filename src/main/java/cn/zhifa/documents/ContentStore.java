package cn.zhifa.documents;

import cn.zhifa.system.ZhifaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files on disk addressed by their SHA-256 ({@code <storage-dir>/ab/cd/abcd…}); the same content is stored once.
 * Content is streamed to a temporary file while its hash is computed. Inside a transaction the file moves into place
 * just before the transaction commits and goes away if it rolls back, so an upload or document the database refuses
 * leaves no file behind; until then this transaction reads it from the temporary file.
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
            placeWithTransaction(hash, temp);
            temp = null;
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
        return store(new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    InputStream open(String sha256) {
        Placements pending = (Placements) TransactionSynchronizationManager.getResource(this);
        Path path = pending != null && pending.temps.containsKey(sha256) ? pending.temps.get(sha256) : pathOf(sha256);
        try {
            return Files.newInputStream(path);
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

    private void placeWithTransaction(String hash, Path temp) throws IOException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            place(hash, temp);
            return;
        }
        Placements placements = (Placements) TransactionSynchronizationManager.getResource(this);
        if (placements == null) {
            placements = new Placements();
            TransactionSynchronizationManager.bindResource(this, placements);
            TransactionSynchronizationManager.registerSynchronization(placements);
        }
        placements.add(hash, temp);
    }

    /** Moves the temporary file into place; true if this created the stored file. */
    private boolean place(String hash, Path temp) throws IOException {
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            deleteQuietly(temp);
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException storedMeanwhile) {
            deleteQuietly(temp);
            return false;
        }
    }

    /** The files of one transaction: placed before its commit, deleted if it does not commit. */
    private final class Placements implements TransactionSynchronization {

        private final Map<String, Path> temps = new LinkedHashMap<>();
        private final List<Path> created = new ArrayList<>();

        void add(String hash, Path temp) {
            if (temps.putIfAbsent(hash, temp) != null) {
                deleteQuietly(temp);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(ContentStore.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(ContentStore.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            try {
                for (Map.Entry<String, Path> pending : temps.entrySet()) {
                    if (place(pending.getKey(), pending.getValue())) {
                        created.add(pathOf(pending.getKey()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store content", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ContentStore.this);
            temps.values().forEach(ContentStore::deleteQuietly);
            if (status != STATUS_COMMITTED) {
                created.forEach(ContentStore::deleteQuietly);
            }
        }
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
