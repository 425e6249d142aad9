package cn.zhifa.record;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.TextRules;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case record's API (执法全过程记录): append entries, list them and verify the chain. Appends for one case are
 * serialised on the case's chain head row, so sequence numbers have no gaps; an append joins the caller's
 * transaction and disappears with it, except {@link #appendInNewTransaction} which survives a rollback. Every entry
 * is signed with the current record key and every commit leaves a signed checkpoint outside the database.
 */
@Service
public class CaseRecord {

    private static final Logger log = LoggerFactory.getLogger(CaseRecord.class);
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final ZoneId ZONE = EngineClock.ZONE;

    private final RecordStore store;
    private final RecordKeys keys;
    private final RecordCheckpoints checkpoints;
    private final Clock clock;

    @Autowired
    CaseRecord(RecordStore store, RecordKeys keys, RecordCheckpoints checkpoints, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Appends an entry. {@code action} is an UPPER_SNAKE code (TASK_COMPLETED, DOCUMENT_GENERATED, …); {@code data}
     * (may be null) is stored as canonical JSON together with its SHA-256.
     */
    @Transactional
    public RecordEntry append(long caseId, String actor, String action, String summary, Object data) {
        return doAppend(caseId, actor, action, summary, data);
    }

    /**
     * Records a refusal: once the caller's transaction has rolled back (it may hold the case's record lock, and the
     * refused step leaves nothing else), in a transaction of its own; at once when there is no transaction.
     */
    public void appendAfterRollback(long caseId, String actor, String action, String summary, Object data) {
        Runnable append = () -> appendInNewTransaction(caseId, actor, action, summary, data);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    append.run();
                }
            }
        });
    }

    /**
     * Appends an entry in its own transaction, so that it stays when the caller's transaction rolls back (a refusal).
     * Must not be called from a transaction that has already appended to, and so locked, the same case's record.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RecordEntry appendInNewTransaction(long caseId, String actor, String action, String summary, Object data) {
        return doAppend(caseId, actor, action, summary, data);
    }

    @Transactional(readOnly = true)
    public List<RecordEntry> entries(long caseId) {
        return store.entries(caseId);
    }

    /**
     * Re-computes every digest, link and signature of the case's record, compares it with the checkpoints kept
     * outside the database and names the first entry that fails. Checkpoints are read before the database snapshot:
     * each was written after its commit, so the snapshot holds every entry a checkpoint names.
     */
    public VerificationResult verify(long caseId) {
        RecordCheckpoints.Found found = checkpoints.read(caseId);
        return new ChainVerifier(caseId, keys, store.snapshot(caseId), found).verify();
    }

    /**
     * Signs off the entries a case got before the record was signed, if it has no signed entry yet: one signed
     * RECORD_SEALED entry lists their hashes, so they can no longer be rewritten with recomputed SHA-256 hashes. The
     * caller provides the transaction.
     */
    void sealUnsignedEntries(long caseId) {
        store.lockHead(caseId).ifPresent(locked -> {
            RecordEntry last = store.lastEntry(caseId).orElse(null);
            RecordEntry prepared = prepare(caseId, locked, last);
            if (prepared != last) {
                checkpoints.afterCommit(prepared);
            }
        });
    }

    private RecordEntry doAppend(long caseId, String actor, String action, String summary, Object data) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "RECORD_ACTION_INVALID", "记录的操作代码不正确：" + action);
        }
        RecordStore.LockedHead locked = store.lockHead(caseId).orElseThrow(() -> new ZhifaException(
                HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId));
        RecordEntry previous = prepare(caseId, locked, store.lastEntry(caseId).orElse(null));
        // what is hashed is what is stored and served: text no encoder can write would make the record unreadable
        String who = actor == null || actor.isBlank() ? "system" : TextRules.clean(actor);
        String what = summary == null ? "" : TextRules.clean(truncate(summary, 1000));
        RecordEntry entry = write(caseId, previous, who, action, what, data);
        checkpoints.afterCommit(entry);
        return entry;
    }

    /**
     * Brings the chain into a state an entry can follow. Entries from before signing (a chain with no signed entry
     * yet) are sealed first, so that the seal is the first signed entry. Then the entries, not the head row, say
     * where the chain ends: a deleted or moved head is rebuilt from them (and the record says so) instead of failing
     * every later append. Returns the entry the next one links to (null: none yet).
     */
    private RecordEntry prepare(long caseId, RecordStore.LockedHead locked, RecordEntry last) {
        long lastSeq = last == null ? 0 : last.seq();
        String lastHash = last == null ? RecordHashing.GENESIS : last.entryHash();
        RecordStore.Head stored = locked.stored();
        boolean headLost = stored == null && last != null;
        boolean headMoved = stored != null && (stored.lastSeq() != lastSeq || !stored.lastHash().equals(lastHash));
        RecordEntry previous = last;
        if (last != null && last.keyId() == null) {
            List<RecordEntry> all = store.entries(caseId);
            // an unsigned entry after signed ones is a forgery, not history: it stays unsealed and verify names it
            if (all.stream().allMatch(e -> e.keyId() == null)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("legacyEntries", all.size());
                data.put("legacyHashes", all.stream().map(RecordEntry::entryHash).toList());
                previous = write(caseId, previous, "system", ChainVerifier.SEALED,
                        "启用签名：封存此前未签名的" + all.size() + "条记录", data);
            }
        }
        if (headLost || headMoved) {
            log.warn("Case {} record: head row {}; rebuilt from entry {}", caseId,
                    headLost ? "missing" : "at seq " + stored.lastSeq(), lastSeq);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", headLost ? "HEAD_MISSING" : "HEAD_MISMATCH");
            data.put("headSeq", headLost ? null : stored.lastSeq());
            data.put("headHash", headLost ? null : stored.lastHash());
            data.put("restoredSeq", lastSeq);
            data.put("restoredHash", lastHash);
            String summary = headLost ? "记录链头部缺失，已按第" + lastSeq + "条记录重建"
                    : "记录链头部（第" + stored.lastSeq() + "条）与记录（第" + lastSeq + "条）不一致，已按记录重建";
            previous = write(caseId, previous, "system", ChainVerifier.HEAD_RESTORED, summary, data);
        }
        return previous;
    }

    private RecordEntry write(long caseId, RecordEntry previous, String actor, String action, String summary,
            Object data) {
        String json = TextRules.clean(RecordHashing.canonicalJson(data));
        String dataDigest = RecordHashing.sha256(json);
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).atZoneSameInstant(ZONE)
                .toOffsetDateTime();
        long seq = previous == null ? 1 : previous.seq() + 1;
        String previousHash = previous == null ? RecordHashing.GENESIS : previous.entryHash();
        String keyId = keys.currentId();
        String hash = keys.sign(RecordHashing.entryInput(keyId, caseId, seq, at.toInstant(), actor, action, summary,
                dataDigest, previousHash));
        RecordEntry entry = new RecordEntry(caseId, seq, at, actor, action, summary, json, dataDigest, previousHash,
                keyId, hash);
        store.insert(entry);
        return entry;
    }

    /** Cut at a code point, so the cut never leaves half a surrogate pair. */
    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, end) + "…";
    }
}
