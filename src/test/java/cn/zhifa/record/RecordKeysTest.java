package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The record's keys come from the environment: rotation keeps old entries verifiable; bad keys stop the start. */
class RecordKeysTest {

    static final String KEY_1 = base64("first-record-key-of-at-least-32-bytes");
    static final String KEY_2 = base64("second-record-key-of-at-least-32-byte");
    static final byte[] INPUT = RecordHashing.entryInput("k1", 7, 1, java.time.Instant.EPOCH, "zhangwei", "NOTE",
            "摘要", "d", RecordHashing.GENESIS);

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static RecordKeys keys(String key, String keyId, String oldKeys) {
        return new RecordKeys(new RecordProperties(key, keyId, oldKeys, null, false, false));
    }

    @Test
    void shouldSignWithTheCurrentKeyAndVerifyWithARetiredOneAfterRotation() {
        String signedBefore = keys(KEY_1, "k1", null).sign(INPUT);

        RecordKeys rotated = keys(KEY_2, "k2", "k1:" + KEY_1 + ", k0:" + base64("an-even-older-key-kept-for-old-cases"));

        assertThat(rotated.currentId()).isEqualTo("k2");
        assertThat(rotated.verify("k1", INPUT, signedBefore)).isTrue();
        assertThat(rotated.knows("k0")).isTrue();
        assertThat(rotated.sign(INPUT)).isNotEqualTo(signedBefore).isEqualTo(rotated.sign("k2", INPUT).orElseThrow());
        assertThat(rotated.verify("k2", INPUT, signedBefore)).isFalse();
        assertThat(keys(KEY_2, "k2", null).verify("k1", INPUT, signedBefore)).isFalse();
        assertThat(keys(KEY_2, "k2", null).sign("k1", INPUT)).isEmpty();
    }

    @Test
    void shouldRefuseAMissingShortOrMalformedKey() {
        assertThatThrownBy(() -> keys(null, "k1", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHIFA_RECORD_KEY");
        assertThatThrownBy(() -> keys(base64("only-31-bytes-long-key-material"), "k1", null))
                .hasMessageContaining("至少需要32字节");
        assertThatThrownBy(() -> keys("not base64!", "k1", null)).hasMessageContaining("不是有效的 base64");
        assertThatThrownBy(() -> keys(KEY_1, "", null)).hasMessageContaining("ZHIFA_RECORD_KEY_ID");
        assertThatThrownBy(() -> keys(KEY_1, "k:1", null)).hasMessageContaining("ZHIFA_RECORD_KEY_ID");
        assertThatThrownBy(() -> keys(KEY_2, "k2", "k1=" + KEY_1)).hasMessageContaining("ZHIFA_RECORD_OLD_KEYS");
        assertThatThrownBy(() -> keys(KEY_2, "k2", "k2:" + KEY_1)).hasMessageContaining("两个不同的密钥");
    }

    @Test
    void shouldRefuseThePublishedDemoKeyUnlessTheProfileAllowsIt() {
        String demo = Base64.getEncoder().encodeToString(RecordKeys.DEMO_KEY);

        assertThatThrownBy(() -> keys(demo, "demo", null)).hasMessageContaining("公开的演示密钥");
        assertThat(new RecordKeys(new RecordProperties(demo, "demo", null, null, true, false)).currentId())
                .isEqualTo("demo");
    }
}
