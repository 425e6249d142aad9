package cn.zhifa.record;

import cn.zhifa.record.RecordCheckpoints.Checkpoint;
import cn.zhifa.record.VerificationResult.Notice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks one case's entries in sequence order and reports the first entry that does not prove itself: each entry's
 * data digest, link and HMAC under the key it names; entries without a key (written before signing) only as a prefix
 * that a signed RECORD_SEALED entry lists; then the checkpoints kept outside the database (a shorter or different
 * chain was truncated or rewound) and the head row.
 */
final class ChainVerifier {

    static final String SEALED = "RECORD_SEALED";
    static final String HEAD_RESTORED = "RECORD_HEAD_RESTORED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long caseId;
    private final RecordKeys keys;
    private final List<RecordEntry> entries;
    private final RecordStore.Head head;
    private final RecordCheckpoints.Found checkpoints;
    private final List<Notice> notices = new ArrayList<>();
    private final Long lastCheckpointSeq;

    ChainVerifier(long caseId, RecordKeys keys, RecordStore.Snapshot snapshot, RecordCheckpoints.Found checkpoints) {
        this.caseId = caseId;
        this.keys = keys;
        this.entries = snapshot.entries();
        this.head = snapshot.head();
        this.checkpoints = checkpoints;
        this.lastCheckpointSeq = checkpoints.valid().isEmpty() ? null
                : checkpoints.valid().get(checkpoints.valid().size() - 1).seq();
    }

