package cn.zhifa.record;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhifa.record.*: the keys that sign the case record and where its checkpoints live, both kept outside the database
 * so that whoever can write to the database still cannot forge or rewind a record unnoticed.
 *
 * @param key the current signing key, base64, at least 32 bytes (ZHIFA_RECORD_KEY)
 * @param keyId the current key's id, stored with every entry it signs (ZHIFA_RECORD_KEY_ID)
 * @param oldKeys retired keys that only verify, {@code id:base64,id:base64} (ZHIFA_RECORD_OLD_KEYS)
 * @param checkpointDir the append-only checkpoint store, one directory per case (ZHIFA_RECORD_CHECKPOINT_DIR)
 * @param allowDemoKey whether the published demo key may sign (demo and test profiles only)
 * @param requireRestrictedDatabaseUser refuse to start when the application's database user could change the
 *     record's entries (prod); otherwise a warning
 */
@ConfigurationProperties("zhifa.record")
record RecordProperties(String key, String keyId, String oldKeys, String checkpointDir, boolean allowDemoKey,
        boolean requireRestrictedDatabaseUser) {

    RecordProperties {
        checkpointDir = checkpointDir == null || checkpointDir.isBlank() ? "./data/record-checkpoints" : checkpointDir;
    }
}
