package cn.zhifa.record;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * One entry of a case record. {@code data} is the canonical JSON of the entry's data and {@code dataDigest} its
 * SHA-256; {@code entryHash} is the HMAC-SHA256, under the key named {@code keyId}, over key id, case id, seq, time,
 * actor, action, summary, data digest and the previous entry's hash. Entries written before the record was signed
 * have no key id and a plain SHA-256 (see docs/case-register.md).
 */
public record RecordEntry(long caseId, long seq, OffsetDateTime recordedAt, String actor, String action,
        String summary, @JsonRawValue String data, String dataDigest, String previousHash, String keyId,
        String entryHash) {
}
