package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.zhifa.casefile.MigratedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record resists its own database user (issue 8, part 6). The database is set up as in production: Flyway ran as
 * the migration role, the record is written as the application role. Each forgery either fails outright or is
 * detected, and the verifier names the first entry that fails: a direct change by the application's user, a
 * rewritten entry with hashes recomputed without the key, a truncated tail with a rewound head, a forged appended
 * entry, and a deleted head row (after which appends go on).
 */
class CaseRecordPostgresTest {

    static final String KEY = Base64.getEncoder().encodeToString("postgres-test-record-key-0123456789".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("a-guessed-key-that-is-not-the-right-one".getBytes());

    HikariDataSource app;
    HikariDataSource owner;
    JdbcClient appJdbc;
    JdbcClient ownerJdbc;
    Path checkpointDir;
    CaseRecord record;
    TransactionTemplate transaction;

    @BeforeEach
    void connect() {
        TwoRolePostgres.create();
        app = TwoRolePostgres.connect(TwoRolePostgres.APP, 8);
        owner = TwoRolePostgres.connect(TwoRolePostgres.OWNER, 2);
        appJdbc = JdbcClient.create(app);
        ownerJdbc = JdbcClient.create(owner);
        checkpointDir = Path.of("target", "record-checkpoints-postgres-test", UUID.randomUUID().toString());
        record = recordWith("test-1", KEY, null);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
    }

    @AfterEach
    void disconnect() {
        app.close();
        owner.close();
    }

    CaseRecord recordWith(String keyId, String key, String oldKeys) {
        RecordKeys keys = new RecordKeys(new RecordProperties(key, keyId, oldKeys, checkpointDir.toString(), false,
                false));
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        return new CaseRecord(new RecordStore(appJdbc, app), keys,
                new RecordCheckpoints(new RecordProperties(key, keyId, oldKeys, checkpointDir.toString(), false, false),
                        keys, clock), clock);
    }

    RecordEntry append(CaseRecord to, long caseId, String summary) {
        return transaction.execute(tx -> to.append(caseId, "zhangwei", "NOTE_ADDED", summary, Map.of("s", summary)));
    }

    long caseWithFiveEntries(String title) {
        long caseId = MigratedPostgres.insertCase(app, title);
        for (int i = 1; i <= 5; i++) {
            append(record, caseId, "第" + i + "条");
        }
        assertThat(record.verify(caseId).intact()).isTrue();
        return caseId;
    }

    /** What a database owner (or superuser) can do: switch the append-only trigger off for one transaction. */
    void asOwnerWithoutTrigger(String... statements) {
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(tx -> {
            ownerJdbc.sql("ALTER TABLE case_record_entry DISABLE TRIGGER case_record_entry_append_only").update();
            for (String sql : statements) {
                ownerJdbc.sql(sql).update();
            }
            ownerJdbc.sql("ALTER TABLE case_record_entry ENABLE TRIGGER case_record_entry_append_only").update();
        });
    }

    // ------------------------------------------------------------------------------------------ 1. the app's own user

    @Test
    void shouldRefuseTheApplicationsUserEveryWayToChangeOrSilenceTheRecord() {
        long caseId = caseWithFiveEntries("只可追加案");

        for (String sql : List.of(
                "ALTER TABLE case_record_entry DISABLE TRIGGER case_record_entry_append_only",
                "ALTER TABLE case_record_entry DISABLE TRIGGER ALL",
                "DROP TRIGGER case_record_entry_append_only ON case_record_entry",
                "ALTER TABLE case_record_entry OWNER TO " + TwoRolePostgres.APP,
                "SET session_replication_role = replica",
                "UPDATE case_record_entry SET summary = '改' WHERE case_id = " + caseId,
                "DELETE FROM case_record_entry WHERE case_id = " + caseId,
                "TRUNCATE case_record_entry",
                "DELETE FROM case_record_head WHERE case_id = " + caseId,
                "CREATE TRIGGER t BEFORE INSERT ON case_record_entry FOR EACH ROW "
                        + "EXECUTE FUNCTION refuse_case_record_change()",
                "DROP TABLE case_record_entry")) {
            assertThatThrownBy(() -> appJdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageMatching("ERROR: (must be owner|permission denied)(?s).*");
        }

        assertThat(record.entries(caseId)).extracting(RecordEntry::summary)
                .containsExactly("第1条", "第2条", "第3条", "第4条", "第5条");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldRefuseUpdateAndDeleteOfEntriesEvenToTheOwnerWhileTheTriggerIsOn() {
        long caseId = caseWithFiveEntries("触发器案");

        assertThatThrownBy(() -> ownerJdbc.sql("UPDATE case_record_entry SET summary = '改' WHERE case_id = ?")
                .param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("执法全过程记录不得修改或删除");
        assertThatThrownBy(() -> ownerJdbc.sql("DELETE FROM case_record_entry WHERE case_id = ?").param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("执法全过程记录不得修改或删除");
    }

    // ---------------------------------------------------------------- 2. rewritten entry, hashes recomputed without key

    /** Rewrites entry {@code fromSeq} and re-links and re-hashes every later entry and the head, as an owner would. */
    void rewrite(long caseId, long fromSeq, UnaryOperator<RecordEntry> change, Hasher hasher) {
        List<RecordEntry> entries = record.entries(caseId);
        List<String> statements = new ArrayList<>();
        String previous = entries.get((int) fromSeq - 2).entryHash();
        for (RecordEntry e : entries.subList((int) fromSeq - 1, entries.size())) {
            RecordEntry changed = e.seq() == fromSeq ? change.apply(e) : e;
            String hash = hasher.hash(changed, previous);
            statements.add("UPDATE case_record_entry SET summary = '" + changed.summary() + "', previous_hash = '"
                    + previous + "', entry_hash = '" + hash + "', key_id = " + (changed.keyId() == null ? "NULL"
                    : "'" + changed.keyId() + "'") + " WHERE case_id = " + caseId + " AND seq = " + e.seq());
            previous = hash;
        }
        statements.add("UPDATE case_record_head SET last_hash = '" + previous + "' WHERE case_id = " + caseId);
        asOwnerWithoutTrigger(statements.toArray(String[]::new));
    }

    interface Hasher {
        String hash(RecordEntry e, String previousHash);
    }

    static String plainSha256(RecordEntry e, String previousHash) {
        return RecordHashing.legacyEntryHash(e.caseId(), e.seq(), e.recordedAt().toInstant(), e.actor(), e.action(),
                e.summary(), e.dataDigest(), previousHash);
    }

    static RecordEntry withSummary(RecordEntry e, String summary) {
        return new RecordEntry(e.caseId(), e.seq(), e.recordedAt(), e.actor(), e.action(), summary, e.data(),
                e.dataDigest(), e.previousHash(), e.keyId(), e.entryHash());
    }

    @Test
    void shouldDetectARewrittenEntryWhoseHashesWereRecomputedWithPlainSha256() {
        long caseId = caseWithFiveEntries("重算哈希案");

        rewrite(caseId, 3, e -> withSummary(e, "第3条（已改写）"), CaseRecordPostgresTest::plainSha256);

        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void shouldDetectARewrittenEntrySignedWithAWrongKey() {
        long caseId = caseWithFiveEntries("错误密钥案");
        RecordKeys guessed = new RecordKeys(new RecordProperties(OTHER_KEY, "test-1", null, null, false, false));

        rewrite(caseId, 2, e -> withSummary(e, "第2条（已改写）"), (e, previous) -> guessed.sign(RecordHashing.entryInput(
                e.keyId(), e.caseId(), e.seq(), e.recordedAt().toInstant(), e.actor(), e.action(), e.summary(),
                e.dataDigest(), previous)));

        VerificationResult result = record.verify(caseId);
        assertThat(result.brokenAtSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
    }

    @Test
    void shouldDetectARewrittenEntryPassedOffAsWrittenBeforeSigning() {
        long caseId = caseWithFiveEntries("冒充旧记录案");

        rewrite(caseId, 4, e -> new RecordEntry(e.caseId(), e.seq(), e.recordedAt(), e.actor(), e.action(),
                "第4条（已改写）", e.data(), e.dataDigest(), e.previousHash(), null, e.entryHash()),
                CaseRecordPostgresTest::plainSha256);

        VerificationResult result = record.verify(caseId);
        assertThat(result.brokenAtSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("ENTRY_UNSIGNED");
    }

    // ------------------------------------------------------------------------- 3. truncated tail with a rewound head

    @Test
    void shouldDetectATruncatedTailWithARewoundHeadAgainstTheCheckpoints() {
        long caseId = caseWithFiveEntries("截断案");
        RecordEntry third = record.entries(caseId).get(2);

        asOwnerWithoutTrigger("DELETE FROM case_record_entry WHERE case_id = " + caseId + " AND seq > 3",
                "UPDATE case_record_head SET last_seq = 3, last_hash = '" + third.entryHash() + "' WHERE case_id = "
                        + caseId);

        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("CHAIN_TRUNCATED");
        assertThat(result.lastCheckpointSeq()).isEqualTo(5L);
        assertThat(result.message()).startsWith("第4条及以后的记录缺失");

        // the next append signs a new 4th entry; the checkpoint of the old one still tells
        append(record, caseId, "回退后新写的第4条");
        VerificationResult after = record.verify(caseId);
        assertThat(after.brokenAtSeq()).isEqualTo(4L);
        assertThat(after.problem()).isEqualTo("CHAIN_REWRITTEN");
    }

    // ------------------------------------------------------------------------------------ 4. forged appended entry

    @Test
    void shouldDetectAForgedAppendedApprovalWrittenByTheApplicationsUser() {
        long caseId = caseWithFiveEntries("伪造审批案");
        RecordEntry last = record.entries(caseId).get(4);
        String data = "{\"decision\":\"APPROVED\"}";
        RecordEntry forged = new RecordEntry(caseId, 6, last.recordedAt().plusMinutes(5), "chengang", "HEAD_APPROVED",
                "机关负责人批准延长审核期限", data, RecordHashing.sha256(data), last.entryHash(), "test-1", null);
        String hash = plainSha256(forged, last.entryHash());

        // INSERT on entries and UPDATE on heads are what the application's user may do
        transaction.executeWithoutResult(tx -> {
            appJdbc.sql("""
                    INSERT INTO case_record_entry (case_id, seq, recorded_at, actor, action, summary, data_json,
                        data_digest, previous_hash, key_id, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, 6, forged.recordedAt(), forged.actor(), forged.action(), forged.summary(), data,
                            forged.dataDigest(), forged.previousHash(), forged.keyId(), hash).update();
            appJdbc.sql("UPDATE case_record_head SET last_seq = 6, last_hash = ? WHERE case_id = ?")
                    .params(hash, caseId).update();
        });

        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(6L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(result.entriesChecked()).isEqualTo(5);
    }

    // ------------------------------------------------------------------------------------------- 5. deleted head row

    @Test
    void shouldDetectADeletedHeadRowAndGoOnAppending() {
        long caseId = caseWithFiveEntries("头部删除案");
        ownerJdbc.sql("DELETE FROM case_record_head WHERE case_id = ?").param(caseId).update();

        VerificationResult missing = record.verify(caseId);
        assertThat(missing.intact()).isFalse();
        assertThat(missing.problem()).isEqualTo("HEAD_MISSING");
        assertThat(missing.brokenAtSeq()).isEqualTo(5L);

        RecordEntry next = append(record, caseId, "头部删除后的记录");
        append(record, caseId, "再下一条");

        assertThat(next.seq()).isEqualTo(7L);
        List<RecordEntry> entries = record.entries(caseId);
        assertThat(entries.get(5).action()).isEqualTo("RECORD_HEAD_RESTORED");
        assertThat(entries.get(5).summary()).isEqualTo("记录链头部缺失，已按第5条记录重建");
        VerificationResult after = record.verify(caseId);
        assertThat(after.intact()).isTrue();
        assertThat(after.entriesChecked()).isEqualTo(8);
        assertThat(after.notices()).extracting(VerificationResult.Notice::code, VerificationResult.Notice::seq)
                .containsExactly(tuple("HEAD_RESTORED", 6L));
    }

    // ---------------------------------------------------------------------------------- start-up check of the roles

    @Test
    void shouldRefuseToStartInProdUnlessTheApplicationsUserIsTheRestrictedRole() {
        RecordProperties prod = new RecordProperties(KEY, "test-1", null, checkpointDir.toString(), false, true);

        assertThat(startupAs(app, prod)).isNotNull();
        try (HikariDataSource superuser = MigratedPostgres.node(1)) {
            assertThatThrownBy(() -> startupAs(superuser, prod)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("拒绝启动").hasMessageContaining("it is a superuser");
        }
        assertThatThrownBy(() -> startupAs(owner, prod)).hasMessageContaining("it owns case_record_entry");
        // outside prod a warning only
        assertThat(startupAs(owner, new RecordProperties(KEY, "test-1", null, checkpointDir.toString(), false, false)))
                .isNotNull();
    }

    RecordStartup startupAs(HikariDataSource dataSource, RecordProperties properties) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RecordStore store = new RecordStore(jdbc, dataSource);
        return new RecordStartup(jdbc, properties, record, store,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    // ------------------------------------------------------------------------------------------------- key rotation

    @Test
    void shouldVerifyEntriesSignedBeforeAKeyRotationWithTheRetiredKey() {
        long caseId = MigratedPostgres.insertCase(app, "密钥轮换案");
        append(record, caseId, "旧密钥一");
        append(record, caseId, "旧密钥二");
        String newKey = Base64.getEncoder().encodeToString("the-rotated-postgres-test-record-key".getBytes());
        CaseRecord rotated = recordWith("test-2", newKey, "test-1:" + KEY);

        append(rotated, caseId, "新密钥一");

        assertThat(rotated.entries(caseId)).extracting(RecordEntry::keyId).containsExactly("test-1", "test-1", "test-2");
        VerificationResult result = rotated.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.notices()).isEmpty();
        VerificationResult withoutOldKey = recordWith("test-2", newKey, null).verify(caseId);
        assertThat(withoutOldKey.brokenAtSeq()).isEqualTo(1L);
        assertThat(withoutOldKey.problem()).isEqualTo("KEY_UNKNOWN");
    }

    // ------------------------------------------------------------------------------------------------- concurrency

    @Test
    void shouldSerialiseConcurrentAppendsToOneCaseWithoutGaps() throws Exception {
        long caseId = MigratedPostgres.insertCase(app, "并发记录案");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RecordEntry>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String summary = "并发" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return append(record, caseId, summary);
                }));
            }
            start.countDown();
            for (Future<RecordEntry> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(record.entries(caseId)).extracting(RecordEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(40);
        assertThat(result.lastCheckpointSeq()).isEqualTo(40L);
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void shouldSerialiseConcurrentTransactionsOfSeveralAppendsEachWithoutGaps() throws Exception {
        long caseId = MigratedPostgres.insertCase(app, "并发多条记录案");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String summary = "并发" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return transaction.execute(tx -> LongStream.range(0, 3).mapToObj(n -> record.append(caseId,
                            "zhangwei", "NOTE_ADDED", summary + "-" + n, null).seq()).toList());
                }));
            }
            start.countDown();
            for (Future<List<Long>> result : results) {
                List<Long> seqs = result.get(60, TimeUnit.SECONDS);
                // one transaction's entries follow each other: the head was its own from the first to the last
                assertThat(seqs.get(2) - seqs.get(0)).isEqualTo(2L);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(record.entries(caseId)).extracting(RecordEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.lastCheckpointSeq()).isEqualTo(60L);
        assertThat(result.notices()).isEmpty();
    }
}
