package cn.zhifa.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 keys of the case record: one current key that signs new entries and checkpoints, and retired keys
 * that only verify what they signed before a rotation. Keys come from the environment, never from the database, so
 * the database's own users cannot recompute a signature. A missing, short or malformed key stops the start.
 */
@Component
class RecordKeys {

    /** The key published in application-demo.yaml; refused unless zhifa.record.allow-demo-key is set. */
    static final byte[] DEMO_KEY = "zhifa-demo-record-key-NOT-A-SECRET!".getBytes(StandardCharsets.US_ASCII);

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    RecordKeys(RecordProperties properties) {
        if (properties.key() == null || properties.key().isBlank()) {
            throw refusal("未配置执法全过程记录的签名密钥 ZHIFA_RECORD_KEY（base64，至少32字节）",
                    "ZHIFA_RECORD_KEY (zhifa.record.key) is not set: a base64 key of at least 32 bytes");
        }
        currentId = checkedId(properties.keyId(), "ZHIFA_RECORD_KEY_ID");
        byte[] current = decode(properties.key(), "ZHIFA_RECORD_KEY");
        if (!properties.allowDemoKey() && Arrays.equals(current, DEMO_KEY)) {
            throw refusal("ZHIFA_RECORD_KEY 是公开的演示密钥，只能用于演示环境",
                    "ZHIFA_RECORD_KEY is the published demo key; generate one with: openssl rand -base64 32");
        }
        keys.put(currentId, new SecretKeySpec(current, ALGORITHM));
        if (properties.oldKeys() != null) {
            for (String pair : properties.oldKeys().split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    throw refusal("ZHIFA_RECORD_OLD_KEYS 的格式应为 编号:base64密钥,编号:base64密钥",
                            "ZHIFA_RECORD_OLD_KEYS must read id:base64,id:base64");
                }
                String id = checkedId(pair.substring(0, colon).strip(), "ZHIFA_RECORD_OLD_KEYS");
                byte[] key = decode(pair.substring(colon + 1).strip(), "ZHIFA_RECORD_OLD_KEYS (" + id + ")");
                SecretKeySpec known = keys.get(id);
                if (known != null && !Arrays.equals(known.getEncoded(), key)) {
                    throw refusal("密钥编号 " + id + " 对应了两个不同的密钥",
                            "key id " + id + " names two different keys");
                }
                keys.putIfAbsent(id, new SecretKeySpec(key, ALGORITHM));
            }
        }
    }

    String currentId() {
        return currentId;
    }

    /** Hex HMAC of {@code input} under the current key. */
    String sign(byte[] input) {
        return mac(keys.get(currentId), input);
    }

    /** Hex HMAC under the key named {@code keyId}; empty when no configured key has that id. */
    Optional<String> sign(String keyId, byte[] input) {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(mac(key, input));
    }

    boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Constant-time comparison, so that timing tells nothing about how much of a forged signature is right. */
    boolean verify(String keyId, byte[] input, String expectedHex) {
        return expectedHex != null && sign(keyId, input).map(actual -> MessageDigest.isEqual(
                actual.getBytes(StandardCharsets.US_ASCII), expectedHex.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static String mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static String checkedId(String id, String variable) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw refusal(variable + " 的密钥编号须为1至64位字母、数字、点、下划线或连字符",
                    variable + ": a key id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static byte[] decode(String base64, String variable) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw refusal(variable + " 不是有效的 base64", variable + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw refusal(variable + " 太短：至少需要" + MIN_KEY_BYTES + "字节（openssl rand -base64 32）",
                    variable + " is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    private static IllegalStateException refusal(String chinese, String english) {
        return new IllegalStateException("执法全过程记录拒绝启动：" + chinese + " / The case record refuses to start: "
                + english);
    }
}
