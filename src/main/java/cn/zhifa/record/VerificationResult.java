package cn.zhifa.record;

/**
 * The outcome of checking a case record: intact, or the first broken link ({@code brokenAtSeq}), with a stable
 * problem code (ENTRY_MISSING, LINK_BROKEN, DATA_ALTERED, ENTRY_ALTERED, HEAD_MISMATCH) and a Chinese message.
 */
public record VerificationResult(long caseId, boolean intact, int entriesChecked, Long brokenAtSeq, String problem,
        String message) {

    static VerificationResult intact(long caseId, int entries) {
        return new VerificationResult(caseId, true, entries, null, null, "记录完整，共" + entries + "条，未发现篡改");
    }

    static VerificationResult broken(long caseId, int checked, long seq, String problem, String message) {
        return new VerificationResult(caseId, false, checked, seq, problem, message);
    }
}
