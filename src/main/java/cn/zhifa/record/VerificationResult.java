package cn.zhifa.record;

import java.util.List;

/**
 * The outcome of checking a case record: intact, or the first entry that fails ({@code brokenAtSeq}) with a stable
 * problem code and a Chinese message. Codes: ENTRY_MISSING, LINK_BROKEN, DATA_ALTERED, ENTRY_ALTERED (signature does
 * not match: changed, or written without the key), ENTRY_UNSIGNED, KEY_UNKNOWN, HEAD_MISSING, HEAD_MISMATCH,
 * CHAIN_TRUNCATED and CHAIN_REWRITTEN (the database disagrees with a checkpoint kept outside it).
 * {@code lastCheckpointSeq} is the newest checkpoint's seq (null if none); {@code notices} are facts a supervisor
 * should know that do not make the record untrustworthy (a restored head, entries from before signing, a lagging
 * checkpoint).
 */
public record VerificationResult(long caseId, boolean intact, int entriesChecked, Long brokenAtSeq, String problem,
        String message, Long lastCheckpointSeq, List<Notice> notices) {

    /** A fact about the record that is not a break; {@code seq} is the entry it concerns, if any. */
    public record Notice(Long seq, String code, String message) {
    }

    static VerificationResult intact(long caseId, int entries, Long lastCheckpointSeq, List<Notice> notices) {
        return new VerificationResult(caseId, true, entries, null, null, "记录完整，共" + entries + "条，未发现篡改",
                lastCheckpointSeq, List.copyOf(notices));
    }

    static VerificationResult broken(long caseId, int checked, long seq, String problem, String message,
            Long lastCheckpointSeq, List<Notice> notices) {
        return new VerificationResult(caseId, false, checked, seq, problem, message, lastCheckpointSeq,
                List.copyOf(notices));
    }
}