    VerificationResult verify() {
        checkpoints.invalid().forEach(file -> notices.add(new Notice(null, "CHECKPOINT_INVALID",
                "检查点文件 " + file + " 无法解析或签名不符，已忽略")));
        long expectedSeq = 1;
        String previous = RecordHashing.GENESIS;
        List<RecordEntry> unsealed = new ArrayList<>();
        boolean signedSeen = false;
        int checked = 0;
        for (RecordEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(checked, expectedSeq, "ENTRY_MISSING",
                        "第" + expectedSeq + "条记录缺失或顺序被改动（此处为第" + e.seq() + "条）");
            }
            if (e.keyId() == null && signedSeen) {
                return broken(checked, e.seq(), "ENTRY_UNSIGNED", "第" + e.seq() + "条记录没有签名，不是本系统写入的记录");
            }
            if (e.keyId() != null && !unsealed.isEmpty()) {
                VerificationResult sealBroken = checkSeal(e, unsealed, checked);
                if (sealBroken != null) {
                    return sealBroken;
                }
                unsealed.clear();
            }
            if (!previous.equals(e.previousHash())) {
                return broken(checked, e.seq(), "LINK_BROKEN", "第" + e.seq() + "条记录与前一条记录的链接断开");
            }
            if (!RecordHashing.sha256(e.data() == null ? "null" : e.data()).equals(e.dataDigest())) {
                return broken(checked, e.seq(), "DATA_ALTERED", "第" + e.seq() + "条记录的数据已被改动");
            }
            if (e.keyId() == null) {
                String recomputed = RecordHashing.legacyEntryHash(e.caseId(), e.seq(), e.recordedAt().toInstant(),
                        e.actor(), e.action(), e.summary(), e.dataDigest(), e.previousHash());
                if (!recomputed.equals(e.entryHash())) {
                    return broken(checked, e.seq(), "ENTRY_ALTERED", "第" + e.seq() + "条记录的内容已被改动");
                }
                unsealed.add(e);
            } else {
                if (!keys.knows(e.keyId())) {
                    return broken(checked, e.seq(), "KEY_UNKNOWN", "第" + e.seq() + "条记录的签名密钥“" + e.keyId()
                            + "”未配置（ZHIFA_RECORD_OLD_KEYS），无法核验");
                }
                if (!keys.verify(e.keyId(), inputOf(e), e.entryHash())) {
                    return broken(checked, e.seq(), "ENTRY_ALTERED", "第" + e.seq() + "条记录的内容已被改动");
                }
                signedSeen = true;
                if (HEAD_RESTORED.equals(e.action())) {
                    notices.add(new Notice(e.seq(), "HEAD_RESTORED", "第" + e.seq() + "条：" + e.summary()));
                }
            }
            previous = e.entryHash();
            expectedSeq++;
            checked++;
        }
        if (!unsealed.isEmpty()) {
            return broken(checked, unsealed.get(0).seq(), "ENTRY_UNSIGNED",
                    "第" + unsealed.get(0).seq() + "条起的记录没有签名，也未经封存");
        }
        long lastSeq = expectedSeq - 1;
        if (head != null && head.lastSeq() > lastSeq) {
            return broken(checked, lastSeq + 1, "ENTRY_MISSING", "第" + (lastSeq + 1) + "条及以后的记录缺失");
        }
        VerificationResult againstCheckpoints = checkCheckpoints(checked, lastSeq);
        if (againstCheckpoints != null) {
            return againstCheckpoints;
        }
        if (head == null) {
            return checked == 0 ? intact(0) : broken(checked, lastSeq, "HEAD_MISSING",
                    "记录链的头部缺失，无法确认第" + lastSeq + "条之后没有记录被删除；下次记录时将按记录重建头部");
        }
        if (head.lastSeq() < lastSeq) {
            return broken(checked, head.lastSeq() + 1, "HEAD_MISMATCH",
                    "记录链头部指向第" + head.lastSeq() + "条，第" + (head.lastSeq() + 1) + "条起的记录不在头部之内");
        }
        if (!head.lastHash().equals(previous)) {
            return broken(checked, lastSeq, "HEAD_MISMATCH", "第" + lastSeq + "条记录与记录链头部不一致");
        }
        return intact(checked);
    }

    /** The first signed entry after unsigned ones must be the seal that lists exactly their hashes. */
    private VerificationResult checkSeal(RecordEntry seal, List<RecordEntry> unsealed, int checked) {
        long first = unsealed.get(0).seq();
        if (!SEALED.equals(seal.action())) {
            return broken(checked, first, "ENTRY_UNSIGNED", "第" + first + "条起的记录没有签名，也未经封存");
        }
        if (!keys.knows(seal.keyId()) || !keys.verify(seal.keyId(), inputOf(seal), seal.entryHash())) {
            return broken(checked, seal.seq(), keys.knows(seal.keyId()) ? "ENTRY_ALTERED" : "KEY_UNKNOWN",
                    "第" + seal.seq() + "条记录（封存此前未签名的记录）的签名无法核验");
        }
        List<String> sealedHashes = sealedHashes(seal);
        for (int i = 0; i < unsealed.size(); i++) {
            RecordEntry e = unsealed.get(i);
            if (i >= sealedHashes.size() || !sealedHashes.get(i).equals(e.entryHash())) {
                return broken(checked - unsealed.size() + i, e.seq(), "ENTRY_ALTERED",
                        "第" + e.seq() + "条记录的内容已被改动（与第" + seal.seq() + "条封存时的哈希不符）");
            }
        }
        if (sealedHashes.size() != unsealed.size()) {
            long missing = unsealed.size() + 1L;
            return broken(checked, missing, "ENTRY_MISSING", "第" + missing + "条记录缺失（第" + seal.seq() + "条封存了"
                    + sealedHashes.size() + "条未签名的记录）");
        }
        notices.add(new Notice(seal.seq(), "LEGACY_ENTRIES", "第" + first + "至" + (first + unsealed.size() - 1)
                + "条是启用签名前的记录（SHA-256），由第" + seal.seq() + "条签名封存"));
        return null;
    }

    private static List<String> sealedHashes(RecordEntry seal) {
        try {
            List<String> hashes = new ArrayList<>();
            JsonNode list = JSON.readTree(seal.data()).path("legacyHashes");
            list.forEach(node -> hashes.add(node.asText()));
            return hashes;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /**
     * Every valid checkpoint must name an entry of the chain with the same hash. A checkpoint beyond the chain's end
     * means the tail was removed (reported at the first missing seq); a different hash means the chain was rewound
     * and rewritten, reported from the entry after the last checkpoint that still agrees.
     */
    private VerificationResult checkCheckpoints(int checked, long lastSeq) {
        Map<Long, String> hashBySeq = new HashMap<>();
        entries.forEach(e -> hashBySeq.put(e.seq(), e.entryHash()));
        List<Checkpoint> valid = checkpoints.valid();
        for (Checkpoint c : valid) {
            if (c.seq() > lastSeq) {
                return broken(checked, lastSeq + 1, "CHAIN_TRUNCATED", "第" + (lastSeq + 1) + "条及以后的记录缺失："
                        + "检查点表明记录已有第" + lastCheckpointSeq + "条，数据库中只有" + lastSeq + "条（记录链被截断或回退）");
            }
            if (!c.entryHash().equals(hashBySeq.get(c.seq()))) {
                long from = valid.stream().filter(o -> o.seq() < c.seq() && o.entryHash().equals(hashBySeq.get(o.seq())))
                        .mapToLong(Checkpoint::seq).max().orElse(0) + 1;
                return broken(checked, from, "CHAIN_REWRITTEN", "第" + from + "条起的记录与检查点不符：检查点记载的第"
                        + c.seq() + "条记录已不在数据库中（记录链被回退后重写）");
            }
        }
        long agreedUpTo = valid.isEmpty() ? 0 : valid.get(valid.size() - 1).seq();
        if (lastSeq > agreedUpTo) {
            notices.add(new Notice(agreedUpTo + 1, "CHECKPOINT_BEHIND", agreedUpTo == 0 ? "本案记录尚无检查点"
                    : "第" + (agreedUpTo + 1) + "至" + lastSeq + "条记录尚无检查点（提交后未及写入检查点）"));
        }
        return null;
    }

    private static byte[] inputOf(RecordEntry e) {
        return RecordHashing.entryInput(e.keyId(), e.caseId(), e.seq(), e.recordedAt().toInstant(), e.actor(),
                e.action(), e.summary(), e.dataDigest(), e.previousHash());
    }

    private VerificationResult intact(int checked) {
        return VerificationResult.intact(caseId, checked, lastCheckpointSeq, notices);
    }

    private VerificationResult broken(int checked, long seq, String problem, String message) {
        return VerificationResult.broken(caseId, checked, seq, problem, message, lastCheckpointSeq, notices);
    }
}
