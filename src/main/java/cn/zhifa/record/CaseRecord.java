package cn.zhifa.record;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.TextRules;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>A transaction locks and checks a case's chain once, at its first append; its later appends to the same case
 * follow the entry it wrote last (the lock keeps everyone else out until the end of the transaction), and all its
 * entries of a case are written together just before commit, as one insert and one update of the head. Reading
 * the record in the same transaction writes them first.
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
        flushPending();
        return store.entries(caseId);
    }

    /**
     * For figures over many cases (the yearly statistics): the entries with one of {@code actions} of every case that
     * has such an entry recorded at or after {@code since}, earlier ones included, by case and sequence.
     */
    @Transactional(readOnly = true)
    public List<RecordEntry> entriesOfCasesWith(Collection<String> actions, OffsetDateTime since) {
        flushPending();
        return actions.isEmpty() ? List.of() : store.entriesOfCasesWith(actions, since);
    }

    /**
     * Re-computes every digest, link and signature of the case's record, compares it with the checkpoints kept
     * outside the database and names the first entry that fails. Checkpoints are read before the database snapshot:
     * each was written after its commit, so the snapshot holds every entry a checkpoint names.
     */
    public VerificationResult verify(long caseId) {
        flushPending();
        RecordCheckpoints.Found found = checkpoints.read(caseId);
        return new ChainVerifier(caseId, keys, store.snapshot(caseId), found).verify();
    }

    /**
     * Signs off the entries a case got before the record was signed, if it has no signed entry yet: one signed
     * RECORD_SEALED entry lists their hashes, so they can no longer be rewritten with recomputed SHA-256 hashes. The
     * caller provides the transaction.
     */
    void sealUnsignedEntries(long caseId) {
        Appends appends = appendsOfThisTransaction();
        if (appends != null && appends.chains.containsKey(caseId)) {
            return;
        }
        open(caseId, appends).ifPresent(chain -> {
            if (!chain.pending.isEmpty()) {
                checkpoints.afterCommit(chain.last);
            }
            flushIfNoTransaction(appends, chain);
        });
    }

    private RecordEntry doAppend(long caseId, String actor, String action, String summary, Object data) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "RECORD_ACTION_INVALID", "记录的操作代码不正确：" + action);
        }
        Appends appends = appendsOfThisTransaction();
        Chain chain = appends == null ? null : appends.chains.get(caseId);
        if (chain == null) {
            chain = open(caseId, appends).orElseThrow(() -> new ZhifaException(
                    HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId));
        }
        // what is hashed is what is stored and served: text no encoder can write would make the record unreadable
        String who = actor == null || actor.isBlank() ? "system" : TextRules.clean(actor);
        String what = summary == null ? "" : TextRules.clean(truncate(summary, 1000));
        RecordEntry entry = write(chain, caseId, who, action, what, data);
        flushIfNoTransaction(appends, chain);
        checkpoints.afterCommit(entry);
        return entry;
    }

    /**
     * Locks the case's chain head for the rest of the transaction and brings the chain into a state an entry can
     * follow; empty if the case does not exist.
     */
    private Optional<Chain> open(long caseId, Appends appends) {
        return store.lockHead(caseId).map(locked -> {
            RecordEntry last = store.lastEntry(caseId).orElse(null);
            Chain chain = new Chain(last);
            if (appends != null) {
                appends.chains.put(caseId, chain);
            }
            prepare(caseId, locked, chain);
            return chain;
        });
    }

    /** The appends of the current transaction (REQUIRES_NEW suspends and restores them); null without one. */
    private Appends appendsOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Appends.class::isInstance).map(Appends.class::cast)
                .filter(a -> a.owner == this).findFirst().orElseGet(() -> {
                    Appends created = new Appends(this);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
    }

    /** Writes what this transaction has appended so far, so that a read in the same transaction sees it. */
    private void flushPending() {
        Appends appends = appendsOfThisTransaction();
        if (appends != null) {
            appends.writePending();
        }
    }

    private void flushIfNoTransaction(Appends appends, Chain chain) {
        if (appends == null) {
            chain.flush(store);
        }
    }

    /** One case's chain as this transaction sees it: the entry it ends with and those not yet written. */
    private static final class Chain {

        private RecordEntry last;
        private final List<RecordEntry> pending = new ArrayList<>();

        private Chain(RecordEntry last) {
            this.last = last;
        }

        private void flush(RecordStore store) {
            if (!pending.isEmpty()) {
                store.insert(pending);
                pending.clear();
            }
        }
    }

    private static final class Appends implements TransactionSynchronization {

        private final CaseRecord owner;
        private final Map<Long, Chain> chains = new LinkedHashMap<>();

        private Appends(CaseRecord owner) {
            this.owner = owner;
        }

        private void writePending() {
            chains.values().forEach(chain -> chain.flush(owner.store));
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writePending();
        }
    }

    /**
     * Brings the chain into a state an entry can follow. Entries from before signing (a chain with no signed entry
     * yet) are sealed first, so that the seal is the first signed entry. Then the entries, not the head row, say
     * where the chain ends: a deleted or moved head is rebuilt from them (and the record says so) instead of failing
     * every later append. The chain then ends with the entry the next one links to (null: none yet).
     */
    private void prepare(long caseId, RecordStore.LockedHead locked, Chain chain) {
        RecordEntry last = chain.last;
        long lastSeq = last == null ? 0 : last.seq();
        String lastHash = last == null ? RecordHashing.GENESIS : last.entryHash();
        RecordStore.Head stored = locked.stored();
        boolean headLost = stored == null && last != null;
        boolean headMoved = stored != null && (stored.lastSeq() != lastSeq || !stored.lastHash().equals(lastHash));
        if (last != null && last.keyId() == null) {
            List<RecordEntry> all = store.entries(caseId);
            // an unsigned entry after signed ones is a forgery, not history: it stays unsealed and verify names it
            if (all.stream().allMatch(e -> e.keyId() == null)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("legacyEntries", all.size());
                data.put("legacyHashes", all.stream().map(RecordEntry::entryHash).toList());
                write(chain, caseId, "system", ChainVerifier.SEALED,
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
            write(chain, caseId, "system", ChainVerifier.HEAD_RESTORED, summary, data);
        }
    }

    /** Appends the next entry to the chain; it is written to the database with the rest of the chain's pending ones. */
    private RecordEntry write(Chain chain, long caseId, String actor, String action, String summary, Object data) {
        RecordEntry previous = chain.last;
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
        chain.pending.add(entry);
        chain.last = entry;
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
