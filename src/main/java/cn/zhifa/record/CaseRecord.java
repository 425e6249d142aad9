package cn.zhifa.record;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case record's API (执法全过程记录): append entries, list them and verify the chain. Appends for one case are
 * serialised on the case's chain head row, so sequence numbers have no gaps; an append joins the caller's
 * transaction and disappears with it, except {@link #appendInNewTransaction} which survives a rollback.
 */
@Service
public class CaseRecord {

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final ZoneId ZONE = EngineClock.ZONE;

    private final RecordStore store;
    private final Clock clock;

    @Autowired
    CaseRecord(RecordStore store, Clock clock) {
        this.store = store;
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

    /** Re-computes every digest and link of the case's record and names the first broken one. */
    @Transactional(readOnly = true)
    public VerificationResult verify(long caseId) {
        return new ChainVerifier(caseId, store.entries(caseId), store.head(caseId).orElse(null)).verify();
    }

    private RecordEntry doAppend(long caseId, String actor, String action, String summary, Object data) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "RECORD_ACTION_INVALID", "记录的操作代码不正确：" + action);
        }
        RecordStore.Head head = store.lockHead(caseId).orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND,
                "CASE_NOT_FOUND", "案件不存在：" + caseId));
        String who = actor == null || actor.isBlank() ? "system" : actor;
        String what = summary == null ? "" : truncate(summary, 1000);
        String json = RecordHashing.canonicalJson(data);
        String dataDigest = RecordHashing.sha256(json);
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).atZoneSameInstant(ZONE)
                .toOffsetDateTime();
        long seq = head.lastSeq() + 1;
        String hash = RecordHashing.entryHash(caseId, seq, at.toInstant(), who, action, what, dataDigest,
                head.lastHash());
        RecordEntry entry = new RecordEntry(caseId, seq, at, who, action, what, json, dataDigest, head.lastHash(),
                hash);
        store.insert(entry);
        return entry;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
