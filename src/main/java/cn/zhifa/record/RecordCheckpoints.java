package cn.zhifa.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Signed checkpoints of each case's chain head, kept in files outside the database: after a transaction that appended
 * to a case commits, one file {@code <dir>/<caseId / 1000>/<caseId>/<seq>.cp} names the newest entry (case, seq,
 * entry hash, key id, time, HMAC). Files are created, never rewritten (CREATE_NEW), so two nodes on one shared
 * directory never overwrite each other, and a database whose chain is shorter than, or disagrees with, a checkpoint
 * has been truncated or rewound. A checkpoint may lag its commit (a crash in between) but never lead it.
 */
@Component
class RecordCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(RecordCheckpoints.class);
    private static final String VERSION = "zhifa-record-checkpoint/1";

    /** One checkpoint file whose signature holds. */
    record Checkpoint(long caseId, long seq, String entryHash, String keyId, Instant writtenAt, String file) {
    }

    /** The valid checkpoints of one case by seq, and the names of files that do not parse or whose HMAC fails. */
    record Found(List<Checkpoint> valid, List<String> invalid) {
    }

    private final Path dir;
    private final RecordKeys keys;
    private final Clock clock;

    RecordCheckpoints(RecordProperties properties, RecordKeys keys, Clock clock) {
        this.dir = Path.of(properties.checkpointDir()).toAbsolutePath().normalize();
        this.keys = keys;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("执法全过程记录的检查点目录不可用 / The record checkpoint directory cannot be "
                    + "created: " + dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException("执法全过程记录的检查点目录不可写 / The record checkpoint directory is not "
                    + "writable: " + dir);
        }
    }

    /**
     * Writes a checkpoint for {@code entry} once the current transaction commits (at once in auto-commit, where the
     * entry is already committed). Of several appends to one case in one transaction only the last is written.
     */
    void afterCommit(RecordEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                // no way to learn when it commits: a checkpoint now could lead the database, so leave it to lag
                log.debug("Case {} record: no checkpoint for seq {} (transaction without synchronization)",
                        entry.caseId(), entry.seq());
            } else {
                writeQuietly(entry);
            }
            return;
        }
        // looked up among the current transaction's synchronizations, which REQUIRES_NEW suspends and restores
        PendingCheckpoints pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingCheckpoints.class::isInstance).map(PendingCheckpoints.class::cast)
                .filter(p -> p.owner == this).findFirst().orElseGet(() -> {
                    PendingCheckpoints created = new PendingCheckpoints(this);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        pending.latest.merge(entry.caseId(), entry, (a, b) -> a.seq() >= b.seq() ? a : b);
    }

    /** Writes the checkpoint file of {@code entry}; an existing file for the same seq and hash is left as it is. */
    void write(RecordEntry entry) throws IOException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String keyId = keys.currentId();
        String mac = keys.sign(RecordHashing.checkpointInput(keyId, entry.caseId(), entry.seq(), entry.entryHash(), at));
        String line = String.join(" ", VERSION, String.valueOf(entry.caseId()), String.valueOf(entry.seq()),
                entry.entryHash(), keyId, at.toString(), mac) + "\n";
        Path caseDir = caseDir(entry.caseId());
        Files.createDirectories(caseDir);
        Path file = caseDir.resolve(entry.seq() + ".cp");
        try {
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            Checkpoint existing = parse(file).orElse(null);
            if (existing != null && existing.entryHash().equals(entry.entryHash())) {
                return;
            }
            // a second, different entry with the same seq: the chain was rewound below this checkpoint
            log.warn("Case {} record: seq {} already has a different checkpoint ({}); the chain was rewound",
                    entry.caseId(), entry.seq(), file.getFileName());
            Path second = caseDir.resolve(entry.seq() + "-" + entry.entryHash().substring(0, 16) + ".cp");
            try {
                Files.writeString(second, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException again) {
                // the same entry's checkpoint, written by another node
            }
        }
    }

    Found read(long caseId) {
        Path caseDir = caseDir(caseId);
        List<Checkpoint> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(caseDir, "*.cp")) {
            for (Path file : files) {
                parse(file).filter(c -> c.caseId() == caseId).ifPresentOrElse(valid::add,
                        () -> invalid.add(file.getFileName().toString()));
            }
        } catch (NoSuchFileException e) {
            return new Found(List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record checkpoints of case " + caseId, e);
        }
        valid.sort(Comparator.comparingLong(Checkpoint::seq).thenComparing(Checkpoint::file));
        invalid.sort(null);
        return new Found(valid, invalid);
    }

    private Optional<Checkpoint> parse(Path file) {
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (f.length != 7 || !VERSION.equals(f[0])) {
                return Optional.empty();
            }
            long caseId = Long.parseLong(f[1]);
            long seq = Long.parseLong(f[2]);
            Instant at = Instant.parse(f[5]);
            if (!keys.verify(f[4], RecordHashing.checkpointInput(f[4], caseId, seq, f[3], at), f[6])) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(caseId, seq, f[3], f[4], at, file.getFileName().toString()));
        } catch (IOException | NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Path caseDir(long caseId) {
        return dir.resolve(String.valueOf(caseId / 1000)).resolve(String.valueOf(caseId));
    }

    /**
     * After commit the database holds the entry, so a failed write only leaves the checkpoint behind (the next
     * commit of the case catches up); it must not turn a committed action into an error.
     */
    private void writeQuietly(RecordEntry entry) {
        try {
            write(entry);
        } catch (IOException | RuntimeException e) {
            log.warn("Case {} record: checkpoint of seq {} not written: {}", entry.caseId(), entry.seq(),
                    e.toString());
        }
    }

    private static final class PendingCheckpoints implements TransactionSynchronization {

        private final RecordCheckpoints owner;
        private final Map<Long, RecordEntry> latest = new LinkedHashMap<>();

        PendingCheckpoints(RecordCheckpoints owner) {
            this.owner = owner;
        }

        @Override
        public void afterCommit() {
            latest.values().forEach(owner::writeQuietly);
        }
    }
}
