package cn.zhifa.record;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * One entry of a case record. {@code data} is the canonical JSON of the entry's data and {@code dataDigest} its
 * SHA-256; {@code entryHash} is the SHA-256 over case id, seq, time, actor, action, summary, data digest and the
 * previous entry's hash.
 */
public record RecordEntry(long caseId, long seq, OffsetDateTime recordedAt, String actor, String action,
        String summary, @JsonRawValue String data, String dataDigest, String previousHash, String entryHash) {
}
