package cn.zhifa.record;

import java.util.List;

/** Walks one case's entries in sequence order and reports the first entry that does not prove itself. */
final class ChainVerifier {

    private final long caseId;
    private final List<RecordEntry> entries;
    private final RecordStore.Head head;

    ChainVerifier(long caseId, List<RecordEntry> entries, RecordStore.Head head) {
        this.caseId = caseId;
        this.entries = entries;
        this.head = head;
    }

    VerificationResult verify() {
        long expectedSeq = 1;
        String previous = RecordHashing.GENESIS;
        int checked = 0;
        for (RecordEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(checked, expectedSeq, "ENTRY_MISSING",
                        "第" + expectedSeq + "条记录缺失或顺序被改动（此处为第" + e.seq() + "条）");
            }
            if (!previous.equals(e.previousHash())) {
                return broken(checked, e.seq(), "LINK_BROKEN", "第" + e.seq() + "条记录与前一条记录的链接断开");
            }
            if (!RecordHashing.sha256(e.data() == null ? "null" : e.data()).equals(e.dataDigest())) {
                return broken(checked, e.seq(), "DATA_ALTERED", "第" + e.seq() + "条记录的数据已被改动");
            }
            String recomputed = RecordHashing.entryHash(e.caseId(), e.seq(), e.recordedAt().toInstant(), e.actor(),
                    e.action(), e.summary(), e.dataDigest(), e.previousHash());
            if (!recomputed.equals(e.entryHash())) {
                return broken(checked, e.seq(), "ENTRY_ALTERED", "第" + e.seq() + "条记录的内容已被改动");
            }
            previous = e.entryHash();
            expectedSeq++;
            checked++;
        }
        long lastSeq = expectedSeq - 1;
        if (head == null) {
            return checked == 0 ? VerificationResult.intact(caseId, 0)
                    : broken(checked, lastSeq, "HEAD_MISMATCH", "记录链的头部信息缺失");
        }
        if (head.lastSeq() != lastSeq) {
            return broken(checked, lastSeq + 1, "ENTRY_MISSING", "第" + (lastSeq + 1) + "条及以后的记录缺失");
        }
        if (!head.lastHash().equals(previous)) {
            return broken(checked, lastSeq, "HEAD_MISMATCH", "第" + lastSeq + "条记录与记录链头部不一致");
        }
        return VerificationResult.intact(caseId, checked);
    }

    private VerificationResult broken(int checked, long seq, String problem, String message) {
        return VerificationResult.broken(caseId, checked, seq, problem, message);
    }
}
