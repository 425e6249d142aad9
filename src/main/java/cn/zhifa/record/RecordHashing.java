package cn.zhifa.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Canonical JSON (object keys sorted, no whitespace, ISO dates), SHA-256 digests, and the exact bytes that the chain's
 * signatures cover: every field written as its length and its value, so that no two different entries give the same
 * input.
 */
final class RecordHashing {

    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RecordHashing() {
    }

    static String canonicalJson(Object data) {
        try {
            JsonNode tree = data instanceof JsonNode node ? node : MAPPER.valueToTree(data);
            return MAPPER.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("record data cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * The input of an entry's HMAC: a version tag, the key id (so an entry cannot be moved to another key), case id,
     * seq, time, actor, action, summary, data digest and the previous entry's hash.
     */
    static byte[] entryInput(String keyId, long caseId, long seq, Instant recordedAt, String actor, String action,
            String summary, String dataDigest, String previousHash) {
        return lengthPrefixed("zhifa-record-entry/2", keyId, String.valueOf(caseId), String.valueOf(seq),
                recordedAt.toString(), actor, action, summary, dataDigest, previousHash);
    }

    /** The input of a checkpoint's HMAC: which entry of which case was the newest committed one, and when. */
    static byte[] checkpointInput(String keyId, long caseId, long seq, String entryHash, Instant writtenAt) {
        return lengthPrefixed("zhifa-record-checkpoint/1", keyId, String.valueOf(caseId), String.valueOf(seq),
                entryHash, writtenAt.toString());
    }

    /** Each field as byteLength:value and a newline, in UTF-8. */
    private static byte[] lengthPrefixed(String... fields) {
        StringBuilder input = new StringBuilder();
        for (String field : fields) {
            input.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
        }
        return input.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The unkeyed hash of entries written before the record was signed (no key id). Anyone can recompute it, so such
     * entries count only when a signed RECORD_SEALED entry lists their hashes (see {@link ChainVerifier}).
     */
    static String legacyEntryHash(long caseId, long seq, Instant recordedAt, String actor, String action,
            String summary, String dataDigest, String previousHash) {
        StringBuilder input = new StringBuilder();
        for (String field : new String[] {String.valueOf(caseId), String.valueOf(seq), recordedAt.toString(), actor,
                action, summary, dataDigest, previousHash}) {
            input.append(field.length()).append(':').append(field).append('\n');
        }
        return sha256(input.toString());
    }
}
