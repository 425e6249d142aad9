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

/** Canonical JSON (object keys sorted, no whitespace, ISO dates) and the SHA-256 hashes of the chain. */
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

    /** Each field is written as length:value so no two different entries give the same input. */
    static String entryHash(long caseId, long seq, Instant recordedAt, String actor, String action, String summary,
            String dataDigest, String previousHash) {
        StringBuilder input = new StringBuilder();
        for (String field : new String[] {String.valueOf(caseId), String.valueOf(seq), recordedAt.toString(), actor,
                action, summary, dataDigest, previousHash}) {
            input.append(field.length()).append(':').append(field).append('\n');
        }
        return sha256(input.toString());
    }
}
